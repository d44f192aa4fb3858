import type { Diagnostic } from '../../model/diagnostic.js';
import type { JobPlan } from '../../model/job-plan.js';
import { compareStrings } from '../../model/order.js';
import type { SettingRef, SourceLocation } from '../../model/source.js';
import { validateSparkApplication } from '../../validate/validate-spark-application.js';
import type { EmitResult, EmittedFile } from '../emitted-file.js';
import type { TargetEmitter } from '../emitter.js';
import { emitServiceAccounts } from '../kubernetes/rbac.js';
import { toYaml } from '../yaml-writer.js';
import { jobFilePaths } from './paths.js';
import { provenanceText } from './provenance-file.js';
import { buildSparkApplication } from './spark-application.js';

export interface SparkOperatorOptions {
  /** Folder inside the output folder to write under; none by default. */
  outRoot?: string;
  /** Where each input setting sits, per job id: the provenance files cite these. */
  locations?: Record<string, Record<SettingRef, SourceLocation>>;
}

/**
 * The Kubeflow Spark Operator target (https://www.kubeflow.org/docs/components/spark-operator/):
 * one `SparkApplication` per converted plan at `<namespace>/<name>.yaml`, with its provenance
 * beside it. Every manifest is validated against the upstream CRD schema first; one that
 * fails is not written and becomes an `invalid-manifest` error on its job. Jobs come out in
 * id order whatever order the plans arrive in.
 */
export function emitSparkOperator(plans: JobPlan[], options: SparkOperatorOptions = {}): EmitResult {
  const files: EmittedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const plan of [...plans].sort((a, b) => compareStrings(a.jobId, b.jobId))) {
    const result = emitSparkApplication(plan, options.locations?.[plan.jobId] ?? {}, options.outRoot);
    files.push(...result.files);
    diagnostics.push(...result.diagnostics);
  }
  return { files, diagnostics };
}

/** One plan's SparkApplication and provenance, when the plan converted and its manifest is valid. */
function emitSparkApplication(plan: JobPlan, locations: Record<SettingRef, SourceLocation>, outRoot: string | undefined): EmitResult {
  if (plan.status !== 'converted') return { files: [], diagnostics: [] };
  const built = buildSparkApplication(plan);
  const result = validateSparkApplication(built.manifest);
  if (!result.valid) {
    const invalid: Diagnostic = {
      code: 'invalid-manifest',
      severity: 'error',
      message: `SparkApplication ${plan.namespace}/${plan.name} does not match the sparkoperator.k8s.io/v1beta2 schema, so it was not written: ${result.errors.join('; ')}`,
      jobId: plan.jobId,
      refs: [],
      hint: 'Check the fields named above in the plan (`emr2k8s explain`) or the rule that set them.',
    };
    return { files: [], diagnostics: [...built.diagnostics, invalid] };
  }
  const paths = jobFilePaths(plan, outRoot);
  return {
    files: [
      { path: paths.manifest, content: toYaml([built.manifest]), kind: 'manifest', jobId: plan.jobId },
      { path: paths.provenance, content: provenanceText(plan, locations), kind: 'provenance', jobId: plan.jobId },
    ],
    diagnostics: built.diagnostics,
  };
}

/**
 * The `spark-operator` target (docs/targets/spark-operator.md): the SparkApplications, and in
 * each namespace they run in the service account they name with the RBAC the driver needs
 * (`<namespace>/spark-rbac.yaml`), annotated for IRSA when the config gives `iamRoleArn`.
 */
export const sparkOperatorTarget: TargetEmitter = {
  id: 'spark-operator',
  emitJob: (plan, context) => emitSparkApplication(plan, context.jobs.get(plan.jobId)?.locations ?? {}, context.outRoot === '' ? undefined : context.outRoot),
  // Accounts only for applications that were written: a job whose manifest failed validation runs nowhere.
  emitBatch: emitServiceAccounts,
};

