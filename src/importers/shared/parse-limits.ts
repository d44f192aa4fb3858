import { ParseError } from './doc-node.js';

/**
 * Limits on one input file (docs/reliability.md "Input limits"). Each is far above any real
 * EMR export and low enough that a file past it is refused in seconds within a 512 MB heap,
 * instead of taking gigabytes and minutes and losing the rest of the batch.
 */

/** Any input file. Checked on the file's size before it is read. */
export const MAX_FILE_BYTES = 128 * 1024 * 1024;

/**
 * YAML text. AWS caps CloudFormation templates and Step Functions definitions at 1 MB; js-yaml
 * keeps an event object (about 150 bytes) per value before any can be counted, so this cap is
 * what bounds YAML memory (4 MiB of `[1,1,…]` is 2 million events, about 300 MB).
 */
export const MAX_YAML_CHARS = 4 * 1024 * 1024;

/**
 * Values (objects, lists and scalars) in one JSON or YAML document. An EMR step is about 32
 * values in list-steps output, so this is over 30,000 steps in one file.
 */
export const MAX_VALUES = 1_000_000;

/** A file past one of the limits above; reported as `input-too-large`, never parsed further. */
export class InputLimitError extends ParseError {}

export function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
}

export function tooManyValues(kind: 'JSON' | 'YAML', line: number, column: number): InputLimitError {
  return new InputLimitError(`more than ${MAX_VALUES.toLocaleString('en-US')} ${kind} values; an input file may hold at most that many`, line, column);
}
