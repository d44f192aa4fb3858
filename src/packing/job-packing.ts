import type { JobPlan } from '../model/job-plan.js';
import { parseSparkMemoryMiB } from '../model/quantities.js';
import type { SparkJob } from '../model/spark-job.js';
import { emrExecutorsPerNode } from './emr-per-node.js';
import { fitPods, type BoundBy } from './fit.js';
import { daemonSetOverhead, executorNodeTypes, nodeAllocatable, type ExecutorNodeType, type NodeAllocatable, type PackingConfig } from './node-capacity.js';
import { cpuMillicores } from './quantities.js';
import { executorPodSize, offHeapMiB, pysparkMiB, type PodSize } from './pod-size.js';
import { rightSizeExecutor, type ExecutorShape, type RightSize } from './right-size.js';

/** How executors of a job pack one node of one instance type (report.json `packing`). */
export interface TypePacking {
  instanceType: string;
  allocatable: NodeAllocatable;
  pod: PodSize;
  perNode: number;
  boundBy: BoundBy;
  stranded: { cpuMilli: number; memoryMiB: number };
  /** Executors per node on EMR (YARN), when the node's YARN memory is known. */
  emrPerNode?: number;
  /** What bounded EMR: memory (the default calculator) or vCores (DominantResourceCalculator). */
  emrBoundBy?: 'memory' | 'vcores';
}

/** The packing of a job: its target type first, the other executor types of the cluster after. */
export interface JobPacking extends TypePacking {
  /** What DaemonSets take from every node (`packing.daemonSetOverhead`, 4 pod slots). */
  daemonSetOverhead: { cpuMilli: number; memoryMiB: number; pods: number };
  /** Other instance types executors ran on (fleets, several groups), each packed the same way. */
  otherTypes?: TypePacking[];
  /** `--right-size`: a size that strands less of the target type, or why there is none. */
  rightSize?: RightSize;
}

export interface PackJobOptions {
  packing: PackingConfig;
  rightSize: boolean;
}

function packType(job: SparkJob, type: ExecutorNodeType, allocatable: NodeAllocatable, pod: PodSize, packing: PackingConfig, cores: number | undefined): TypePacking {
  const fit = fitPods(allocatable, daemonSetOverhead(packing), pod);
  // The plan's executor is EMR's container (DESIGN principle 4), so YARN packed this many.
  const emr = emrExecutorsPerNode(job.classifications, type, pod.memoryMiB, cores);
  return {
    instanceType: type.instanceType,
    allocatable,
    pod,
    ...fit,
    ...(emr.perNode !== undefined && { emrPerNode: emr.perNode }),
    ...(emr.boundBy !== undefined && { emrBoundBy: emr.boundBy }),
  };
}

/**
 * How a job's executors pack the nodes of its cluster's executor instance types (facts §9):
 * node allocatable from the formula or `packing.allocatable`, minus `packing.daemonSetOverhead`,
 * divided by the executor pod (memory + overhead + off-heap + PySpark memory; CPU request =
 * `coreRequest ?? cores`). Undefined for a job without an executor pod size or without any
 * instance type whose allocatable is known.
 */
export function packJob(job: SparkJob, plan: JobPlan, options: PackJobOptions): JobPacking | undefined {
  if (plan.kind !== 'spark') return undefined;
  const sparkVersion = plan.sparkVersion ?? job.facts.sparkVersion;
  const pod = executorPodSize(plan, sparkVersion);
  if (pod === undefined) return undefined;
  const packed = executorNodeTypes(job.facts).flatMap((type) => {
    const allocatable = nodeAllocatable(type, options.packing);
    return allocatable === undefined ? [] : [{ type, allocatable, packing: packType(job, type, allocatable, pod, options.packing, plan.executor.cores) }];
  });
  const [target, ...others] = packed;
  if (target === undefined) return undefined;
  const overhead = daemonSetOverhead(options.packing);
  const result: JobPacking = { ...target.packing, daemonSetOverhead: overhead };
  if (others.length > 0) result.otherTypes = others.map((o) => o.packing);
  if (options.rightSize) {
    const shape = executorShape(plan, sparkVersion);
    if (shape !== undefined) result.rightSize = rightSizeExecutor(target.type.instanceType, target.allocatable, overhead, shape);
  }
  return result;
}

/** The plan's executor in MiB and cores, for right-sizing; undefined when a size is missing. */
function executorShape(plan: JobPlan, sparkVersion: string): ExecutorShape | undefined {
  const { executor } = plan;
  const heap = executor.memory === undefined ? undefined : parseSparkMemoryMiB(executor.memory);
  const overhead = executor.memoryOverhead === undefined ? undefined : parseSparkMemoryMiB(executor.memoryOverhead);
  if (heap === undefined || overhead === undefined || executor.cores === undefined) return undefined;
  const request = executor.coreRequest === undefined ? undefined : cpuMillicores(executor.coreRequest);
  const fixedCount = plan.dynamicAllocation?.enabled ? undefined : executor.instances;
  return {
    heapMiB: heap,
    overheadMiB: overhead,
    extrasMiB: offHeapMiB(plan, sparkVersion) + pysparkMiB(plan),
    cores: executor.cores,
    ...(request !== undefined && { requestMilli: request }),
    ...(fixedCount !== undefined && { instances: fixedCount }),
  };
}
