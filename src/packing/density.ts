import type { SparkJob } from '../model/spark-job.js';
import { emrExecutorsPerNode } from './emr-per-node.js';
import { availableForExecutors, fitPods, type BoundBy } from './fit.js';
import { daemonSetOverhead, executorNodeTypes, nodeAllocatable, type PackingConfig } from './node-capacity.js';

/**
 * Executor density on EMR and on EKS for one instance type: how many executors YARN put on a
 * node (by memory, facts §3) and how many Kubernetes fits (by CPU request, memory and pod slots,
 * facts §9), and the CPU request that would keep EMR's count (`packing.coreRequest: emr-density`).
 */
export interface ExecutorDensity {
  instanceType: string;
  role: 'CORE' | 'TASK';
  allocatableSource: 'formula' | 'config';
  emrPerNode: number;
  emrBoundBy: 'memory' | 'vcores';
  /** With a CPU request of the executor's whole cores. */
  eksPerNode: number;
  eksBoundBy: BoundBy;
  /** floor((allocatable CPU − DaemonSet CPU) / EMR executors per node), millicores; never above the cores. */
  densityRequestMilli: number;
  /** Cluster configuration properties that decided the EMR figure (`classification/key`). */
  from: Array<{ classification: string; key: string }>;
}

/**
 * Density on the job's target type: the first core type, else the first task type (the types
 * of src/packing/node-capacity.ts `executorNodeTypes`). Undefined when that type's allocatable
 * or YARN memory is unknown, or YARN fit no executor on it. `containerMiB` is the executor
 * container EMR gave (= the pod's memory), `cores` the executor's whole cores.
 */
export function executorDensity(job: Readonly<SparkJob>, packing: PackingConfig, containerMiB: number, cores: number): ExecutorDensity | undefined {
  const [type] = executorNodeTypes(job.facts);
  if (type === undefined || containerMiB <= 0 || cores <= 0) return undefined;
  const allocatable = nodeAllocatable(type, packing);
  if (allocatable === undefined) return undefined;
  const emr = emrExecutorsPerNode(job.classifications, type, containerMiB, cores);
  if (emr.perNode === undefined || emr.boundBy === undefined || emr.perNode < 1) return undefined;
  const overhead = daemonSetOverhead(packing);
  const eks = fitPods(allocatable, overhead, { cpuMilli: cores * 1000, memoryMiB: containerMiB });
  const freeCpu = availableForExecutors(allocatable, overhead).cpuMilli;
  return {
    instanceType: type.instanceType,
    role: type.role,
    allocatableSource: allocatable.source,
    emrPerNode: emr.perNode,
    emrBoundBy: emr.boundBy,
    eksPerNode: eks.perNode,
    eksBoundBy: eks.boundBy,
    densityRequestMilli: Math.min(cores * 1000, Math.floor(freeCpu / emr.perNode)),
    from: emr.from,
  };
}
