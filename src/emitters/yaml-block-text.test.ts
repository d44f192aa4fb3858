import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nightlyEtlPlan } from './plan-fixture.js';
import { buildSparkApplication } from './spark-operator/spark-application.js';
import { blockYaml, isPlainWord, MAX_DIRECT_STRING } from './yaml-block-text.js';
import { jsYamlText, toYaml } from './yaml-writer.js';

/** Every character class the plain-word check distinguishes: indicators, blanks, `#`, `:`, controls, separators, non-ASCII. */
const CHARS = [
  ...'aZ09_/.$=+~;()^<>@%,[]{}*!&|\'"`?-:# ',
  '\t', '\n', '\r', '\u0000', '\u0007', '\u007f', '\u0085', '\u00a0', '\u00e9', '\u2028', '\ufeff', '\ud800', '\u{1f600}',
];
/** Strings that read as something else in YAML 1.1 or 1.2, or that start a document or an indicator. */
const TRICKY = [
  '012', '0755', '1e3', '1.5', '.5', '+1', '-1', '1_000', '0x1f', '0b101', '190:20:30', '.inf', '.NaN', 'yes', 'no', 'on', 'Off',
  'y', 'N', 'true', 'False', 'null', '~', '', '=', '<<', '2026-01-01', '2026-01-01T02:00:00Z', '---', '...', '...x', '- item',
  'a # b', 'a: b', 'a:', 'a::b', 'a:b', '-Xmx4g', 's3://bucket/key', 'x'.repeat(MAX_DIRECT_STRING), 'x'.repeat(MAX_DIRECT_STRING + 1),
];
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 10 }),
  fc.constantFrom(...TRICKY),
  fc.stringMatching(/^[a-z][a-z.]{0,12}$/),
);
const leaf = fc.oneof(
  text,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.nat(),
  fc.constantFrom(-1, -0, 1.5, Number.MAX_SAFE_INTEGER + 2, 1e21, Number.NaN, Number.POSITIVE_INFINITY),
);
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  ),
}));

describe('blockYaml', () => {
  it('writes a SparkApplication itself, exactly as js-yaml does', () => {
    const manifest = buildSparkApplication(nightlyEtlPlan()).manifest;
    const asJsYaml = (s: string, isKey: boolean) => (isKey ? jsYamlText({ [s]: 0 }).slice(0, -': 0\n'.length) : jsYamlText({ k: s }).slice('k: '.length, -1));
    const direct = blockYaml(manifest, asJsYaml);
    expect(direct).toBe(jsYamlText(manifest));
    expect(toYaml([manifest])).toBe(direct);
    expect(direct).toContain('apiVersion: sparkoperator.k8s.io/v1beta2\nkind: SparkApplication\nmetadata:\n  name: ');
  });

  it('gives the text js-yaml gives for any plain data', () => {
    let written = 0;
    fc.assert(
      fc.property(fc.dictionary(text, value, { maxKeys: 5 }), fc.array(value, { maxLength: 3 }), (root, list) => {
        const obj = { ...root, nested: { list, again: root } };
        if (blockYaml(obj, (s) => JSON.stringify(s)) !== undefined) written += 1;
        expect(toYaml([obj])).toBe(jsYamlText(obj));
      }),
      { numRuns: 1000 },
    );
    // The property is about the direct writer: most generated objects must have gone through it.
    expect(written).toBeGreaterThan(100);
  });

  it('declines what only js-yaml writes: multi-line and long strings, negative and fractional numbers, other objects', () => {
    const quoted = (s: string) => `'${s}'`;
    expect(blockYaml({ a: 'one' }, quoted)).toBe('a: one\n');
    for (const declined of ['two\nlines', 'x'.repeat(MAX_DIRECT_STRING + 1), -1, 1.5, new Date(0), new Map(), () => 1, 10n]) {
      expect(blockYaml({ a: [declined] }, quoted), String(declined)).toBeUndefined();
    }
    expect(blockYaml([], quoted)).toBeUndefined();
  });
});

describe('isPlainWord', () => {
  it('holds only for strings js-yaml writes plain as a key and as a value, at any depth', () => {
    fc.assert(
      fc.property(text, (s) => {
        if (!isPlainWord(s)) return;
        expect(jsYamlText({ [s]: s })).toBe(`${s}: ${s}\n`);
        expect(jsYamlText({ a: { b: [s, { [s]: 1 }] } })).toBe(`a:\n  b:\n    - ${s}\n    - ${s}: 1\n`);
      }),
      { numRuns: 2000 },
    );
  });

  it('holds for the words manifests are made of, not for words YAML reads as other types', () => {
    for (const word of ['spec', 'spark.executor.memory', 's3://bucket/app.py', 'repo/image:3.5', 'a b', 'x=y', '1.2.3']) expect(isPlainWord(word), word).toBe(true);
    for (const word of ['400', 'true', 'on', '~', '-x', '...', '2026-01-01', 'a: b', 'a ', 'a #b', '']) expect(isPlainWord(word), word).toBe(false);
  });
});
