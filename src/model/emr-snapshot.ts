import type { SettingRef, SourceLocation } from './source.js';

/**
 * One EMR configuration classification, as in the EMR API `Configuration` shape
 * (https://docs.aws.amazon.com/emr/latest/APIReference/API_Configuration.html).
 * Nested `configurations` carry e.g. `spark-env` → `export`.
 */
export interface Classification {
  classification: string;
  properties: Record<string, string>;
  configurations: Classification[];
}

export type InstanceRole = 'MASTER' | 'CORE' | 'TASK';
export type Market = 'ON_DEMAND' | 'SPOT';

/**
 * Capacity of one role, whether the cluster used instance groups or instance fleets.
 * A fleet lists several types; a group lists one.
 */
export interface InstanceCapacity {
  role: InstanceRole;
  /** Group or fleet name, when given. */
  name?: string;
  instanceTypes: string[];
  /** Instance count of a group, or target capacity (on-demand + spot units) of a fleet. */
  count: number;
  market: Market;
  /** Group-level configurations (EMR lets each group override classifications). */
  configurations: Classification[];
}

export interface BootstrapAction {
  name: string;
  path: string;
  args: string[];
}

/**
 * One EMR step as the API knows it (StepConfig / HadoopStepConfig,
 * https://docs.aws.amazon.com/emr/latest/APIReference/API_StepConfig.html), after the
 * AWS CLI's `--steps` expansion (facts §8.4) when it came from a `--steps` file.
 */
export interface EmrStep {
  /** EMR step id (`s-…`) when the input has one. */
  id?: string;
  /** 1-based position of the step in its input, used for `step-N` when there is no id. */
  index: number;
  name: string;
  /** TERMINATE_JOB_FLOW | TERMINATE_CLUSTER | CANCEL_AND_WAIT | CONTINUE (CLI default CONTINUE). */
  actionOnFailure: string;
  jar: string;
  mainClass?: string;
  args: string[];
  properties: Record<string, string>;
  /** Step state from list-steps (COMPLETED, FAILED, …), informative only. */
  state?: string;
  /** Creation time as an ISO-8601 string (epoch inputs are converted), for history folding. */
  createdAt?: string;
}

/** The cluster-level facts of a snapshot. */
export interface EmrClusterInfo {
  id?: string;
  name?: string;
  /** e.g. `emr-6.15.0`. Absent for a steps file with no cluster context. */
  releaseLabel?: string;
  logUri?: string;
  stepConcurrencyLevel?: number;
  applications: string[];
  tags: Record<string, string>;
  serviceRole?: string;
  jobFlowRole?: string;
}

/**
 * One EMR cluster in the vocabulary of the EMR API, whatever the source (DESIGN §2).
 * Importers produce it; normalization reads it. Every leaf that a rule may read has an
 * entry in `locations`, keyed by its {@link SettingRef}.
 */
export interface EmrSnapshot {
  /** The input path this snapshot was read from (file or folder), as given. */
  source: string;
  /** Which importer produced it, e.g. `emr-cli`. */
  importer: string;
  cluster: EmrClusterInfo;
  /** Cluster-wide classifications, in input order. */
  configurations: Classification[];
  instances: InstanceCapacity[];
  bootstrapActions: BootstrapAction[];
  steps: EmrStep[];
  /**
   * False when only steps were given (a `--steps` file alone): normalization then assumes
   * the newest EMR 7 release and says so.
   */
  hasClusterContext: boolean;
  locations: Record<SettingRef, SourceLocation>;
}

/**
 * The stable key of a step inside its cluster: the EMR step id, else `step-N` (1-based),
 * as DESIGN §5 prescribes for the `emr2k8s.io/source-step` annotation.
 */
export function stepKey(step: Pick<EmrStep, 'id' | 'index'>): string {
  return step.id ?? `step-${step.index}`;
}

/** SettingRef builders, so every module spells refs the same way. */
export const refs = {
  cluster: (field: string): SettingRef => `cluster/${field}`,
  classification: (path: string[], key: string): SettingRef =>
    `cluster/configurations/${path.join('/')}/${key}`,
  step: (step: Pick<EmrStep, 'id' | 'index'>, field: string): SettingRef =>
    `steps/${stepKey(step)}/${field}`,
  stepArg: (step: Pick<EmrStep, 'id' | 'index'>, i: number): SettingRef =>
    `steps/${stepKey(step)}/args/${i}`,
  instances: (role: InstanceRole, field: string): SettingRef => `cluster/instances/${role}/${field}`,
  emrDefault: (key: string): SettingRef => `emr-defaults/${key}`,
  config: (key: string): SettingRef => `config/${key}`,
};
