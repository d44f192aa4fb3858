import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../model/diagnostic.js';
import { fileDiagnostic } from './shared/diagnostics.js';
import { formatMiB, MAX_FILE_BYTES } from './shared/parse-limits.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const BINARY_SNIFF = 8000;

/** A file's text (UTF-8, BOM removed), or the one diagnostic that says why there is none. */
export type FileText = { text: string } | { diagnostic: Diagnostic };

/**
 * Reads one input file. Files over {@link MAX_FILE_BYTES}, UTF-16 text, binary content (a NUL
 * byte near the start, or bytes that are not UTF-8) and empty files are reported, never parsed.
 */
export async function readInputFile(file: string): Promise<FileText> {
  const at = { file, line: 1, column: 1 };
  let bytes: Buffer;
  try {
    // Checked before reading: a file past the limit is never held in memory.
    const { size } = await stat(file);
    if (size > MAX_FILE_BYTES) {
      return {
        diagnostic: fileDiagnostic(
          'input-too-large',
          'error',
          at,
          `the file is ${formatMiB(size)}; input files are limited to ${formatMiB(MAX_FILE_BYTES)}`,
          'Split the file, or give only the clusters and steps to convert (docs/reliability.md, "Input limits").',
        ),
      };
    }
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return {
      diagnostic: fileDiagnostic('unreadable-file', 'error', { file }, `cannot read the file (${code})`, 'Check that the file exists and that you may read it.'),
    };
  }
  if (isUtf16(bytes)) {
    return {
      diagnostic: fileDiagnostic(
        'unsupported-encoding',
        'error',
        at,
        'UTF-16 text: save the file as UTF-8',
        'Windows PowerShell 5 writes UTF-16 with `>`; use `aws emr … | Out-File -Encoding utf8 file.json`, or re-save the file as UTF-8.',
      ),
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

/**
 * UTF-16 with a byte order mark (FF FE or FE FF), or without one when the text starts with
 * ASCII: then every other byte of the first characters is NUL (`{\0"\0` or `\0{\0"`).
 */
function isUtf16(bytes: Buffer): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const pairs = Math.min(16, Math.floor(bytes.length / 2));
  if (pairs < 2) return false;
  let little = true;
  let big = true;
  for (let i = 0; i < pairs; i++) {
    const a = bytes[2 * i] as number;
    const b = bytes[2 * i + 1] as number;
    little &&= a !== 0 && a < 0x80 && b === 0;
    big &&= a === 0 && b !== 0 && b < 0x80;
  }
  return little || big;
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
