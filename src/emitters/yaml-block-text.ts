import { DUMP_SCHEMA } from 'js-yaml';

/**
 * The common case of the YAML writer (yaml-writer.ts) written directly: block mappings and
 * sequences of plain objects, arrays, one-line strings, `true`/`false`/`null` and
 * non-negative integers, byte for byte as js-yaml would write them with the writer's options.
 * At fleet scale js-yaml spent most of its time building a syntax tree of every manifest and
 * running its scalar regular expressions over every key and value, though nearly all of them
 * are short words like `spec` or `spark.executor.memory`.
 *
 * Only strings this file can prove plain are written here. Every other one-line string is
 * styled by js-yaml itself through `quoted` (which caches). Anything else (a multi-line or
 * long string, another kind of number, a value that is not plain data) makes
 * {@link blockYaml} return undefined, and the caller hands the whole object to js-yaml.
 */

/** Longest string written here; longer ones go to js-yaml (keys past 1024 characters need `? `). */
export const MAX_DIRECT_STRING = 1000;

/**
 * Strings that are plain in any block context: a first character that no YAML indicator
 * (`-?:,[]{}#&*!|>'"%@` and backquote) or blank starts, then no `#`, no `: `, no control,
 * tab or non-ASCII character, no blank at the end and no `:` at the end. What such a string
 * may still read as (a number, a boolean, null, a timestamp) is asked of js-yaml's own schema.
 */
const PLAIN_SHAPE = /^[A-Za-z0-9_/.$=+~;()^<](?:[A-Za-z0-9_/.$=+~;()^<>@%,[\]{}*!&|'"`?-]|:(?!$|[ :])| (?=[^ #]))*$/;
/** YAML 1.1 document markers, which the writer's `quoteLeadingIndicator` rule quotes. */
const DOCUMENT_MARKER = /^\.\.\./;
const STRING_TAG = DUMP_SCHEMA.defaultScalarTag.tagName;

/** True when js-yaml, with the writer's rules, writes `value` plain both as a key and as a value. */
export function isPlainWord(value: string): boolean {
  return (
    value.length <= MAX_DIRECT_STRING &&
    PLAIN_SHAPE.test(value) &&
    !DOCUMENT_MARKER.test(value) &&
    value !== '=' &&
    DUMP_SCHEMA.resolveImplicitScalarTag(value).tag.tagName === STRING_TAG
  );
}

/** js-yaml's text of a one-line string that is not a plain word, as a key or a value; undefined when it is not one line. */
export type QuotedScalar = (value: string, isKey: boolean) => string | undefined;

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Marks a value this file does not write, so that the whole object goes to js-yaml. */
class NotDirect extends Error {}

function stringText(value: string, isKey: boolean, quoted: QuotedScalar): string {
  if (isPlainWord(value)) return value;
  if (value.length > MAX_DIRECT_STRING || value.includes('\n')) throw new NotDirect();
  const text = quoted(value, isKey);
  if (text === undefined) throw new NotDirect();
  return text;
}

function pad(level: number): string {
  return '  '.repeat(level);
}

/**
 * js-yaml's `writeNode` for one value at `level`: a non-empty mapping or sequence as a block
 * whose first entry starts on the current line when `compact`, each other entry on a new line
 * indented two spaces per level; an empty one as `{}` or `[]`.
 */
function nodeText(value: unknown, level: number, compact: boolean, quoted: QuotedScalar): string {
  if (typeof value === 'string') return stringText(value, false, quoted);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null) return 'null';
  if (typeof value === 'number') {
    // Negative integers are quoted by the leading-`-` rule and written with a tag: js-yaml's job.
    if (Number.isSafeInteger(value) && value >= 0 && !Object.is(value, -0)) return String(value);
    throw new NotDirect();
  }
  if (typeof value !== 'object') throw new NotDirect();
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    let text = '';
    for (let i = 0; i < value.length; i++) {
      if (!compact || i > 0) text += `\n${pad(level)}`;
      // js-yaml writes an undefined array item as null.
      text += `- ${nodeText(value[i] === undefined ? null : value[i], level + 1, true, quoted)}`;
    }
    return text;
  }
  if (!isPlainObject(value)) throw new NotDirect();
  let text = '';
  for (const key of Object.keys(value)) {
    const item = value[key];
    // js-yaml leaves undefined properties out.
    if (item === undefined) continue;
    if (!compact || text !== '') text += `\n${pad(level)}`;
    const valueText = nodeText(item, level + 1, false, quoted);
    text += `${stringText(key, true, quoted)}${valueText.charCodeAt(0) === 10 ? ':' : ': '}${valueText}`;
  }
  return text === '' ? '{}' : text;
}

/** One YAML document of `obj` as js-yaml writes it, or undefined when `obj` holds something only js-yaml writes. */
export function blockYaml(obj: object, quoted: QuotedScalar): string | undefined {
  if (Array.isArray(obj) || !isPlainObject(obj)) return undefined;
  try {
    return `${nodeText(obj, 0, true, quoted)}\n`;
  } catch (error) {
    if (error instanceof NotDirect) return undefined;
    throw error;
  }
}
