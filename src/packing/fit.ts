import type { NodeAllocatable, NodeOverhead } from './node-capacity.js';
import type { PodSize } from './pod-size.js';

/** What limits the number of executors on a node. */
export type BoundBy = 'cpu' | 'memory' | 'pods';

/** How many pods of one size fit a node, and what stays unused. */
export interface NodeFit {
  perNode: number;
  boundBy: BoundBy;
  /** Node allocatable − DaemonSet overhead − perNode × pod, never negative. */
  stranded: { cpuMilli: number; memoryMiB: number };
}

/** CPU, memory and pod slots left for executors once DaemonSets are placed (never negative). */
export function availableForExecutors(node: NodeAllocatable, overhead: NodeOverhead): { cpuMilli: number; memoryMiB: number; pods: number } {
  return {
    cpuMilli: Math.max(0, node.cpuMilli - overhead.cpuMilli),
    memoryMiB: Math.max(0, node.memoryMiB - overhead.memoryMiB),
    pods: Math.max(0, node.pods - overhead.pods),
  };
}

/**
 * Executors per node = floor(min((allocCPU − dsCPU) / podCPU, (allocMem − dsMem) / podMem,
 * pods − dsPods)) (facts §9). `boundBy` names the smallest of the three; on a tie CPU comes
 * first, then memory, since those are what a resize can change.
 */
export function fitPods(node: NodeAllocatable, overhead: NodeOverhead, pod: PodSize): NodeFit {
  const free = availableForExecutors(node, overhead);
  const limits: Array<[BoundBy, number]> = [
    ['cpu', Math.floor(free.cpuMilli / pod.cpuMilli)],
    ['memory', Math.floor(free.memoryMiB / pod.memoryMiB)],
    ['pods', free.pods],
  ];
  let [boundBy, perNode] = limits[0] as [BoundBy, number];
  for (const [what, n] of limits) {
    if (n < perNode) [boundBy, perNode] = [what, n];
  }
  return {
    perNode,
    boundBy,
    stranded: { cpuMilli: free.cpuMilli - perNode * pod.cpuMilli, memoryMiB: free.memoryMiB - perNode * pod.memoryMiB },
  };
}
