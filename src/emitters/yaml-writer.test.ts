import fc from 'fast-check';
import { CORE_SCHEMA, dump, load, loadAll, SCALAR_STYLE, type ScalarLayout, YAML11_SCHEMA } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { LONG_STRING, renderDoubleQuoted, toYaml } from './yaml-writer.js';

/** Strings a YAML 1.1 reader (go-yaml, so Kubernetes) would read as something else if left plain. */
const TRICKY = [
  '012', '0755', '1e3', '1.5', '.5', '+1', '-1', '1_000', '0x1f', '0b101', '0o17', '190:20:30', '.inf', '-.inf', '.NaN',
  'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'YES', 'Off', 'true', 'False', 'null', 'Null', '~', '',
  '2026-01-01', '2026-01-01T02:00:00Z',
  'a # comment', '#hash', 'key: value', 'ends with colon:', '&anchor', '*alias', '!tag', '[a, b]', '{a: b}', '-Xmx4g', '- item',
  '---', '...', '? key', ':colon', '%YAML', '@at', '`tick', "'single", '"double', '|pipe', '>fold', '<<',
  'line\u2028separator', 'para\u2029graph', 'bell\u0007', 'nul\u0000', 'del\u007f', 'nel\u0085', 'tab\there', 'bom\ufeff',
  'trailing ', ' leading', '   ', 'two\nlines', 'trailing blank \nline', 'ends with newline\n', 'crlf\r\nline', 'x'.repeat(200) + ' y',
];

function roundTrips(obj: object): void {
  const text = toYaml([obj]);
  expect(load(text)).toEqual(obj);
  expect(load(text, { schema: YAML11_SCHEMA })).toEqual(obj);
  expect(load(text, { schema: CORE_SCHEMA })).toEqual(obj);
}

describe('toYaml', () => {
  it.each(TRICKY)('keeps %j a string as value, key and list item under YAML 1.1 and 1.2', (value) => {
    roundTrips({ value, list: [value], map: { [value]: value } });
  });

  it('quotes values that YAML 1.1 would read as other types or indicators', () => {
    const text = toYaml([{ a: '012', b: 'yes', c: '~', d: '-Xmx4g', e: '---', f: '2026-01-01' }]);
    expect(text).toBe("a: '012'\nb: 'yes'\nc: '~'\nd: '-Xmx4g'\ne: '---'\nf: '2026-01-01'\n");
  });

  it('writes a multi-line text as a literal block, and double-quotes one whose lines end in blanks', () => {
    expect(toYaml([{ queues: 'partitions:\n  - name: default\n' }])).toBe('queues: |\n  partitions:\n    - name: default\n');
    expect(toYaml([{ text: 'a \nb' }])).toBe('text: "a \\nb"\n');
    expect(toYaml([{ text: 'a\nb ' }])).toBe('text: "a\\nb "\n');
  });

  it('keeps the key order the object was built in', () => {
    expect(toYaml([{ spec: 1, metadata: 2, apiVersion: 3 }])).toBe('spec: 1\nmetadata: 2\napiVersion: 3\n');
  });

  it('writes shared objects in full instead of anchors and never folds long lines', () => {
    const shared = { 'spark.sql.shuffle.partitions': '400' };
    const long = `-Dlog4j.configurationFile=${'x'.repeat(150)} -XX:+UseG1GC`;
    const text = toYaml([{ driver: shared, executor: shared, javaOptions: long }]);
    expect(text).not.toMatch(/[&*]ref/);
    expect(text).toContain(`javaOptions: '${long}'`);
    expect(text.split('\n').filter((l) => l.includes('x'.repeat(150)))).toHaveLength(1);
  });

  it('separates several documents with ---', () => {
    const docs = [{ kind: 'A' }, { kind: 'B' }];
    const text = toYaml(docs);
    expect(text).toBe('kind: A\n---\nkind: B\n');
    expect(loadAll(text)).toEqual(docs);
  });

  it('round-trips any user strings placed in a SparkApplication', () => {
    const userString = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom(...TRICKY),
      fc.stringMatching(/^[-?:#&*!|>'"%@`,[\]{} \t\n0-9a-zA-Z.~+_]{0,12}$/),
    );
    fc.assert(
      fc.property(
        userString,
        fc.array(userString, { maxLength: 5 }),
        fc.dictionary(userString, userString, { maxKeys: 5 }),
        fc.dictionary(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,10}$/), userString, { maxKeys: 4 }),
        (stepName, args, sparkConf, env) => {
          roundTrips({
            apiVersion: 'sparkoperator.k8s.io/v1beta2',
            kind: 'SparkApplication',
            metadata: { name: 'job', annotations: { 'emr2k8s.io/step-name': stepName } },
            spec: {
              arguments: args,
              sparkConf,
              driver: { env: Object.entries(env).map(([name, value]) => ({ name, value })) },
            },
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  describe('strings longer than LONG_STRING', () => {
    const hostile = TRICKY.join('|');
    const long = (n: number) => hostile.repeat(Math.ceil(n / hostile.length)).slice(0, n);

    it('writes them double-quoted, exactly as js-yaml would, as values and as keys', () => {
      const value = long(LONG_STRING + 1);
      const text = toYaml([{ list: [value], value, map: { [value]: value } }]);
      const forceDoubleQuotes = (l: ScalarLayout) => {
        if (!l.isKey) l.style = SCALAR_STYLE.DOUBLE_QUOTED;
      };
      const asJsYaml = dump({ v: value }, { lineWidth: -1, scalarStyleRules: [forceDoubleQuotes] });
      const quoted = renderDoubleQuoted(value);
      // Compared as booleans: a failure would otherwise print the 64 KiB strings.
      expect(`v: ${quoted}\n` === asJsYaml, 'differs from js-yaml double quotes').toBe(true);
      expect(text === `list:\n  - ${quoted}\nvalue: ${quoted}\nmap:\n  ? ${quoted}\n  : ${quoted}\n`, text.slice(0, 300)).toBe(true);
      roundTrips({ list: [value], value, map: { [value]: value } });
    });

    it('leaves a string of exactly LONG_STRING characters to js-yaml', () => {
      const value = 'x'.repeat(LONG_STRING);
      expect(toYaml([{ value }])).toBe(`value: ${value}\n`);
    });

    it('writes a 50 MB string without overflowing the stack, and it reads back the same', () => {
      // Plain-safe text: js-yaml's plain-scalar check runs over all of it (hostile text fails early).
      const value = 's3://bucket/part-0001.parquet,'.repeat(1.75 * 1024 * 1024);
      const obj = { spec: { arguments: ['--input', value], note: 'short' }, other: undefined };
      const text = toYaml([obj, { kind: 'B' }]);
      const [first, second] = loadAll(text, { schema: YAML11_SCHEMA }) as [{ spec: { arguments: string[]; note: string } }, object];
      expect(first.spec.arguments[1] === value).toBe(true);
      expect(first.spec.note).toBe('short');
      expect(Object.keys(first)).toEqual(['spec']);
      expect(second).toEqual({ kind: 'B' });
    }, 30_000);

    it('is not confused by a short string that looks like its placeholder', () => {
      const lookalikes = ['emrtwokeightslongstring0n0z', 'emrtwokeightslongstring1n0z', 'emrtwokeightslongstring0n1zzz'];
      roundTrips({ lookalikes, value: long(LONG_STRING * 2), [lookalikes[0] as string]: long(LONG_STRING + 5) });
    });
  });
});
