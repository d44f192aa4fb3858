import { describe, expect, it } from 'vitest';
import { defaultProjectConfig } from '../config/project-config.js';
import { executorDensity } from './density.js';
import { emrExecutorsPerNode } from './emr-per-node.js';
import { group, jobOn, typeFacts } from './packing-fixture.js';

const packing = defaultProjectConfig().packing;
const DRC = 'org.apache.hadoop.yarn.util.resource.DominantResourceCalculator';

describe('executorDensity', () => {
  it('m5.4xlarge: EMR fit 5 executors of 9728 MiB by memory; keeping 5 needs a 3138m request', () => {
    // EMR: 57344 / 9728 → 5. EKS with 4000m: 15690 / 4000 → 3 (CPU). floor(15690 / 5) = 3138m < 4000m.
    const job = jobOn([group('CORE', ['m5.4xlarge'])]);
    expect(executorDensity(job, packing, 9728, 4)).toEqual({
      instanceType: 'm5.4xlarge',
      role: 'CORE',
      allocatableSource: 'formula',
      emrPerNode: 5,
      emrBoundBy: 'memory',
      eksPerNode: 3,
      eksBoundBy: 'cpu',
      densityRequestMilli: 3138,
      from: [],
    });
  });

  it('caps the request at the cores and follows yarn-site memory', () => {
    // yarn-site says 20000 MiB per node: 20000 / 9728 → 2; floor(15690 / 2) = 7845 > 4000 → 4000
    const yarnSite = { classification: 'yarn-site', properties: { 'yarn.nodemanager.resource.memory-mb': '20000' }, configurations: [] };
    const density = executorDensity(jobOn([group('CORE', ['m5.4xlarge'])], [yarnSite]), packing, 9728, 4);
    expect(density).toMatchObject({ emrPerNode: 2, densityRequestMilli: 4000, from: [{ classification: 'yarn-site', key: 'yarn.nodemanager.resource.memory-mb' }] });
  });

  it('uses the target type: the core type, else the task type, and nothing when it is unknown', () => {
    const job = jobOn([group('TASK', ['r6g.4xlarge']), group('CORE', ['m5.4xlarge'])]);
    expect(executorDensity(job, packing, 9728, 4)).toMatchObject({ instanceType: 'm5.4xlarge', role: 'CORE' });
    // r6g.4xlarge: EMR 116736 / 9728 → 12; floor(15690 / 12) = 1307m
    expect(executorDensity(jobOn([group('TASK', ['r6g.4xlarge'])]), packing, 9728, 4)).toMatchObject({ role: 'TASK', emrPerNode: 12, densityRequestMilli: 1307 });
    const unknown = jobOn([{ role: 'CORE', instanceTypes: [], unknownTypes: ['x9z.mega'], count: 1, market: 'SPOT' }, group('TASK', ['r6g.4xlarge'])]);
    expect(executorDensity(unknown, packing, 9728, 4)).toBeUndefined();
    expect(executorDensity(job, packing, 0, 4)).toBeUndefined();
  });
});

describe('emrExecutorsPerNode', () => {
  it('bounds by vCores under a DominantResourceCalculator', () => {
    const drc = { classification: 'capacity-scheduler', properties: { 'yarn.scheduler.capacity.resource-calculator': DRC }, configurations: [] };
    // m5.4xlarge: memory 57344 / 9728 → 5; vCores 16 / 4 → 4
    expect(emrExecutorsPerNode([drc], { facts: typeFacts('m5.4xlarge') }, 9728, 4)).toMatchObject({ perNode: 4, boundBy: 'vcores' });
    const vcores = { classification: 'yarn-site', properties: { 'yarn.nodemanager.resource.cpu-vcores': '32' }, configurations: [] };
    // 32 / 4 = 8 > 5: memory bounds again
    expect(emrExecutorsPerNode([drc, vcores], { facts: typeFacts('m5.4xlarge') }, 9728, 4)).toMatchObject({ perNode: 5, boundBy: 'memory' });
    expect(emrExecutorsPerNode([], {}, 9728, 4)).toEqual({ from: [] });
  });
});
