import { DEFAULT_SCALAR_STYLE_RULES, dump, SCALAR_STYLE, type ScalarLayout, type ScalarStyleRule } from 'js-yaml';
import { blockYaml, type QuotedScalar } from './yaml-block-text.js';

/**
 * Kubernetes reads manifests with go-yaml (sigs.k8s.io/yaml), which follows YAML 1.1 in places:
 * js-yaml's default dump schema (`DUMP_SCHEMA`, YAML 1.1 and 1.2 core combined) already
 * quotes every string that either would read as a number, boolean, null or timestamp
 * (`012`, `yes`, `on`, `~`, `2026-01-01`, `1_000`, `0x1f`, `.inf`, …), as well as strings
 * with `#`, `: `, flow or anchor indicators, control characters and trailing spaces.
 * Two gaps remain, closed by the rules below.
 */

/**
 * A plain scalar may begin with `-`, `?` or `:` when a non-space follows (`-Xmx4g`, `---`),
 * and js-yaml leaves it plain. Readers disagree on these (`---` and `...` end a document at
 * column 0; older go-yaml versions mis-scan `-`), so quote them.
 */
const quoteLeadingIndicator: ScalarStyleRule = (layout: ScalarLayout) => {
  if (layout.style !== SCALAR_STYLE.PLAIN) return;
  if (/^[-?:]|^\.\.\./.test(layout.node.value)) layout.style = SCALAR_STYLE.SINGLE_QUOTED;
};

/**
 * A literal block keeps trailing spaces on its lines, where editors and review tools strip
 * them without anyone noticing; a multi-line string with trailing blanks is double-quoted.
 */
const quoteTrailingBlanksInMultiline: ScalarStyleRule = (layout: ScalarLayout) => {
  if (layout.style !== SCALAR_STYLE.PLAIN) return;
  const value = layout.node.value;
  if (value.includes('\n') && /[ \t](\n|$)/.test(value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
};

const {
  applyQuoteFlowKeysOption,
  doubleQuoteForInvisibles,
  doubleQuoteWhitespaceOnly,
  applyForceQuotesOption,
  tryLongOrMultilineAsBlock,
  quoteInvalidPlain,
  fallbackToDoubleQuoted,
} = DEFAULT_SCALAR_STYLE_RULES;

const SCALAR_RULES: ScalarStyleRule[] = [
  applyQuoteFlowKeysOption,
  doubleQuoteForInvisibles,
  doubleQuoteWhitespaceOnly,
  applyForceQuotesOption,
  quoteTrailingBlanksInMultiline,
  tryLongOrMultilineAsBlock,
  quoteLeadingIndicator,
  quoteInvalidPlain,
  fallbackToDoubleQuoted,
];

/**
 * js-yaml decides which styles a string may take with regular expressions run over the whole
 * string before any style rule is asked; past about two million characters they overflow the
 * stack (`Maximum call stack size exceeded`) and a single huge step argument would end the
 * whole run. Strings longer than this are written double-quoted by {@link renderDoubleQuoted}
 * instead. No manifest string of a real job comes near it, so ordinary output is untouched.
 */
export const LONG_STRING = 64 * 1024;

/** What js-yaml escapes in a double-quoted scalar (`CHARACTERS_TO_ESCAPE` in js-yaml 5.5). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const CHARACTERS_TO_ESCAPE = /["\\\x00-\x1F\x7F-\xA0\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/gu;
const NAMED_ESCAPES: Record<string, string> = {
  '\0': '\\0', '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r',
  '\x1B': '\\e', '"': '\\"', '\\': '\\\\', '\x85': '\\N', '\xA0': '\\_', '\u2028': '\\L', '\u2029': '\\P',
};

/**
 * The same text js-yaml writes for a double-quoted scalar: one line, every line break,
 * control character, YAML 1.1 line separator (U+0085, U+2028, U+2029) and lone surrogate
 * escaped, so YAML 1.1 and 1.2 readers get the string back unchanged.
 */
export function renderDoubleQuoted(value: string): string {
  const escaped = value.replace(CHARACTERS_TO_ESCAPE, (c) => {
    const named = NAMED_ESCAPES[c];
    if (named) return named;
    const hex = c.charCodeAt(0).toString(16).toUpperCase();
    return c.charCodeAt(0) <= 0xff ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

function hasLongString(value: unknown): boolean {
  if (typeof value === 'string') return value.length > LONG_STRING;
  if (Array.isArray(value)) return value.some(hasLongString);
  if (isPlainObject(value)) return Object.entries(value).some(([k, v]) => k.length > LONG_STRING || hasLongString(v));
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of `value` in which every long string is replaced by a short placeholder that js-yaml
 * writes plain; `longStrings[i]` is the string behind placeholder `i`. A key placeholder is
 * itself longer than 1024 characters, so js-yaml writes the explicit `? key` form that a long
 * key needs (YAML limits implicit keys to 1024 characters).
 */
function withPlaceholders(value: unknown, tag: string, longStrings: string[]): unknown {
  const placeholder = (s: string, isKey: boolean) => {
    longStrings.push(s);
    const name = `${tag}${longStrings.length - 1}z`;
    return isKey ? name.padEnd(1100, 'z') : name;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.length > LONG_STRING ? placeholder(v, false) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (!isPlainObject(v)) return v;
    const copy: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) copy[k.length > LONG_STRING ? placeholder(k, true) : k] = walk(item);
    return copy;
  };
  return walk(value);
}

function dumpOne(obj: object): string {
  return dump(obj, { noRefs: true, lineWidth: -1, indent: 2, scalarStyleRules: SCALAR_RULES });
}

/** Dumps `obj` with its long strings as placeholders, then puts each string back double-quoted. */
function dumpWithLongStrings(obj: object): string {
  for (let attempt = 0; ; attempt++) {
    // A tag no string of the object contains, so every match in the text is a placeholder.
    const tag = `emrtwokeightslongstring${attempt}n`;
    const longStrings: string[] = [];
    const text = dumpOne(withPlaceholders(obj, tag, longStrings) as object);
    const pieces = text.split(new RegExp(`${tag}(\\d+)z+`));
    if ((pieces.length - 1) / 2 !== longStrings.length) continue;
    return pieces.map((piece, i) => (i % 2 === 1 ? renderDoubleQuoted(longStrings[Number(piece)] as string) : piece)).join('');
  }
}

/** Texts js-yaml gave to one-line strings, by key-ness and string; emptied when it grows past this. */
const QUOTED_CACHE_SIZE = 20_000;
const quotedTexts = { key: new Map<string, string | undefined>(), value: new Map<string, string | undefined>() };

/**
 * js-yaml's own text for a string that blockYaml cannot prove plain (`'400'`, `'--input'`,
 * `"tab\there"`), asked once per distinct string by dumping it alone, as a value or as a key:
 * a one-line scalar is written the same at every depth of a block collection. Undefined when
 * js-yaml writes it on more than one line (literal blocks, `? ` keys).
 */
const quotedScalar: QuotedScalar = (value, isKey) => {
  const cache = isKey ? quotedTexts.key : quotedTexts.value;
  if (cache.has(value)) return cache.get(value);
  if (cache.size >= QUOTED_CACHE_SIZE) cache.clear();
  const text = isKey ? oneLine(dumpOne({ [value]: 0 }), '', ': 0\n') : oneLine(dumpOne({ k: value }), 'k: ', '\n');
  cache.set(value, text);
  return text;
};

/** The scalar between `prefix` and `suffix` of a one-line document, or undefined when the document is not that. */
function oneLine(document: string, prefix: string, suffix: string): string | undefined {
  if (!document.startsWith(prefix) || !document.endsWith(suffix)) return undefined;
  const text = document.slice(prefix.length, document.length - suffix.length);
  return text.includes('\n') || text.startsWith('? ') ? undefined : text;
}

/**
 * The one canonical YAML writer (DESIGN §1.7, §4 "Emitter"). Keys keep the order in which
 * the emitter built each object (no sorting here), shared objects are written out in full
 * (no anchors), lines are never folded and `undefined` properties are left out. Several
 * objects become several documents separated by `---`. Strings longer than
 * {@link LONG_STRING} are always double-quoted. The common case (plain data of short one-line
 * strings) is written by yaml-block-text.ts, which gives js-yaml's text without its cost;
 * tests hold the two equal.
 * See https://github.com/nodeca/js-yaml#dump-object---options- for the options used.
 */
export function toYaml(objects: object[]): string {
  return objects.map((obj) => blockYaml(obj, quotedScalar) ?? jsYamlText(obj)).join('---\n');
}

/**
 * One document written by js-yaml alone: what {@link toYaml} writes when blockYaml declines
 * the object, and what tests hold blockYaml's text equal to.
 */
export function jsYamlText(obj: object): string {
  return hasLongString(obj) ? dumpWithLongStrings(obj) : dumpOne(obj);
}
