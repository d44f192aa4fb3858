import { compareDiagnostics, type Diagnostic } from '../../model/diagnostic.js';
import type { JobPlan } from '../../model/job-plan.js';
import { compareStrings } from '../../model/order.js';
import type { SourceLocation } from '../../model/source.js';
import type { SparkJob } from '../../model/spark-job.js';
import type { SparkVersionUse } from '../images/spark-versions.js';
import { packJob, type JobPacking, type PackingConfig } from '../../packing/index.js';
import type { EmittedFile } from '../emitted-file.js';

export interface ReportInput {
  plans: JobPlan[];
  /** Batch-level findings (unreadable files, …); job findings live on the plans. */
  diagnostics: Diagnostic[];
  /** Input paths as given on the command line. */
  inputs: string[];
  toolVersion: string;
  /** What the target emitter produced; each job lists its own. */
  files?: ReadonlyArray<Pick<EmittedFile, 'path' | 'jobId'>>;
  /** The answers file replayed (`convert --answers`), as shown to the user. */
  answersFile?: string;
  /** Which jobs need which Spark version and image; none when absent. */
  sparkVersions?: SparkVersionUse[];
  /** What the packing report needs: the source jobs (cluster facts), the `packing` config and `--right-size`. */
  packing?: ReportPackingInput;
}

/** The inputs of each job's packing report (docs/placement.md "Packing"). */
export interface ReportPackingInput {
  jobs: ReadonlyMap<string, SparkJob>;
  settings: PackingConfig;
  rightSize: boolean;
}

export interface ReportDiagnostic {
  code: string;
  severity: Diagnostic['severity'];
  message: string;
  location?: SourceLocation;
  hint?: string;
}

export interface ReportJob {
  id: string;
  cluster: string;
  step: { id: string; name: string };
  kind: string;
  status: JobPlan['status'];
  files: string[];
  foldedRuns: number;
  diagnostics: ReportDiagnostic[];
  dropped: Array<{ setting: string; ref: string; reason: string; detail: string; rule: string }>;
  /** The review answer applied to the job, only when one was (a rejected job has no files). */
  review?: ReportReview;
  /**
   * How the job's executors pack a node of its executor instance types (additive in
   * schemaVersion 1); absent for a job without an executor size or a known instance type.
   */
  packing?: JobPacking;
}

/** A review decision as reported: the decision, the reviewer's note and how many overrides were applied. */
export interface ReportReview {
  decision?: 'accepted' | 'rejected';
  note?: string;
  overrides: number;
}

/** `report.json`: the batch at a glance, in the same vocabulary as `convert --format json`. */
export interface ReportData {
  schemaVersion: 1;
  toolVersion: string;
  inputs: string[];
  jobs: ReportJob[];
  diagnostics: ReportDiagnostic[];
  /** The answers file replayed, when there was one. */
  answersFile?: string;
  /** Which jobs need which Spark version and image (docs/images.md). */
  sparkVersions: SparkVersionUse[];
  /**
   * Job counts by status, diagnostics by severity and, when an answers file was replayed, jobs
   * by review decision (a rejected job keeps its status: the decision is not a failure).
   */
  summary: {
    jobs: number;
    converted: number;
    unsupported: number;
    error: number;
    warnings: number;
    errors: number;
    accepted?: number;
    rejected?: number;
  };
}

function toReportDiagnostic(d: Diagnostic): ReportDiagnostic {
  const out: ReportDiagnostic = { code: d.code, severity: d.severity, message: d.message };
  if (d.location) out.location = d.location;
  if (d.hint !== undefined) out.hint = d.hint;
  return out;
}

function toReportReview(review: NonNullable<JobPlan['review']>): ReportReview {
  return {
    ...(review.decision !== undefined && { decision: review.decision }),
    ...(review.note !== undefined && { note: review.note }),
    overrides: review.overrides,
  };
}

function toReportJob(plan: JobPlan, files: readonly string[], packingInput: ReportPackingInput | undefined): ReportJob {
  const job = packingInput?.jobs.get(plan.jobId);
  const packing = job === undefined || packingInput === undefined ? undefined : packJob(job, plan, { packing: packingInput.settings, rightSize: packingInput.rightSize });
  const reportJob: ReportJob = {
    id: plan.jobId,
    cluster: plan.source.cluster.key,
    step: { id: plan.source.step.key, name: plan.source.step.name },
    kind: plan.kind,
    status: plan.status,
    files: [...files].sort(compareStrings),
    foldedRuns: plan.source.foldedRuns,
    diagnostics: [...plan.diagnostics].sort(compareDiagnostics).map(toReportDiagnostic),
    dropped: [...plan.dropped]
      .sort((a, b) => compareStrings(a.setting, b.setting) || compareStrings(a.ref, b.ref))
      .map(({ setting, ref, reason, detail, rule }) => ({ setting, ref, reason, detail, rule })),
  };
  // Added after, in this order (`convert --format json` writes keys as built): a spread in the
  // literal took as long as the rest of it.
  if (plan.review !== undefined) reportJob.review = toReportReview(plan.review);
  if (packing !== undefined) reportJob.packing = packing;
  return reportJob;
}

/** Jobs by status and diagnostics (the batch's and the jobs') by severity, counted in one pass each. */
function counts(jobs: readonly ReportJob[], batch: readonly Diagnostic[], plans: readonly JobPlan[]) {
  const status = { converted: 0, unsupported: 0, error: 0 };
  for (const job of jobs) status[job.status] += 1;
  const severity = { warning: 0, error: 0, info: 0 };
  for (const d of batch) severity[d.severity] += 1;
  for (const plan of plans) for (const d of plan.diagnostics) severity[d.severity] += 1;
  return { status, severity };
}

/**
 * The report's data, in a fixed order whatever order jobs and inputs arrived in: jobs by id,
 * diagnostics by severity then code, dropped settings by name. Job status is the plan's own
 * (the pipeline marks a job whose manifest failed validation as `error`).
 */
export function buildReportData(input: ReportInput): ReportData {
  const plans = [...input.plans].sort((a, b) => compareStrings(a.jobId, b.jobId));
  const filesByJob = new Map<string, string[]>();
  for (const file of input.files ?? []) {
    if (file.jobId === undefined) continue;
    const paths = filesByJob.get(file.jobId);
    if (paths === undefined) filesByJob.set(file.jobId, [file.path]);
    else paths.push(file.path);
  }
  const jobs = plans.map((p) => toReportJob(p, filesByJob.get(p.jobId) ?? [], input.packing));
  const { status, severity } = counts(jobs, input.diagnostics, plans);
  const decided = (decision: 'accepted' | 'rejected') => jobs.filter((j) => j.review?.decision === decision).length;
  return {
    schemaVersion: 1,
    toolVersion: input.toolVersion,
    inputs: [...input.inputs].sort(compareStrings),
    jobs,
    diagnostics: [...input.diagnostics].sort(compareDiagnostics).map(toReportDiagnostic),
    ...(input.answersFile !== undefined && { answersFile: input.answersFile }),
    sparkVersions: input.sparkVersions ?? [],
    summary: {
      jobs: jobs.length,
      converted: status.converted,
      unsupported: status.unsupported,
      error: status.error,
      warnings: severity.warning,
      errors: severity.error,
      // Only with an answers file, so the contract of conversions without one is unchanged.
      ...(input.answersFile !== undefined && { accepted: decided('accepted'), rejected: decided('rejected') }),
    },
  };
}
