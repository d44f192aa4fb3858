import type { ConfLayer } from '../model/spark-job.js';
import type { SettingRef, SourceLocation } from '../model/source.js';

/**
 * "Why does this field have this value?" as data: what `emr2k8s explain` prints and the review
 * TUI's Why pane shows. Built from a plan's provenance, the job's resolved conf (values and
 * what they shadowed) and the input locations.
 */
export interface InputExplanation {
  ref: SettingRef;
  /**
   * Where the setting sits in the input (file:line, CloudFormation path, cluster id + API field).
   * An EMR implicit default sits in no input: it has only `path`, naming the release
   * (`EMR default for emr-6.15.0`).
   */
  location?: SourceLocation;
  /** The Spark setting the ref carries, when it is one. */
  key?: string;
  value?: string;
  layer?: ConfLayer;
  /** Lower layers and earlier repeats this value beat, lowest first. */
  shadowed: Array<{ value: string; layer: ConfLayer; ref: SettingRef; location?: SourceLocation }>;
}

export interface FieldExplanation {
  /** Plan field path (`executor.memoryOverhead`, `sparkConf.spark.sql.shuffle.partitions`). */
  field: string;
  value: unknown;
  /** How it was set: by a rule from inputs, a rule's default, or an override. */
  kind: 'rule' | 'default' | 'override';
  /** The rule, for `rule` and `default`. */
  rule?: string;
  /** A default's reason. */
  reason?: string;
  /** `config` or `review`, for an override. */
  override?: 'config' | 'review';
  inputs: InputExplanation[];
}

export interface JobExplanation {
  jobId: string;
  cluster: string;
  step: { id: string; name: string };
  status: string;
  /** Every field with provenance, in field-path order. */
  fields: FieldExplanation[];
  dropped: Array<{ setting: string; ref: SettingRef; reason: string; detail: string; rule: string; location?: SourceLocation }>;
  diagnostics: Array<{ code: string; severity: string; message: string; location?: SourceLocation; hint?: string }>;
}
