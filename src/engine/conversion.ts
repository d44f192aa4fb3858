import type { ProjectConfig, TargetId } from '../config/project-config.js';
import type { LoadedAnswers } from '../model/answers.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { EmrSnapshot } from '../model/emr-snapshot.js';
import type { JobPlan } from '../model/job-plan.js';
import type { EmitContext, EmitOptions } from '../emitters/emitter.js';
import { PLATFORM_EMITTERS, TARGET_EMITTERS } from '../emitters/targets.js';
import { scaffoldsByJob } from '../emitters/images/index.js';
import { sparkVersionSummary } from '../emitters/images/spark-versions.js';
import { buildReportData, reportFiles, type ReportData } from '../emitters/report/index.js';
import { fileText, type EmitResult, type EmittedFile, type StreamedFile } from '../emitters/emitted-file.js';
import { emitKustomizations, isObjectYaml } from '../emitters/kubernetes/kustomization.js';
import { compareStrings } from '../model/order.js';
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

/** One conversion, without its files: what `convert` reports once every file went to its sink. */
export interface StreamedConversion {
  batch: BatchResult;
  /** Import and batch findings not about one job. */
  diagnostics: Diagnostic[];
  report: ReportData;
  /** The project config it was made with (the review's Resources pane packs nodes with it). */
  config: ProjectConfig;
}

/** One conversion in memory: what `review` shows and `explain` prints. */
export interface Conversion extends StreamedConversion {
  /** Every file `convert` would write: manifests, provenance, report. */
  files: EmittedFile[];
}

/** Where a conversion puts each file as soon as it exists (the output writers are sinks). */
export interface FileSink {
  add(file: EmittedFile): void;
  addStreamed(file: StreamedFile): void;
}

/**
 * The pure half of a conversion: snapshots → plans (with review answers applied, when given)
 * → the targets' files and the report. Same inputs, same answers → byte-identical files.
 * Plans a review rejected are in the report but not given to the emitters.
 */
export function convertInputs(loaded: ConversionInputs, answers?: LoadedAnswers): Conversion {
  const files: EmittedFile[] = [];
  const keep: FileSink = {
    add: (file) => files.push(file),
    addStreamed: (file) => files.push({ path: file.path, kind: file.kind, content: fileText(file) }),
  };
  return { ...streamConversion(loaded, keep, answers), files };
}

/**
 * {@link convertInputs}, handing each file to `sink` as soon as it is made and keeping none:
 * a job's files go out before the next job is emitted, so a fleet's output is never all in
 * memory at once. Files arrive job by job, then batch-wide files, kustomizations and the report.
 */
export function streamConversion(loaded: ConversionInputs, sink: FileSink, answers?: LoadedAnswers): StreamedConversion {
  const batch = convertSnapshots(loaded.snapshots, loaded.rules, loaded.config, answers);
  // A rejected job is a reviewer's decision not to migrate it: reported, never written.
  const plans = batch.plans.filter((p) => p.review?.decision !== 'rejected').sort((a, b) => compareStrings(a.jobId, b.jobId));
  const jobs = new Map(batch.jobs.map((j) => [j.id, j]));
  const written = new WrittenFiles(sink);
  const emitterDiagnostics = emitAll(loaded, plans, { jobs, config: loaded.config, options: loaded.emit }, written);
  attachEmitterDiagnostics(batch.plans, emitterDiagnostics);
  const diagnostics = [...loaded.diagnostics, ...batch.diagnostics, ...batchDiagnostics(emitterDiagnostics)];
  // Last: the kustomizations list every object file the emitters wrote.
  for (const file of emitKustomizations(written.objectPaths, loaded.targets.map((t) => targetRoot(t, loaded.targets)))) written.add(file);
  const report = buildReportData({
    plans: batch.plans,
    files: written.files,
    diagnostics,
    inputs: loaded.inputs,
    toolVersion: VERSION,
    ...(answers !== undefined && { answersFile: answers.file }),
    packing: { jobs, settings: loaded.config.packing, rightSize: loaded.emit.rightSize },
    // Which written jobs need which Spark version and image, with their Dockerfile scaffolds.
    sparkVersions: sparkVersionSummary(plans, scaffoldsByJob(plans, { jobs, config: loaded.config })),
  });
  for (const file of reportFiles(report)) sink.addStreamed(file);
  return { batch, diagnostics, report, config: loaded.config };
}

/** Passes files on to the sink, remembering only what the kustomizations and the report need. */
class WrittenFiles {
  readonly files: Array<Pick<EmittedFile, 'path' | 'jobId'>> = [];
  readonly objectPaths: string[] = [];

  constructor(private readonly sink: FileSink) {}

  add(file: EmittedFile): void {
    this.files.push(file.jobId === undefined ? { path: file.path } : { path: file.path, jobId: file.jobId });
    if (isObjectYaml(file)) this.objectPaths.push(file.path);
    this.sink.add(file);
  }

  addAll(result: EmitResult, diagnostics: Diagnostic[]): void {
    for (const file of result.files) this.add(file);
    diagnostics.push(...result.diagnostics);
  }
}

/**
 * Every target's files (each under its own folder when there are several, so that each applies
 * on its own), job by job (`plans`: sorted, none rejected), then each target's batch files,
 * then the batch-wide platform files. Returns the emitters' findings.
 */
function emitAll(loaded: ConversionInputs, plans: readonly JobPlan[], base: Omit<EmitContext, 'outRoot'>, written: WrittenFiles): Diagnostic[] {
  const targets = loaded.targets.map((target) => {
    const emitter = TARGET_EMITTERS[target];
    if (!emitter) throw new Error(`no emitter for target ${target}`);
    const context: EmitContext = { ...base, outRoot: targetRoot(target, loaded.targets) };
    return { emitter, context, plansWritten: [] as JobPlan[] };
  });
  const diagnostics: Diagnostic[] = [];
  for (const plan of plans) {
    for (const target of targets) {
      const result = target.emitter.emitJob(plan, target.context);
      if (result.files.length > 0) target.plansWritten.push(plan);
      written.addAll(result, diagnostics);
    }
  }
  for (const target of targets) written.addAll(target.emitter.emitBatch(target.plansWritten, target.context), diagnostics);
  for (const platform of PLATFORM_EMITTERS) written.addAll(platform.emit(plans, { ...base, outRoot: '' }), diagnostics);
  return diagnostics;
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
  const byId = new Map(plans.map((p) => [p.jobId, p]));
  for (const d of diagnostics) {
    const plan = d.jobId === undefined ? undefined : byId.get(d.jobId);
    if (!plan) continue;
    plan.diagnostics.push(d);
    if (d.severity === 'error') plan.status = 'error';
  }
}
