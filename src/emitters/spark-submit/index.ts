import type { ProjectConfig } from '../../config/project-config.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { JobPlan } from '../../model/job-plan.js';
import { compareStrings } from '../../model/order.js';
import type { SettingRef, SourceLocation } from '../../model/source.js';
import { validateCoreObject } from '../../validate/validate-core.js';
import type { EmitResult, EmittedFile } from '../emitted-file.js';
import type { TargetEmitter } from '../emitter.js';
import { emitServiceAccounts } from '../kubernetes/rbac.js';
import { jobFilePaths } from '../spark-operator/paths.js';
import { provenanceText } from '../spark-operator/provenance-file.js';
import { toYaml } from '../yaml-writer.js';
import { buildSubmitArgs } from './command-line.js';
import { placePods, templateFileName, type PodPlacement } from './pod-templates.js';
import { buildSubmitConf, PODGROUP_FILE } from './submit-conf.js';
import { buildSubmitterJob, buildTemplateConfigMap, SPARK_SUBMIT_PATHS, templateConfigMapName } from './submitter-job.js';

export interface SparkSubmitOptions {
  /** Folder inside the output folder to write under; none by default. */
  outRoot?: string;
  /** Where each input setting sits, per job id: the provenance files cite these. */
  locations?: Record<string, Record<SettingRef, SourceLocation>>;
  /** The image flavor (config `image.flavor`): where spark-submit sits in the image. */
  flavor?: ProjectConfig['image']['flavor'];
}

/** The objects written for one plan, and what building them found. */
export interface SubmitObjects {
  job: Record<string, unknown>;
  /** The pod templates (and Volcano PodGroup template), when the plan needs them. */
  configMap?: Record<string, unknown>;
  /** The pod templates inside the ConfigMap, as objects, for validation. */
  templates: PodPlacement['templates'];
  diagnostics: Diagnostic[];
}

/** Pod templates are checked as the pod spec of a Job, the one pod-carrying kind the core validator knows. */
function templateAsJob(template: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pod-template' }, spec: { template: { spec: template.spec } } };
}

/**
 * A file kept in a ConfigMap: the canonical YAML without its final newline, so the writer can
 * show it as a literal block (it double-quotes multi-line strings that end in a line break).
 */
function asFileText(obj: Record<string, unknown>): string {
  return toYaml([obj]).replace(/\n$/, '');
}

function volcanoPodGroup(queue: string): Record<string, unknown> {
  return { apiVersion: 'scheduling.volcano.sh/v1beta1', kind: 'PodGroup', spec: { queue } };
}

/**
 * The Job (and ConfigMap) for one plan: the spark-submit command line carrying every setting,
 * pod templates only for what `--conf` cannot say. Pure; validation is the caller's.
 */
export function buildSubmitObjects(plan: JobPlan, flavor: ProjectConfig['image']['flavor'] = 'apache'): SubmitObjects {
  const placement = placePods(plan);
  const { conf, diagnostics } = buildSubmitConf(plan, placement);
  const files: Record<string, string> = {};
  for (const role of ['driver', 'executor'] as const) {
    const template = placement.templates[role];
    if (template) files[templateFileName(role)] = asFileText(template);
  }
  if (plan.batchScheduler === 'volcano' && plan.batchSchedulerQueue && conf.some((c) => c.key === 'spark.kubernetes.scheduler.volcano.podGroupTemplateFile')) {
    files[PODGROUP_FILE] = asFileText(volcanoPodGroup(plan.batchSchedulerQueue));
  }
  const configMap = Object.keys(files).length > 0 ? buildTemplateConfigMap(plan, files) : undefined;
  const job = buildSubmitterJob({
    plan,
    command: SPARK_SUBMIT_PATHS[flavor],
    args: buildSubmitArgs(plan, conf),
    ...(configMap && { templateConfigMap: templateConfigMapName(plan) }),
  });
  return { job, ...(configMap && { configMap }), templates: placement.templates, diagnostics: [...placement.diagnostics, ...diagnostics, ...behaviourDiagnostics(plan, flavor)] };
}

/** Where this target runs a job differently from EMR or from the operator: said once per job. */
function behaviourDiagnostics(plan: JobPlan, flavor: ProjectConfig['image']['flavor']): Diagnostic[] {
  const out: Diagnostic[] = [];
  const retries = plan.restartPolicy && plan.restartPolicy.type !== 'Never' ? (plan.restartPolicy.onFailureRetries ?? 0) : 0;
  if (retries > 0) {
    const from = plan.provenance.restartPolicy;
    out.push({
      code: 'driver-restart-not-carried',
      severity: 'warning',
      message: `YARN restarted a failed driver (${retries} ${retries === 1 ? 'retry' : 'retries'}), but spark-submit on Kubernetes exits 0 however the driver ends (SPARK-26365): the Job's backoffLimit ${retries} retries only a failed submission, not a failed driver`,
      jobId: plan.jobId,
      refs: from && 'from' in from ? [...from.from] : [],
      hint: 'Retry from your orchestrator on the driver pod\'s phase, or use the spark-operator target, whose restartPolicy restarts failed drivers.',
    });
  }
  if (flavor === 'emr') {
    out.push({
      code: 'emr-image-classpath',
      severity: 'info',
      message: 'EMR on EKS images run plain spark-submit only with EMR\'s own driver and executor extraClassPath (facts §8.5); check that the sparkConf carries it',
      jobId: plan.jobId,
      refs: [],
      hint: 'See https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/spark-submit.html, or use the emr-on-eks target.',
    });
  }
  return out;
}

function invalid(plan: JobPlan, what: string, errors: string[]): Diagnostic {
  return {
    code: 'invalid-manifest',
    severity: 'error',
    message: `${what} for ${plan.namespace}/${plan.name} is not a valid Kubernetes object, so the job was not written: ${errors.join('; ')}`,
    jobId: plan.jobId,
    refs: [],
    hint: 'Check the fields named above in the plan (`emr2k8s explain`) or the rule that set them.',
  };
}

/** Why a plan cannot become a spark-submit command at all. */
function missingEssentials(plan: JobPlan): string[] {
  const errors: string[] = [];
  if (plan.image === undefined) errors.push('image: required field missing');
  if (plan.mainApplicationFile === undefined) errors.push('mainApplicationFile: spark-submit needs an application jar or file');
  return errors;
}

/**
 * The `spark-submit` target: per converted plan, a `batch/v1` Job at `<namespace>/<name>.yaml`
 * that runs spark-submit in cluster mode (with the ConfigMap of pod templates in the same
 * file when placement needs one), and its provenance beside it. Every object is validated
 * with the core schemas first; a plan with an invalid object is not written and gets an
 * `invalid-manifest` error. Jobs come out in id order whatever order the plans arrive in.
 */
export function emitSparkSubmit(plans: readonly JobPlan[], options: SparkSubmitOptions = {}): EmitResult {
  const files: EmittedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const plan of [...plans].sort((a, b) => compareStrings(a.jobId, b.jobId))) {
    const result = emitSubmitterJob(plan, options.locations?.[plan.jobId] ?? {}, options);
    files.push(...result.files);
    diagnostics.push(...result.diagnostics);
  }
  return { files, diagnostics };
}

/** One plan's Job (and ConfigMap) and provenance, when the plan converted and every object is valid. */
function emitSubmitterJob(plan: JobPlan, locations: Record<SettingRef, SourceLocation>, options: Omit<SparkSubmitOptions, 'locations'>): EmitResult {
  if (plan.status !== 'converted') return { files: [], diagnostics: [] };
  const essentials = missingEssentials(plan);
  if (essentials.length > 0) return { files: [], diagnostics: [invalid(plan, 'The spark-submit Job', essentials)] };
  const built = buildSubmitObjects(plan, options.flavor);
  const checks: Array<[string, Record<string, unknown>]> = [['The Job', built.job]];
  if (built.configMap) checks.push(['The pod-template ConfigMap', built.configMap]);
  for (const role of ['driver', 'executor'] as const) {
    const template = built.templates[role];
    if (template) checks.push([`The ${role} pod template`, templateAsJob(template)]);
  }
  const errors = checks.flatMap(([what, obj]) => validateCoreObject(obj).errors.map((e) => `${what}: ${e}`));
  if (errors.length > 0) return { files: [], diagnostics: [...built.diagnostics, invalid(plan, 'The spark-submit Job', errors)] };
  const paths = jobFilePaths(plan, options.outRoot);
  const objects = built.configMap ? [built.configMap, built.job] : [built.job];
  return {
    files: [
      { path: paths.manifest, content: toYaml(objects), kind: 'manifest', jobId: plan.jobId },
      { path: paths.provenance, content: provenanceText(plan, locations), kind: 'provenance', jobId: plan.jobId },
    ],
    diagnostics: built.diagnostics,
  };
}

/**
 * The `spark-submit` target (docs/targets/spark-submit.md): the Jobs, and in each namespace
 * they run in the service account with the RBAC the driver needs (`<namespace>/spark-rbac.yaml`,
 * the same objects the spark-operator target writes), annotated for IRSA when the config gives
 * `iamRoleArn`. The submitter uses the same account: it needs the same pod rights.
 */
export const sparkSubmitTarget: TargetEmitter = {
  id: 'spark-submit',
  emitJob: (plan, context) =>
    emitSubmitterJob(plan, context.jobs.get(plan.jobId)?.locations ?? {}, {
      flavor: context.config.image.flavor,
      ...(context.outRoot !== '' && { outRoot: context.outRoot }),
    }),
  emitBatch: emitServiceAccounts,
};
