import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildJob, checkRule, runRuleCase } from '../src/rule-api.js';
import { dns1035Name, labelValue } from './_names.js';
import rule from './job-identity.js';

const cluster = { key: 'j-2AXXXXXXGAPLF', id: 'j-2AXXXXXXGAPLF', name: 'prod-etl' };

describe('job-identity', () => {
  it('follows its table', () => {
    checkRule(rule, [
      {
        name: 'a console-style step name',
        job: buildJob({ cluster, step: { id: 's-1K4N2D6OZ8P9Q', key: 's-1K4N2D6OZ8P9Q', name: 'Daily Orders ETL (v2)' } }),
        fields: {
          name: 'daily-orders-etl-v2',
          namespace: 'default',
          serviceAccount: 'emr2k8s-spark',
          'annotations.emr2k8s.io/source-cluster': 'j-2AXXXXXXGAPLF',
          'annotations.emr2k8s.io/source-step': 's-1K4N2D6OZ8P9Q',
          'annotations.emr2k8s.io/step-name': 'Daily Orders ETL (v2)',
          'labels.app.kubernetes.io/managed-by': 'emr2k8s',
          'labels.emr2k8s.io/cluster': 'j-2AXXXXXXGAPLF',
        },
        messages: [],
      },
      {
        name: 'config namespace and service account, spark.app.name kept as annotation',
        config: { namespace: 'data-eng', serviceAccount: 'spark-etl' },
        job: buildJob({ step: { name: '2024 backfill' }, conf: { 'spark.app.name': { value: 'OrdersBackfill', layer: 'flag' } } }),
        fields: {
          name: 'app-2024-backfill',
          namespace: 'data-eng',
          serviceAccount: 'spark-etl',
          'annotations.emr2k8s.io/source-step': 'step-1',
          'annotations.emr2k8s.io/spark-app-name': 'OrdersBackfill',
        },
        messages: [],
      },
      {
        name: 'a long step name is shortened with a stable hash',
        job: buildJob({
          cluster: { key: 's3://acme-infra/emr/exports/prod-etl-cluster-export.json', source: 's3://acme-infra/emr/exports/prod-etl-cluster-export.json' },
          step: { name: 'Load customer lifetime value aggregates into the reporting warehouse' },
        }),
        fields: {
          name: 'load-customer-lifetime-value-aggregates-into-th-5b5ef813',
          'labels.emr2k8s.io/cluster': 's3---acme-infra-emr-exports-prod-etl-cluster-export.json',
        },
        messages: ['name-shortened'],
      },
      {
        name: 'a Hive step is named too',
        job: buildJob({ kind: 'hive', step: { name: 'Hive: refresh partitions' } }),
        fields: { name: 'hive-refresh-partitions' },
        messages: [],
      },
    ]);
  });

  it('always gives a DNS-1035 name of at most 56 characters, stable per job id', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ minLength: 1, maxLength: 40 }), (stepName, id) => {
        const { name } = dns1035Name(stepName, id);
        expect(name).toMatch(/^[a-z]([-a-z0-9]*[a-z0-9])?$/);
        expect(name.length).toBeLessThanOrEqual(56);
        expect(dns1035Name(stepName, id).name).toBe(name);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const value = labelValue(text);
        expect(value.length).toBeLessThanOrEqual(63);
        expect(value).toMatch(/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/);
      }),
    );
  });

  it('shortened names of different jobs differ', () => {
    const long = 'Load customer lifetime value aggregates into the reporting warehouse';
    const a = runRuleCase(rule, { name: 'a', job: buildJob({ id: 'j-2AXXXXXXGAPLF/s-1', step: { name: long } }) });
    const b = runRuleCase(rule, { name: 'b', job: buildJob({ id: 'j-2AXXXXXXGAPLF/s-2', step: { name: long } }) });
    expect(a.name).not.toBe(b.name);
  });
});
