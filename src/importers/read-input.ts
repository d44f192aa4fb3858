import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../model/diagnostic.js';
import { fileDiagnostic } from './shared/diagnostics.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const BINARY_SNIFF = 8000;

/** A file's text (UTF-8, BOM removed), or the one diagnostic that says why there is none. */
export type FileText = { text: string } | { diagnostic: Diagnostic };

/**
 * Reads one input file. Binary content (a NUL byte near the start, or bytes that are not
 * UTF-8) and empty files are reported, never parsed.
 */
export async function readInputFile(file: string): Promise<FileText> {
  const at = { file, line: 1, column: 1 };
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return {
      diagnostic: fileDiagnostic('unreadable-file', 'error', { file }, `cannot read the file (${code})`, 'Check that the file exists and that you may read it.'),
    };
  }
  if (bytes.subarray(0, BINARY_SNIFF).includes(0)) return { diagnostic: binary(at) };
  let text: string;
  try {
    // TextDecoder drops a leading UTF-8 BOM by default.
    text = UTF8.decode(bytes);
  } catch {
    return { diagnostic: binary(at) };
  }
  if (text.trim() === '') {
    return {
      diagnostic: fileDiagnostic('empty-file', 'error', at, 'the file is empty', 'Export the data again; an interrupted `aws emr … > file` leaves an empty file.'),
    };
  }
  return { text };
}

function binary(at: { file: string; line: number; column: number }): Diagnostic {
  return fileDiagnostic(
    'unrecognized-file',
    'error',
    at,
    'binary content, not an EMR export (expected JSON, YAML or --steps text)',
    'Give the AWS CLI JSON output, a RunJobFlow request or a --steps file; decompress archives first.',
  );
}
