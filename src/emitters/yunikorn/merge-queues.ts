import type { Resources, SizedQueue } from './queue-resources.js';

/** One cluster's sized queue tree. */
export interface ClusterQueues {
  cluster: string;
  root: SizedQueue;
}

/** A queue of the merged tree: the sum of what it was on every cluster that had it. */
export type MergedQueue = SizedQueue;

function add(a: Resources, b: Resources): Resources {
  return { memoryMiB: a.memoryMiB + b.memoryMiB, vcoreMillis: a.vcoreMillis + b.vcoreMillis };
}

interface Seen {
  clusters: string[];
  leafIn: string[];
  parentIn: string[];
  maxApplications: Array<number | undefined>;
  sortPolicies: Map<string, string[]>;
}

/**
 * Several EMR clusters become one YuniKorn queue tree: the Kubernetes shim serves only the
 * `default` partition (YUNIKORN-22), so clusters cannot keep a partition each. A queue path that
 * several clusters have gets the sum of their absolute guarantees and maximums, which keeps
 * "children add up to the parent" at every level, with the root at the sum of the clusters.
 * Where clusters disagree (a leaf here and a parent there, different ordering policies,
 * maximum-applications on some only), the first cluster in key order wins and `conflicts` says so.
 * `clusters` must come sorted by cluster key. Pure.
 */
export function mergeQueues(clusters: readonly ClusterQueues[]): { root: MergedQueue; conflicts: string[] } {
  const byPath = new Map<string, MergedQueue>();
  const seen = new Map<string, Seen>();
  const conflicts: string[] = [];

  const visit = (queue: SizedQueue, parent: MergedQueue | undefined, cluster: string) => {
    let merged = byPath.get(queue.path);
    if (!merged) {
      merged = { path: queue.path, name: queue.name, guaranteed: { memoryMiB: 0, vcoreMillis: 0 }, max: { memoryMiB: 0, vcoreMillis: 0 }, children: [], refs: [] };
      byPath.set(queue.path, merged);
      seen.set(queue.path, { clusters: [], leafIn: [], parentIn: [], maxApplications: [], sortPolicies: new Map() });
      parent?.children.push(merged);
    }
    const s = seen.get(queue.path) as Seen;
    merged.guaranteed = add(merged.guaranteed, queue.guaranteed);
    merged.max = add(merged.max, queue.max);
    merged.refs.push(...queue.refs.filter((r) => !merged.refs.includes(r)));
    s.clusters.push(cluster);
    (queue.children.length === 0 ? s.leafIn : s.parentIn).push(cluster);
    s.maxApplications.push(queue.maxApplications);
    if (queue.sortPolicy) s.sortPolicies.set(queue.sortPolicy, [...(s.sortPolicies.get(queue.sortPolicy) ?? []), cluster]);
    for (const child of queue.children) visit(child, merged, cluster);
  };
  for (const { cluster, root } of clusters) visit(root, undefined, cluster);

  for (const [path, merged] of byPath) {
    const s = seen.get(path) as Seen;
    if (s.leafIn.length > 0 && s.parentIn.length > 0) {
      conflicts.push(`${path} is a leaf queue on ${s.leafIn.join(', ')} but a parent queue on ${s.parentIn.join(', ')}; YuniKorn runs applications only in leaf queues, so jobs of ${s.leafIn.join(', ')} cannot use it`);
    }
    const limits = s.maxApplications.filter((m): m is number => m !== undefined);
    if (limits.length === s.clusters.length && limits.length > 0) merged.maxApplications = limits.reduce((a, m) => a + m, 0);
    else if (limits.length > 0) conflicts.push(`${path} sets maximum-applications on some clusters only (not on ${s.clusters.filter((_, i) => s.maxApplications[i] === undefined).join(', ')}); no maxapplications is written`);
    const policies = [...s.sortPolicies];
    if (policies.length > 0) merged.sortPolicy = policies[0]?.[0] as 'fifo' | 'fair';
    if (policies.length > 1) conflicts.push(`${path} has ordering-policy ${policies.map(([p, c]) => `${p} on ${c.join(', ')}`).join(' and ')}; ${merged.sortPolicy} is kept`);
  }
  return { root: byPath.get('root') as MergedQueue, conflicts };
}
