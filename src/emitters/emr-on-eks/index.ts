import { posix } from 'node:path';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { JobPlan } from '../../model/job-plan.js';
import { compareStrings } from '../../model/order.js';
import type { EmitResult, EmittedFile } from '../emitted-file.js';
import type { EmitContext, TargetEmitter } from '../emitter.js';
import { provenanceText } from '../spark-operator/provenance-file.js';
import { toStableJson } from '../stable-json.js';
import { buildStartJobRun } from './request.js';
import { checkStartJobRun } from './start-job-run-schema.js';

/** Where a job's request and provenance go: `<outRoot>/<namespace>/<name>.start-job-run.json`. */
export function requestFilePaths(plan: Pick<JobPlan, 'namespace' | 'name'>, outRoot: string): { request: string; provenance: string } {
  const base = posix.join(outRoot, plan.namespace, plan.name);
  return { request: `${base}.start-job-run.json`, provenance: `${base}.provenance.json` };
}

/**
 * Which plans get a request: every converted Spark job, and Hive steps, which the other
 * targets cannot run but EMR on EKS runs as Spark SQL jobs (they keep the status
 * `unsupported` in the report, with a diagnostic and this target's file).
 */
function wanted(plan: JobPlan): boolean {
  return (plan.status === 'converted' && plan.kind === 'spark') || (plan.status === 'unsupported' && plan.kind === 'hive');
}

/**
 * The EMR on EKS target (docs/targets/emr-on-eks.md): one StartJobRun request per job, as
 * JSON for `aws emr-containers start-job-run --cli-input-json file://…`, with the plan's
 * provenance beside it. Every request is checked against the API's shapes and limits first;
 * one that fails is not written and becomes an `emr-on-eks-invalid-request` error on its job.
 */
export function emitEmrOnEks(plans: readonly JobPlan[], context: Pick<EmitContext, 'jobs' | 'config' | 'outRoot'>): EmitResult {
  const files: EmittedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const plan of [...plans].sort((a, b) => compareStrings(a.jobId, b.jobId))) {
    const result = emitStartJobRun(plan, context);
    files.push(...result.files);
    diagnostics.push(...result.diagnostics);
  }
  return { files, diagnostics };
}

/** One plan's request and provenance, when the target runs the plan and the request is valid. */
function emitStartJobRun(plan: JobPlan, context: Pick<EmitContext, 'jobs' | 'config' | 'outRoot'>): EmitResult {
  const job = context.jobs.get(plan.jobId);
  if (!wanted(plan) || !job) return { files: [], diagnostics: [] };
  const built = buildStartJobRun(plan, job, context.config);
  if (!built.request) return { files: [], diagnostics: built.problems.length > 0 ? [...built.diagnostics, invalid(plan, built.problems)] : built.diagnostics };
  const problems = [...built.problems, ...checkStartJobRun(built.request)];
  if (problems.length > 0) return { files: [], diagnostics: [...built.diagnostics, invalid(plan, problems)] };
  const paths = requestFilePaths(plan, context.outRoot);
  return {
    files: [
      { path: paths.request, content: toStableJson(built.request), kind: 'manifest', jobId: plan.jobId },
      { path: paths.provenance, content: provenanceText(plan, job.locations), kind: 'provenance', jobId: plan.jobId },
    ],
    diagnostics: built.diagnostics,
  };
}

function invalid(plan: JobPlan, problems: string[]): Diagnostic {
  return {
    code: 'emr-on-eks-invalid-request',
    severity: 'error',
    message: `The StartJobRun request for ${plan.namespace}/${plan.name} breaks the EMR on EKS API's limits, so it was not written: ${problems.join('; ')}`,
    jobId: plan.jobId,
    refs: [],
    hint: 'Shorten or move the values named above (for example a long argument into a file on S3), or check the rule that set them with `emr2k8s explain`.',
  };
}

/** The `emr-on-eks` target. */
export const emrOnEksTarget: TargetEmitter = {
  id: 'emr-on-eks',
  emitJob: emitStartJobRun,
  // Nothing is shared between requests: EMR on EKS brings its own service accounts.
  emitBatch: () => ({ files: [], diagnostics: [] }),
};
