import type { Diagnostic, DropReason } from './diagnostic.js';
import type { Affinity, Toleration } from './kubernetes.js';
import type { Provenance } from './provenance.js';
import type { SettingRef } from './source.js';
import type { AppType, SparkJob, StepKind } from './spark-job.js';

/** An environment variable: a literal value, or a key of a Kubernetes Secret. */
export type EnvValue = { value: string } | { secretKeyRef: { name: string; key: string } };

/** Driver or executor resources and pod settings, target-neutral. */
export interface PodPlan {
  /** Task slots (`spark.*.cores`), an integer. */
  cores?: number;
  /** Kubernetes CPU request (`spark.kubernetes.*.request.cores`), may be fractional (`500m`). */
  coreRequest?: string;
  coreLimit?: string;
  /** JVM heap in Spark's size syntax, normalised to MiB (`4743m`). */
  memory?: string;
  /** Explicit overhead in MiB (`1536m`), so pod memory = memory + overhead (+ off-heap, PySpark). */
  memoryOverhead?: string;
  instances?: number;
  env: Record<string, EnvValue>;
  javaOptions?: string;
  nodeSelector: Record<string, string>;
  /** Taints the pod tolerates (config `placement.tolerations`, spot capacity). */
  tolerations: Toleration[];
  /** Node affinity when a node selector cannot say it (several instance types or families). */
  affinity?: Affinity;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface DynamicAllocationPlan {
  enabled: boolean;
  initialExecutors?: number;
  minExecutors?: number;
  maxExecutors?: number;
  shuffleTrackingEnabled?: boolean;
  /** Milliseconds. */
  shuffleTrackingTimeout?: number;
}

export interface RestartPolicyPlan {
  type: 'Never' | 'OnFailure' | 'Always';
  onFailureRetries?: number;
  onFailureRetryInterval?: number;
  onSubmissionFailureRetries?: number;
  onSubmissionFailureRetryInterval?: number;
}

/** A Kubernetes Secret the job needs and the user must create (values are never written). */
export interface SecretRequirement {
  name: string;
  keys: string[];
  /** Why: which settings were redacted into it. */
  reason: string;
}

/**
 * The target-neutral Kubernetes job: what every emitter translates (DESIGN §2). Rules fill
 * it through the rule context, one provenance entry per field.
 */
export interface JobPlan {
  jobId: string;
  kind: StepKind;
  status: 'converted' | 'unsupported' | 'error';
  name: string;
  namespace: string;
  image?: string;
  imagePullPolicy?: string;
  sparkVersion?: string;
  type?: AppType;
  mainClass?: string;
  mainApplicationFile?: string;
  proxyUser?: string;
  arguments: string[];
  deps: {
    jars: string[];
    files: string[];
    pyFiles: string[];
    archives: string[];
    packages: string[];
    repositories: string[];
    excludePackages: string[];
  };
  driver: PodPlan;
  executor: PodPlan;
  dynamicAllocation?: DynamicAllocationPlan;
  sparkConf: Record<string, string>;
  hadoopConf: Record<string, string>;
  restartPolicy?: RestartPolicyPlan;
  serviceAccount?: string;
  batchScheduler?: string;
  batchSchedulerQueue?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  secrets: SecretRequirement[];
  /** The source job, for emitters that need its identity (annotations, report). */
  source: Pick<SparkJob, 'id' | 'cluster' | 'foldedRuns'> & {
    step: { key: string; name: string; actionOnFailure: string };
  };
  provenance: Provenance;
  /**
   * The review answer applied to this job (`convert --answers`, docs/answers.md), if any.
   * A `rejected` plan is reported but not emitted.
   */
  review?: { decision?: 'accepted' | 'rejected'; note?: string; overrides: number };
  /** Inputs that were deliberately not carried over, each with its reason. */
  dropped: DroppedSetting[];
  diagnostics: Diagnostic[];
}

export interface DroppedSetting {
  ref: SettingRef;
  /** The conf key or input name, for people. */
  setting: string;
  reason: DropReason;
  detail: string;
  rule: string;
}

/** A fresh plan with every collection empty: rules fill it. */
export function emptyPodPlan(): PodPlan {
  return { env: {}, nodeSelector: {}, tolerations: [], labels: {}, annotations: {} };
}
