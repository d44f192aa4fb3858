import { createHash } from 'node:crypto';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { JobPlan } from '../../model/job-plan.js';
import { compareStrings } from '../../model/order.js';
import type { SparkJob } from '../../model/spark-job.js';
import type { EmitResult } from '../emitted-file.js';
import type { EmitContext, PlatformEmitter } from '../emitter.js';
import { toYaml } from '../yaml-writer.js';
import { clusterNodePools, KARPENTER_LABELS } from './node-pool.js';
import { nodePoolProblems, type NodePoolManifest } from './schema.js';

/** Where the NodePools go, inside the output folder (the platform kustomization lists it). */
export const NODEPOOLS_PATH = 'platform/nodepools.yaml';

/** The first job of every cluster that has a converted plan, by cluster key. */
function clustersOf(plans: readonly JobPlan[], jobs: EmitContext['jobs']): SparkJob[] {
  const byCluster = new Map<string, SparkJob>();
  for (const plan of [...plans].filter((p) => p.status === 'converted').sort((a, b) => compareStrings(a.jobId, b.jobId))) {
    const job = jobs.get(plan.jobId);
    if (job !== undefined && !byCluster.has(job.cluster.key)) byCluster.set(job.cluster.key, job);
  }
  return [...byCluster.values()].sort((a, b) => compareStrings(a.cluster.key, b.cluster.key));
}

/** Pods select nodes by the configured labels; the NodePools' nodes carry Karpenter's own. */
function labelMismatch(context: EmitContext): Diagnostic | undefined {
  const { labels, capacityTypes } = context.config.placement;
  const differing = (['capacityType', 'instanceType', 'instanceFamily', 'arch'] as const).filter((k) => labels[k] !== KARPENTER_LABELS[k]);
  const values = capacityTypes.onDemand !== 'on-demand' || capacityTypes.spot !== 'spot';
  if (differing.length === 0 && !values) return undefined;
  const what = [...differing.map((k) => `placement.labels.${k}`), ...(values ? ['placement.capacityTypes'] : [])].join(', ');
  return {
    code: 'nodepool-labels-differ',
    severity: 'warning',
    message: `The NodePools use Karpenter's well-known node labels and capacity types, but ${what} in the config name others: pods that select those will not match the NodePools' nodes`,
    refs: [],
    hint: 'Use the Karpenter defaults for placement.labels and placement.capacityTypes with --nodepools, or add the labels to the NodePools by hand.',
  };
}

/** Two clusters whose keys differ only in characters a name cannot hold get a hash of the key. */
function uniqueName(pool: NodePoolManifest, clusterKey: string, used: Set<string>): NodePoolManifest {
  if (!used.has(pool.metadata.name)) return pool;
  const suffix = `-${createHash('sha256').update(clusterKey).digest('hex').slice(0, 8)}`;
  return { ...pool, metadata: { ...pool.metadata, name: `${pool.metadata.name.slice(0, 63 - suffix.length).replace(/-+$/, '')}${suffix}` } };
}

/**
 * `--nodepools`: Karpenter NodePools that mirror the instance groups or fleets of every cluster
 * with a converted job, in one file. Each is validated against {@link nodePoolProblems} first;
 * one that fails is not written and becomes an `invalid-nodepool` error.
 */
export function emitNodePools(plans: readonly JobPlan[], context: EmitContext): EmitResult {
  if (!context.options.nodePools) return { files: [], diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const pools: NodePoolManifest[] = [];
  const used = new Set<string>();
  for (const job of clustersOf(plans, context.jobs)) {
    for (const built of clusterNodePools(job, context.config)) {
      const pool = uniqueName(built, job.cluster.key, used);
      const problems = nodePoolProblems(pool);
      if (problems.length > 0) {
        diagnostics.push({
          code: 'invalid-nodepool',
          severity: 'error',
          message: `NodePool ${pool.metadata.name} (cluster ${job.cluster.key}) does not match the karpenter.sh/v1 fields emr2k8s writes, so it was not written: ${problems.join('; ')}`,
          refs: [],
        });
        continue;
      }
      used.add(pool.metadata.name);
      pools.push(pool);
    }
  }
  if (pools.length === 0) {
    diagnostics.push({
      code: 'nodepools-none',
      severity: 'info',
      message: '--nodepools: the input names no instance groups or fleets of a converted job, so no NodePool was written',
      refs: [],
      hint: 'Convert the steps together with the cluster description (describe-cluster and list-instance-groups or list-instance-fleets).',
    });
    return { files: [], diagnostics };
  }
  const mismatch = labelMismatch(context);
  if (mismatch) diagnostics.push(mismatch);
  return { files: [{ path: `${context.outRoot === '' ? '' : `${context.outRoot}/`}${NODEPOOLS_PATH}`, content: toYaml(pools), kind: 'manifest' }], diagnostics };
}

/** The NodePool platform emitter (docs/placement.md "Packing" → NodePools). */
export const nodePoolsEmitter: PlatformEmitter = { id: 'nodepools', emit: emitNodePools };
