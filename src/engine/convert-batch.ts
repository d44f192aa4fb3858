import type { ProjectConfig } from '../config/project-config.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { compareDiagnostics } from '../model/diagnostic.js';
import type { EmrSnapshot } from '../model/emr-snapshot.js';
import type { LoadedAnswers } from '../model/answers.js';
import type { JobPlan } from '../model/job-plan.js';
import { compareStrings } from '../model/order.js';
import type { SparkJob } from '../model/spark-job.js';
import { normalize } from '../normalize/index.js';
import type { ActiveRule } from './run-rules.js';
import { planJob } from './run-rules.js';
import { finishAnswers, prepareAnswers } from './apply-answers.js';
import { ensureUniqueNames } from './unique-names.js';

export interface BatchResult {
  jobs: SparkJob[];
  plans: JobPlan[];
  /** Findings not about one job (e.g. a duplicate input). */
  diagnostics: Diagnostic[];
}

/**
 * The pure middle of `convert`: snapshots → jobs → plans (DESIGN §2). Jobs and plans come
 * out sorted by job id, whatever the input order. With review answers, each answer that still
 * matches its job is applied around the rules (src/engine/apply-answers.ts): its Spark settings
 * as the `review` conf layer of the returned job, its fields and decision on the plan.
 */
export function convertSnapshots(
  snapshots: readonly EmrSnapshot[],
  rules: readonly ActiveRule[],
  config: ProjectConfig,
  answers?: LoadedAnswers,
): BatchResult {
  const diagnostics: Diagnostic[] = [];
  const jobs = new Map<string, SparkJob>();
  for (const snapshot of [...snapshots].sort((a, b) => compareStrings(a.source, b.source))) {
    const normalized = normalize(snapshot);
    diagnostics.push(...normalized.diagnostics);
    for (const job of normalized.jobs) {
      if (jobs.has(job.id)) {
        diagnostics.push({
          code: 'duplicate-job',
          severity: 'warning',
          message: `job ${job.id} from ${snapshot.source} is also in ${jobs.get(job.id)?.cluster.source}; the first one is kept`,
          jobId: job.id,
          refs: [],
          hint: 'Give each cluster export once.',
        });
        continue;
      }
      jobs.set(job.id, job);
    }
  }
  const normalized = [...jobs.values()].sort((a, b) => compareStrings(a.id, b.id));
  const prepared = prepareAnswers(normalized, answers);
  diagnostics.push(...prepared.diagnostics);
  const plans = prepared.jobs.map((job) => planJob(job, rules, config));
  ensureUniqueNames(plans);
  diagnostics.push(...finishAnswers(plans, prepared.applicable));
  const batch = attachJobDiagnostics(plans, diagnostics);
  return { jobs: prepared.jobs, plans, diagnostics: batch.sort(compareDiagnostics) };
}

/**
 * Normalization findings about one job (a bad option, an assumed default) belong with
 * that job's plan; an error among them means the job was not converted.
 */
function attachJobDiagnostics(plans: JobPlan[], diagnostics: Diagnostic[]): Diagnostic[] {
  const byId = new Map(plans.map((p) => [p.jobId, p]));
  const rest: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const plan = diagnostic.jobId === undefined ? undefined : byId.get(diagnostic.jobId);
    if (plan) plan.diagnostics.push(diagnostic);
    else rest.push(diagnostic);
  }
  for (const plan of plans) {
    plan.diagnostics.sort(compareDiagnostics);
    if (plan.status === 'converted' && plan.diagnostics.some((d) => d.severity === 'error')) plan.status = 'error';
  }
  return rest;
}
