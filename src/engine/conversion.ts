import type { ProjectConfig, TargetId } from '../config/project-config.js';
import type { LoadedAnswers } from '../model/answers.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { EmrSnapshot } from '../model/emr-snapshot.js';
import type { JobPlan } from '../model/job-plan.js';
import type { EmitOptions } from '../emitters/emitter.js';
import { PLATFORM_EMITTERS, TARGET_EMITTERS } from '../emitters/targets.js';
import { scaffoldsByJob } from '../emitters/images/index.js';
import { sparkVersionSummary, type SparkVersionUse } from '../emitters/images/spark-versions.js';
import { buildReportData, emitReport, type ReportData } from '../emitters/report/index.js';
import type { EmitResult, EmittedFile } from '../emitters/emitted-file.js';
import { emitKustomizations } from '../emitters/kubernetes/kustomization.js';
import { VERSION } from '../version.js';
import { convertSnapshots, type BatchResult } from './convert-batch.js';
import type { ActiveRule } from './run-rules.js';

/** What a conversion starts from once every file was read: the I/O half of `convert`, `review` and `explain`. */
export interface ConversionInputs {
  /** Input paths relative to the working folder, as they appear in the output. */
  inputs: string[];
  config: ProjectConfig;
  /** The config file used, if any. */
  configFile?: string;
  /** The targets to write, in TARGETS order; each has an emitter. */
  targets: TargetId[];
  emit: EmitOptions;
  rules: ActiveRule[];
  snapshots: EmrSnapshot[];
  /** Findings of the importers (unreadable files, …). */
  diagnostics: Diagnostic[];
}

/** One conversion in memory: what `convert` writes, `review` shows and `explain` prints. */
export interface Conversion {
  batch: BatchResult;
  /** Import and batch findings not about one job. */
  diagnostics: Diagnostic[];
  /** Every file `convert` would write: manifests, provenance, report. */
  files: EmittedFile[];
  report: ReportData;
  /** The project config it was made with (the review's Resources pane packs nodes with it). */
  config: ProjectConfig;
}

/**
 * The pure half of a conversion: snapshots → plans (with review answers applied, when given)
 * → the target's files and the report. Same inputs, same answers → byte-identical files.
 * Plans a review rejected are in the report but not given to the emitter.
 */
export function convertInputs(loaded: ConversionInputs, answers?: LoadedAnswers): Conversion {
  const batch = convertSnapshots(loaded.snapshots, loaded.rules, loaded.config, answers);
  const emitted = emitAll(loaded, batch);
  attachEmitterDiagnostics(batch.plans, emitted.diagnostics);
  const diagnostics = [...loaded.diagnostics, ...batch.diagnostics, ...batchDiagnostics(emitted.diagnostics)];
  // Last: the kustomizations list every object file the emitters wrote.
  const kustomizations = emitKustomizations(emitted.files, loaded.targets.map((t) => targetRoot(t, loaded.targets)));
  const reportInput = {
    plans: batch.plans,
    files: emitted.files,
    diagnostics,
    inputs: loaded.inputs,
    toolVersion: VERSION,
    ...(answers !== undefined && { answersFile: answers.file }),
    packing: { jobs: new Map(batch.jobs.map((j) => [j.id, j])), settings: loaded.config.packing, rightSize: loaded.emit.rightSize },
    sparkVersions: sparkVersions(loaded, batch),
  };
  return {
    batch,
    diagnostics,
    files: [...emitted.files, ...kustomizations, ...emitReport(reportInput)],
    report: buildReportData(reportInput),
    config: loaded.config,
  };
}

/**
 * Every target's files (each under its own folder when there are several, so that each applies
 * on its own) and then the batch-wide platform files.
 */
function emitAll(loaded: ConversionInputs, batch: BatchResult): EmitResult {
  // A rejected job is a reviewer's decision not to migrate it: reported, never written.
  const plans = batch.plans.filter((p) => p.review?.decision !== 'rejected');
  const jobs = new Map(batch.jobs.map((j) => [j.id, j]));
  const base = { jobs, config: loaded.config, options: loaded.emit };
  const files: EmittedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const target of loaded.targets) {
    const emitter = TARGET_EMITTERS[target];
    if (!emitter) throw new Error(`no emitter for target ${target}`);
    const result = emitter.emit(plans, { ...base, outRoot: targetRoot(target, loaded.targets) });
    files.push(...result.files);
    diagnostics.push(...result.diagnostics);
  }
  for (const platform of PLATFORM_EMITTERS) {
    const result = platform.emit(plans, { ...base, outRoot: '' });
    files.push(...result.files);
    diagnostics.push(...result.diagnostics);
  }
  return { files, diagnostics };
}

/** Which written jobs need which Spark version and image, with their Dockerfile scaffolds. */
function sparkVersions(loaded: ConversionInputs, batch: BatchResult): SparkVersionUse[] {
  const plans = batch.plans.filter((p) => p.review?.decision !== 'rejected');
  const jobs = new Map(batch.jobs.map((j) => [j.id, j]));
  return sparkVersionSummary(plans, scaffoldsByJob(plans, { jobs, config: loaded.config }));
}

/** Where a target's files go: the output root when it is the only one, its own folder when there are several. */
function targetRoot(target: TargetId, targets: readonly TargetId[]): string {
  return targets.length > 1 ? target : '';
}

/**
 * Emitter findings about the batch rather than one job (such as a missing IAM role for IRSA),
 * once each even when several targets report the same.
 */
function batchDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    if (d.jobId !== undefined) return false;
    const key = `${d.code}\n${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function attachEmitterDiagnostics(plans: JobPlan[], diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    const plan = plans.find((p) => p.jobId === d.jobId);
    if (!plan) continue;
    plan.diagnostics.push(d);
    if (d.severity === 'error') plan.status = 'error';
  }
}
