import { schedulerSparkConf } from '../kubernetes/scheduler-conf.js';
import type { EnvValue, JobPlan, PodPlan } from '../../model/job-plan.js';
import { sortedKeys } from '../../model/order.js';
import { isEnvReference, mustWithhold } from '../../model/secrets.js';

/**
 * Keys EMR on EKS sets for every job run: the job submitter decides the master, deploy mode,
 * namespace (the virtual cluster's) and the service accounts (tied to the execution role).
 */
const SET_BY_EMR_ON_EKS = new Set([
  'spark.master',
  'spark.submit.deployMode',
  'spark.kubernetes.namespace',
  'spark.kubernetes.authenticate.driver.serviceAccountName',
  'spark.kubernetes.authenticate.executor.serviceAccountName',
]);

/**
 * Hadoop settings the `s3-access` rule adds for Apache Spark images only: S3A serving s3://
 * and the IRSA provider of S3A. EMR images serve s3:// with EMRFS, and EMR on EKS hands the
 * execution role's credentials to it, so these would only switch EMRFS off.
 */
function isApacheS3Plumbing(plan: JobPlan, key: string): boolean {
  const p = plan.provenance[`hadoopConf.${key}`];
  return p !== undefined && 'default' in p && p.rule === 's3-access';
}

/** What went into `spark-defaults`, and what was left out and why (for one diagnostic each). */
export interface SparkDefaults {
  properties: Record<string, string>;
  /** `key (reason)` for settings left out that are not secrets. */
  notCarried: string[];
  /** Secret settings and secret references left out (EMR on EKS has no Secret mechanism). */
  secrets: string[];
  /** Plan fields that only a pod template can express (tolerations, affinity, …). */
  podTemplate: string[];
}

type Role = 'driver' | 'executor';

/** Per-role Spark-on-Kubernetes keys (facts §6, §7.2). */
const ENV_PREFIX: Record<Role, string> = { driver: 'spark.kubernetes.driverEnv.', executor: 'spark.executorEnv.' };

/**
 * The `spark-defaults` classification of a job run: every Spark setting of the plan, as the
 * Spark Operator would pass it to spark-submit (facts §7.2: `cores` → `spark.*.cores`,
 * `coreRequest` → `spark.kubernetes.*.request.cores`, …), so reviewers read them in one place.
 * Typed pod fields win over `sparkConf` entries of the same key, as they do in the operator.
 * Secret values never reach it: a secret-looking key with a literal value, a `${env…}`
 * reference (it would point at a Kubernetes Secret that EMR on EKS cannot mount) and a
 * `secretKeyRef` environment variable are left out and listed in `secrets`. `sparkVersion` is
 * the Spark of the release the job runs on; `image` a custom image, when there is one.
 */
export function buildSparkDefaults(plan: JobPlan, sparkVersion: string, image?: string): SparkDefaults {
  const properties: Record<string, string> = {};
  const notCarried: string[] = [];
  const secrets: string[] = [];
  const podTemplate: string[] = [];
  const put = (key: string, value: string | number | boolean | undefined): void => {
    if (value === undefined) return;
    const text = String(value);
    if (mustWithhold(key, text) || isEnvReference(text)) secrets.push(key);
    else properties[key] = text;
  };

  for (const key of sortedKeys(plan.sparkConf)) {
    if (SET_BY_EMR_ON_EKS.has(key)) notCarried.push(`${key} (set by EMR on EKS)`);
    else put(key, plan.sparkConf[key]);
  }
  for (const key of sortedKeys(plan.hadoopConf)) {
    if (isApacheS3Plumbing(plan, key)) notCarried.push(`spark.hadoop.${key} (S3A setting for Apache Spark images; EMR images read s3:// with EMRFS)`);
    else put(`spark.hadoop.${key}`, plan.hadoopConf[key]);
  }
  const referenced = new Set([...Object.values(plan.sparkConf), ...Object.values(plan.hadoopConf)].filter(isEnvReference).map((v) => v.slice(6, -1)));
  for (const role of ['driver', 'executor'] as const) {
    const pod = plan[role];
    podProperties(role, pod, put);
    if (pod.tolerations.length > 0) podTemplate.push(`${role}.tolerations`);
    if (pod.affinity !== undefined) podTemplate.push(`${role}.affinity`);
    const selectors = sortedKeys(pod.nodeSelector);
    if (selectors.length > 0 && !perRoleNodeSelectors(sparkVersion)) podTemplate.push(`${role}.nodeSelector`);
    else for (const key of selectors) put(`spark.kubernetes.${role}.node.selector.${key}`, pod.nodeSelector[key]);
    for (const name of sortedKeys(pod.env)) {
      const value = pod.env[name] as EnvValue;
      // A variable that only feeds a `${env…}` reference left out above is the same secret.
      if ('secretKeyRef' in value) {
        if (!referenced.has(name)) secrets.push(`${ENV_PREFIX[role]}${name}`);
      } else put(`${ENV_PREFIX[role]}${name}`, value.value);
    }
  }
  const da = plan.dynamicAllocation;
  if (da) {
    put('spark.dynamicAllocation.enabled', da.enabled);
    put('spark.dynamicAllocation.initialExecutors', da.initialExecutors);
    put('spark.dynamicAllocation.minExecutors', da.minExecutors);
    put('spark.dynamicAllocation.maxExecutors', da.maxExecutors);
    put('spark.dynamicAllocation.shuffleTracking.enabled', da.shuffleTrackingEnabled);
    if (da.shuffleTrackingTimeout !== undefined) put('spark.dynamicAllocation.shuffleTracking.timeout', `${da.shuffleTrackingTimeout}ms`);
  }
  const scheduler = schedulerSparkConf(plan, sparkAtLeast33(sparkVersion));
  if (scheduler === 'too-old') notCarried.push(`batchScheduler ${plan.batchScheduler} (spark.kubernetes.scheduler.name needs Spark 3.3 or later)`);
  else if (scheduler !== undefined) {
    for (const [key, value] of scheduler.entries) put(key, value);
    if (scheduler.volcanoQueue) podTemplate.push(`Volcano queue ${scheduler.volcanoQueue} (a PodGroup template in spark.kubernetes.scheduler.volcano.podGroupTemplateFile)`);
  }
  put('spark.kubernetes.container.image', image);
  const sorted: Record<string, string> = {};
  for (const key of sortedKeys(properties)) sorted[key] = properties[key] as string;
  return { properties: sorted, notCarried, secrets: [...new Set(secrets)], podTemplate };
}

function sparkAtLeast33(sparkVersion: string): boolean {
  const [major = 0, minor = 0] = sparkVersion.split('.').map(Number);
  return major > 3 || (major === 3 && minor >= 3);
}

/** Per-role node selector keys exist from Spark 3.3 (SPARK-36075); before, one key set applied to both pods. */
const perRoleNodeSelectors = sparkAtLeast33;

/** SparkPodSpec fields as the Spark properties the operator turns them into (facts §7.2). */
function podProperties(role: Role, pod: PodPlan, put: (key: string, value: string | number | undefined) => void): void {
  put(`spark.${role}.cores`, pod.cores);
  put(`spark.kubernetes.${role}.request.cores`, pod.coreRequest);
  put(`spark.kubernetes.${role}.limit.cores`, pod.coreLimit);
  put(`spark.${role}.memory`, pod.memory);
  put(`spark.${role}.memoryOverhead`, pod.memoryOverhead);
  put(`spark.${role}.extraJavaOptions`, pod.javaOptions);
  if (role === 'executor') put('spark.executor.instances', pod.instances);
  for (const key of sortedKeys(pod.labels)) put(`spark.kubernetes.${role}.label.${key}`, pod.labels[key]);
  for (const key of sortedKeys(pod.annotations)) put(`spark.kubernetes.${role}.annotation.${key}`, pod.annotations[key]);
}
