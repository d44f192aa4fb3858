import { describe, expect, it } from 'vitest';
import { defaultProjectConfig } from '../config/project-config.js';
import { packJob } from './job-packing.js';
import { daemonSetOverhead, nodeAllocatable } from './node-capacity.js';
import { group, jobOn, planWith, typeFacts } from './packing-fixture.js';
import { rightSizeExecutor } from './right-size.js';

const packing = defaultProjectConfig().packing;
const overhead = daemonSetOverhead(packing);
const node = (type: string) => nodeAllocatable({ instanceType: type, facts: typeFacts(type) }, packing)!;

describe('rightSizeExecutor', () => {
  it('m5.4xlarge: 3-core executors grown to a fifth of the node strand 690m and no memory', () => {
    // free 15690m, 62095 MiB (see job-packing.test.ts). Now 3 × (4000m, 9728 MiB): 3690m and 32911 MiB stranded.
    // Candidates (cores k → executors n = min(15690 / 1000k, 62095 / 9728 = 6), each pod 62095 / n):
    //   k=2: n=6, 3690m left; k=3: n=5, pod 12419, 690m and 0 MiB left; k=5: n=3, 690m and 1 MiB left;
    //   k=15: n=1, 690m, 0 MiB — ties with k=3, which is closer to the current 4 cores.
    // heap = 12419 − 1536 = 10883 MiB ≥ 8192; per core 10883 / 3 = 3627 ≥ 8192 / 4 = 2048.
    // task slots: 12 × 4 = 48 → 48 / 3 = 16 executors.
    const result = rightSizeExecutor('m5.4xlarge', node('m5.4xlarge'), overhead, { heapMiB: 8192, overheadMiB: 1536, extrasMiB: 0, cores: 4, instances: 12 });
    expect('proposal' in result && result.proposal).toEqual({
      heapMiB: 10883,
      cores: 3,
      instances: 16,
      pod: { cpuMilli: 3000, memoryMiB: 12419 },
      perNode: 5,
      boundBy: 'cpu',
      stranded: { cpuMilli: 690, memoryMiB: 0 },
      settings: { 'spark.executor.memory': '10883m', 'spark.executor.cores': '3', 'spark.executor.instances': '16' },
    });
    expect(result.explanation).toContain('3 executors of 4 cores (4000m, 9728 MiB) per node strand 3690m CPU and 32911 MiB on m5.4xlarge');
    expect(result.explanation).toContain('16 executors keep the job\'s 48 task slots');
  });

  it('keeps the cores and the explicit request, growing only the heap', () => {
    // 15690 / 3138 = 5 per node; memory 62095 / 5 = 12419 per pod → heap 12419 − 1536 − 1024 (PySpark) = 9859
    const result = rightSizeExecutor('m5.4xlarge', node('m5.4xlarge'), overhead, { heapMiB: 8192, overheadMiB: 1536, extrasMiB: 1024, cores: 4, requestMilli: 3138 });
    expect('proposal' in result && result.proposal).toMatchObject({ heapMiB: 9859, cores: 4, pod: { cpuMilli: 3138, memoryMiB: 12419 }, perNode: 5, settings: { 'spark.executor.memory': '9859m' } });
    expect('proposal' in result && result.proposal.instances).toBeUndefined();
  });

  it('never proposes less heap per core, and proposes nothing when the node is already full', () => {
    // r5.2xlarge free 7710m, 64031 MiB; a 1-core executor of 64031 − 31 MiB fills the memory of one node exactly,
    // and a bigger core count would need heap per core ≥ 64000, which the node cannot give.
    const full = rightSizeExecutor('r5.2xlarge', node('r5.2xlarge'), overhead, { heapMiB: 64000, overheadMiB: 31, extrasMiB: 0, cores: 1 });
    expect('proposal' in full).toBe(false);
    expect(full.explanation).toContain('no size strands less');
  });

  it('says when one executor does not fit the node at all', () => {
    const result = rightSizeExecutor('r5.2xlarge', node('r5.2xlarge'), overhead, { heapMiB: 70000, overheadMiB: 4000, extrasMiB: 0, cores: 4 });
    expect(result.explanation).toBe('One executor pod (4000m CPU, 74000 MiB) does not fit a r5.2xlarge node (7710m, 64031 MiB after DaemonSets): choose a larger instance type');
  });

  it('is attached to the job packing with --right-size only', () => {
    const job = jobOn([group('CORE', ['m5.4xlarge'])]);
    const plan = planWith({ cores: 4, memory: '8192m', memoryOverhead: '1536m', instances: 12 });
    expect(packJob(job, plan, { packing, rightSize: false })?.rightSize).toBeUndefined();
    expect(packJob(job, plan, { packing, rightSize: true })?.rightSize).toMatchObject({ proposal: { cores: 3, heapMiB: 10883 } });
    // With dynamic allocation the executor count is not fixed, so no instances are proposed.
    const dynamic = planWith({ cores: 4, memory: '8192m', memoryOverhead: '1536m' }, { dynamicAllocation: { enabled: true, maxExecutors: 40 } });
    expect(packJob(job, dynamic, { packing, rightSize: true })?.rightSize).toMatchObject({ proposal: { cores: 3, settings: { 'spark.executor.cores': '3' } } });
  });
});
