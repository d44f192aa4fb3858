import type { BootstrapAction, Classification, EmrStep } from './emr-snapshot.js';
import type { SettingRef, SourceLocation } from './source.js';

/** What kind of work an EMR step does (facts §8.4). */
export type StepKind =
  | 'spark'
  | 'hive'
  | 'pig'
  | 'streaming'
  | 's3-dist-cp'
  | 'script-runner'
  | 'shell'
  | 'custom-jar';

/** Application type as the Spark Operator spells it (`spec.type`). */
export type AppType = 'Java' | 'Scala' | 'Python' | 'R';

/** One value with the input setting it came from. */
export interface Sourced<T = string> {
  value: T;
  ref: SettingRef;
}

/**
 * A spark-submit command line parsed with Spark's own rules (facts §1.2):
 * `SparkSubmitOptionParser` + `SparkSubmitArguments`.
 */
export interface SparkSubmit {
  /** How the step launched spark-submit, for messages. */
  launcher: 'spark-submit' | 'bash-c' | 'spark-example' | 'run-example' | 'implicit';
  /** Java for a `.jar` with a main class unless it is known Scala; Python for `.py`; R for `.R`. */
  appType: AppType;
  mainClass?: Sourced;
  /** The first non-option argument; absent only for a malformed command. */
  primaryResource?: Sourced;
  /** Everything after the primary resource, verbatim. */
  appArgs: Sourced[];
  /**
   * Dedicated options (`--executor-memory`, `--jars`, `--queue`, …) by option name without
   * dashes (`executor-memory`), last one wins. `--conf` entries are in `confs`.
   */
  options: Record<string, Sourced>;
  /** `--conf`/`-c` pairs in command-line order (repeats kept; later wins). */
  confs: Array<{ key: string; value: string; ref: SettingRef }>;
  /** Switches seen (`verbose`, `supervise`, …). */
  switches: Record<string, SettingRef>;
  /** `--properties-file`, kept as a reference: it cannot be read offline. */
  propertiesFile?: Sourced;
}

/**
 * The layers of Spark's configuration precedence, lowest first (DESIGN §2). `config` and
 * `review` are applied by the pipeline after normalization.
 */
export const CONF_LAYERS = [
  'emr-default',
  // EMR computes these, but an explicit spark-defaults value overrides them.
  'maximize-resource-allocation',
  'spark-defaults',
  'properties-file',
  'conf',
  'flag',
  'config',
  'review',
] as const;
export type ConfLayer = (typeof CONF_LAYERS)[number];

/** One value a setting had in one layer. */
export interface ConfValue {
  value: string;
  layer: ConfLayer;
  ref: SettingRef;
}

/** The winning value of one Spark setting, with what it shadowed (lower layers, earlier repeats). */
export interface ConfEntry extends ConfValue {
  key: string;
  shadowed: ConfValue[];
}

/** Every Spark setting of a job with its winning value, resolved once. Keys in code-point order. */
export type ResolvedConf = Record<string, ConfEntry>;

/** An EC2 instance type as the catalog knows it. */
export interface InstanceTypeFacts {
  type: string;
  vcpu: number;
  memoryMiB: number;
  /** `yarn.nodemanager.resource.memory-mb` EMR sets for this type (facts §8.3), when known. */
  yarnMemoryMiB?: number;
  arch: 'x86_64' | 'arm64';
}

/** What the cluster was: versions for the release and the capacity per role. */
export interface ClusterFacts {
  releaseLabel: string;
  /** True when the release was assumed (no cluster context). */
  releaseAssumed: boolean;
  /** Apache version without EMR's `-amzn-N` suffix, e.g. `3.5.6`. */
  sparkVersion: string;
  hadoopVersion: string;
  scalaVersion: string;
  javaVersion: string;
  pythonVersion: string;
  roles: Array<{
    role: 'MASTER' | 'CORE' | 'TASK';
    instanceTypes: InstanceTypeFacts[];
    /** Types the catalog does not know, kept verbatim. */
    unknownTypes: string[];
    count: number;
    market: 'ON_DEMAND' | 'SPOT';
  }>;
}

/**
 * One job to convert: one Spark step (or a non-Spark step, kept so that it is reported),
 * with its parsed command line and resolved configuration (DESIGN §2).
 */
export interface SparkJob {
  /** Stable id: `<cluster key>/<step key>`; answers files and `explain --job` use it. */
  id: string;
  cluster: {
    /** Cluster id, else name, else input path (DESIGN §5 `emr2k8s.io/source-cluster`). */
    key: string;
    id?: string;
    name?: string;
    logUri?: string;
    tags: Record<string, string>;
    /** Input path of the snapshot. */
    source: string;
    /**
     * The cluster's bootstrap actions in run order (refs `cluster/bootstrapActions/<i>/…`), for
     * image scaffolds; absent when the cluster had none.
     */
    bootstrapActions?: BootstrapAction[];
  };
  step: EmrStep & { key: string };
  kind: StepKind;
  /** How many runs of the same job the step history held (1 = no folding). */
  foldedRuns: number;
  /** Set for Spark steps. */
  submit?: SparkSubmit;
  conf: ResolvedConf;
  /** Non-Spark-defaults classifications that rules may map (spark-env, spark-hive-site, hive-site, core-site, …). */
  classifications: Classification[];
  facts: ClusterFacts;
  locations: Record<SettingRef, SourceLocation>;
}
