import type { JobPlan, RestartPolicyPlan } from '../../model/job-plan.js';
import { sortedKeys } from '../../model/order.js';
import { affinityObject, tolerationObject } from '../kubernetes/kube-shapes.js';
import { TEMPLATE_DIR } from './pod-templates.js';

/** Annotations that lead a manifest back to its EMR step (DESIGN §5), as on the SparkApplication. */
const SOURCE_ANNOTATIONS = {
  cluster: 'emr2k8s.io/source-cluster',
  step: 'emr2k8s.io/source-step',
  stepName: 'emr2k8s.io/step-name',
} as const;

/**
 * How long a finished Job (and its submitter pod with spark-submit's log) stays before
 * Kubernetes deletes it: one day, long enough to read what happened after a nightly run.
 */
export const TTL_SECONDS_AFTER_FINISHED = 86_400;

/**
 * The submitter container's resources. spark-submit in cluster mode starts its JVM without
 * `-Xmx` (the launcher sets a heap only in client mode), so the JVM takes a quarter of the
 * container's memory limit: 256 MiB of heap, plenty for building the driver pod.
 */
export const SUBMITTER_RESOURCES = { requests: { cpu: '250m', memory: '1Gi' }, limits: { memory: '1Gi' } } as const;

/** Where spark-submit sits in each image flavor: Apache images (`SPARK_HOME=/opt/spark`) and EMR on EKS images. */
export const SPARK_SUBMIT_PATHS = { apache: '/opt/spark/bin/spark-submit', emr: '/usr/lib/spark/bin/spark-submit' } as const;

const TEMPLATE_VOLUME = 'pod-templates';

/** The ConfigMap that holds the pod templates of a plan. */
export function templateConfigMapName(plan: Pick<JobPlan, 'name'>): string {
  return `${plan.name}-pod-templates`;
}

function sortedMap(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(sortedKeys(record).map((k) => [k, record[k] as string]));
}

/**
 * Job retries (`backoffLimit`) from the plan's restart policy: the operator's
 * `onFailureRetries` when the policy retries, none for `Never` or no policy.
 */
export function backoffLimit(policy: RestartPolicyPlan | undefined): number {
  if (!policy || policy.type === 'Never') return 0;
  return policy.onFailureRetries ?? 0;
}

/** The Job's metadata: the SparkApplication's name, labels and the three source annotations. */
export function jobMetadata(plan: JobPlan): Record<string, unknown> {
  const { source } = plan;
  const annotations = sortedMap({
    [SOURCE_ANNOTATIONS.cluster]: source.cluster.key,
    [SOURCE_ANNOTATIONS.step]: source.step.key,
    [SOURCE_ANNOTATIONS.stepName]: source.step.name,
    ...plan.annotations,
  });
  return {
    name: plan.name,
    namespace: plan.namespace,
    ...(Object.keys(plan.labels).length > 0 && { labels: sortedMap(plan.labels) }),
    annotations,
  };
}

export interface SubmitterJobInput {
  plan: JobPlan;
  command: string;
  args: string[];
  /** Name of the ConfigMap with pod templates to mount, when the plan needs one. */
  templateConfigMap?: string;
}

/**
 * The `batch/v1` Job whose one pod runs spark-submit in cluster mode
 * (https://spark.apache.org/docs/latest/running-on-kubernetes.html#cluster-mode). The
 * submitter uses the plan's service account (spark-submit authenticates with the pod's token
 * to create the driver) and runs where the driver runs: on the driver's capacity, so that a
 * spot reclaim cannot kill the submitter and make the Job submit the application twice.
 * `restartPolicy: Never` lets the Job controller count failed attempts against `backoffLimit`.
 */
export function buildSubmitterJob(input: SubmitterJobInput): Record<string, unknown> {
  const { plan, templateConfigMap } = input;
  const driver = plan.driver;
  const affinity = affinityObject(driver.affinity);
  const container: Record<string, unknown> = {
    name: 'spark-submit',
    image: plan.image,
    ...(plan.imagePullPolicy !== undefined && { imagePullPolicy: plan.imagePullPolicy }),
    command: [input.command],
    args: input.args,
    resources: structuredClone(SUBMITTER_RESOURCES),
    ...(templateConfigMap !== undefined && { volumeMounts: [{ name: TEMPLATE_VOLUME, mountPath: TEMPLATE_DIR, readOnly: true }] }),
  };
  const podSpec: Record<string, unknown> = {
    ...(plan.serviceAccount !== undefined && { serviceAccountName: plan.serviceAccount }),
    // spark-submit needs the token even where the service account turns automounting off.
    automountServiceAccountToken: true,
    restartPolicy: 'Never',
    ...(Object.keys(driver.nodeSelector).length > 0 && { nodeSelector: sortedMap(driver.nodeSelector) }),
    ...(driver.tolerations.length > 0 && { tolerations: driver.tolerations.map(tolerationObject) }),
    ...(affinity && { affinity }),
    containers: [container],
    ...(templateConfigMap !== undefined && { volumes: [{ name: TEMPLATE_VOLUME, configMap: { name: templateConfigMap } }] }),
  };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: jobMetadata(plan),
    spec: {
      backoffLimit: backoffLimit(plan.restartPolicy),
      ttlSecondsAfterFinished: TTL_SECONDS_AFTER_FINISHED,
      template: {
        ...(Object.keys(plan.labels).length > 0 && { metadata: { labels: sortedMap(plan.labels) } }),
        spec: podSpec,
      },
    },
  };
}

/** The ConfigMap of pod templates (and a Volcano PodGroup template) the submitter mounts. */
export function buildTemplateConfigMap(plan: JobPlan, files: Record<string, string>): Record<string, unknown> {
  const meta = jobMetadata(plan);
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { ...meta, name: templateConfigMapName(plan) },
    data: sortedMap(files),
  };
}
