import type { ClusterFacts } from '../src/rule-api.js';
import { compareStrings } from '../src/rule-api.js';

/**
 * What the EMR capacity says about where a job's pods should run (docs/placement.md): which
 * roles held the executors, whether that capacity was spot, on-demand or both, and the
 * instance types, families and CPU architectures it offered. Pure reading of ClusterFacts; the
 * placement rule turns it into node selectors and affinity.
 */

export type RoleFacts = ClusterFacts['roles'][number];

/** Kubernetes spells architectures as Go does (`kubernetes.io/arch`): amd64, arm64. */
export type KubeArch = 'amd64' | 'arm64';

/** One EC2 instance type of the executor capacity, as node labels spell it. */
export interface InstanceName {
  type: string;
  /** The part before the dot: Karpenter's `karpenter.k8s.aws/instance-family` value. */
  family: string;
  /** Undefined when neither the catalog nor the EC2 naming scheme tells it. */
  arch?: KubeArch;
}

/** EC2 instance type names: `<family>.<size>` in lowercase (https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html). */
const EC2_NAME = /^([a-z][a-z0-9-]*)\.([a-z0-9-]+)$/;
/** A family written `<series><generation><attributes>`, e.g. `r7gd` = r, 7, gd. */
const FAMILY_PARTS = /^[a-z]+\d+([a-z-]*)$/;

/**
 * The architecture of a type the catalog does not know, from the EC2 naming scheme: the
 * attribute letter `g` after the generation digit means AWS Graviton (`r7g`, `c7gn`, `x2gd`,
 * `im4gn`); `a1` is the first-generation Graviton, named before that convention. Families that
 * do not follow the scheme (`u-6tb1`) stay unknown rather than guessed.
 */
function archFromName(family: string): KubeArch | undefined {
  if (family === 'a1') return 'arm64';
  const m = FAMILY_PARTS.exec(family);
  if (!m) return undefined;
  return (m[1] ?? '').includes('g') ? 'arm64' : 'amd64';
}

/**
 * Every instance type of a role with its family and architecture: the catalog's architecture
 * for types it knows, the naming scheme for the others. Returns the names that are not EC2
 * instance types (placeholders such as `${var.core_type}`) apart, since they cannot be labels.
 */
export function instanceNames(role: RoleFacts): { names: InstanceName[]; unresolved: string[] } {
  const names: InstanceName[] = [];
  const unresolved: string[] = [];
  const known = role.instanceTypes.map((t) => ({ type: t.type, arch: (t.arch === 'arm64' ? 'arm64' : 'amd64') as KubeArch | undefined }));
  const unknown = role.unknownTypes.map((type) => ({ type, arch: undefined as KubeArch | undefined }));
  for (const { type, arch } of [...known, ...unknown]) {
    const m = EC2_NAME.exec(type.trim());
    if (!m) {
      unresolved.push(type);
      continue;
    }
    const family = m[1] ?? '';
    const resolved = arch ?? archFromName(family);
    names.push({ type: type.trim(), family, ...(resolved && { arch: resolved }) });
  }
  return { names, unresolved };
}

/**
 * The roles whose nodes ran executors. On EMR, YARN places executors on core and task nodes;
 * a cluster with neither ran them on its master (a single-node cluster). Roles with no
 * capacity (a task fleet kept at 0) ran nothing, unless every candidate says 0, which is how an
 * input without counts reads.
 */
export function executorRoles(roles: readonly RoleFacts[]): RoleFacts[] {
  const workers = roles.filter((r) => r.role === 'CORE' || r.role === 'TASK');
  const candidates = workers.length > 0 ? workers : roles.filter((r) => r.role === 'MASTER');
  const withCapacity = candidates.filter((r) => r.count > 0);
  return withCapacity.length > 0 ? withCapacity : candidates;
}

/** Spot when every executor role was spot, on-demand when none was, mixed otherwise. */
export type CapacityKind = 'spot' | 'on-demand' | 'mixed';

export function capacityKind(roles: readonly RoleFacts[]): CapacityKind {
  const spot = roles.filter((r) => r.market === 'SPOT').length;
  if (spot === roles.length) return 'spot';
  return spot === 0 ? 'on-demand' : 'mixed';
}

/** Distinct values in code-point order, so that output does not depend on input order. */
export function distinctSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareStrings);
}

/**
 * The one architecture of the executor capacity, or why there is none: `mixed` when it spans
 * x86_64 and Graviton, `unknown` when a type's architecture cannot be told.
 */
export function capacityArch(names: readonly InstanceName[]): KubeArch | 'mixed' | 'unknown' {
  if (names.some((n) => n.arch === undefined)) return 'unknown';
  const archs = distinctSorted(names.map((n) => n.arch as KubeArch));
  if (archs.length === 1) return archs[0] as KubeArch;
  return archs.length === 0 ? 'unknown' : 'mixed';
}
