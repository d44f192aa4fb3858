import { beforeAll, describe, expect, it } from 'vitest';
import { defaultProjectConfig } from '../config/project-config.js';
import type { Conversion } from '../engine/conversion.js';
import type { JobPlan } from '../model/job-plan.js';
import type { ClusterFacts, SparkJob } from '../model/spark-job.js';
import { findJob } from './job-view.js';
import { cpuMillicores, DAEMONSET_PODS } from '../packing/index.js';
import { compareResources } from './resources.js';
import { loadFixture } from './review-fixture.js';
import { convertInputs } from '../engine/conversion.js';
import type { ResourcesView } from './types.js';

// fixtures/nightly-etl: customer-aggregates is a Java job with 18971m + 3557m executors
// (22528 MiB containers), 5 cores, 10 instances; daily-orders-etl is PySpark, 16384m + 3072m,
// 4 cores, dynamic allocation up to 40. Core and task nodes are r5.2xlarge.
const JAVA = 'j-2AXXXXXXGAPLF/s-0C7XK2M3N4P5Q';
const PYTHON = 'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q';

let conversion: Conversion;
beforeAll(async () => {
  conversion = convertInputs(await loadFixture(['fixtures/nightly-etl/input']));
});

function pieces(id: string): { job: SparkJob; plan: JobPlan } {
  const { job, plan } = findJob(conversion, id);
  return { job: job!, plan: plan! };
}
const withConf = (plan: JobPlan, conf: Record<string, string>): JobPlan => ({ ...plan, sparkConf: { ...plan.sparkConf, ...conf } });
const withExecutor = (plan: JobPlan, executor: Partial<JobPlan['executor']>): JobPlan => ({ ...plan, executor: { ...plan.executor, ...executor } });
const withRoles = (job: SparkJob, roles: ClusterFacts['roles']): SparkJob => ({ ...job, facts: { ...job.facts, roles } });
const cell = (view: ResourcesView, role: string, label: string) => view.rows.find((r) => r.role === role && r.label === label);

describe('compareResources: memory', () => {
  it('adds off-heap memory to executor containers when it is enabled', () => {
    const { job, plan } = pieces(JAVA);
    const offHeap = withConf(plan, { 'spark.memory.offHeap.enabled': 'true', 'spark.memory.offHeap.size': '2g' });
    const view = compareResources(job, plan, offHeap);
    // 22528 + 2048 on the Kubernetes side only: the baseline had no off-heap.
    expect(cell(view, 'executor', 'container/pod')).toMatchObject({ emr: '22528m', k8s: '24576m', differs: true });
    expect(cell(view, 'driver', 'container/pod')).toMatchObject({ emr: '4512m', k8s: '4512m', differs: false });
    const disabled = withConf(plan, { 'spark.memory.offHeap.enabled': 'false', 'spark.memory.offHeap.size': '2g' });
    expect(cell(compareResources(job, plan, disabled), 'executor', 'container/pod')?.k8s).toBe('22528m');
    // A bare off-heap size is a byte count.
    const bytes = withConf(plan, { 'spark.memory.offHeap.enabled': 'true', 'spark.memory.offHeap.size': '1073741824' });
    expect(cell(compareResources(job, plan, bytes), 'executor', 'container/pod')?.k8s).toBe(`${22528 + 1024}m`);
  });

  it('leaves off-heap out of the EMR container before Spark 3.0, where it lived inside the overhead', () => {
    const { job, plan } = pieces(JAVA);
    const offHeap = withConf(plan, { 'spark.memory.offHeap.enabled': 'true', 'spark.memory.offHeap.size': '2g' });
    const spark2 = { ...job, facts: { ...job.facts, sparkVersion: '2.4.8' } };
    expect(cell(compareResources(spark2, offHeap, offHeap), 'executor', 'container/pod')).toMatchObject({ emr: '22528m', k8s: '24576m' });
  });

  it('adds PySpark memory for Python apps only', () => {
    const python = pieces(PYTHON);
    const view = compareResources(python.job, python.plan, withConf(python.plan, { 'spark.executor.pyspark.memory': '1g' }));
    // 16384 + 3072 = 19456, plus 1024 of PySpark worker memory.
    expect(cell(view, 'executor', 'container/pod')).toMatchObject({ emr: '19456m', k8s: '20480m', differs: true });
    const java = pieces(JAVA);
    const javaView = compareResources(java.job, java.plan, withConf(java.plan, { 'spark.executor.pyspark.memory': '1g' }));
    expect(cell(javaView, 'executor', 'container/pod')?.k8s).toBe('22528m');
  });

  it('shows dynamic allocation bounds, Spark defaults for unset ones', () => {
    const { job, plan } = pieces(PYTHON);
    expect(cell(compareResources(job, plan, plan), 'executor', 'instances')).toMatchObject({ emr: 'dyn 0/–/40', k8s: 'dyn 0/–/40' });
    const bounded = { ...plan, dynamicAllocation: { enabled: true, minExecutors: 2, initialExecutors: 4, maxExecutors: 20 } };
    expect(cell(compareResources(job, plan, bounded), 'executor', 'instances')).toMatchObject({ k8s: 'dyn 2/4/20', differs: true });
    const fixed = { ...plan, dynamicAllocation: { enabled: false }, executor: { ...plan.executor, instances: 6 } };
    expect(cell(compareResources(job, plan, fixed), 'executor', 'instances')).toMatchObject({ emr: 'dyn 0/–/40', k8s: '6' });
  });

  it('shows – for what a plan lacks, without throwing', () => {
    const { job, plan } = pieces(JAVA);
    const bare = { ...plan, driver: { ...plan.driver, memory: undefined, memoryOverhead: undefined }, executor: { ...plan.executor, memoryOverhead: undefined, cores: undefined } };
    const view = compareResources(job, bare, bare);
    expect(cell(view, 'driver', 'heap')).toMatchObject({ emr: '–', k8s: '–', differs: false });
    expect(cell(view, 'executor', 'container/pod')).toMatchObject({ emr: '–', k8s: '–' });
    expect(view.packing).toMatchObject({ instanceType: 'r5.2xlarge', note: 'EMR: executor container size unknown; EKS: executor pod size unknown' });
    expect(view.packing?.emrExecutorsPerNode).toBeUndefined();
  });
});

describe('compareResources: packing one node', () => {
  it('packs EMR by memory and EKS by the smallest of CPU, memory and pod slots', () => {
    const { job, plan } = pieces(JAVA);
    const small = withExecutor(plan, { memory: '128m', memoryOverhead: '384m', coreRequest: '50m' });
    const r5large = withRoles(job, [
      { role: 'CORE', instanceTypes: [{ type: 'r5.large', vcpu: 2, memoryMiB: 16384, arch: 'x86_64' }], unknownTypes: [], count: 2, market: 'ON_DEMAND' },
    ]);
    // r5.large: maxPods 29 → 25 slots; CPU 2000 − 70 − 200 (DaemonSets) = 1730m / 50m = 34; memory 16384 − 574 − 100 − 512 = 15198 / 512 = 29.
    expect(compareResources(r5large, small, small).packing).toMatchObject({ instanceType: 'r5.large', eksExecutorsPerNode: 29 - DAEMONSET_PODS, eksBoundBy: 'pods' });
    // Memory-bound: a 4096 + 384 pod with half a core: (64543 − 512) / 4480 = 14, CPU (7910 − 200) / 500 = 15.
    const memoryBound = withExecutor(plan, { memory: '4096m', memoryOverhead: '384m', coreRequest: '0.5' });
    expect(compareResources(job, plan, memoryBound).packing).toMatchObject({ emrExecutorsPerNode: 2, eksExecutorsPerNode: 14, eksBoundBy: 'memory' });
  });

  it('follows the project packing settings: measured allocatable and DaemonSet overhead', () => {
    const { job, plan } = pieces(JAVA);
    const memoryBound = withExecutor(plan, { memory: '4096m', memoryOverhead: '384m', coreRequest: '0.5' });
    const packing = { ...defaultProjectConfig().packing, daemonSetOverhead: { cpu: '200m', memory: '0Mi' }, allocatable: { 'r5.2xlarge': { cpu: '7', memory: '40000Mi' } } };
    // 40000 / 4480 = 8.9 → 8 by memory; CPU (7000 − 200) / 500 = 13.
    const view = compareResources(job, plan, memoryBound, packing);
    expect(view.packing).toMatchObject({ eksExecutorsPerNode: 8, eksBoundBy: 'memory', note: expect.stringContaining('measured allocatable (packing.allocatable)') });
  });

  it('honours yarn-site memory and a DominantResourceCalculator from the cluster config', () => {
    const { job, plan } = pieces(JAVA);
    const yarnSite = { classification: 'yarn-site', properties: { 'yarn.nodemanager.resource.memory-mb': '90112', 'yarn.nodemanager.resource.cpu-vcores': '8' }, configurations: [] };
    const larger = { ...job, classifications: [yarnSite] };
    // 90112 / 22528 = 4 executors by memory.
    expect(compareResources(larger, plan, plan).packing).toMatchObject({ emrExecutorsPerNode: 4, note: expect.stringContaining('memory only (90112 MiB per node)') });
    const drc = {
      classification: 'capacity-scheduler',
      properties: { 'yarn.scheduler.capacity.resource-calculator': 'org.apache.hadoop.yarn.util.resource.DominantResourceCalculator' },
      configurations: [],
    };
    const dominant = { ...job, classifications: [yarnSite, drc] };
    const view = compareResources(dominant, plan, plan);
    // vCores bound it now: 8 / 5 cores = 1.
    expect(view.packing).toMatchObject({ emrExecutorsPerNode: 1, note: expect.stringContaining('DominantResourceCalculator') });
    expect(cell(view, 'executor', 'CPU request')?.note).toBe('YARN enforced vCores (DominantResourceCalculator)');
  });

  it('uses the task type when there is no core type, and says so when the type is unknown', () => {
    const { job, plan } = pieces(JAVA);
    const taskOnly = withRoles(job, [
      { role: 'MASTER', instanceTypes: [{ type: 'm5.xlarge', vcpu: 4, memoryMiB: 16384, yarnMemoryMiB: 12288, arch: 'x86_64' }], unknownTypes: [], count: 1, market: 'ON_DEMAND' },
      { role: 'TASK', instanceTypes: [{ type: 'm5.4xlarge', vcpu: 16, memoryMiB: 65536, yarnMemoryMiB: 57344, arch: 'x86_64' }], unknownTypes: [], count: 4, market: 'SPOT' },
    ]);
    expect(compareResources(taskOnly, plan, plan).packing).toMatchObject({ instanceType: 'm5.4xlarge', emrExecutorsPerNode: 2, eksExecutorsPerNode: 2, eksBoundBy: 'memory' });
    const unknown = withRoles(job, [{ role: 'CORE', instanceTypes: [], unknownTypes: ['x9z.mega'], count: 2, market: 'ON_DEMAND' }]);
    expect(compareResources(unknown, plan, plan).packing).toEqual({ instanceType: 'x9z.mega', note: 'x9z.mega is not in the instance catalog: no packing figures' });
    expect(compareResources(withRoles(job, []), plan, plan).packing).toBeUndefined();
  });
});

describe('cpuMillicores', () => {
  it('reads Kubernetes CPU quantities', () => {
    expect(cpuMillicores('2')).toBe(2000);
    expect(cpuMillicores('0.5')).toBe(500);
    expect(cpuMillicores('500m')).toBe(500);
    expect(cpuMillicores('.25')).toBe(250);
    expect(cpuMillicores('two')).toBeUndefined();
  });
});
