import { instanceTypeFacts } from '../../catalog/instance-types.js';
import { defaultProjectConfig, type ProjectConfig } from '../../config/project-config.js';
import { buildJob } from '../../engine/job-builder.js';
import type { JobPlan } from '../../model/job-plan.js';
import type { ClusterFacts, InstanceTypeFacts, SparkJob } from '../../model/spark-job.js';
import { nightlyEtlPlan } from '../plan-fixture.js';

/** Catalog facts of a type the catalog knows fully (test inputs only). */
export function typeFacts(type: string): InstanceTypeFacts {
  const t = instanceTypeFacts(type);
  if (!t?.vcpu || !t.memoryMiB) throw new Error(`catalog lacks ${type}`);
  return { type: t.type, vcpu: t.vcpu, memoryMiB: t.memoryMiB, arch: t.arch, ...(t.yarnMemoryMiB !== undefined && { yarnMemoryMiB: t.yarnMemoryMiB }) };
}

export type Role = ClusterFacts['roles'][number];

export function role(kind: Role['role'], types: string[], count: number, market: Role['market'] = 'ON_DEMAND'): Role {
  return { role: kind, instanceTypes: types.map(typeFacts), unknownTypes: [], count, market };
}

/** A job of `cluster` whose cluster has these capacity-scheduler properties and roles. */
export function clusterJob(cluster: string, properties: Record<string, string> | undefined, roles: Role[], extra: Partial<SparkJob> = {}): SparkJob {
  const job = buildJob({
    id: `${cluster}/s-1`,
    cluster: { key: cluster },
    classifications: properties ? [{ classification: 'capacity-scheduler', properties, configurations: [] }] : [],
    facts: { roles },
  });
  return { ...job, ...extra };
}

/** A converted plan for a job, optionally sent to a YuniKorn queue. */
export function planFor(job: SparkJob, queue?: string): JobPlan {
  const base = nightlyEtlPlan();
  return {
    ...base,
    jobId: job.id,
    source: { ...base.source, id: job.id, cluster: { ...base.source.cluster, key: job.cluster.key } },
    batchScheduler: 'yunikorn',
    ...(queue !== undefined && { batchSchedulerQueue: queue }),
  };
}

export function yunikornConfig(): ProjectConfig {
  return { ...defaultProjectConfig(), scheduler: { name: 'yunikorn', queues: {} } };
}
