import type { ProjectConfig } from '../config/project-config.js';
import { zod } from '../model/zod.js';
import type { ActiveRule } from './run-rules.js';
import type { Rule } from './rule-types.js';

/** A `rules:` entry of the project config that cannot be honoured. */
export class RuleConfigError extends Error {}

/**
 * The rules to run, in registry order, with their options validated and defaulted:
 * `rules: { id: off | on | [on, {options}] }` (docs/config.md). An unknown rule id or
 * invalid options is an error naming the rule.
 */
export function resolveRules(all: readonly Rule[], settings: ProjectConfig['rules']): ActiveRule[] {
  const known = new Set(all.map((r) => r.id));
  for (const id of Object.keys(settings)) {
    if (!known.has(id)) throw new RuleConfigError(`rules.${id}: there is no rule "${id}" (see \`emr2k8s rules list\`)`);
  }
  const active: ActiveRule[] = [];
  for (const rule of all) {
    const setting = settings[rule.id] ?? 'on';
    if (setting === 'off') continue;
    const given = Array.isArray(setting) ? setting[1] : {};
    if (!rule.meta.options) {
      if (Object.keys(given).length > 0) throw new RuleConfigError(`rules.${rule.id}: this rule takes no options`);
      active.push({ rule, options: {} });
      continue;
    }
    if (Object.keys(given).length === 0) {
      active.push({ rule, options: structuredClone(rule.meta.options.defaults) });
      continue;
    }
    const parsed = rule.meta.options.schema(zod()).safeParse(given);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `.${issue.path.join('.')}` : '';
      throw new RuleConfigError(`rules.${rule.id}${where}: ${issue?.message ?? 'invalid options'}`);
    }
    active.push({ rule, options: parsed.data });
  }
  return active;
}
