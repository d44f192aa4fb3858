import { dump, load } from 'js-yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffValues } from './diff-values.js';

/** A SparkApplication in the shape `emr2k8s convert` writes (fixtures/nightly-etl/expected). */
function sparkApplication() {
  return {
    apiVersion: 'sparkoperator.k8s.io/v1beta2',
    kind: 'SparkApplication',
    metadata: {
      name: 'daily-orders-etl',
      namespace: 'default',
      annotations: { 'emr2k8s.io/source-step': 's-1K4N2D6OZ8P9Q' },
    },
    spec: {
      type: 'Python',
      arguments: ['--date', '2026-11-19', '--env', 'prod'],
      sparkConf: { 'spark.sql.shuffle.partitions': '800', 'spark.eventLog.enabled': 'true' },
      driver: { cores: 1, memory: '4096m', memoryOverhead: '416m', env: [{ name: 'ETL_ENV', value: 'prod' }] },
      executor: { cores: 4, memory: '16384m', memoryOverhead: '3072m', coreRequest: '3500m' },
    },
  };
}

describe('diffValues', () => {
  it('finds nothing between a value and itself, whatever the key order', () => {
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]))
          : value;
    const a = sparkApplication();
    expect(JSON.stringify(reversed(a))).not.toBe(JSON.stringify(a));
    expect(diffValues(a, structuredClone(a))).toEqual([]);
    expect(diffValues(a, reversed(a))).toEqual([]);
  });

  it('treats equivalent spellings as the same', () => {
    const b = sparkApplication();
    b.spec.driver.memory = '4g';
    b.spec.executor.memory = '16G';
    b.spec.executor.memoryOverhead = '3072';
    b.spec.executor.coreRequest = '3.5';
    (b.spec.sparkConf as Record<string, unknown>)['spark.sql.shuffle.partitions'] = 800;
    (b.spec.driver as Record<string, unknown>).cores = '1';
    expect(diffValues(sparkApplication(), b)).toEqual([]);
  });

  it('reports each changed path with old and new, in document order', () => {
    const b = sparkApplication();
    b.spec.executor.memory = '20g';
    b.spec.sparkConf['spark.sql.shuffle.partitions'] = '1000';
    b.spec.arguments[1] = '2026-11-20';
    b.metadata.annotations['emr2k8s.io/source-step'] = 'step-2';
    expect(diffValues(sparkApplication(), b)).toEqual([
      { path: 'metadata.annotations["emr2k8s.io/source-step"]', old: 's-1K4N2D6OZ8P9Q', new: 'step-2' },
      { path: 'spec.arguments[1]', old: '2026-11-19', new: '2026-11-20' },
      { path: 'spec.sparkConf["spark.sql.shuffle.partitions"]', old: '800', new: '1000' },
      { path: 'spec.executor.memory', old: '16384m', new: '20g' },
    ]);
  });

  it('reports added and removed keys and array indices without the other side', () => {
    const b = sparkApplication() as ReturnType<typeof sparkApplication> & { spec: { restartPolicy?: unknown } };
    b.spec.arguments.push('--dry-run');
    delete (b.spec.sparkConf as Record<string, unknown>)['spark.eventLog.enabled'];
    b.spec.restartPolicy = { type: 'Never' };
    const changes = diffValues(sparkApplication(), b);
    expect(changes).toEqual([
      { path: 'spec.arguments[4]', new: '--dry-run' },
      { path: 'spec.sparkConf["spark.eventLog.enabled"]', old: 'true' },
      { path: 'spec.restartPolicy', new: { type: 'Never' } },
    ]);
    expect('old' in changes[0]!).toBe(false);
    expect('new' in changes[1]!).toBe(false);
    expect(diffValues(['a', 'b', 'c'], ['a'])).toEqual([
      { path: '[1]', old: 'b' },
      { path: '[2]', old: 'c' },
    ]);
  });

  it('keeps genuinely different values different', () => {
    expect(diffValues({ metadata: { annotations: { x: 'true' } } }, { metadata: { annotations: { x: true } } })).toEqual([
      { path: 'metadata.annotations.x', old: 'true', new: true },
    ]);
    expect(diffValues({ spec: { executor: { memory: '4g' } } }, { spec: { executor: { memory: '4Gi' } } })).toHaveLength(1);
    expect(diffValues({ labels: { size: '4g' } }, { labels: { size: '4096m' } })).toHaveLength(1);
    expect(diffValues({ emptyDir: {} }, {})).toEqual([{ path: 'emptyDir', old: {} }]);
  });

  it('reports a change of type at the path itself', () => {
    expect(diffValues({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: 'a', old: [1], new: { 0: 1 } }]);
    expect(diffValues({ a: 'x' }, { a: ['x'] })).toEqual([{ path: 'a', old: 'x', new: ['x'] }]);
  });

  it('counts a key set to null as absent', () => {
    expect(diffValues({ metadata: { labels: null } }, { metadata: {} })).toEqual([]);
    expect(diffValues({ a: null }, { a: 1 })).toEqual([{ path: 'a', new: 1 }]);
    expect(diffValues([null], [1])).toEqual([{ path: '[0]', old: null, new: 1 }]);
  });

  it('prefixes basePath and reads scalars by it', () => {
    expect(diffValues({ memory: '4g' }, { memory: '4096m' }, 'spec.driver')).toEqual([]);
    expect(diffValues({ memory: '4g' }, { memory: '4096m' })).toEqual([{ path: 'memory', old: '4g', new: '4096m' }]);
    expect(diffValues({ memory: '4g' }, { memory: '5g' }, 'spec.driver')).toEqual([{ path: 'spec.driver.memory', old: '4g', new: '5g' }]);
    expect(diffValues('a', 'b', 'spec.sparkConf["x.y"]')).toEqual([{ path: 'spec.sparkConf["x.y"]', old: 'a', new: 'b' }]);
    expect(diffValues(undefined, { a: 1 }, 'spec')).toEqual([{ path: 'spec', new: { a: 1 } }]);
    expect(diffValues(undefined, undefined)).toEqual([]);
  });

  it('never shows a secret value, but says that it changed', () => {
    const a = { spec: { sparkConf: { 'spark.hadoop.fs.s3a.secret.key': 'AKIAOLD' }, driver: { env: [{ name: 'DB_PASSWORD', value: 'hunter2' }] } } };
    const b = { spec: { sparkConf: { 'spark.hadoop.fs.s3a.secret.key': 'AKIANEW' }, driver: { env: [{ name: 'DB_PASSWORD', value: 'hunter3' }] } } };
    const changes = diffValues(a, b);
    expect(changes).toEqual([
      { path: 'spec.sparkConf["spark.hadoop.fs.s3a.secret.key"]', old: '<redacted>', new: '<redacted>' },
      { path: 'spec.driver.env[0].value', old: '<redacted>', new: '<redacted>' },
    ]);
    const added = diffValues({ spec: {} }, { spec: { env: [{ name: 'API_TOKEN', value: 's3cr3t' }, { name: 'MODE', value: 'x' }] } });
    expect(JSON.stringify(added)).not.toContain('s3cr3t');
    expect(JSON.stringify(added)).toContain('"MODE"');
    const secret = (data: string) => ({ apiVersion: 'v1', kind: 'Secret', data: { url: data } });
    expect(diffValues(secret('b2xk'), secret('bmV3'))).toEqual([{ path: 'data.url', old: '<redacted>', new: '<redacted>' }]);
    expect(diffValues({ password: '${env.DB_PASSWORD}' }, { password: '${env.DB_PASS}' })).toEqual([
      { path: 'password', old: '${env.DB_PASSWORD}', new: '${env.DB_PASS}' },
    ]);
  });

  it('finds nothing between any JSON value and its YAML dump read back', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(diffValues(value, load(dump(value)))).toEqual([]);
      }),
    );
  });

  it('finds exactly the leaf that was changed', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), fc.string(), fc.string(), (record, key, extra) => {
        const changed = { ...record, [key]: `${record[key] ?? ''}${extra}!` };
        const changes = diffValues(record, changed);
        expect(changes).toHaveLength(1);
        expect(changes[0]!.new).toBe(changed[key]);
      }),
    );
  });
});
