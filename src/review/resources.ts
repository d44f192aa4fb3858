import { defaultProjectConfig } from '../config/project-config.js';
import type { JobPlan } from '../model/job-plan.js';
import type { SparkJob } from '../model/spark-job.js';
import { cpuRequest, podMemoryMiB, type PackingConfig } from '../packing/index.js';
import { nodePacking } from './node-packing.js';
import type { ResourceRow, ResourcesView } from './types.js';

/** Shown for a quantity the plan does not have. */
const UNSET = '–';

function mib(n: number | undefined): string {
  return n === undefined ? UNSET : `${n}m`;
}

function row(role: ResourceRow['role'], label: string, emr: string | undefined, k8s: string | undefined, note?: string): ResourceRow {
  const left = emr ?? UNSET;
  const right = k8s ?? UNSET;
  return { role, label, emr: left, k8s: right, differs: left !== right, ...(note !== undefined && { note }) };
}

/**
 * `10`, or `dyn 1/2/40` (min/initial/max) when dynamic allocation is on. An unset bound is
 * Spark's default (facts §4.1): min 0, max unbounded (∞), initial derived at start-up (–).
 */
function executorCount(plan: JobPlan): string {
  const da = plan.dynamicAllocation;
  if (da?.enabled) {
    const part = (n: number | undefined, unset: string): string => (n === undefined ? unset : String(n));
    return `dyn ${part(da.minExecutors, '0')}/${part(da.initialExecutors, UNSET)}/${part(da.maxExecutors, '∞')}`;
  }
  return plan.executor.instances === undefined ? UNSET : String(plan.executor.instances);
}

function yarnCalculatorNote(job: SparkJob): string {
  const calculator = job.classifications
    .find((c) => c.classification === 'capacity-scheduler')
    ?.properties['yarn.scheduler.capacity.resource-calculator'];
  return calculator?.includes('DominantResourceCalculator')
    ? 'YARN enforced vCores (DominantResourceCalculator)'
    : 'YARN did not enforce vCores (memory-only scheduling)';
}

/**
 * The Resources pane: each quantity on EMR and on Kubernetes, side by side. The EMR side is
 * the baseline plan (no review answers), which the resource rules made equal to the EMR YARN
 * container (facts §2); the Kubernetes side is the current plan, answers applied. Memory is
 * heap, overhead and the container or pod total (heap + overhead, plus off-heap and PySpark
 * memory for executors, facts §2.1); CPU request is `coreRequest ?? cores` (facts §3). Packing
 * uses the project's `packing` settings (default ones when the caller has none).
 */
export function compareResources(job: SparkJob, baseline: JobPlan, current: JobPlan, packing: PackingConfig = defaultProjectConfig().packing): ResourcesView {
  const emrSpark = job.facts.sparkVersion;
  const k8sSpark = current.sparkVersion ?? emrSpark;
  const clientMode = job.conf['spark.submit.deployMode']?.value.trim().toLowerCase() !== 'cluster';
  const rows: ResourceRow[] = [];
  for (const role of ['driver', 'executor'] as const) {
    const before = baseline[role];
    const after = current[role];
    rows.push(
      row(role, 'heap', before.memory, after.memory),
      row(role, 'overhead', before.memoryOverhead, after.memoryOverhead),
      row(
        role,
        'container/pod',
        mib(podMemoryMiB(baseline, role, emrSpark)),
        mib(podMemoryMiB(current, role, k8sSpark)),
        role === 'driver' && clientMode ? 'EMR client mode: the driver ran on the master node, outside YARN' : undefined,
      ),
      row(role, 'cores', before.cores?.toString(), after.cores?.toString()),
      row(role, 'CPU request', cpuRequest(before), cpuRequest(after), role === 'executor' ? yarnCalculatorNote(job) : undefined),
    );
  }
  rows.push(row('executor', 'instances', executorCount(baseline), executorCount(current)));
  const packed = nodePacking(job, baseline, current, packing);
  return { rows, ...(packed !== undefined && { packing: packed }) };
}
