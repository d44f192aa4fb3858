import type { ProjectConfig } from '../config/project-config.js';
import type { LoadedAnswers } from '../model/answers.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { EmrSnapshot } from '../model/emr-snapshot.js';
import type { JobPlan } from '../model/job-plan.js';
import { emitSparkOperator } from '../emitters/spark-operator/index.js';
import { buildReportData, emitReport, type ReportData } from '../emitters/report/index.js';
import type { EmittedFile } from '../emitters/emitted-file.js';
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
  target: ProjectConfig['target'];
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
}

const EMITTERS: Record<ProjectConfig['target'], typeof emitSparkOperator> = {
  'spark-operator': emitSparkOperator,
};

/**
 * The pure half of a conversion: snapshots → plans (with review answers applied, when given)
 * → the target's files and the report. Same inputs, same answers → byte-identical files.
 * Plans a review rejected are in the report but not given to the emitter.
 */
export function convertInputs(loaded: ConversionInputs, answers?: LoadedAnswers): Conversion {
  const batch = convertSnapshots(loaded.snapshots, loaded.rules, loaded.config, answers);
  const locations = Object.fromEntries(batch.jobs.map((j) => [j.id, j.locations]));
  // A rejected job is a reviewer's decision not to migrate it: reported, never written.
  const emitted = EMITTERS[loaded.target](batch.plans.filter((p) => p.review?.decision !== 'rejected'), { locations });
  attachEmitterDiagnostics(batch.plans, emitted.diagnostics);
  const diagnostics = [...loaded.diagnostics, ...batch.diagnostics];
  const reportInput = {
    plans: batch.plans,
    files: emitted.files,
    diagnostics,
    inputs: loaded.inputs,
    toolVersion: VERSION,
    ...(answers !== undefined && { answersFile: answers.file }),
  };
  return {
    batch,
    diagnostics,
    files: [...emitted.files, ...emitReport(reportInput)],
    report: buildReportData(reportInput),
  };
}

function attachEmitterDiagnostics(plans: JobPlan[], diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    const plan = plans.find((p) => p.jobId === d.jobId);
    if (!plan) continue;
    plan.diagnostics.push(d);
    if (d.severity === 'error') plan.status = 'error';
  }
}
