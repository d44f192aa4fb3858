import { describe, expect, it } from 'vitest';
import { nightlyEtlCluster, step } from './__fixtures__/snapshots.js';
import { normalize } from './index.js';

const dailyEtl = (id: string, index: number, createdAt: string, executorMemory: string) =>
  step({
    id,
    index,
    name: 'daily-aggregates',
    createdAt,
    state: 'COMPLETED',
    args: [
      'spark-submit', '--deploy-mode', 'cluster', '--class', 'com.acme.etl.DailyAggregates',
      '--executor-memory', executorMemory, 's3://acme-jobs/etl/daily-aggregates-1.4.2.jar', '--date', '${RUN_DATE}',
    ],
  });

describe('normalize', () => {
  const snapshot = nightlyEtlCluster([
    dailyEtl('s-1K4N2D6OZ8P9Q', 1, '2024-05-03T02:00:04Z', '8g'),
    step({ id: 's-3HW8Y0TQ2L1AB', index: 2, name: 'Hive compaction', args: ['hive-script', '--run-hive-script', '--args', '-f', 's3://acme-jobs/hive/compact.q'] }),
    dailyEtl('s-2Z9QF3M7R1X0C', 3, '2024-05-02T02:00:03Z', '6g'),
  ]);
  const { jobs, diagnostics } = normalize(snapshot);

  it('makes one job per distinct step, folding the history', () => {
    expect(jobs.map((j) => [j.id, j.kind, j.foldedRuns])).toEqual([
      ['j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q', 'spark', 2],
      ['j-2AXXXXXXGAPLF/s-3HW8Y0TQ2L1AB', 'hive', 1],
    ]);
    expect(diagnostics.filter((d) => d.code === 'step-history-folded')).toMatchObject([{ jobId: 'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q' }]);
  });

  it('parses the newest definition and keeps placeholders verbatim', () => {
    const spark = jobs[0];
    expect(spark?.step.key).toBe('s-1K4N2D6OZ8P9Q');
    expect(spark?.submit?.mainClass?.value).toBe('com.acme.etl.DailyAggregates');
    expect(spark?.submit?.appArgs.map((a) => a.value)).toEqual(['--date', '${RUN_DATE}']);
    expect(spark?.conf['spark.executor.memory']).toMatchObject({ value: '8g', layer: 'flag' });
    expect(spark?.conf['spark.executor.memory']?.shadowed.map((s) => s.layer)).toEqual(['emr-default', 'spark-defaults']);
    expect(spark?.conf['spark.submit.deployMode']?.value).toBe('cluster');
  });

  it('gives non-Spark jobs the cluster conf and no submit', () => {
    const hive = jobs[1];
    expect(hive?.submit).toBeUndefined();
    expect(hive?.conf['spark.sql.shuffle.partitions']).toMatchObject({ value: '400', layer: 'spark-defaults' });
  });

  it('passes on the other classifications, cluster identity, facts and locations', () => {
    const spark = jobs[0];
    expect(spark?.classifications.map((c) => c.classification)).toEqual(['spark-hive-site', 'spark-env']);
    expect(spark?.cluster).toEqual({
      key: 'j-2AXXXXXXGAPLF',
      id: 'j-2AXXXXXXGAPLF',
      name: 'nightly-etl',
      logUri: 's3n://acme-emr-logs/j-2AXXXXXXGAPLF/',
      tags: { team: 'data-platform' },
      source: 'exports/j-2AXXXXXXGAPLF',
    });
    expect(spark?.facts.sparkVersion).toBe('3.4.1');
    expect(spark?.locations).toEqual(snapshot.locations);
  });

  it('warns about the assumed executor cores but not memory set by the step', () => {
    const assumed = diagnostics.filter((d) => d.code === 'emr-executor-size-assumed');
    expect(assumed).toHaveLength(1);
    expect(assumed[0]?.refs).toEqual(['emr-defaults/spark.executor.cores']);
  });

  it('locates diagnostics in the input', () => {
    for (const d of diagnostics) expect(d.location).toBeDefined();
  });

  it('uses maximizeResourceAllocation when the spark classification turns it on', () => {
    const withMax = nightlyEtlCluster([step({ id: 's-1K4N2D6OZ8P9Q', args: ['spark-submit', 's3://acme-jobs/etl/job.py'] })]);
    withMax.configurations.push({ classification: 'spark', properties: { maximizeResourceAllocation: 'true' }, configurations: [] });
    const out = normalize(withMax);
    const conf = out.jobs[0]?.conf;
    expect(conf?.['spark.executor.cores']).toMatchObject({ value: '8', layer: 'maximize-resource-allocation' });
    // spark-defaults beats maximizeResourceAllocation.
    expect(conf?.['spark.executor.memory']).toMatchObject({ value: '18971M', layer: 'spark-defaults' });
    expect(conf?.['spark.executor.instances']?.value).toBe('6');
    expect(out.diagnostics.map((d) => d.code)).not.toContain('emr-executor-size-assumed');
    expect(out.jobs[0]?.classifications.map((c) => c.classification)).not.toContain('spark');
  });

  it('assumes a release for a steps file and names jobs after the input path', () => {
    const stepsOnly = {
      ...nightlyEtlCluster([step({ args: ['spark-submit', 's3://acme-jobs/etl/job.py'] }), step({ index: 2, name: 'other', args: ['spark-submit', 's3://acme-jobs/etl/other.py'] })]),
      cluster: { applications: [], tags: {} },
      configurations: [],
      instances: [],
      hasClusterContext: false,
      source: 'steps/nightly.json',
    };
    const out = normalize(stepsOnly);
    expect(out.jobs.map((j) => j.id)).toEqual(['steps/nightly.json/step-1', 'steps/nightly.json/step-2']);
    expect(out.jobs[0]?.facts).toMatchObject({ releaseLabel: 'emr-7.13.0', releaseAssumed: true });
    expect(out.diagnostics.filter((d) => d.code === 'release-assumed')).toHaveLength(1);
    expect(out.jobs[0]?.submit?.appType).toBe('Python');
  });

  it('normalises a Spark 2 release too', () => {
    const old = nightlyEtlCluster([step({ args: ['spark-submit', 'app.jar'] })]);
    old.cluster.releaseLabel = 'emr-5.36.1';
    const out = normalize(old);
    expect(out.jobs[0]?.facts.sparkVersion).toBe('2.4.8');
    expect(out.jobs[0]?.kind).toBe('spark');
  });

  it('is deterministic and does not change its input', () => {
    const copy = structuredClone(snapshot);
    const again = normalize(copy);
    expect(copy).toEqual(snapshot);
    expect(JSON.stringify(again)).toBe(JSON.stringify({ jobs, diagnostics }));
  });
});
