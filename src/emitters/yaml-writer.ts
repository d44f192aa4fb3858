import { DEFAULT_SCALAR_STYLE_RULES, dump, SCALAR_STYLE, type ScalarLayout, type ScalarStyleRule } from 'js-yaml';

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
 * The one canonical YAML writer (DESIGN §1.7, §4 "Emitter"). Keys keep the order in which
 * the emitter built each object (no sorting here), shared objects are written out in full
 * (no anchors), lines are never folded and `undefined` properties are left out. Several
 * objects become several documents separated by `---`.
 * See https://github.com/nodeca/js-yaml#dump-object---options- for the options used.
 */
export function toYaml(objects: object[]): string {
  return objects
    .map((obj) => dump(obj, { noRefs: true, lineWidth: -1, indent: 2, scalarStyleRules: SCALAR_RULES }))
    .join('---\n');
}
