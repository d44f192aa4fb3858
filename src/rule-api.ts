/**
 * The only module rules import from `src/` (DESIGN §3). Everything a rule needs: the
 * contract, model types, Spark quantity parsing, catalog look-ups, and the rule tester.
 */
export { defineRule } from './engine/rule-types.js';
export type { From, Rule, RuleCategory, RuleContext, RuleMeta } from './engine/rule-types.js';
export { buildJob } from './engine/job-builder.js';
export type { ConfSpec, JobSpec } from './engine/job-builder.js';
export { checkRule, checkRuleCase, checkMessagesCovered, runRuleCase } from './engine/rule-tester.js';
export { readField } from './engine/plan-fields.js';
export { defaultProjectConfig } from './config/project-config.js';
export type { RuleCase } from './engine/rule-tester.js';
export type { DropReason, Severity } from './model/diagnostic.js';
export type { EnvValue, JobPlan } from './model/job-plan.js';
export type { AppType, ClusterFacts, ConfEntry, SparkJob, Sourced } from './model/spark-job.js';
export type { Classification } from './model/emr-snapshot.js';
export { refs, stepKey } from './model/emr-snapshot.js';
export { formatMiB, parseSparkDurationMs, parseSparkMemoryMiB } from './model/quantities.js';
export { compareStrings } from './model/order.js';
export { executorDensity, type ExecutorDensity } from './packing/index.js';
export type { Zod } from './model/zod.js';
export { holdsCredentials, isEnvReference, isSecretKey, isSecretSetting, redactCredentials, REDACTED } from './model/secrets.js';
