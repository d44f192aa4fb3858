import type { Diagnostic } from '../model/diagnostic.js';
import type { InstanceCapacity, InstanceRole } from '../model/emr-snapshot.js';
import { refs } from '../model/emr-snapshot.js';
import { formatMiB } from '../model/quantities.js';
import type { SettingRef } from '../model/source.js';
import type { CatalogInstanceType } from './instance-types.js';
import { instanceTypeFacts } from './instance-types.js';

/** EMR's executor overhead factor (facts §2.1): heap × 1.1875 must fit the YARN node memory. */
const EMR_CONTAINER_FACTOR = 1.1875;

/** Ref of the switch itself; every computed value names it. */
export const MAXIMIZE_REF: SettingRef = refs.classification(['spark'], 'maximizeResourceAllocation');

/** One setting EMR derives when `maximizeResourceAllocation` is on (its ref is {@link MAXIMIZE_REF}). */
export interface MaximizedValue {
  key: string;
  value: string;
}

/** The smallest value of a fact across a role's types (a fleet may list several). */
function smallest(types: CatalogInstanceType[], fact: 'vcpu' | 'yarnMemoryMiB'): number | undefined {
  const values = types.map((t) => t[fact]);
  if (values.length === 0 || values.some((v) => v === undefined)) return undefined;
  return Math.min(...(values as number[]));
}

function roleTypes(instances: InstanceCapacity[], role: InstanceRole): CatalogInstanceType[] | undefined {
  const groups = instances.filter((i) => i.role === role);
  if (groups.length === 0) return undefined;
  const types = groups.flatMap((g) => g.instanceTypes);
  const known = types.map((t) => instanceTypeFacts(t));
  return known.every((k) => k !== undefined) && known.length > 0 ? (known as CatalogInstanceType[]) : [];
}

/**
 * The settings EMR derives from the instance types when the `spark` classification has
 * `maximizeResourceAllocation=true` (facts §8.3, EMR-RG emr-spark-configure.md,
 * https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-spark-configure.html#emr-spark-maximizeresourceallocation).
 *
 * EMR does not publish the exact arithmetic; this follows facts §8.3's inferred formula:
 * - `spark.executor.cores` = vCPUs of a core instance;
 * - `spark.executor.memory` = floor(core `yarn.nodemanager.resource.memory-mb` / 1.1875) MiB;
 * - `spark.executor.instances` = core + task node count, unless `spark.dynamicAllocation.enabled`
 *   is explicitly `true` in spark-defaults;
 * - `spark.default.parallelism` = 2 × vCPUs of all core and task nodes;
 * - `spark.driver.memory` = the executor formula applied to the smaller of the master and core
 *   types (the driver may run on either).
 * A fleet listing several types is sized by its smallest type. A value whose instance facts the
 * catalog lacks is not guessed: it is left out and reported (`maximize-resource-allocation-unresolved`).
 */
export function maximizeResourceAllocation(
  instances: InstanceCapacity[],
  sparkDefaults: Record<string, string>,
): { values: MaximizedValue[]; diagnostics: Diagnostic[] } {
  const values: MaximizedValue[] = [];
  const missing: string[] = [];
  const core = roleTypes(instances, 'CORE');
  const task = roleTypes(instances, 'TASK') ?? [];
  const master = roleTypes(instances, 'MASTER');
  const count = (role: InstanceRole) =>
    instances.filter((i) => i.role === role).reduce((sum, i) => sum + i.count, 0);

  const coreCpu = core && smallest(core, 'vcpu');
  const coreYarn = core && smallest(core, 'yarnMemoryMiB');
  const masterYarn = master && smallest(master, 'yarnMemoryMiB');
  // A task group whose types are unknown leaves its vCPUs unknown; no task group adds none.
  const taskCpu = count('TASK') === 0 ? 0 : task.length > 0 ? smallest(task, 'vcpu') : undefined;
  const explicitDa = sparkDefaults['spark.dynamicAllocation.enabled']?.trim().toLowerCase() === 'true';

  const derive = (key: string, value: number | undefined, format: (n: number) => string = String) => {
    if (value === undefined) missing.push(key);
    else values.push({ key, value: format(value) });
  };
  derive('spark.executor.cores', coreCpu);
  derive('spark.executor.memory', coreYarn === undefined ? undefined : Math.floor(coreYarn / EMR_CONTAINER_FACTOR), formatMiB);
  if (!explicitDa) derive('spark.executor.instances', core ? count('CORE') + count('TASK') : undefined);
  derive(
    'spark.default.parallelism',
    coreCpu === undefined || taskCpu === undefined ? undefined : 2 * (coreCpu * count('CORE') + taskCpu * count('TASK')),
  );
  derive(
    'spark.driver.memory',
    masterYarn === undefined || coreYarn === undefined
      ? undefined
      : Math.floor(Math.min(masterYarn, coreYarn) / EMR_CONTAINER_FACTOR),
    formatMiB,
  );

  const diagnostics: Diagnostic[] = [];
  if (missing.length > 0) {
    diagnostics.push({
      code: 'maximize-resource-allocation-unresolved',
      severity: 'warning',
      message: `maximizeResourceAllocation is on, but ${missing.join(', ')} cannot be computed: the catalog lacks vCPU or YARN memory for the instance types (${describeTypes(instances)})`,
      refs: [MAXIMIZE_REF, ...new Set(instances.map((i) => refs.instances(i.role, 'instanceTypes')))],
      hint: 'Read these values from /etc/spark/conf/spark-defaults.conf on the cluster and put them in the spark-defaults classification.',
    });
  }
  return { values, diagnostics };
}

function describeTypes(instances: InstanceCapacity[]): string {
  if (instances.length === 0) return 'no instance groups given';
  return instances.map((i) => `${i.role} ${i.instanceTypes.join('/') || 'none'}`).join(', ');
}
