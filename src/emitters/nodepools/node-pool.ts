import { createHash } from 'node:crypto';
import type { ProjectConfig } from '../../config/project-config.js';
import type { ClusterFacts, SparkJob } from '../../model/spark-job.js';
import type { NodePoolManifest } from './schema.js';

/**
 * One Karpenter NodePool (https://karpenter.sh/docs/concepts/nodepools/, `karpenter.sh/v1`)
 * per EMR instance group or fleet: the same capacity type, the same instance families (or
 * types), the same architecture, and limits that allow the capacity the group had.
 */

/** Karpenter's well-known node labels (https://karpenter.sh/docs/concepts/scheduling/#well-known-labels). */
export const KARPENTER_LABELS = {
  capacityType: 'karpenter.sh/capacity-type',
  instanceType: 'node.kubernetes.io/instance-type',
  instanceFamily: 'karpenter.k8s.aws/instance-family',
  arch: 'kubernetes.io/arch',
  os: 'kubernetes.io/os',
} as const;

/**
 * Spark executors keep shuffle files and cached blocks on their node: consolidating a node that
 * still runs executors evicts them and recomputes their work. `WhenEmpty` only removes nodes
 * without pods, after {@link CONSOLIDATE_AFTER}.
 */
export const CONSOLIDATION_POLICY = 'WhenEmpty';
export const CONSOLIDATE_AFTER = '5m';
/** Karpenter's default node lifetime, written out so reviewers see it. */
export const EXPIRE_AFTER = '720h';
/** The EC2NodeClass every NodePool refers to; the platform team renames it to theirs. */
export const NODE_CLASS = { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: 'default' } as const;

const MAX_NAME = 63;

type RoleGroup = ClusterFacts['roles'][number];

/**
 * `emr-<cluster>-<role>`, with `-<n>` when the cluster has several groups of that role, as a
 * DNS label (the name is also the `karpenter.sh/nodepool` label value, at most 63 characters).
 * A name that had to be shortened ends with 8 hex digits of a hash of the full name.
 */
export function nodePoolName(clusterKey: string, role: RoleGroup['role'], index: number | undefined): string {
  const full = `emr-${clusterKey}-${role}${index === undefined ? '' : `-${index}`}`
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/-+/g, '-')
    .replace(/-$/, '');
  if (full.length <= MAX_NAME) return full;
  const suffix = `-${createHash('sha256').update(full).digest('hex').slice(0, 8)}`;
  return `${full.slice(0, MAX_NAME - suffix.length).replace(/-+$/, '')}${suffix}`;
}

function labelValue(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '').slice(0, 63).replace(/[^A-Za-z0-9]+$/, '');
}

function uniqueSorted(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Limits that let the NodePool grow to the group's size in the export: instance count × vCPU
 * and memory of its largest type (a fleet's count is its target capacity in units, so this is
 * an upper bound). None when a type's size is unknown or the group had no instances.
 */
function limitsOf(group: RoleGroup): NodePoolManifest['spec']['limits'] {
  if (group.count <= 0 || group.unknownTypes.length > 0 || group.instanceTypes.length === 0) return undefined;
  const vcpu = Math.max(...group.instanceTypes.map((t) => t.vcpu));
  const memoryGiB = Math.max(...group.instanceTypes.map((t) => Math.ceil(t.memoryMiB / 1024)));
  return { cpu: String(group.count * vcpu), memory: `${group.count * memoryGiB}Gi` };
}

function requirementsOf(group: RoleGroup, config: ProjectConfig): NodePoolManifest['spec']['template']['spec']['requirements'] {
  const types = [...group.instanceTypes.map((t) => t.type), ...group.unknownTypes];
  const archs = uniqueSorted(group.instanceTypes.map((t) => (t.arch === 'arm64' ? 'arm64' : 'amd64')));
  const requirements: NodePoolManifest['spec']['template']['spec']['requirements'] = [
    { key: KARPENTER_LABELS.capacityType, operator: 'In', values: [group.market === 'SPOT' ? 'spot' : 'on-demand'] },
    { key: KARPENTER_LABELS.os, operator: 'In', values: ['linux'] },
  ];
  // The architecture is known only when every type is in the catalog.
  if (group.unknownTypes.length === 0 && archs.length > 0) requirements.push({ key: KARPENTER_LABELS.arch, operator: 'In', values: archs });
  if (config.placement.instanceTypes === 'type') requirements.push({ key: KARPENTER_LABELS.instanceType, operator: 'In', values: uniqueSorted(types) });
  if (config.placement.instanceTypes === 'family') {
    requirements.push({ key: KARPENTER_LABELS.instanceFamily, operator: 'In', values: uniqueSorted(types.map((t) => t.split('.')[0] ?? t)) });
  }
  return requirements;
}

/** The NodePools of one cluster, one per role group in the order the cluster lists them. */
export function clusterNodePools(job: SparkJob, config: ProjectConfig): NodePoolManifest[] {
  const roles = job.facts.roles.filter((g) => g.instanceTypes.length + g.unknownTypes.length > 0);
  const perRole = (role: RoleGroup['role']) => roles.filter((g) => g.role === role).length;
  const seen: Record<string, number> = {};
  return roles.map((group) => {
    seen[group.role] = (seen[group.role] ?? 0) + 1;
    const index = perRole(group.role) > 1 ? seen[group.role] : undefined;
    const limits = limitsOf(group);
    const types = [...group.instanceTypes.map((t) => t.type), ...group.unknownTypes];
    return {
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: {
        name: nodePoolName(job.cluster.key, group.role, index),
        labels: { 'app.kubernetes.io/managed-by': 'emr2k8s', ...(labelValue(job.cluster.key) !== '' && { 'emr2k8s.io/cluster': labelValue(job.cluster.key) }) },
        annotations: {
          'emr2k8s.io/source-cluster': job.cluster.key,
          'emr2k8s.io/instance-role': group.role,
          'emr2k8s.io/instance-types': types.join(','),
          'emr2k8s.io/instance-count': String(group.count),
        },
      },
      spec: {
        template: { spec: { nodeClassRef: { ...NODE_CLASS }, requirements: requirementsOf(group, config), expireAfter: EXPIRE_AFTER } },
        ...(limits !== undefined && { limits }),
        disruption: { consolidationPolicy: CONSOLIDATION_POLICY, consolidateAfter: CONSOLIDATE_AFTER },
      },
    };
  });
}
