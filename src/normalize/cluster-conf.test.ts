import { describe, expect, it } from 'vitest';
import type { InstanceCapacity } from '../model/emr-snapshot.js';
import { instanceGroupConfigurationDiagnostics, readClusterConf } from './cluster-conf.js';

describe('readClusterConf', () => {
  it('keeps spark.* keys of spark-defaults and reports the rest', () => {
    const r = readClusterConf([
      { classification: 'spark-defaults', properties: { 'spark.executor.cores': '5', 'fs.s3.maxConnections': '200' }, configurations: [] },
      { classification: 'spark', properties: { maximizeResourceAllocation: 'TRUE' }, configurations: [] },
      { classification: 'yarn-site', properties: { 'yarn.nodemanager.vmem-check-enabled': 'false' }, configurations: [] },
    ]);
    expect(r.sparkDefaults).toEqual([{ key: 'spark.executor.cores', value: '5', ref: 'cluster/configurations/spark-defaults/spark.executor.cores' }]);
    expect(r.maximizeResourceAllocation).toBe(true);
    expect(r.diagnostics).toMatchObject([{ code: 'non-spark-conf-ignored', refs: ['cluster/configurations/spark-defaults/fs.s3.maxConnections'] }]);
  });

  it('reports properties of the spark classification other than maximizeResourceAllocation', () => {
    const r = readClusterConf([{ classification: 'spark', properties: { maximizeResourceAllocation: 'false', 'spark.executor.cores': '4' }, configurations: [] }]);
    expect(r.maximizeResourceAllocation).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['unknown-spark-classification-property']);
  });
});

describe('instanceGroupConfigurationDiagnostics', () => {
  it('reports each group with configurations and every setting it overrides', () => {
    const groups: InstanceCapacity[] = [
      { role: 'MASTER', instanceTypes: ['m5.xlarge'], count: 1, market: 'ON_DEMAND', configurations: [] },
      {
        role: 'TASK',
        name: 'Task spot',
        instanceTypes: ['r5.2xlarge'],
        count: 4,
        market: 'SPOT',
        configurations: [
          { classification: 'yarn-site', properties: { 'yarn.nodemanager.resource.memory-mb': '50000' }, configurations: [] },
          { classification: 'spark-env', properties: {}, configurations: [{ classification: 'export', properties: { JAVA_HOME: '/usr/lib/jvm/java-17' }, configurations: [] }] },
        ],
      },
    ];
    const d = instanceGroupConfigurationDiagnostics(groups);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'instance-group-configuration', severity: 'warning' });
    expect(d[0]?.message).toContain('TASK instance group "Task spot" overrides yarn-site, spark-env');
    expect(d[0]?.refs).toEqual([
      'cluster/instances/TASK/configurations/yarn-site/yarn.nodemanager.resource.memory-mb',
      'cluster/instances/TASK/configurations/spark-env/export/JAVA_HOME',
    ]);
  });
});
