import type { Diagnostic } from '../../model/diagnostic.js';
import type { JobPlan } from '../../model/job-plan.js';
import { compareStrings } from '../../model/order.js';
import type { SettingRef, SourceLocation } from '../../model/source.js';
import { validateSparkApplication } from '../../validate/validate-spark-application.js';
import type { EmitResult, EmittedFile } from '../emitted-file.js';
import type { TargetEmitter } from '../emitter.js';
import { emitSparkRbac, missingIrsaRoleDiagnostic } from '../kubernetes/rbac.js';
import { toStableJson } from '../stable-json.js';
import { toYaml } from '../yaml-writer.js';
import { jobFilePaths } from './paths.js';
import { buildProvenanceFile } from './provenance-file.js';
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
  const converted = plans.filter((p) => p.status === 'converted').sort((a, b) => compareStrings(a.jobId, b.jobId));
  for (const plan of converted) {
    const built = buildSparkApplication(plan);
    diagnostics.push(...built.diagnostics);
    const result = validateSparkApplication(built.manifest);
    if (!result.valid) {
      diagnostics.push({
        code: 'invalid-manifest',
        severity: 'error',
        message: `SparkApplication ${plan.namespace}/${plan.name} does not match the sparkoperator.k8s.io/v1beta2 schema, so it was not written: ${result.errors.join('; ')}`,
        jobId: plan.jobId,
        refs: [],
        hint: 'Check the fields named above in the plan (`emr2k8s explain`) or the rule that set them.',
      });
      continue;
    }
    const paths = jobFilePaths(plan, options.outRoot);
    const provenance = buildProvenanceFile(plan, options.locations?.[plan.jobId] ?? {});
    files.push(
      { path: paths.manifest, content: toYaml([built.manifest]), kind: 'manifest', jobId: plan.jobId },
      { path: paths.provenance, content: toStableJson(provenance), kind: 'provenance', jobId: plan.jobId },
    );
  }
  return { files, diagnostics };
}

/**
 * The `spark-operator` target (docs/targets/spark-operator.md): the SparkApplications, and in
 * each namespace they run in the service account they name with the RBAC the driver needs
 * (`<namespace>/spark-rbac.yaml`), annotated for IRSA when the config gives `iamRoleArn`.
 */
export const sparkOperatorTarget: TargetEmitter = {
  id: 'spark-operator',
  emit(plans, context) {
    const locations = Object.fromEntries([...context.jobs].map(([id, job]) => [id, job.locations]));
    const apps = emitSparkOperator([...plans], { locations, ...(context.outRoot !== '' && { outRoot: context.outRoot }) });
    // Accounts only for applications that were written: a job whose manifest failed validation runs nowhere.
    const written = new Set(apps.files.map((f) => f.jobId));
    const running = plans.filter((p) => written.has(p.jobId));
    const { iamRoleArn } = context.config;
    const rbac = emitSparkRbac(running, { outRoot: context.outRoot, ...(iamRoleArn !== undefined && { iamRoleArn }) });
    return {
      files: [...apps.files, ...rbac.files],
      diagnostics: [...apps.diagnostics, ...rbac.diagnostics, ...missingIrsaRoleDiagnostic(running, iamRoleArn)],
    };
  },
};
