import type { StartJobRunRequest as SdkStartJobRunRequest } from '@aws-sdk/client-emr-containers';
import { compareReleases, releaseFacts } from '../../catalog/emr-releases.js';
import type { ProjectConfig } from '../../config/project-config.js';
import type { Diagnostic, Severity } from '../../model/diagnostic.js';
import type { JobPlan } from '../../model/job-plan.js';
import { sortedKeys } from '../../model/order.js';
import type { SparkJob } from '../../model/spark-job.js';
import { carriedClassifications } from './classifications.js';
import { hiveDriver } from './hive-driver.js';
import { emrOnEksRelease, FIRST_RETRY_RELEASE, type EmrOnEksRelease } from './release-label.js';
import { buildSparkDefaults } from './spark-defaults.js';
import { EXECUTION_ROLE_PLACEHOLDER, VIRTUAL_CLUSTER_PLACEHOLDER, type ConfigurationShape } from './start-job-run-schema.js';
import { buildSubmitParameters } from './submit-parameters.js';

/** Tags that lead a job run back to its EMR step, as the annotations of a SparkApplication do (DESIGN §5). */
const SOURCE_TAGS = { cluster: 'emr2k8s.io/source-cluster', step: 'emr2k8s.io/source-step', stepName: 'emr2k8s.io/step-name' } as const;

/** A request to write, or none, with what the job should know about it. */
export interface BuiltRequest {
  request?: SdkStartJobRunRequest;
  diagnostics: Diagnostic[];
  /** Reasons the request cannot be expressed at all (an error on the job). */
  problems: string[];
}

class Findings {
  readonly list: Diagnostic[] = [];
  constructor(private readonly jobId: string) {}
  add(code: string, severity: Severity, message: string, hint?: string): void {
    this.list.push({ code, severity, message, jobId: this.jobId, refs: [], ...(hint !== undefined && { hint }) });
  }
}

/**
 * One StartJobRun request per job (facts §8.5), annotated with the SDK's request type so the
 * compiler checks its shape; limits are checked separately against the API model
 * (start-job-run-schema.ts). A Spark plan becomes a `sparkSubmitJobDriver`; a Hive step that
 * runs a script becomes a `sparkSqlJobDriver`. See docs/targets/emr-on-eks.md.
 */
export function buildStartJobRun(plan: JobPlan, job: SparkJob, config: ProjectConfig): BuiltRequest {
  const findings = new Findings(plan.jobId);
  const release = emrOnEksRelease(job.facts.releaseLabel, job.facts.sparkVersion, job.kind === 'spark' ? plan.sparkVersion : undefined);
  reportRelease(release, findings);
  const identity = requestIdentity(plan, config, findings);
  const problems: string[] = [];
  const notCarried: string[] = [];
  const secrets: string[] = [];
  const applicationConfiguration: ConfigurationShape[] = [];
  let jobDriver: SdkStartJobRunRequest['jobDriver'];
  let maxAttempts: number | undefined;

  if (job.kind === 'hive') {
    const driver = hiveDriver(job);
    if (!driver.ok) {
      findings.add('emr-on-eks-hive-not-converted', 'info', `The Hive step cannot run as an EMR on EKS Spark SQL job: ${driver.reason}.`, 'Run the script with spark-sql from a Spark job, or keep a Hive runtime for it.');
      return { diagnostics: findings.list, problems };
    }
    jobDriver = { sparkSqlJobDriver: { entryPoint: driver.entryPoint, ...(driver.sparkSqlParameters !== undefined && { sparkSqlParameters: driver.sparkSqlParameters }) } };
    findings.add(
      'emr-on-eks-hive-as-spark-sql',
      'warning',
      `The Hive script ${driver.entryPoint} runs as a Spark SQL job (sparkSqlJobDriver) on EMR on EKS; Spark SQL reads most HiveQL, but not all of it.`,
      'Test the script with spark-sql first: see "Compatibility with Apache Hive" in the Spark SQL guide (unsupported Hive features, SerDes, UDFs).',
    );
  } else {
    if (plan.mainApplicationFile === undefined) return { diagnostics: findings.list, problems: ['the plan has no application file'] };
    const submit = buildSubmitParameters(plan);
    problems.push(...submit.problems);
    const sparkVersion = releaseFacts(`emr-${release.version.major}.${release.version.minor}.0`)?.spark ?? plan.sparkVersion ?? '';
    const defaults = buildSparkDefaults(plan, sparkVersion, customImage(plan, config));
    notCarried.push(...defaults.notCarried, ...planOnlyFields(plan, config));
    secrets.push(...defaults.secrets);
    if (defaults.podTemplate.length > 0) {
      findings.add(
        'emr-on-eks-pod-template-needed',
        'warning',
        `${defaults.podTemplate.join(', ')} cannot be set through Spark properties; EMR on EKS needs a pod template for them.`,
        'Write driver and executor pod templates with these fields, upload them to S3 and set spark.kubernetes.driver.podTemplateFile and spark.kubernetes.executor.podTemplateFile (EMR 5.33.0 / 6.3.0 and later).',
      );
    }
    if (Object.keys(defaults.properties).length > 0) applicationConfiguration.push({ classification: 'spark-defaults', properties: defaults.properties });
    jobDriver = {
      sparkSubmitJobDriver: {
        entryPoint: plan.mainApplicationFile,
        ...(plan.arguments.length > 0 && { entryPointArguments: [...plan.arguments] }),
        ...(submit.text !== undefined && { sparkSubmitParameters: submit.text }),
      },
    };
    maxAttempts = retryAttempts(plan, release, findings);
  }

  const carried = carriedClassifications(job, plan, release.version);
  applicationConfiguration.push(...carried.configurations);
  notCarried.push(...carried.notCarried);
  secrets.push(...carried.secrets);
  const tags = requestTags(plan, job, notCarried);
  if (secrets.length > 0) {
    findings.add(
      'emr-on-eks-secret-not-passed',
      'warning',
      `${secrets.join(', ')} ${secrets.length === 1 ? 'was' : 'were'} left out of the StartJobRun request: EMR on EKS cannot mount Kubernetes Secrets and the request must not carry secret values.`,
      "Grant the access through the job execution role (IAM), or read the value from AWS Secrets Manager or SSM Parameter Store in the application.",
    );
  }
  if (notCarried.length > 0) findings.add('emr-on-eks-not-carried', 'info', `Left out of the StartJobRun request: ${notCarried.join('; ')}.`);

  const logUri = job.cluster.logUri?.replace(/^s3n:\/\//, 's3://');
  const request: SdkStartJobRunRequest = {
    name: plan.name,
    ...identity,
    releaseLabel: release.label,
    jobDriver,
    ...((applicationConfiguration.length > 0 || logUri !== undefined) && {
      configurationOverrides: {
        ...(applicationConfiguration.length > 0 && { applicationConfiguration }),
        ...(logUri !== undefined && { monitoringConfiguration: { s3MonitoringConfiguration: { logUri } } }),
      },
    }),
    tags,
    ...(maxAttempts !== undefined && { retryPolicyConfiguration: { maxAttempts } }),
  };
  return { request, diagnostics: findings.list, problems };
}

function reportRelease(release: EmrOnEksRelease, findings: Findings): void {
  const { choice, label } = release;
  if (choice.kind === 'older') {
    findings.add('emr-on-eks-release-changed', 'warning', `${choice.from} is not available on EMR on EKS (5.32.0 / 6.2.0 and later); the job runs on ${label}, the nearest later release of the same line.`, 'Test the job on that release: its Spark and libraries are newer.');
  } else if (choice.kind === 'spark-upgrade') {
    findings.add('emr-on-eks-release-changed', 'info', `The plan moves the job from ${choice.from} to Spark ${choice.spark}, so it runs on ${label}.`);
  } else if (choice.kind === 'patch') {
    findings.add('emr-on-eks-release-changed', 'info', `EMR on EKS publishes each release as X.Y.0 with security updates under -latest; ${choice.from} runs on ${label}.`);
  } else if (choice.kind === 'unknown') {
    findings.add('emr-on-eks-release-unknown', 'info', `${choice.from} is not in emr2k8s's release table; the request names ${label}.`, 'Check that the release exists on EMR on EKS in your Region.');
  }
}

/** `virtualClusterId` and `executionRoleArn` from the config, or visible placeholders and a warning. */
function requestIdentity(plan: JobPlan, config: ProjectConfig, findings: Findings): { virtualClusterId: string; executionRoleArn: string } {
  const { virtualClusterId, executionRoleArn } = config.emrOnEks ?? {};
  const missing = [
    ...(virtualClusterId === undefined ? [`emrOnEks.virtualClusterId (written as ${VIRTUAL_CLUSTER_PLACEHOLDER})`] : []),
    ...(executionRoleArn === undefined ? [`emrOnEks.executionRoleArn (written as ${EXECUTION_ROLE_PLACEHOLDER})`] : []),
  ];
  if (missing.length > 0) {
    findings.add('emr-on-eks-placeholder', 'warning', `The config sets no ${missing.join(' and no ')}; the request for ${plan.name} cannot be submitted until it is filled in.`, 'Set emrOnEks.virtualClusterId and emrOnEks.executionRoleArn in emr2k8s.config.yaml and convert again.');
  }
  return { virtualClusterId: virtualClusterId ?? VIRTUAL_CLUSTER_PLACEHOLDER, executionRoleArn: executionRoleArn ?? EXECUTION_ROLE_PLACEHOLDER };
}

/**
 * `retryPolicyConfiguration.maxAttempts` = the plan's driver retries + 1 (first run included).
 * The API model gives the field no upper bound; the feature exists from release 6.9.0.
 */
function retryAttempts(plan: JobPlan, release: EmrOnEksRelease, findings: Findings): number | undefined {
  const rp = plan.restartPolicy;
  if (rp === undefined || rp.type === 'Never' || (rp.onFailureRetries ?? 0) <= 0) return undefined;
  if (compareReleases(release.version, FIRST_RETRY_RELEASE) < 0) {
    findings.add('emr-on-eks-retry-unavailable', 'info', `EMR retried the driver ${rp.onFailureRetries} time(s), but ${release.label} has no job retry policy (6.9.0 and later).`, 'Retry the job from the orchestrator that submits it.');
    return undefined;
  }
  return (rp.onFailureRetries ?? 0) + 1;
}

/** Plan fields with no place in a request, each with why. */
function planOnlyFields(plan: JobPlan, config: ProjectConfig): string[] {
  const out: string[] = [];
  if (plan.serviceAccount !== undefined && config.serviceAccount !== undefined) out.push(`serviceAccount ${plan.serviceAccount} (EMR on EKS creates the job's service accounts for the execution role)`);
  if (plan.image !== undefined && config.image.repository !== undefined && config.image.flavor !== 'emr') {
    out.push(`image ${plan.image} (an Apache Spark image; EMR on EKS runs EMR images, so build a custom image from the EMR on EKS one)`);
  }
  return out;
}

/**
 * A custom image from the config with EMR images (flavor emr) is built from the EMR on EKS
 * image, which is how EMR on EKS takes custom images (spark.kubernetes.container.image);
 * otherwise EMR on EKS picks the release's own image.
 */
function customImage(plan: JobPlan, config: ProjectConfig): string | undefined {
  return config.image.flavor === 'emr' && config.image.repository !== undefined ? plan.image : undefined;
}

/** The cluster's tags plus the job's source identity; `aws:` keys are reserved by AWS and cannot be set. */
function requestTags(plan: JobPlan, job: SparkJob, notCarried: string[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const key of sortedKeys(job.cluster.tags)) {
    if (key.toLowerCase().startsWith('aws:')) notCarried.push(`tag ${key} (the aws: prefix is reserved)`);
    else tags[key] = job.cluster.tags[key] as string;
  }
  tags[SOURCE_TAGS.cluster] = plan.source.cluster.key;
  tags[SOURCE_TAGS.step] = plan.source.step.key;
  tags[SOURCE_TAGS.stepName] = plan.source.step.name;
  return tags;
}
