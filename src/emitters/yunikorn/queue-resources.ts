import type { SettingRef } from '../../model/source.js';
import { apportion } from './apportion.js';
import type { YarnQueue } from './capacity-scheduler.js';

/** An amount of the two resources YuniKorn queues are sized in. */
export interface Resources {
  memoryMiB: number;
  vcoreMillis: number;
}

/** A queue with absolute resources: what its percentages meant on its EMR cluster. */
export interface SizedQueue {
  path: string;
  name: string;
  /** Absolute `capacity`: the product of the percentages down the path × the cluster total. */
  guaranteed: Resources;
  /** Absolute `maximum-capacity` (the parent's maximum × the percentage; 100% when unset). */
  max: Resources;
  maxApplications?: number;
  sortPolicy?: 'fifo' | 'fair';
  children: SizedQueue[];
  refs: SettingRef[];
}

/** A place where the configured percentages had to be completed or corrected, said once per sibling group. */
export interface CapacityAdjustment {
  message: string;
  refs: SettingRef[];
}

/** YARN compares capacities with this tolerance (CapacityScheduler's PRECISION). */
const PRECISION = 0.0005;

function formatPercent(p: number): string {
  return `${Math.round(p * 1000) / 1000}%`;
}

/**
 * The share of each child in its parent's capacity. YARN requires siblings' capacities to add up
 * to 100 and refuses to start otherwise; a classification that left some out or does not add up
 * is completed (unset siblings share what the others leave) and scaled proportionally, and said.
 */
function childShares(parent: YarnQueue, adjustments: CapacityAdjustment[]): number[] {
  const children = parent.children;
  if (children.length === 0) return [];
  const specified = children.filter((c) => c.capacity !== undefined);
  const specifiedSum = specified.reduce((a, c) => a + (c.capacity as number), 0);
  const unset = children.filter((c) => c.capacity === undefined);
  const fill = unset.length > 0 ? Math.max(0, 100 - specifiedSum) / unset.length : 0;
  const refs = [parent.refs.queues, ...specified.map((c) => c.refs.capacity)].filter((r): r is string => r !== undefined);
  if (unset.length > 0) {
    adjustments.push({
      message: `${unset.map((c) => c.path).join(', ')} set no capacity; ${unset.length === 1 ? 'it gets' : 'they share'} the ${formatPercent(Math.max(0, 100 - specifiedSum))} of ${parent.path} that ${specified.length === 0 ? 'no sibling takes' : 'their siblings leave'} (${formatPercent(fill)} each)`,
      refs,
    });
  }
  const shares = children.map((c) => c.capacity ?? fill);
  const sum = shares.reduce((a, s) => a + s, 0);
  if (Math.abs(sum - 100) > PRECISION) {
    const listed = children.map((c, i) => `${c.name}=${formatPercent(shares[i] as number)}`).join(', ');
    adjustments.push({
      message:
        sum > 0
          ? `the capacities of ${parent.path}'s children add up to ${formatPercent(sum)} (${listed}), where YARN requires 100%; they are scaled to add up to 100%`
          : `the capacities of ${parent.path}'s children are all 0; its capacity is split evenly between them`,
      refs,
    });
  }
  return shares;
}

function capped(amount: Resources, percent: number): Resources {
  return { memoryMiB: Math.floor((amount.memoryMiB * percent) / 100), vcoreMillis: Math.floor((amount.vcoreMillis * percent) / 100) };
}

function atLeast(max: Resources, guaranteed: Resources): Resources {
  return { memoryMiB: Math.max(max.memoryMiB, guaranteed.memoryMiB), vcoreMillis: Math.max(max.vcoreMillis, guaranteed.vcoreMillis) };
}

function size(queue: YarnQueue, guaranteed: Resources, parentMax: Resources, adjustments: CapacityAdjustment[]): SizedQueue {
  const maxPercent = queue.path === 'root' ? 100 : (queue.maximumCapacity ?? 100);
  const max = atLeast(capped(parentMax, maxPercent), guaranteed);
  if (queue.capacity !== undefined && queue.maximumCapacity !== undefined && queue.maximumCapacity < queue.capacity) {
    adjustments.push({
      message: `${queue.path} has maximum-capacity ${formatPercent(queue.maximumCapacity)} below its capacity ${formatPercent(queue.capacity)}, which YARN refuses; its maximum is raised to its guarantee`,
      refs: [queue.refs.capacity, queue.refs['maximum-capacity']].filter((r): r is string => r !== undefined),
    });
  }
  const shares = childShares(queue, adjustments);
  const memory = apportion(guaranteed.memoryMiB, shares);
  const vcores = apportion(guaranteed.vcoreMillis, shares);
  const children = queue.children.map((child, i) => size(child, { memoryMiB: memory[i] as number, vcoreMillis: vcores[i] as number }, max, adjustments));
  return {
    path: queue.path,
    name: queue.name,
    guaranteed,
    max,
    ...(queue.maximumApplications !== undefined && { maxApplications: queue.maximumApplications }),
    ...(queue.orderingPolicy !== undefined && { sortPolicy: queue.orderingPolicy }),
    children,
    refs: Object.values(queue.refs),
  };
}

/**
 * Absolute resources for a YARN queue tree on a cluster of `total` resources: each queue's
 * guarantee is its capacity share of its parent's guarantee, split in whole MiB and millicores
 * so that at every level the children's guarantees add up exactly to the parent's, and the
 * root's is the cluster total. Pure.
 */
export function sizeQueues(root: YarnQueue, total: Resources): { root: SizedQueue; adjustments: CapacityAdjustment[] } {
  const adjustments: CapacityAdjustment[] = [];
  return { root: size(root, total, total, adjustments), adjustments };
}
