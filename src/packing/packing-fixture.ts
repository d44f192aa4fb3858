import { buildJob } from '../engine/job-builder.js';
import { nightlyEtlPlan } from '../emitters/plan-fixture.js';
import { emptyPodPlan, type JobPlan } from '../model/job-plan.js';
import type { ClusterFacts, InstanceTypeFacts, SparkJob } from '../model/spark-job.js';
import { instanceTypeFacts } from '../catalog/instance-types.js';

/** Catalog facts of a type the catalog knows, as normalization records them. */
export function typeFacts(type: string): InstanceTypeFacts {
  const known = instanceTypeFacts(type);
  if (known?.vcpu === undefined || known.memoryMiB === undefined) throw new Error(`${type} is not in the catalog`);
  return { type, vcpu: known.vcpu, memoryMiB: known.memoryMiB, ...(known.yarnMemoryMiB !== undefined && { yarnMemoryMiB: known.yarnMemoryMiB }), arch: known.arch };
}

/** A cluster role group of catalog types. */
export function group(role: 'MASTER' | 'CORE' | 'TASK', types: string[], market: 'ON_DEMAND' | 'SPOT' = 'ON_DEMAND', count = 2): ClusterFacts['roles'][number] {
  return { role, instanceTypes: types.map(typeFacts), unknownTypes: [], count, market };
}

/** A Spark job on a cluster with the given role groups. */
export function jobOn(roles: ClusterFacts['roles'], classifications: SparkJob['classifications'] = []): SparkJob {
  return buildJob({ facts: { roles }, classifications });
}

/** A converted plan with this executor (no explicit CPU request, fixed instances unless given). */
export function planWith(executor: Partial<JobPlan['executor']>, overrides: Partial<JobPlan> = {}): JobPlan {
  return nightlyEtlPlan({
    type: 'Scala',
    dynamicAllocation: undefined,
    sparkConf: {},
    executor: { ...emptyPodPlan(), ...executor },
    ...overrides,
  });
}
