import type { ProjectConfig, TargetId } from '../config/project-config.js';
import type { JobPlan } from '../model/job-plan.js';
import type { SparkJob } from '../model/spark-job.js';
import type { EmitResult } from './emitted-file.js';

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
 * One target: plans in, files out, pure. Plans come sorted by job id and never include
 * rejected jobs; an emitter writes only `converted` plans and validates every object before
 * it is written (a failure is an error diagnostic on the job, not a crash).
 */
export interface TargetEmitter {
  id: TargetId;
  emit(plans: readonly JobPlan[], context: EmitContext): EmitResult;
}

/**
 * Output about the whole batch rather than one target (scheduler queue configuration,
 * NodePools, image scaffolds): run once per conversion with `outRoot` `''`.
 */
export interface PlatformEmitter {
  id: string;
  emit(plans: readonly JobPlan[], context: EmitContext): EmitResult;
}
