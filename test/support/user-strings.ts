import fc from 'fast-check';

/**
 * Strings a YAML reader would take for something other than a plain string if a writer left
 * them unquoted (numbers, booleans, nulls, timestamps, anchors, tags, comments, flow
 * collections, document markers), plus invisible and line-breaking characters that JSON,
 * YAML or a terminal treat specially.
 */
export const TRICKY_STRINGS: readonly string[] = [
  '012', '0755', '1e3', '1.5', '.5', '+1', '-1', '1_000', '0x1f', '0o17', '190:20:30', '.inf', '.NaN',
  'yes', 'no', 'on', 'off', 'y', 'N', 'true', 'False', 'null', 'Null', '~', '',
  '2026-01-01', '2026-01-01T02:00:00Z',
  '[a]', '[a, b]', '{a: b}', '{}', '&a', '*a', '!tag', '!!str', '#', 'a # b', 'key: value', 'ends:', '- item', '-Xmx4g',
  '---', '...', '? key', ':x', '%YAML 1.2', '@at', '`tick', "'single", '"double', '|', '>', '<<',
  'line\u2028sep', 'para\u2029sep', 'bell\u0007', 'nul\u0000', 'del\u007f', 'nel\u0085', 'tab\tx', 'bom\ufeff', 'esc\u001b[31m',
  'trailing ', ' leading', '   ', 'two\nlines', 'blank \nline', 'newline\n', 'crlf\r\nx', '\r',
  'a=b', '==', '=', 'k=v=w', '${env:HOME}', '{{ ds }}', '$HOME', 'a,b', 'a b',
  'Ünïcødé', '日本語', '🙂', 'e\u0301', 'ＡＢＣ', 'İ', 'ß',
];

/** Strings whose lower-case DNS forms collide with each other (`A_b`, `a-b`, `a b`, `-a-b-`). */
export function clashingVariants(base: string): string[] {
  return [base, base.toUpperCase(), base.replace(/-/g, '_'), ` ${base} `, `-${base}-`, base.replace(/-/g, '.')];
}

/** Any text a user can type into an EMR field: tricky literals, arbitrary Unicode, and long runs. */
export const userString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY_STRINGS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 16 }) },
  { weight: 2, arbitrary: fc.stringMatching(/^[-?:#&*!|>'"%@`,[\]{} \t\n0-9a-zA-Z.~+_=$]{1,16}$/) },
  { weight: 1, arbitrary: fc.string({ minLength: 60, maxLength: 400 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...TRICKY_STRINGS), fc.constantFrom(...TRICKY_STRINGS)).map(([a, b]) => `${a}${b}`) },
);

/** A step name: like a user string, but also names that sanitise to the same DNS label. */
export const stepNameBase: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: userString },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,70}$/) },
);

/** About 100 KB of text with line breaks and YAML indicators, for the fixed long-string example. */
export function hundredKilobytes(seed: string): string {
  const chunk = `${seed} - key: value # ' " \u2028 012 yes ~ [a] {a: b} &a *a !tag ---\n`;
  return chunk.repeat(Math.ceil(100_000 / chunk.length)).slice(0, 100_000);
}
