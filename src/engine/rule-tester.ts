import { isDeepStrictEqual } from 'node:util';
import type { ProjectConfig } from '../config/project-config.js';
import { defaultProjectConfig } from '../config/project-config.js';
import type { DropReason } from '../model/diagnostic.js';
import type { JobPlan } from '../model/job-plan.js';
import type { SparkJob } from '../model/spark-job.js';
import { readField } from './plan-fields.js';
import type { Rule } from './rule-types.js';
import { planJob } from './run-rules.js';
import { zod } from '../model/zod.js';

/** One row of a rule's test table. */
export interface RuleCase {
  name: string;
  job: SparkJob;
  options?: unknown;
  config?: Partial<ProjectConfig>;
  /** Expected plan values by field path; `undefined` asserts the field is not set. */
  fields?: Record<string, unknown>;
  /** Expected diagnostic codes the rule reports (order-free, exact). */
  messages?: string[];
  /** Expected drops: `[setting, reason]` pairs (order-free, exact). */
  dropped?: Array<[string, DropReason]>;
}

export class RuleTestFailure extends Error {}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

/** Run the rule alone over the case's job; the plan is returned for further checks. */
export function runRuleCase(rule: Rule, c: RuleCase): JobPlan {
  const config = { ...defaultProjectConfig(), ...c.config };
  const options = rule.meta.options ? rule.meta.options.schema(zod()).parse(c.options ?? {}) : c.options;
  const job = deepFreeze(structuredClone(c.job));
  const first = planJob(job, [{ rule, options }], config);
  const second = planJob(job, [{ rule, options }], config);
  if (!isDeepStrictEqual(first, second)) {
    throw new RuleTestFailure(`${rule.id} / ${c.name}: two runs on the same input gave different plans (rule is not pure)`);
  }
  return first;
}

/**
 * Check one case strictly: expected fields, exactly the expected messages of this rule,
 * exactly the expected drops, every reported code declared in `meta.messages`, and purity.
 */
export function checkRuleCase(rule: Rule, c: RuleCase): JobPlan {
  const plan = runRuleCase(rule, c);
  const fail = (what: string) => {
    throw new RuleTestFailure(`${rule.id} / ${c.name}: ${what}`);
  };
  const contract = plan.diagnostics.find((d) => d.code === 'rule-contract');
  if (contract) fail(contract.message);
  for (const [field, expected] of Object.entries(c.fields ?? {})) {
    const actual = readField(plan, field);
    if (!isDeepStrictEqual(actual, expected)) {
      fail(`${field} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    }
    if (expected !== undefined && plan.provenance[field] === undefined) fail(`${field} has no provenance`);
  }
  const own = plan.diagnostics.filter((d) => d.code !== 'unmapped-setting').map((d) => d.code).sort();
  if (c.messages && !isDeepStrictEqual(own, [...c.messages].sort())) {
    fail(`reported ${JSON.stringify(own)}, expected ${JSON.stringify([...c.messages].sort())}`);
  }
  if (c.dropped) {
    const actual = plan.dropped.map((d) => `${d.setting}:${d.reason}`).sort();
    const expected = c.dropped.map(([s, r]) => `${s}:${r}`).sort();
    if (!isDeepStrictEqual(actual, expected)) fail(`dropped ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
  return plan;
}

/** Every message a rule declares must be exercised by at least one case (and no more). */
export function checkMessagesCovered(rule: Rule, cases: RuleCase[]): void {
  const seen = new Set(cases.flatMap((c) => c.messages ?? []));
  const missing = Object.keys(rule.meta.messages).filter((m) => !seen.has(m));
  if (missing.length > 0) throw new RuleTestFailure(`${rule.id}: no case exercises ${missing.join(', ')}`);
}

/** The whole table: each case checked, then message coverage. */
export function checkRule(rule: Rule, cases: RuleCase[]): void {
  for (const c of cases) checkRuleCase(rule, c);
  checkMessagesCovered(rule, cases);
}
