import { refs } from '../../model/emr-snapshot.js';
import { compareStrings } from '../../model/order.js';
import type { SettingRef } from '../../model/source.js';
import type { InstanceTypeFacts, SparkJob } from '../../model/spark-job.js';

/** What YARN could hand out on one EMR cluster: the sum over its NodeManagers. */
export interface YarnCapacity {
  memoryMiB: number;
  /** Millicores, so that percentages of it stay integers. */
  vcoreMillis: number;
  /** The inputs the totals were computed from. */
  refs: SettingRef[];
  /** Why the totals are an estimate (fleets, unknown types), one sentence each; empty when exact. */
  estimates: string[];
}

const MEMORY_MB = 'yarn.nodemanager.resource.memory-mb';
const CPU_VCORES = 'yarn.nodemanager.resource.cpu-vcores';

/** A cluster-wide `yarn-site` override of what every NodeManager offers, when set to a positive integer. */
function yarnSiteOverride(job: SparkJob, key: string): { value: number; ref: SettingRef } | undefined {
  const site = job.classifications.find((c) => c.classification === 'yarn-site');
  const raw = site?.properties[key]?.trim();
  if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) <= 0) return undefined;
  return { value: Number(raw), ref: refs.classification(['yarn-site'], key) };
}

/** The type whose NodeManager offers the least memory: a conservative stand-in for a fleet's units. */
function smallest(types: InstanceTypeFacts[]): InstanceTypeFacts | undefined {
  return [...types].sort((a, b) => (a.yarnMemoryMiB ?? a.memoryMiB) - (b.yarnMemoryMiB ?? b.memoryMiB) || compareStrings(a.type, b.type))[0];
}

/**
 * The cluster's total YARN resources (facts §8.3): over the core and task roles (NodeManagers run
 * there, not on the primary node), instance count × `yarn.nodemanager.resource.memory-mb` EMR sets
 * for the type and count × vCPU for `yarn.nodemanager.resource.cpu-vcores`; a cluster-wide
 * `yarn-site` value of either wins. A fleet's count is its target capacity in units, taken as
 * instances of its smallest type and reported as an estimate; a role of types the catalog does
 * not know is left out and reported.
 */
export function yarnCapacity(job: SparkJob): YarnCapacity {
  const memoryOverride = yarnSiteOverride(job, MEMORY_MB);
  const cpuOverride = yarnSiteOverride(job, CPU_VCORES);
  const out: YarnCapacity = { memoryMiB: 0, vcoreMillis: 0, refs: [], estimates: [] };
  for (const role of job.facts.roles) {
    if (role.role === 'MASTER' || role.count <= 0) continue;
    const type = smallest(role.instanceTypes);
    const known = role.instanceTypes.map((t) => t.type);
    if (!type) {
      out.estimates.push(`the ${role.role} role's instance types (${role.unknownTypes.join(', ')}) are not in the catalog, so its ${role.count} node(s) are not counted`);
      continue;
    }
    const memory = memoryOverride?.value ?? type.yarnMemoryMiB;
    if (memory === undefined) {
      out.estimates.push(`the catalog has no YARN memory for ${type.type} (facts §8.3), so the ${role.role} role's ${role.count} node(s) are not counted`);
      continue;
    }
    if (known.length + role.unknownTypes.length > 1) {
      out.estimates.push(`the ${role.role} fleet's target capacity ${role.count} is counted as ${role.count} × ${type.type}, its smallest type`);
    }
    out.memoryMiB += role.count * memory;
    out.vcoreMillis += role.count * (cpuOverride?.value ?? type.vcpu) * 1000;
    out.refs.push(refs.instances(role.role, 'count'), refs.instances(role.role, 'instanceTypes'));
  }
  for (const override of [memoryOverride, cpuOverride]) if (override) out.refs.push(override.ref);
  return out;
}
