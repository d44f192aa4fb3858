import type { JobPlan, PodPlan } from '../model/job-plan.js';
import { parseSparkMemoryMiB } from '../model/quantities.js';
import { cpuMillicores } from './quantities.js';

/**
 * A plan's driver or executor read back as the numbers a scheduler sees: the memory of the
 * YARN container or Kubernetes pod (facts §2.1, §2.3) and the CPU request (facts §3).
 */

/** Whether a Spark version string (`3.4.1`) is at least `major.minor`. */
function versionAtLeast(version: string | undefined, major: number, minor: number): boolean {
  const [maj = 0, min = 0] = (version ?? '').split('.').map((p) => Number.parseInt(p, 10) || 0);
  return maj > major || (maj === major && min >= minor);
}

/** Off-heap MiB Spark adds to an executor container: only when enabled, only from Spark 3.0 (facts §2.1). */
export function offHeapMiB(plan: JobPlan, sparkVersion: string | undefined): number {
  if (plan.sparkConf['spark.memory.offHeap.enabled']?.trim().toLowerCase() !== 'true') return 0;
  if (!versionAtLeast(sparkVersion, 3, 0)) return 0;
  const size = plan.sparkConf['spark.memory.offHeap.size'];
  if (size === undefined) return 0;
  // spark.memory.offHeap.size is a byte count when it has no unit.
  return parseSparkMemoryMiB(/^\s*\d+\s*$/.test(size) ? `${size.trim()}b` : size) ?? 0;
}

/** PySpark worker MiB Spark adds to an executor container of a Python app (facts §2.1). */
export function pysparkMiB(plan: JobPlan): number {
  if (plan.type !== 'Python') return 0;
  const size = plan.sparkConf['spark.executor.pyspark.memory'];
  return size === undefined ? 0 : (parseSparkMemoryMiB(size) ?? 0);
}

/**
 * Memory of the container (YARN) or pod (Kubernetes) of one role: heap + overhead, plus
 * off-heap and PySpark memory for executors. Undefined when heap or overhead is missing.
 */
export function podMemoryMiB(plan: JobPlan, role: 'driver' | 'executor', sparkVersion: string | undefined): number | undefined {
  const pod: PodPlan = plan[role];
  const heap = pod.memory === undefined ? undefined : parseSparkMemoryMiB(pod.memory);
  const overhead = pod.memoryOverhead === undefined ? undefined : parseSparkMemoryMiB(pod.memoryOverhead);
  if (heap === undefined || overhead === undefined) return undefined;
  return role === 'executor' ? heap + overhead + offHeapMiB(plan, sparkVersion) + pysparkMiB(plan) : heap + overhead;
}

/** The Kubernetes CPU request of a pod: `coreRequest`, else `cores` (facts §3). */
export function cpuRequest(pod: PodPlan): string | undefined {
  return pod.coreRequest ?? (pod.cores === undefined ? undefined : String(pod.cores));
}

/** An executor pod as the scheduler sees it; undefined when the plan lacks its sizes. */
export interface PodSize {
  cpuMilli: number;
  memoryMiB: number;
}

/** The executor pod of a plan in millicores and MiB; `sparkVersion` decides whether off-heap counts. */
export function executorPodSize(plan: JobPlan, sparkVersion: string | undefined): PodSize | undefined {
  const memory = podMemoryMiB(plan, 'executor', sparkVersion);
  const request = cpuRequest(plan.executor);
  const cpu = request === undefined ? undefined : cpuMillicores(request);
  if (memory === undefined || memory <= 0 || cpu === undefined || cpu <= 0) return undefined;
  return { cpuMilli: cpu, memoryMiB: memory };
}
