import type { Diagnostic } from '../../model/diagnostic.js';
import type { EnvValue, JobPlan, PodPlan } from '../../model/job-plan.js';
import { affinityObject, tolerationObject } from '../kubernetes/kube-shapes.js';
import { sortedKeys } from '../../model/order.js';
import { isSecretKey, mustWithhold } from '../../model/secrets.js';

/** Annotations every SparkApplication carries (DESIGN §5), so a manifest leads back to its EMR step. */
const SOURCE_ANNOTATIONS = {
  cluster: 'emr2k8s.io/source-cluster',
  step: 'emr2k8s.io/source-step',
  stepName: 'emr2k8s.io/step-name',
} as const;

const API_VERSION = 'sparkoperator.k8s.io/v1beta2';
const KIND = 'SparkApplication';

type Entry = [string, unknown];

function isEmpty(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

/** An object from entries in the order given, leaving out undefined values and empty maps or lists. */
function compact(entries: Entry[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) if (!isEmpty(value)) out[key] = value;
  return out;
}

function sortedMap(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of sortedKeys(record)) out[key] = record[key] as string;
  return out;
}

/**
 * Builds one SparkApplication from a plan. Secret values are never written: a literal value
 * under a secret-looking name is withheld and reported, since rules should have turned it
 * into a Secret reference.
 */
class SparkApplicationBuilder {
  readonly withheld: Diagnostic[] = [];

  constructor(private readonly plan: JobPlan) {}

  private withhold(field: string, name: string): void {
    const from = this.plan.provenance[field];
    this.withheld.push({
      code: 'secret-value-withheld',
      severity: 'warning',
      message: `The value of ${name} looks like a secret and was left out of the manifest.`,
      jobId: this.plan.jobId,
      refs: from && 'from' in from ? [...from.from] : [],
      hint: 'Create a Kubernetes Secret for it and reference it with secretKeyRef.',
    });
  }

  /** A conf map with keys sorted and secret values withheld. */
  private conf(field: 'sparkConf' | 'hadoopConf'): Record<string, string> {
    const source = this.plan[field];
    const out: Record<string, string> = {};
    for (const key of sortedKeys(source)) {
      const value = source[key] as string;
      if (mustWithhold(key, value)) this.withhold(`${field}.${key}`, `${field} ${key}`);
      else out[key] = value;
    }
    return out;
  }

  /** Operator `env` list (core/v1 EnvVar), sorted by name. */
  private env(role: 'driver' | 'executor', env: Record<string, EnvValue>): Array<Record<string, unknown>> {
    const out: Array<Record<string, unknown>> = [];
    for (const name of sortedKeys(env)) {
      const value = env[name] as EnvValue;
      if ('secretKeyRef' in value) {
        out.push({ name, valueFrom: { secretKeyRef: { name: value.secretKeyRef.name, key: value.secretKeyRef.key } } });
      } else if (isSecretKey(name)) {
        this.withhold(`${role}.env.${name}`, `${role} environment variable ${name}`);
      } else {
        out.push({ name, value: value.value });
      }
    }
    return out;
  }

  /** SparkPodSpec fields (facts §7.2) in a fixed order. */
  private pod(role: 'driver' | 'executor', pod: PodPlan): Record<string, unknown> {
    return compact([
      ['cores', pod.cores],
      ...(role === 'executor' ? ([['instances', pod.instances]] as Entry[]) : []),
      ['coreRequest', pod.coreRequest],
      ['coreLimit', pod.coreLimit],
      ['memory', pod.memory],
      ['memoryOverhead', pod.memoryOverhead],
      ['javaOptions', pod.javaOptions],
      ['env', this.env(role, pod.env)],
      ['labels', sortedMap(pod.labels)],
      ['annotations', sortedMap(pod.annotations)],
      ['nodeSelector', sortedMap(pod.nodeSelector)],
      ['affinity', affinityObject(pod.affinity)],
      ['tolerations', pod.tolerations.map(tolerationObject)],
      ['serviceAccount', this.plan.serviceAccount],
    ]);
  }

  private metadata(): Record<string, unknown> {
    const { source } = this.plan;
    const annotations: Record<string, string> = {
      [SOURCE_ANNOTATIONS.cluster]: source.cluster.key,
      [SOURCE_ANNOTATIONS.step]: source.step.key,
      [SOURCE_ANNOTATIONS.stepName]: source.step.name,
      ...this.plan.annotations,
    };
    return compact([
      ['name', this.plan.name],
      ['namespace', this.plan.namespace],
      ['labels', sortedMap(this.plan.labels)],
      ['annotations', sortedMap(annotations)],
    ]);
  }

  private spec(): Record<string, unknown> {
    const { plan } = this;
    const { deps, dynamicAllocation: da, restartPolicy: rp } = plan;
    return compact([
      ['type', plan.type],
      ['sparkVersion', plan.sparkVersion],
      ['mode', 'cluster'],
      ['image', plan.image],
      ['imagePullPolicy', plan.imagePullPolicy],
      ['mainClass', plan.mainClass],
      ['mainApplicationFile', plan.mainApplicationFile],
      ['arguments', [...plan.arguments]],
      ['proxyUser', plan.proxyUser],
      ['sparkConf', this.conf('sparkConf')],
      ['hadoopConf', this.conf('hadoopConf')],
      [
        'deps',
        compact([
          ['jars', [...deps.jars]],
          ['files', [...deps.files]],
          ['pyFiles', [...deps.pyFiles]],
          ['packages', [...deps.packages]],
          ['excludePackages', [...deps.excludePackages]],
          ['repositories', [...deps.repositories]],
          ['archives', [...deps.archives]],
        ]),
      ],
      ['driver', this.pod('driver', plan.driver)],
      ['executor', this.pod('executor', plan.executor)],
      [
        'dynamicAllocation',
        da &&
          compact([
            ['enabled', da.enabled],
            ['initialExecutors', da.initialExecutors],
            ['minExecutors', da.minExecutors],
            ['maxExecutors', da.maxExecutors],
            ['shuffleTrackingEnabled', da.shuffleTrackingEnabled],
            ['shuffleTrackingTimeout', da.shuffleTrackingTimeout],
          ]),
      ],
      [
        'restartPolicy',
        rp &&
          compact([
            ['type', rp.type],
            ['onFailureRetries', rp.onFailureRetries],
            ['onFailureRetryInterval', rp.onFailureRetryInterval],
            ['onSubmissionFailureRetries', rp.onSubmissionFailureRetries],
            ['onSubmissionFailureRetryInterval', rp.onSubmissionFailureRetryInterval],
          ]),
      ],
      ['batchScheduler', plan.batchScheduler],
      ['batchSchedulerOptions', compact([['queue', plan.batchSchedulerQueue]])],
    ]);
  }

  build(): Record<string, unknown> {
    return { apiVersion: API_VERSION, kind: KIND, metadata: this.metadata(), spec: this.spec() };
  }
}

/**
 * The SparkApplication for a plan, with its fields in a fixed order, following the
 * `sparkoperator.k8s.io/v1beta2` API
 * (https://github.com/kubeflow/spark-operator/blob/v2.5.2/api/v1beta2/sparkapplication_types.go).
 * `mode` is always `cluster`: the driver runs in a pod, as it ran in the YARN AM on EMR.
 * The plan's service account applies to driver and executors alike.
 */
export function buildSparkApplication(plan: JobPlan): { manifest: Record<string, unknown>; diagnostics: Diagnostic[] } {
  const builder = new SparkApplicationBuilder(plan);
  const manifest = builder.build();
  return { manifest, diagnostics: builder.withheld };
}
