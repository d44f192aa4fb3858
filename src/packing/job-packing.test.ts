import { describe, expect, it } from 'vitest';
import { defaultProjectConfig } from '../config/project-config.js';
import { packJob } from './job-packing.js';
import { group, jobOn, planWith } from './packing-fixture.js';

// Every expected figure below is computed by hand from facts §9, not read from the output:
//   kube-reserved CPU = 6% of core 1 + 1% of core 2 + 0.5% of cores 3–4 + 0.25% of the rest
//   kube-reserved memory = 11 × maxPods + 255 MiB; evictionHard memory.available = 100 MiB
//   allocatable = capacity − kube-reserved − eviction; executors get allocatable − DaemonSets
//   (default packing.daemonSetOverhead 200m / 512Mi, and 4 pod slots).
const packing = defaultProjectConfig().packing;
const options = { packing, rightSize: false };

describe('packJob: hand computations for three instance types', () => {
  it('r5.2xlarge (8 vCPU, 64 GiB, maxPods 58): a 5-core 22528 MiB executor is CPU-bound at 1 per node', () => {
    // CPU reserved: 60 + 10 + 10 (cores 3–4: 2000 × 0.5%) + 10 (cores 5–8: 4000 × 0.25%) = 90m → 8000 − 90 = 7910m
    // memory reserved: 11 × 58 + 255 = 893 MiB; 65536 − 893 − 100 = 64543 MiB
    // free for executors: 7910 − 200 = 7710m, 64543 − 512 = 64031 MiB, 58 − 4 = 54 pods
    // per node: CPU 7710 / 5000 = 1.54 → 1; memory 64031 / 22528 = 2.84 → 2; pods 54 → 1, bound by CPU
    // stranded: 7710 − 5000 = 2710m; 64031 − 22528 = 41503 MiB
    // EMR: YARN memory 57344 MiB / 22528 = 2.55 → 2 per node (memory only)
    const job = jobOn([group('CORE', ['r5.2xlarge'])]);
    const plan = planWith({ cores: 5, memory: '18971m', memoryOverhead: '3557m', instances: 10 });
    expect(packJob(job, plan, options)).toEqual({
      instanceType: 'r5.2xlarge',
      allocatable: { cpuMilli: 7910, memoryMiB: 64543, pods: 58, source: 'formula' },
      pod: { cpuMilli: 5000, memoryMiB: 22528 },
      perNode: 1,
      boundBy: 'cpu',
      stranded: { cpuMilli: 2710, memoryMiB: 41503 },
      emrPerNode: 2,
      emrBoundBy: 'memory',
      daemonSetOverhead: { cpuMilli: 200, memoryMiB: 512, pods: 4 },
    });
  });

  it('m5.4xlarge (16 vCPU, 64 GiB, maxPods 234): a 4-core 9728 MiB executor fits 3 per node where EMR fit 5', () => {
    // CPU reserved: 60 + 10 + 10 + 12000 × 0.25% = 30 → 110m; 16000 − 110 = 15890m
    // memory reserved: 11 × 234 + 255 = 2829 MiB; 65536 − 2829 − 100 = 62607 MiB
    // free: 15690m, 62095 MiB, 230 pods
    // pod: 8192 heap + 1536 overhead (0.1875 × 8192) = 9728 MiB, 4000m
    // per node: CPU 15690 / 4000 = 3.92 → 3; memory 62095 / 9728 = 6.38 → 6 → 3, bound by CPU
    // stranded: 15690 − 12000 = 3690m; 62095 − 3 × 9728 = 32911 MiB
    // EMR: 57344 / 9728 = 5.89 → 5 per node
    const job = jobOn([group('CORE', ['m5.4xlarge'])]);
    const plan = planWith({ cores: 4, memory: '8192m', memoryOverhead: '1536m', instances: 12 });
    expect(packJob(job, plan, options)).toMatchObject({
      allocatable: { cpuMilli: 15890, memoryMiB: 62607, pods: 234 },
      pod: { cpuMilli: 4000, memoryMiB: 9728 },
      perNode: 3,
      boundBy: 'cpu',
      stranded: { cpuMilli: 3690, memoryMiB: 32911 },
      emrPerNode: 5,
    });
  });

  it('r6g.4xlarge (16 vCPU, 128 GiB, maxPods 234): a PySpark executor counts its PySpark memory', () => {
    // CPU as m5.4xlarge: 15890m; memory 131072 − 2829 − 100 = 128143 MiB
    // free: 15690m, 127631 MiB, 230 pods
    // pod: 16384 heap + 3072 overhead + 2048 spark.executor.pyspark.memory (Python only) = 21504 MiB
    // per node: CPU 15690 / 4000 → 3; memory 127631 / 21504 = 5.94 → 5 → 3, bound by CPU
    // stranded: 3690m; 127631 − 3 × 21504 = 63119 MiB
    // EMR: YARN memory of r6g.4xlarge 116736 / 21504 = 5.43 → 5
    const job = jobOn([group('CORE', ['r6g.4xlarge'], 'SPOT')]);
    const plan = planWith({ cores: 4, memory: '16384m', memoryOverhead: '3072m' }, { type: 'Python', sparkConf: { 'spark.executor.pyspark.memory': '2g' } });
    expect(packJob(job, plan, options)).toMatchObject({
      allocatable: { cpuMilli: 15890, memoryMiB: 128143, pods: 234, source: 'formula' },
      pod: { cpuMilli: 4000, memoryMiB: 21504 },
      perNode: 3,
      stranded: { cpuMilli: 3690, memoryMiB: 63119 },
      emrPerNode: 5,
    });
  });
});

describe('packJob: sources and shapes', () => {
  it('prefers measured allocatable from packing.allocatable and the configured DaemonSet overhead', () => {
    // 61255840Ki = 59820.15… MiB → 59820; free 59820 − 1024 = 58796 MiB; CPU 7800 − 500 = 7300m; pods 58 (ENI table) − 4
    // memory 58796 / 22528 = 2.6 → 2; CPU 7300 / 2000 = 3 → 2, bound by memory; stranded 7300 − 4000 = 3300m, 58796 − 45056 = 13740 MiB
    const measured = {
      ...packing,
      daemonSetOverhead: { cpu: '500m', memory: '1Gi' },
      allocatable: { 'r5.2xlarge': { cpu: '7800m', memory: '61255840Ki' } },
    };
    const job = jobOn([group('CORE', ['r5.2xlarge'])]);
    const plan = planWith({ cores: 2, memory: '18971m', memoryOverhead: '3557m' });
    expect(packJob(job, plan, { packing: measured, rightSize: false })).toMatchObject({
      allocatable: { cpuMilli: 7800, memoryMiB: 59820, pods: 58, source: 'config' },
      daemonSetOverhead: { cpuMilli: 500, memoryMiB: 1024, pods: 4 },
      perNode: 2,
      boundBy: 'memory',
      stranded: { cpuMilli: 3300, memoryMiB: 13740 },
    });
  });

  it('uses a fractional coreRequest as the pod CPU and reports every executor type of a fleet', () => {
    // m5.4xlarge free 15690m: 15690 / 3138 = 5.0 → 5; memory 62095 / 9728 → 6 → 5 per node, as on EMR
    const job = jobOn([group('MASTER', ['m5.xlarge']), group('CORE', ['m5.4xlarge']), group('TASK', ['r6g.4xlarge', 'm5.4xlarge'], 'SPOT')]);
    const plan = planWith({ cores: 4, coreRequest: '3138m', memory: '8192m', memoryOverhead: '1536m' });
    const packed = packJob(job, plan, options);
    expect(packed).toMatchObject({ instanceType: 'm5.4xlarge', pod: { cpuMilli: 3138 }, perNode: 5, emrPerNode: 5 });
    // r6g.4xlarge: 15690 / 3138 → 5; 127631 / 9728 → 13; EMR 116736 / 9728 = 12
    expect(packed?.otherTypes).toEqual([
      expect.objectContaining({ instanceType: 'r6g.4xlarge', perNode: 5, boundBy: 'cpu', emrPerNode: 12 }),
    ]);
  });

  it('leaves packing out without an executor size, a known type, or for a non-Spark job', () => {
    const job = jobOn([group('CORE', ['r5.2xlarge'])]);
    expect(packJob(job, planWith({ cores: 2 }), options)).toBeUndefined();
    const unknown = jobOn([{ role: 'CORE', instanceTypes: [], unknownTypes: ['x9z.mega'], count: 2, market: 'ON_DEMAND' }]);
    expect(packJob(unknown, planWith({ cores: 2, memory: '4096m', memoryOverhead: '768m' }), options)).toBeUndefined();
    expect(packJob(job, planWith({ cores: 2, memory: '4096m', memoryOverhead: '768m' }, { kind: 'hive' }), options)).toBeUndefined();
  });

  it('packs an uncatalogued type when packing.allocatable measures it', () => {
    // 16000m − 200 = 15800m; 120Gi = 122880 − 512 = 122368 MiB; pods 110 (fallback) − 4 = 106
    // 15800 / 2000 = 7; 122368 / 4864 = 25 → 7, CPU; no EMR figure without YARN memory
    const unknown = jobOn([{ role: 'CORE', instanceTypes: [], unknownTypes: ['x9z.mega'], count: 2, market: 'ON_DEMAND' }]);
    const measured = { ...packing, allocatable: { 'x9z.mega': { cpu: '16', memory: '120Gi' } } };
    const packed = packJob(unknown, planWith({ cores: 2, memory: '4096m', memoryOverhead: '768m' }), { packing: measured, rightSize: false });
    expect(packed).toMatchObject({ allocatable: { cpuMilli: 16000, memoryMiB: 122880, pods: 110, source: 'config' }, perNode: 7, boundBy: 'cpu' });
    expect(packed?.emrPerNode).toBeUndefined();
  });
});
