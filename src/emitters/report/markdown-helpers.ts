import type { HelperDelegate } from 'handlebars';

/** Characters JSON leaves raw that some readers treat as line breaks or controls. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029]/g;

// What each helper changes; text without any is returned as it is.
const BACKTICK_OR_BREAK = /[`\r\n\u2028\u2029]/;
const MD_SPECIAL = /[\\`*_[\]<>#\n]/;
const CELL_SPECIAL = /[|\n]/;
const CODE_CELL_SPECIAL = /[`\r\n\u2028\u2029|]/;
const MD_CELL_SPECIAL = /[\\`*_[\]<>#\n|]/;

/**
 * `{{json value}}`: the value as JSON text, which is valid YAML and shows a string exactly
 * (quotes, whitespace, escapes), so no user value is ever interpreted by the reader
 * (toolchain.md "YAML safety"). Handlebars' strict mode does not check helper arguments,
 * hence the explicit `undefined` check.
 */
export function jsonHelper(value: unknown): string {
  if (value === undefined) throw new Error('json helper: value is undefined');
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error('json helper: value cannot be written as JSON');
  return text.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * `{{code text}}`: an inline code span that cannot be broken by backticks in the text: the
 * fence is one backtick longer than the longest run inside (CommonMark §6.1).
 */
export function codeHelper(text: unknown): string {
  if (text === undefined) throw new Error('code helper: value is undefined');
  const plain = String(text);
  // Nearly every value (ids, paths, setting names) holds neither.
  if (!BACKTICK_OR_BREAK.test(plain)) return `\`${plain}\``;
  const s = plain.replace(/[\r\n\u2028\u2029]+/g, ' ');
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/**
 * `{{md text}}`: plain text with Markdown and HTML punctuation escaped, on one line. A `|` is
 * left to `cell`, since it only matters inside tables.
 */
export function mdHelper(text: unknown): string {
  const s = String(text);
  if (!MD_SPECIAL.test(s)) return s;
  return s.replace(/[\\`*_[\]<>#]/g, '\\$&').replace(/\r?\n/g, ' ');
}

/**
 * `{{cell text}}`: text already made safe (by `md` or `code`) placed in a table cell: a `|`
 * would end the cell, even inside a code span (GFM tables), and a newline would end the row.
 */
export function cellHelper(text: unknown): string {
  const s = String(text);
  if (!CELL_SPECIAL.test(s)) return s;
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** `{{codeCell text}}`: `{{cell (code text)}}` in one helper call, and one look at the text when there is nothing to escape. */
export function codeCellHelper(text: unknown): string {
  if (typeof text === 'string' && !CODE_CELL_SPECIAL.test(text)) return `\`${text}\``;
  return cellHelper(codeHelper(text));
}

/** `{{mdCell text}}`: `{{cell (md text)}}` in one helper call, and one look at the text when there is nothing to escape. */
export function mdCellHelper(text: unknown): string {
  if (typeof text === 'string' && !MD_CELL_SPECIAL.test(text)) return text;
  return cellHelper(mdHelper(text));
}

export const MARKDOWN_HELPERS: Record<string, HelperDelegate> = {
  json: jsonHelper,
  code: codeHelper,
  md: mdHelper,
  cell: cellHelper,
  codeCell: codeCellHelper,
  mdCell: mdCellHelper,
};
