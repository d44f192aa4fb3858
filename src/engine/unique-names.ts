import { createHash } from 'node:crypto';
import type { JobPlan } from '../model/job-plan.js';

/**
 * Longest name a suffixed job keeps: the SparkApplication limit of the job-identity rule
 * (rules/_names.ts `MAX_APP_NAME`, 63 minus `-ui-svc`, facts §7.4), so that a name made
 * unique is as valid as the name the rule gave.
 */
const MAX_NAME = 56;

/** The secrets rule names a job's Secret after the job (rules/secrets.ts). */
const SECRET_SUFFIX = '-secrets';

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/** `name` cut to leave room for `-<hash>`, with the hash of `seed`. */
function suffixed(name: string, seed: string): string {
  const suffix = `-${shortHash(seed)}`;
  return `${name.slice(0, MAX_NAME - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/**
 * Whether a plan's name ends up on written objects: converted jobs on every target, and
 * unsupported ones too, since a target may still run them (EMR on EKS runs Hive steps).
 * Only jobs that failed are written nowhere.
 */
function isWritten(plan: JobPlan): boolean {
  return plan.status !== 'error';
}

/**
 * Names must be unique per namespace (facts §7.4). When several jobs want the same name,
 * each gets a suffix from its stable job id, so names do not depend on input order. A
 * suffixed name never takes the name another job already has (a step may be called
 * `etl-1a2b3c4d`): then the hash is taken again over the id and a counter.
 * Plans must come sorted by job id.
 */
export function ensureUniqueNames(plans: JobPlan[]): void {
  const written = plans.filter(isWritten);
  const byName = new Map<string, JobPlan[]>();
  for (const plan of written) {
    const key = `${plan.namespace}/${plan.name}`;
    const group = byName.get(key);
    if (group) group.push(plan);
    else byName.set(key, [plan]);
  }
  const taken = new Set(byName.keys());
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    const wanted = group[0]?.name;
    for (const plan of group) {
      let name = suffixed(plan.name, plan.jobId);
      for (let n = 1; taken.has(`${plan.namespace}/${name}`); n += 1) name = suffixed(plan.name, `${plan.jobId}#${n}`);
      taken.add(`${plan.namespace}/${name}`);
      const previous = plan.provenance.name;
      renameSecret(plan, `${plan.name}${SECRET_SUFFIX}`, `${name}${SECRET_SUFFIX}`);
      plan.name = name;
      plan.provenance.name = { rule: 'unique-names', from: previous && 'from' in previous ? previous.from : [] };
      plan.diagnostics.push({
        code: 'name-collision',
        severity: 'info',
        message: `${group.length} jobs in namespace ${plan.namespace} would be named ${wanted}; this one is ${plan.name}`,
        jobId: plan.jobId,
        refs: [],
      });
    }
  }
}

/**
 * The Secret a job reads its secret settings from is named after the job by the secrets
 * rule, which sees one job at a time: jobs that shared a name would share one Secret and read
 * each other's values. It follows the job's new name, in the plan and in what the rule said.
 */
function renameSecret(plan: JobPlan, from: string, to: string): void {
  if (!plan.secrets.some((s) => s.name === from)) return;
  for (const secret of plan.secrets) if (secret.name === from) secret.name = to;
  for (const pod of [plan.driver, plan.executor]) {
    for (const value of Object.values(pod.env)) if ('secretKeyRef' in value && value.secretKeyRef.name === from) value.secretKeyRef.name = to;
  }
  const rename = (text: string) => text.split(from).join(to);
  for (const d of plan.diagnostics) {
    if (d.code !== 'secret-reference') continue;
    d.message = rename(d.message);
    if (d.hint !== undefined) d.hint = rename(d.hint);
  }
}
