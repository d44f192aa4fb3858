import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { sparkApplicationSchema } from './crd-schema.js';
import { formatInstancePath, schemaCompileMs, validateSparkApplication } from './validate-spark-application.js';

const UPSTREAM = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../shared/reference/crds/v2.5.2/sparkoperator.k8s.io_sparkapplications.yaml',
);

type Obj = Record<string, unknown>;

/** Set (or with `undefined`, delete) the value at a dotted path whose last key may contain dots after `:`. */
function setPath(obj: Obj, path: string, value: unknown): Obj {
  const [head, tail] = path.split(':');
  const parts = (head as string).split('.').filter(Boolean);
  const key = tail ?? (parts.pop() as string);
  let target = obj;
  for (const part of parts) target = (target[part] ??= {}) as Obj;
  if (value === undefined) delete target[key];
  else target[key] = value;
  return obj;
}

/** A SparkApplication as an EMR Spark step converts to (emr-7.13.0, Spark 3.5.6). */
function goodApp(): Obj {
  return {
    apiVersion: 'sparkoperator.k8s.io/v1beta2',
    kind: 'SparkApplication',
    metadata: {
      name: 'nightly-etl-orders',
      namespace: 'data-eng',
      annotations: { 'emr2k8s.io/source-cluster': 'j-2AXXXXXXGAPLF', 'emr2k8s.io/source-step': 's-1K4N2D6OZ8P9Q' },
    },
    spec: {
      type: 'Scala',
      sparkVersion: '3.5.6',
      mode: 'cluster',
      image: 'apache/spark:3.5.6-scala2.12-java17-python3-ubuntu',
      mainClass: 'com.example.etl.OrdersJob',
      mainApplicationFile: 's3a://acme-etl-artifacts/jars/orders-etl-2.4.1.jar',
      arguments: ['--date', '2026-01-01'],
      sparkConf: { 'spark.sql.shuffle.partitions': '400' },
      driver: { cores: 1, memory: '2048m', memoryOverhead: '384m', serviceAccount: 'spark-data-eng' },
      executor: {
        cores: 4,
        instances: 10,
        coreRequest: '3500m',
        memory: '9486m',
        env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'etl', key: 'DB_PASSWORD' } } }],
      },
      dynamicAllocation: { enabled: true, minExecutors: 2, maxExecutors: 50 },
      restartPolicy: { type: 'OnFailure', onFailureRetries: 1, onFailureRetryInterval: 5 },
    },
  };
}

describe('validateSparkApplication', () => {
  it('accepts a well-formed SparkApplication, and compiles the schema once', () => {
    expect(validateSparkApplication(goodApp())).toEqual({ valid: true, errors: [] });
    const firstCompile = schemaCompileMs();
    expect(firstCompile).toBeGreaterThan(0);
    validateSparkApplication(goodApp());
    expect(schemaCompileMs()).toBe(firstCompile);
  });

  it('rejects an unknown field that the API server would silently prune', () => {
    const app = setPath(setPath(goodApp(), 'spec.driver.memoryOverHead', '384m'), 'spec.extraField', true);
    const result = validateSparkApplication(app);
    expect(result.valid).toBe(false);
    expect(result.errors).toContain('spec.driver.memoryOverHead: unknown field (the API server would drop it)');
    expect(result.errors).toContain('spec.extraField: unknown field (the API server would drop it)');
  });

  it('accepts unknown fields where the schema preserves them (pod templates)', () => {
    const app = setPath(goodApp(), 'spec.driver.template', { spec: { priorityClassName: 'batch', anything: { nested: 1 } } });
    expect(validateSparkApplication(app).errors).toEqual([]);
  });

  it('reports a wrong type once, with a readable path', () => {
    const app = setPath(setPath(goodApp(), 'spec.executor.cores', 3.5), 'spec.sparkConf:spark.executor.instances', 4);
    const { errors } = validateSparkApplication(app);
    expect(errors).toHaveLength(2);
    expect(errors).toContain('spec.sparkConf["spark.executor.instances"]: must be string');
    expect(errors).toContain('spec.executor.cores: must be integer');
  });

  it('requires sparkVersion', () => {
    const app = setPath(goodApp(), 'spec.sparkVersion', undefined);
    expect(validateSparkApplication(app).errors).toEqual(['spec.sparkVersion: required field missing']);
  });

  it('checks x-kubernetes-int-or-string: integers and strings pass, anything else fails', () => {
    const withResources = (cpu: unknown) => {
      const app = setPath(goodApp(), 'spec.batchScheduler', 'volcano');
      setPath(app, 'spec.batchSchedulerOptions', { queue: 'etl', resources: { cpu } });
      return validateSparkApplication(app).errors;
    };
    expect(withResources(2)).toEqual([]);
    expect(withResources('1500m')).toEqual([]);
    expect(withResources(1.5)).toEqual(['spec.batchSchedulerOptions.resources.cpu: must be an integer or a string']);
    expect(withResources(true)).toEqual(['spec.batchSchedulerOptions.resources.cpu: must be an integer or a string']);
    expect(withResources('1.5 cores')).toEqual([expect.stringMatching(/^spec\.batchSchedulerOptions\.resources\.cpu: must match pattern/)]);
  });

  it('checks enums, int32 bounds and the operator webhook name rule', () => {
    const app = setPath(goodApp(), 'spec.restartPolicy.type', 'Sometimes');
    setPath(app, 'spec.executor.instances', 2 ** 31);
    setPath(app, 'metadata.name', 'Nightly_ETL');
    expect(validateSparkApplication(app).errors).toEqual([
      'metadata.name: must be a DNS-1035 label (lowercase letters, digits and -, starting with a letter, at most 63 characters)',
      'spec.executor.instances: must be a valid int32',
      'spec.restartPolicy.type: must be one of "Never", "Always", "OnFailure"',
    ]);
  });

  it('rejects a namespace that is not a DNS-1123 label', () => {
    const app = setPath(goodApp(), 'metadata.namespace', '../etc');
    expect(validateSparkApplication(app).errors).toEqual([expect.stringMatching(/^metadata\.namespace: must be a DNS-1123 label/)]);
  });
});

describe('formatInstancePath', () => {
  it('writes indices in brackets and dotted keys quoted', () => {
    expect(formatInstancePath('/spec/driver/env/0/name')).toBe('spec.driver.env[0].name');
    expect(formatInstancePath('/spec/sparkConf/spark.a~1b', 'x')).toBe('spec.sparkConf["spark.a/b"].x');
    expect(formatInstancePath('')).toBe('(root)');
  });
});

describe('the bundled schema', () => {
  it('is still the upstream CRD v1beta2 openAPIV3Schema (re-run scripts/extract-crd-schema.mjs if not)', () => {
    const crd = load(readFileSync(UPSTREAM, 'utf8')) as { spec: { versions: Array<{ name: string; schema: { openAPIV3Schema: unknown } }> } };
    const upstream = crd.spec.versions.find((v) => v.name === 'v1beta2')?.schema.openAPIV3Schema;
    expect(upstream).toBeDefined();
    expect(sparkApplicationSchema).toEqual(upstream);
  });
});
