import { describe, expect, it } from 'vitest';
import type { EmrStep } from '../model/emr-snapshot.js';
import type { SparkJob } from '../model/spark-job.js';
import { nightlyEtlCluster, step } from '../normalize/__fixtures__/snapshots.js';
import { normalize } from '../normalize/index.js';
import { jobInputHash } from './job-fingerprint.js';

const ORDERS = ['spark-submit', '--deploy-mode', 'cluster', '--executor-memory', '16g', 's3://acme/etl/orders.py', '--date', '2026-11-19'];

function orders(over: Partial<EmrStep> = {}): EmrStep {
  return step({ id: 's-1K4N2D6OZ8P9Q', name: 'daily-orders-etl', args: ORDERS, ...over });
}

function jobOf(steps: EmrStep[], edit: (s: ReturnType<typeof nightlyEtlCluster>) => void = () => {}): SparkJob {
  const snapshot = nightlyEtlCluster(steps);
  edit(snapshot);
  const job = normalize(snapshot).jobs.find((j) => j.id === 'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q');
  if (!job) throw new Error('fixture job missing');
  return job;
}

describe('jobInputHash', () => {
  it('is 16 lowercase hex digits and the same on every run', () => {
    const hash = jobInputHash(jobOf([orders()]));
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(jobInputHash(jobOf([orders()]))).toBe(hash);
  });

  it('does not depend on input order, locations or input paths', () => {
    const base = jobInputHash(jobOf([orders()]));
    const other = step({ id: 's-0C7XK2M3N4P5Q', name: 'other', args: ['spark-submit', 's3://acme/other.py'] });
    const moved = jobOf([other, orders()], (s) => {
      s.source = 'moved/elsewhere';
      s.locations = {};
      s.configurations.reverse();
      s.instances.reverse();
    });
    expect(jobInputHash(moved)).toBe(base);
  });

  it('changes when an argument, a step setting or a conf value changes', () => {
    const base = jobInputHash(jobOf([orders()]));
    expect(jobInputHash(jobOf([orders({ args: ORDERS.map((a) => (a === '2026-11-19' ? '2026-11-20' : a)) })]))).not.toBe(base);
    expect(jobInputHash(jobOf([orders({ actionOnFailure: 'TERMINATE_CLUSTER' })]))).not.toBe(base);
    const changedConf = jobOf([orders()], (s) => {
      const defaults = s.configurations.find((c) => c.classification === 'spark-defaults');
      if (defaults) defaults.properties['spark.sql.shuffle.partitions'] = '800';
    });
    expect(jobInputHash(changedConf)).not.toBe(base);
  });

  it('changes with the cluster capacity and release', () => {
    const base = jobInputHash(jobOf([orders()]));
    const bigger = jobOf([orders()], (s) => {
      const core = s.instances.find((i) => i.role === 'CORE');
      if (core) core.count = 8;
    });
    expect(jobInputHash(bigger)).not.toBe(base);
    expect(jobInputHash(jobOf([orders()], (s) => (s.cluster.releaseLabel = 'emr-7.13.0')))).not.toBe(base);
  });

  it('ignores the review and config layers, so an applied answer keeps its fingerprint', () => {
    const job = jobOf([orders()]);
    const base = jobInputHash(job);
    const winner = job.conf['spark.executor.memory'];
    if (!winner) throw new Error('fixture has spark.executor.memory');
    const reviewed: SparkJob = {
      ...job,
      conf: {
        ...job.conf,
        'spark.executor.memory': {
          key: 'spark.executor.memory',
          value: '8g',
          layer: 'review',
          ref: 'answers/x/sparkConf/spark.executor.memory',
          shadowed: [...winner.shadowed, { value: winner.value, layer: winner.layer, ref: winner.ref }],
        },
        'spark.brand.new': { key: 'spark.brand.new', value: '1', layer: 'config', ref: 'config/spark.brand.new', shadowed: [] },
      },
    };
    expect(jobInputHash(reviewed)).toBe(base);
  });
});
