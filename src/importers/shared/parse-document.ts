import type { Diagnostic } from '../../model/diagnostic.js';
import { ParseError, type DocNode } from './doc-node.js';
import { fileDiagnostic } from './diagnostics.js';
import { JsonCommentError, parseJson } from './parse-json.js';
import { InputLimitError } from './parse-limits.js';
import { parseYaml } from './parse-yaml.js';

/** A local YAML tag (`!Secret`, `!Ref`) and where it is written. */
export interface YamlTag {
  tag: string;
  line: number;
  column: number;
}

export interface ParsedText {
  /** The JSON or YAML document, when the text is one. */
  document?: DocNode;
  /** The parse error to report if no importer reads the file as plain text. */
  error?: Diagnostic;
  /**
   * Local tags of a YAML document, in order. The tree keeps each tagged value as written;
   * an importer that gives tags no meaning reports them (only CloudFormation knows its own).
   */
  tags?: YamlTag[];
}

/** A first line that only YAML would write: `key:` or `- item`. */
const YAML_START = /^(?:---|[-?] |[\w"'.$/-]+\s*:(?:\s|$))/;

const LIMIT_HINT = 'Split the file, or give only the clusters and steps to convert (docs/reliability.md, "Input limits").';

function parseFailure(code: string, file: string, error: unknown, kind: string, hint: string): Diagnostic {
  if (!(error instanceof ParseError)) throw error;
  const at = { file, line: error.line, column: error.column };
  if (error instanceof InputLimitError) return fileDiagnostic('input-too-large', 'error', at, error.reason, LIMIT_HINT);
  return fileDiagnostic(code, 'error', at, `invalid ${kind}: ${error.reason}`, hint);
}

/** Line by line from the start, without splitting a file of millions of lines. */
function firstSignificantLine(text: string): string {
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const t = text.slice(start, end === -1 ? text.length : end).trim();
    if (t && !t.startsWith('#')) return t;
    if (end === -1) break;
    start = end + 1;
  }
  return '';
}

const JSON_HINT = 'Fix the JSON at that position, or export the file again.';

/** YAML with every local tag recorded; the tagged values stay as written. */
function parseYamlWithTags(text: string): { document: DocNode | undefined; tags: YamlTag[] } {
  const tags: YamlTag[] = [];
  const document = parseYaml(text, {
    onTag: (tag, node, at) => {
      tags.push({ tag, ...at });
      return node;
    },
  });
  return { document, tags };
}

/**
 * Parses a file's text as JSON when it starts like JSON, else as YAML (a superset of JSON
 * that also covers `{a: 1}` flow style). Text that is neither, like a `--steps` shorthand
 * file, comes back without a document and without an error unless it looked like YAML.
 * JSON with comments, or past an input limit, is not tried as YAML: the JSON error says more.
 */
export function parseText(file: string, text: string): ParsedText {
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    try {
      return { document: parseJson(text) };
    } catch (jsonError) {
      if (jsonError instanceof JsonCommentError || jsonError instanceof InputLimitError) {
        return { error: parseFailure('invalid-json', file, jsonError, 'JSON', 'Remove the comments: JSON has none (YAML allows `#` comments).') };
      }
      try {
        const { document, tags } = parseYamlWithTags(text);
        return { ...(document && { document }), ...(tags.length > 0 && { tags }) };
      } catch {
        return { error: parseFailure('invalid-json', file, jsonError, 'JSON', JSON_HINT) };
      }
    }
  }
  try {
    const { document, tags } = parseYamlWithTags(text);
    return document ? { document, ...(tags.length > 0 && { tags }) } : {};
  } catch (yamlError) {
    if (!YAML_START.test(firstSignificantLine(text))) return {};
    return {
      error: parseFailure('invalid-yaml', file, yamlError, 'YAML', 'Fix the YAML at that position (each key once, consistent indentation).'),
    };
  }
}
