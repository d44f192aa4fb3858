import type { Diagnostic } from '../../model/diagnostic.js';
import type { JobPlan } from '../../model/job-plan.js';
import { compareStrings } from '../../model/order.js';
import { firstLocation, type SettingRef } from '../../model/source.js';
import type { SparkJob } from '../../model/spark-job.js';
import { validateCoreObject } from '../../validate/validate-core.js';
import type { EmitResult } from '../emitted-file.js';
import type { EmitContext, PlatformEmitter } from '../emitter.js';
import { PLATFORM_FOLDER } from '../kubernetes/kustomization.js';
import { toYaml } from '../yaml-writer.js';
import { readCapacityScheduler, type CapacitySchedulerConfig } from './capacity-scheduler.js';
import { yarnCapacity } from './cluster-resources.js';
import { mergeQueues, type ClusterQueues, type MergedQueue } from './merge-queues.js';
import { sizeQueues } from './queue-resources.js';
import { buildQueuesYaml, checkQueuesYaml } from './queues-yaml.js';

/** Where the queue configuration is written, with the other batch-wide objects. */
export const YUNIKORN_CONFIG_PATH = `${PLATFORM_FOLDER}/yunikorn-configs.yaml`;
/** The ConfigMap YuniKorn reads its queues from (key `queues.yaml`), and the namespace its Helm chart installs into. */
export const YUNIKORN_CONFIGMAP = { name: 'yunikorn-configs', namespace: 'yunikorn' } as const;

type Emit = (d: Omit<Diagnostic, 'location'>) => void;

/** The first job of each cluster, in cluster key order: cluster-wide settings are the same on all of them. */
function clustersOf(plans: readonly JobPlan[], jobs: ReadonlyMap<string, SparkJob>): SparkJob[] {
  const byCluster = new Map<string, SparkJob>();
  for (const plan of [...plans].sort((a, b) => compareStrings(a.jobId, b.jobId))) {
    const job = jobs.get(plan.jobId);
    if (job && !byCluster.has(job.cluster.key)) byCluster.set(job.cluster.key, job);
  }
  return [...byCluster.keys()].sort(compareStrings).map((k) => byCluster.get(k) as SparkJob);
}

/** What the classification sets that the YuniKorn configuration cannot say, one diagnostic per attribute. */
function reportUnexpressed(cluster: string, config: CapacitySchedulerConfig, emit: Emit): void {
  const byAttribute = new Map<string, CapacitySchedulerConfig['unexpressed']>();
  for (const s of config.unexpressed) byAttribute.set(s.attribute, [...(byAttribute.get(s.attribute) ?? []), s]);
  for (const [attribute, settings] of byAttribute) {
    const values = settings.map((s) => (s.queue ? `${s.queue}=${s.value}` : s.value)).join(', ');
    emit({
      code: 'yunikorn-setting-not-expressed',
      severity: 'warning',
      message: `${cluster}: capacity-scheduler ${attribute} (${values}) has no place in the YuniKorn queue configuration: ${settings[0]?.why}`,
      refs: settings.map((s) => s.ref),
      hint: 'See docs/scheduling.md for what each YARN queue setting becomes on Kubernetes.',
    });
  }
  for (const u of config.undeclared) {
    emit({
      code: 'yunikorn-undeclared-queue',
      severity: 'warning',
      message: `${cluster}: capacity-scheduler ${u.key} names a queue that no queues list declares; YARN ignores it, and so does the YuniKorn configuration`,
      refs: [u.ref],
    });
  }
}

/** Reads and sizes one cluster's queues; undefined when it has no capacity-scheduler queues. */
function clusterQueues(job: SparkJob, emit: Emit): ClusterQueues | undefined {
  const config = readCapacityScheduler(job);
  if (!config) return undefined;
  const cluster = job.cluster.key;
  reportUnexpressed(cluster, config, emit);
  const capacity = yarnCapacity(job);
  for (const why of capacity.estimates) {
    emit({ code: 'yunikorn-capacity-estimated', severity: 'warning', message: `${cluster}: the queues' guaranteed resources are an estimate: ${why}`, refs: capacity.refs });
  }
  if (capacity.memoryMiB === 0) {
    emit({
      code: 'yunikorn-no-capacity',
      severity: 'warning',
      message: `${cluster}: the cluster's YARN resources are unknown, so its queues get no guaranteed resources`,
      refs: capacity.refs,
      hint: 'Convert the cluster description (instance groups or fleets) with the steps, or set the resources in the generated queues.yaml by hand.',
    });
  }
  const sized = sizeQueues(config.root, { memoryMiB: capacity.memoryMiB, vcoreMillis: capacity.vcoreMillis });
  for (const a of sized.adjustments) emit({ code: 'yunikorn-capacity-adjusted', severity: 'warning', message: `${cluster}: ${a.message}`, refs: a.refs });
  return { cluster, root: sized.root };
}

function queuePaths(root: MergedQueue): { leaves: Set<string>; parents: Set<string> } {
  const leaves = new Set<string>();
  const parents = new Set<string>();
  const walk = (q: MergedQueue) => {
    (q.children.length === 0 ? leaves : parents).add(q.path);
    q.children.forEach(walk);
  };
  walk(root);
  return { leaves, parents };
}

function fromRefs(plan: JobPlan): SettingRef[] {
  const p = plan.provenance.batchSchedulerQueue;
  return p && 'from' in p ? p.from : [];
}

/** Jobs sent to a queue that the generated configuration does not have as a leaf would be rejected by YuniKorn. */
function checkJobQueues(plans: readonly JobPlan[], jobs: ReadonlyMap<string, SparkJob>, root: MergedQueue): Diagnostic[] {
  const { leaves, parents } = queuePaths(root);
  const out: Diagnostic[] = [];
  for (const plan of plans) {
    const queue = plan.batchSchedulerQueue;
    if (plan.status !== 'converted' || plan.batchScheduler !== 'yunikorn' || queue === undefined || leaves.has(queue)) continue;
    const refs = fromRefs(plan);
    const locations = jobs.get(plan.jobId)?.locations ?? {};
    const location = firstLocation(locations, refs);
    out.push({
      ...(location && { location }),
      code: 'yunikorn-queue-missing',
      severity: 'warning',
      message: parents.has(queue)
        ? `The job's YuniKorn queue ${queue} is a parent queue in ${YUNIKORN_CONFIG_PATH}; YuniKorn places applications only in leaf queues`
        : `The job's YuniKorn queue ${queue} is not in ${YUNIKORN_CONFIG_PATH}, built from the clusters' capacity-scheduler queues; YuniKorn would reject the application`,
      jobId: plan.jobId,
      refs,
      hint: `Map the YARN queue under scheduler.queues in emr2k8s.config.yaml to one of: ${[...leaves].sort(compareStrings).join(', ')}.`,
    });
  }
  return out;
}

/**
 * YuniKorn queues from the clusters' `capacity-scheduler` classifications (docs/scheduling.md),
 * when the project's scheduler is YuniKorn: one ConfigMap `yunikorn-configs` with `queues.yaml`,
 * validated as a core object and against YuniKorn's own load-time checks. Clusters without the
 * classification add nothing; with none at all, no file is written. Batch findings carry no job;
 * jobs whose queue the configuration lacks get a warning each. Pure.
 */
export function emitYuniKornQueues(plans: readonly JobPlan[], context: Pick<EmitContext, 'jobs' | 'config'>): EmitResult {
  if (context.config.scheduler?.name !== 'yunikorn') return { files: [], diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const clusters: ClusterQueues[] = [];
  for (const job of clustersOf(plans, context.jobs)) {
    const emit: Emit = (d) => {
      const location = firstLocation(job.locations, d.refs);
      diagnostics.push({ ...d, ...(location && { location }) });
    };
    const queues = clusterQueues(job, emit);
    if (queues) clusters.push(queues);
  }
  if (clusters.length === 0) return { files: [], diagnostics };

  const merged = mergeQueues(clusters);
  for (const conflict of merged.conflicts) diagnostics.push({ code: 'yunikorn-queue-conflict', severity: 'warning', message: conflict, refs: [] });
  const queuesYaml = buildQueuesYaml(merged.root, merged.root.guaranteed.memoryMiB > 0);
  const configMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: YUNIKORN_CONFIGMAP.name,
      namespace: YUNIKORN_CONFIGMAP.namespace,
      labels: { 'app.kubernetes.io/managed-by': 'emr2k8s' },
      annotations: { 'emr2k8s.io/source-clusters': clusters.map((c) => c.cluster).join(',') },
    },
    // Without its final newline the text is written as a literal block that people can read and diff.
    data: { 'queues.yaml': toYaml([queuesYaml]).replace(/\n$/, '') },
  };
  const errors = [...checkQueuesYaml(queuesYaml), ...validateCoreObject(configMap).errors];
  if (errors.length > 0) {
    diagnostics.push({
      code: 'invalid-manifest',
      severity: 'error',
      message: `ConfigMap ${YUNIKORN_CONFIGMAP.namespace}/${YUNIKORN_CONFIGMAP.name} would not load, so it was not written: ${errors.join('; ')}`,
      refs: [],
      hint: 'Rename the queues or fix the capacities in the capacity-scheduler classification.',
    });
    return { files: [], diagnostics };
  }
  diagnostics.push(...checkJobQueues(plans, context.jobs, merged.root));
  return { files: [{ path: YUNIKORN_CONFIG_PATH, content: toYaml([configMap]), kind: 'manifest' }], diagnostics };
}

/** The YuniKorn queue configuration (docs/scheduling.md). */
export const yunikornQueuesEmitter: PlatformEmitter = {
  id: 'yunikorn-queues',
  emit: (plans, context) => emitYuniKornQueues(plans, context),
};
