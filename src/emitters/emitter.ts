import type { ProjectConfig, TargetId } from '../config/project-config.js';
import type { JobPlan } from '../model/job-plan.js';
import type { SparkJob } from '../model/spark-job.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { compareStrings } from '../model/order.js';
import type { EmitResult, EmittedFile } from './emitted-file.js';

/** Switches of `convert` that change what is emitted, not what is planned. */
export interface EmitOptions {
  /** `--right-size`: propose executor sizes that strand less of a node (report only). */
  rightSize: boolean;
  /** `--nodepools`: Karpenter NodePool manifests that mirror the clusters' instance groups or fleets. */
  nodePools: boolean;
}

/** What every emitter gets besides the plans (DESIGN §4 "Emitter"). */
export interface EmitContext {
  /** The source jobs by id: cluster facts, classifications, release, bootstrap actions. */
  jobs: ReadonlyMap<string, SparkJob>;
  config: ProjectConfig;
  /**
   * Folder inside `--out` to write under, forward slashes: `''` when one target is written,
   * the target id (`spark-submit`) when several are, so that each folder applies on its own.
   */
  outRoot: string;
  options: EmitOptions;
}

/**
 * One target, in two pure halves so that a conversion can write each job's files as soon as
 * they exist instead of holding a fleet's output in memory: `emitJob` for one plan (the
 * conversion calls it in job-id order, only for plans that are not rejected), then `emitBatch`
 * once with the plans that got files, for what is shared (service accounts and RBAC per
 * namespace, batch findings). An emitter writes only the plans it can run and validates every
 * object before it is written (a failure is an error diagnostic on the job, not a crash).
 */
export interface TargetEmitter {
  id: TargetId;
  emitJob(plan: JobPlan, context: EmitContext): EmitResult;
  emitBatch(written: readonly JobPlan[], context: EmitContext): EmitResult;
}

/** A whole target in memory: every plan in job-id order, then the batch files. */
export function emitTarget(emitter: TargetEmitter, plans: readonly JobPlan[], context: EmitContext): EmitResult {
  const files: EmittedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const written: JobPlan[] = [];
  for (const plan of [...plans].sort((a, b) => compareStrings(a.jobId, b.jobId))) {
    const result = emitter.emitJob(plan, context);
    files.push(...result.files);
    diagnostics.push(...result.diagnostics);
    if (result.files.length > 0) written.push(plan);
  }
  const batch = emitter.emitBatch(written, context);
  return { files: [...files, ...batch.files], diagnostics: [...diagnostics, ...batch.diagnostics] };
}

/**
 * Output about the whole batch rather than one target (scheduler queue configuration,
 * NodePools, image scaffolds): run once per conversion with `outRoot` `''`.
 */
export interface PlatformEmitter {
  id: string;
  emit(plans: readonly JobPlan[], context: EmitContext): EmitResult;
}
