import { availableForExecutors, fitPods, type BoundBy } from './fit.js';
import type { NodeAllocatable, NodeOverhead } from './node-capacity.js';
import type { PodSize } from './pod-size.js';

/**
 * `convert --right-size`: executor sizes that strand less of a node (docs/placement.md
 * "Packing"). Never less heap than the executor had, never less heap per task slot, and the
 * memory overhead and off-heap/PySpark extras are kept as they are.
 */

/** An executor as the plan has it, in MiB and cores. */
export interface ExecutorShape {
  heapMiB: number;
  overheadMiB: number;
  /** Off-heap + PySpark memory counted in the pod. */
  extrasMiB: number;
  cores: number;
  /** An explicit fractional CPU request (`coreRequest`); the cores then stay as they are. */
  requestMilli?: number;
  /** Fixed executor count; absent with dynamic allocation. */
  instances?: number;
}

/** A proposed executor size and how it packs the node. */
export interface RightSizeProposal {
  heapMiB: number;
  cores: number;
  /** Executors that keep the job's task slots (instances × cores), when the count is fixed. */
  instances?: number;
  pod: PodSize;
  perNode: number;
  boundBy: BoundBy;
  stranded: { cpuMilli: number; memoryMiB: number };
  /** The Spark settings to apply, e.g. through a review override. */
  settings: Record<string, string>;
}

export type RightSize = { proposal: RightSizeProposal; explanation: string } | { explanation: string };

/** A heap gain below this is not worth a change of the job's settings. */
export const MIN_HEAP_GAIN_MIB = 128;

interface Candidate {
  cores: number;
  cpuMilli: number;
  perNode: number;
  podMiB: number;
  score: number;
}

/** Stranded CPU and memory as fractions of what executors could use, summed: 0 is a full node. */
function strandedScore(free: { cpuMilli: number; memoryMiB: number }, cpu: number, memory: number): number {
  return (free.cpuMilli > 0 ? cpu / free.cpuMilli : 0) + (free.memoryMiB > 0 ? memory / free.memoryMiB : 0);
}

/**
 * The executor size that strands the least of one node: for every whole core count from 1 to
 * the node's free cores (only the current count when the request is explicit), as many
 * executors as CPU, the current pod memory and pod slots allow, each grown to an equal share
 * of the free memory (the growth goes to the heap). Candidates whose heap per core would fall
 * below the current one are skipped. Lowest stranded CPU + memory fraction wins; on a tie the
 * core count closest to the current one.
 */
export function rightSizeExecutor(instanceType: string, node: NodeAllocatable, overhead: NodeOverhead, executor: ExecutorShape): RightSize {
  const free = availableForExecutors(node, overhead);
  const fixedMiB = executor.overheadMiB + executor.extrasMiB;
  const currentPod: PodSize = { cpuMilli: executor.requestMilli ?? executor.cores * 1000, memoryMiB: executor.heapMiB + fixedMiB };
  const current = fitPods(node, overhead, currentPod);
  if (current.perNode === 0) {
    return { explanation: `One executor pod (${currentPod.cpuMilli}m CPU, ${currentPod.memoryMiB} MiB) does not fit a ${instanceType} node (${free.cpuMilli}m, ${free.memoryMiB} MiB after DaemonSets): choose a larger instance type` };
  }
  const currentScore = strandedScore(free, current.stranded.cpuMilli, current.stranded.memoryMiB);
  const coreOptions = executor.requestMilli !== undefined ? [executor.cores] : range(1, Math.max(executor.cores, Math.floor(free.cpuMilli / 1000)));
  let best: Candidate | undefined;
  for (const cores of coreOptions) {
    const cpuMilli = executor.requestMilli ?? cores * 1000;
    const perNode = Math.min(Math.floor(free.cpuMilli / cpuMilli), Math.floor(free.memoryMiB / currentPod.memoryMiB), free.pods);
    if (perNode < 1) continue;
    const podMiB = Math.floor(free.memoryMiB / perNode);
    const heap = podMiB - fixedMiB;
    // Never less heap per task slot than the executor had: heap / cores ≥ current heap / current cores.
    if (heap * executor.cores < executor.heapMiB * cores) continue;
    const candidate = { cores, cpuMilli, perNode, podMiB, score: strandedScore(free, free.cpuMilli - perNode * cpuMilli, free.memoryMiB - perNode * podMiB) };
    if (best === undefined || better(candidate, best, executor.cores)) best = candidate;
  }
  const heapGain = best === undefined ? 0 : best.podMiB - currentPod.memoryMiB;
  if (best === undefined || best.score >= currentScore || (best.cores === executor.cores && heapGain < MIN_HEAP_GAIN_MIB)) {
    return { explanation: `${describe(current.perNode, executor.cores, currentPod, current.stranded)} on ${instanceType}; no size strands less by a useful margin (at least ${MIN_HEAP_GAIN_MIB} MiB of heap or a better core count)` };
  }
  const proposal = toProposal(best, executor, node, overhead);
  const slots = proposal.instances === undefined ? '' : `; ${proposal.instances} executors keep the job's ${(executor.instances ?? 0) * executor.cores} task slots`;
  return {
    proposal,
    explanation:
      `${describe(current.perNode, executor.cores, currentPod, current.stranded)} on ${instanceType}; ` +
      `${describe(proposal.perNode, proposal.cores, proposal.pod, proposal.stranded)} with a ${proposal.heapMiB} MiB heap ` +
      `(overhead ${executor.overheadMiB} MiB kept; heap per core ${Math.floor(proposal.heapMiB / proposal.cores)} MiB, at least the current ${Math.floor(executor.heapMiB / executor.cores)} MiB)${slots}`,
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

function better(a: Candidate, b: Candidate, cores: number): boolean {
  if (a.score !== b.score) return a.score < b.score;
  return Math.abs(a.cores - cores) < Math.abs(b.cores - cores);
}

function describe(perNode: number, cores: number, pod: PodSize, stranded: { cpuMilli: number; memoryMiB: number }): string {
  return `${perNode} executor${perNode === 1 ? '' : 's'} of ${cores} core${cores === 1 ? '' : 's'} (${pod.cpuMilli}m, ${pod.memoryMiB} MiB) per node strand ${stranded.cpuMilli}m CPU and ${stranded.memoryMiB} MiB`;
}

function toProposal(best: Candidate, executor: ExecutorShape, node: NodeAllocatable, overhead: NodeOverhead): RightSizeProposal {
  const pod = { cpuMilli: best.cpuMilli, memoryMiB: best.podMiB };
  const fit = fitPods(node, overhead, pod);
  const heapMiB = best.podMiB - executor.overheadMiB - executor.extrasMiB;
  const instances =
    executor.instances !== undefined && best.cores !== executor.cores ? Math.ceil((executor.instances * executor.cores) / best.cores) : undefined;
  const settings: Record<string, string> = { 'spark.executor.memory': `${heapMiB}m` };
  if (best.cores !== executor.cores) settings['spark.executor.cores'] = String(best.cores);
  if (instances !== undefined) settings['spark.executor.instances'] = String(instances);
  return { heapMiB, cores: best.cores, ...(instances !== undefined && { instances }), pod, perNode: fit.perNode, boundBy: fit.boundBy, stranded: fit.stranded, settings };
}
