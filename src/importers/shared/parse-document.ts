import type { Diagnostic } from '../../model/diagnostic.js';
import { ParseError, type DocNode } from './doc-node.js';
import { fileDiagnostic } from './diagnostics.js';
import { parseJson } from './parse-json.js';
import { parseYaml } from './parse-yaml.js';

export interface ParsedText {
  /** The JSON or YAML document, when the text is one. */
  document?: DocNode;
  /** The parse error to report if no importer reads the file as plain text. */
  error?: Diagnostic;
}

/** A first line that only YAML would write: `key:` or `- item`. */
const YAML_START = /^(?:---|[-?] |[\w"'.$/-]+\s*:(?:\s|$))/;

function parseFailure(code: string, file: string, error: unknown, kind: string, hint: string): Diagnostic {
  if (!(error instanceof ParseError)) throw error;
  return fileDiagnostic(code, 'error', { file, line: error.line, column: error.column }, `invalid ${kind}: ${error.reason}`, hint);
}

function firstSignificantLine(text: string): string {
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t && !t.startsWith('#')) return t;
  }
  return '';
}

/**
 * Parses a file's text as JSON when it starts like JSON, else as YAML (a superset of JSON
 * that also covers `{a: 1}` flow style). Text that is neither, like a `--steps` shorthand
 * file, comes back without a document and without an error unless it looked like YAML.
 */
export function parseText(file: string, text: string): ParsedText {
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    try {
      return { document: parseJson(text) };
    } catch (jsonError) {
      try {
        return { document: parseYaml(text) };
      } catch {
        return {
          error: parseFailure('invalid-json', file, jsonError, 'JSON', 'Fix the JSON at that position, or export the file again.'),
        };
      }
    }
  }
  try {
    const document = parseYaml(text);
    return document ? { document } : {};
  } catch (yamlError) {
    if (!YAML_START.test(firstSignificantLine(text))) return {};
    return {
      error: parseFailure('invalid-yaml', file, yamlError, 'YAML', 'Fix the YAML at that position (each key once, consistent indentation).'),
    };
  }
}
