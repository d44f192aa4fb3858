/**
 * Bin-packing of executors on Kubernetes nodes (docs/placement.md "Packing"): node allocatable
 * (facts §9), executors per node on EMR and on EKS, stranded CPU and memory, right-sizing and
 * the EMR-density CPU request. Pure; shared by the report, the review and the resource rules.
 */
export { executorDensity, type ExecutorDensity } from './density.js';
export { emrExecutorsPerNode, type EmrNodeFit } from './emr-per-node.js';
export { availableForExecutors, fitPods, type BoundBy, type NodeFit } from './fit.js';
export { packJob, type JobPacking, type PackJobOptions, type TypePacking } from './job-packing.js';
export {
  DAEMONSET_PODS,
  daemonSetOverhead,
  executorNodeTypes,
  nodeAllocatable,
  type ExecutorNodeType,
  type NodeAllocatable,
  type NodeOverhead,
  type PackingConfig,
} from './node-capacity.js';
export { cpuRequest, executorPodSize, offHeapMiB, podMemoryMiB, pysparkMiB, type PodSize } from './pod-size.js';
export { cpuMillicores, memoryMiB } from './quantities.js';
export { MIN_HEAP_GAIN_MIB, rightSizeExecutor, type ExecutorShape, type RightSize, type RightSizeProposal } from './right-size.js';
