import type { z } from 'zod';
import type { Zod } from '../model/zod.js';
import type { ProjectConfig } from '../config/project-config.js';
import type { DropReason, Severity } from '../model/diagnostic.js';
import type { ConfEntry, SparkJob, StepKind, Sourced } from '../model/spark-job.js';
import type { SettingRef } from '../model/source.js';

export type RuleCategory =
  | 'application'
  | 'platform'
  | 'resources'
  | 'dynamic-allocation'
  | 'yarn'
  | 'emr'
  | 'storage'
  | 'environment'
  | 'security'
  | 'naming';

/** Anything that names input settings: a ref, a conf entry, or a sourced value. */
export type From = SettingRef | ConfEntry | Sourced<unknown>;

export interface RuleMeta<O extends z.ZodType = z.ZodType> {
  description: string;
  category: RuleCategory;
  /** Conf keys or input refs it reads; `*` at the end matches a prefix (`spark.yarn.*`). */
  reads: string[];
  /** Plan fields it may write; `*` at the end matches a prefix (`sparkConf.*`). */
  writes: string[];
  /** Diagnostic code → message template with `{name}` placeholders. */
  messages: Record<string, string>;
  /** Severity per message code; `warning` when absent. */
  severities?: Record<string, Severity>;
  /**
   * Options: the schema, built when the config gives options, with the zod it is handed
   * (src/model/zod.ts), and the options a run gets when the config gives none: the schema's
   * defaults, written out so that such a run never loads zod (test/registry.test.ts holds the
   * two equal).
   */
  options?: { schema: (z: Zod) => O; defaults: z.infer<O> };
  /**
   * A fallback rule runs after all others and may ask what they consumed (`ctx.isConsumed`),
   * e.g. to pass every remaining Spark setting through.
   */
  fallback?: boolean;
  /** Step kinds it applies to; `['spark']` when absent. */
  kinds?: StepKind[];
  /** Path of its documentation page. */
  docs: string;
}

/**
 * What a rule may do. Everything goes through here so that the engine can check
 * permissions, record provenance and compute coverage (DESIGN §4 "Rule").
 */
export interface RuleContext {
  readonly config: ProjectConfig;
  /** The winning entry of a Spark setting; reading alone does not consume it. */
  conf(key: string): ConfEntry | undefined;
  /** Resolved conf keys, optionally with a prefix, in code-point order. */
  confKeys(prefix?: string): string[];
  /** Set a plan field from named inputs (at least one). Consumes them. */
  set(field: string, value: unknown, ...from: From[]): void;
  /** Set a plan field to a default with the reason it is the right one. */
  setDefault(field: string, value: unknown, reason: string): void;
  /** Drop an input with a reason from the closed list. Consumes it. */
  drop(setting: From, reason: DropReason, detail: string): void;
  /** Mark inputs as read and used without writing a field of their own. */
  consume(...from: From[]): void;
  /** Whether an earlier rule consumed the input (only meaningful in fallback rules). */
  isConsumed(from: From): boolean;
  /** The rule that already wrote a plan field, if any, so a fallback rule can leave it alone. */
  fieldOwner(field: string): string | undefined;
  /** Report one of the rule's messages, filling `{name}` placeholders from `data`. */
  report(code: string, data?: Record<string, string | number>, extra?: { refs?: From[]; hint?: string }): void;
}

export interface Rule<O extends z.ZodType = z.ZodType> {
  id: string;
  meta: RuleMeta<O>;
  apply(job: Readonly<SparkJob>, ctx: RuleContext, options: z.infer<O>): void;
}

/** Identity with type inference: `export default defineRule({...})`. */
export function defineRule<O extends z.ZodType = z.ZodType>(rule: Rule<O>): Rule<O> {
  return rule;
}
