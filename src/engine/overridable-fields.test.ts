import { describe, expect, it } from 'vitest';
import { checkOverride, parseOverride, planValue, secretOverrideError } from './overridable-fields.js';

describe('parseOverride', () => {
  it('splits at the first = and routes spark.* keys to sparkConf', () => {
    expect(parseOverride('spark.executor.extraJavaOptions=-Da=b -Dc=d')).toEqual({
      kind: 'sparkConf',
      key: 'spark.executor.extraJavaOptions',
      value: '-Da=b -Dc=d',
    });
    expect(parseOverride(' executor.coreRequest = 3500m ')).toEqual({ kind: 'fields', key: 'executor.coreRequest', value: '3500m' });
    expect(parseOverride('sparkConf.spark.sql.shuffle.partitions=400')).toMatchObject({ kind: 'fields', key: 'sparkConf.spark.sql.shuffle.partitions' });
  });

  it('explains input that is not key=value', () => {
    expect(parseOverride('executor.cores')).toEqual({ error: expect.stringMatching(/key=value/) });
    expect(parseOverride('=4')).toEqual({ error: expect.stringMatching(/before the =/) });
    expect(parseOverride('executor.cores=')).toEqual({ error: expect.stringMatching(/No value after executor\.cores=/) });
  });
});

describe('checkOverride', () => {
  it('turns counts, switches, sizes and durations into plan values', () => {
    expect(checkOverride('fields', 'executor.instances', '12')).toEqual({ value: 12 });
    expect(checkOverride('fields', 'driver.cores', 2)).toEqual({ value: 2 });
    expect(checkOverride('fields', 'dynamicAllocation.enabled', 'false')).toEqual({ value: false });
    expect(checkOverride('fields', 'executor.memory', '4g')).toEqual({ value: '4096m' });
    expect(checkOverride('fields', 'executor.memoryOverhead', '1536')).toEqual({ value: '1536m' });
    expect(checkOverride('fields', 'dynamicAllocation.shuffleTrackingTimeout', '60s')).toEqual({ value: 60000 });
    expect(checkOverride('fields', 'restartPolicy.onFailureRetries', '3')).toEqual({ value: 3 });
  });

  it('rejects values of the wrong type with one sentence', () => {
    for (const [field, value] of [
      ['executor.instances', '-1'],
      ['executor.cores', '2.5'],
      ['dynamicAllocation.enabled', 'yes'],
      ['executor.memory', '4.5g'],
      ['executor.memory', '512k'],
      ['executor.coreRequest', '2 cores'],
      ['executor.coreLimit', '0'],
      ['restartPolicy.type', 'Sometimes'],
      ['imagePullPolicy', 'always'],
    ] as const) {
      const result = checkOverride('fields', field, value);
      expect(result, `${field}=${value}`).toEqual({ error: expect.stringMatching(/^expected [^\n]+\.$/) });
    }
  });

  it('checks Kubernetes names: DNS-1035 for name, DNS-1123 label for namespace, CPU quantities', () => {
    expect(checkOverride('fields', 'name', 'orders-etl')).toEqual({ value: 'orders-etl' });
    expect(checkOverride('fields', 'name', '1orders')).toHaveProperty('error');
    expect(checkOverride('fields', 'name', 'a'.repeat(64))).toHaveProperty('error');
    expect(checkOverride('fields', 'namespace', '1data-eng')).toEqual({ value: '1data-eng' });
    expect(checkOverride('fields', 'namespace', 'Data_Eng')).toHaveProperty('error');
    expect(checkOverride('fields', 'executor.coreRequest', '3500m')).toEqual({ value: '3500m' });
    expect(checkOverride('fields', 'driver.coreLimit', '0.5')).toEqual({ value: '0.5' });
  });

  it('accepts map entries of the plan and checks label keys and values', () => {
    expect(checkOverride('fields', 'sparkConf.spark.sql.shuffle.partitions', '400')).toEqual({ value: '400' });
    expect(checkOverride('fields', 'hadoopConf.fs.s3a.connection.maximum', 200)).toEqual({ value: '200' });
    expect(checkOverride('fields', 'executor.nodeSelector.karpenter.sh/capacity-type', 'spot')).toEqual({ value: 'spot' });
    expect(checkOverride('fields', 'labels.team', 'data platform')).toHaveProperty('error');
    expect(checkOverride('fields', 'driver.labels.-bad', 'x')).toEqual({ error: expect.stringMatching(/not a valid Kubernetes label/) });
    expect(checkOverride('fields', 'annotations.example.com/owner', 'anything at all: yes')).toEqual({ value: 'anything at all: yes' });
    expect(checkOverride('fields', 'driver.env.TZ', 'UTC')).toEqual({ value: 'UTC' });
    expect(checkOverride('fields', 'driver.env.1=bad', 'x')).toHaveProperty('error');
  });

  it('refuses paths the plan does not have', () => {
    expect(checkOverride('fields', 'executor.gpus', '1')).toEqual({ error: expect.stringMatching(/not a field a review can override/) });
    expect(checkOverride('fields', 'sparkConf', 'x')).toHaveProperty('error');
    expect(checkOverride('fields', 'arguments', 'x')).toHaveProperty('error');
  });

  it('takes any value for a Spark setting but only spark.* keys', () => {
    expect(checkOverride('sparkConf', 'spark.executor.memory', ' 8g ')).toEqual({ value: '8g' });
    expect(checkOverride('sparkConf', 'executor.memory', '8g')).toEqual({ error: expect.stringMatching(/not a Spark setting/) });
  });

  it('never accepts a secret literal, only an environment reference', () => {
    const literal = checkOverride('sparkConf', 'spark.hadoop.fs.s3a.secret.key', 'hunter2');
    expect(literal).toEqual({ error: expect.stringMatching(/holds a secret.*environment reference/) });
    expect(JSON.stringify(literal)).not.toContain('hunter2');
    expect(checkOverride('sparkConf', 'spark.hadoop.fs.s3a.secret.key', '${env:S3_SECRET}')).toEqual({ value: '${env:S3_SECRET}' });
    expect(checkOverride('fields', 'driver.env.DB_PASSWORD', 'hunter2')).toHaveProperty('error');
    expect(checkOverride('fields', 'sparkConf.spark.jdbc.password', '${env.DB_PASSWORD}')).toEqual({ value: '${env.DB_PASSWORD}' });
    expect(secretOverrideError('fields', 'executor.env.API_TOKEN', 'abc')).toMatch(/API_TOKEN holds a secret/);
    expect(secretOverrideError('fields', 'executor.env.TZ', 'UTC')).toBeUndefined();
    // Credentials inside a value are refused whatever the name says.
    const url = checkOverride('fields', 'hadoopConf.javax.jdo.option.ConnectionURL', 'jdbc:mysql://hive:pw1@db/hive');
    expect(url).toHaveProperty('error');
    expect(JSON.stringify(url)).not.toContain('pw1');
  });
});

describe('planValue', () => {
  it('wraps environment values as the plan holds them', () => {
    expect(planValue('executor.env.TZ', 'UTC')).toEqual({ value: 'UTC' });
    expect(planValue('executor.instances', 4)).toBe(4);
  });
});
