import type { ConfEntry, RuleContext, SparkJob, Zod } from '../src/rule-api.js';
import { defineRule, isSecretSetting } from '../src/rule-api.js';
import { targetSparkAtLeast } from './_resources-common.js';
import { mapNodeLabel, mapTags } from './_resources-yarn-placement.js';
import type { Rename } from './_resources-yarn-table.js';
import {
  DROPPED,
  DROPPED_PREFIXES,
  KERBEROS_TARGETS,
  OWNED_ELSEWHERE,
  OWNED_ELSEWHERE_PREFIXES,
  RENAMES,
} from './_resources-yarn-table.js';

const options = {
  schema: (z: Zod) =>
    z.object({
      /** YARN node label → Kubernetes node labels its nodes carry, e.g. `{ SPOT: { "karpenter.sh/capacity-type": "spot" } }`. */
      nodeLabels: z.record(z.string(), z.record(z.string(), z.string())).default({}),
    }),
  defaults: { nodeLabels: {} },
};

/**
 * `spark.yarn.resource.{yarn type}.amount` → `spark.{role}.resource.{name}.amount`. Spark on
 * YARN maps its own `gpu`/`fpga` names to `yarn.io/gpu`/`yarn.io/fpga` (running-on-yarn.md,
 * "Resource Allocation and Configuration Overview"), so the name is the part after the last `/`.
 */
function mapResource(job: Readonly<SparkJob>, ctx: RuleContext, entry: ConfEntry, role: 'driver' | 'executor'): boolean {
  const m = new RegExp(`^spark\\.yarn\\.${role}\\.resource\\.(.+)\\.amount$`).exec(entry.key);
  if (!m?.[1]) return false;
  const name = m[1].slice(m[1].lastIndexOf('/') + 1);
  const target = `spark.${role}.resource.${name}.amount`;
  if (job.conf[target] !== undefined) {
    ctx.drop(entry, 'superseded', `${target} is also set and Spark uses it`);
    return true;
  }
  ctx.set(`sparkConf.${target}`, entry.value.trim(), entry);
  const vendor = `spark.${role}.resource.${name}.vendor`;
  if (job.conf[vendor] === undefined) ctx.report('resource-vendor-needed', { target, vendor }, { refs: [entry] });
  return true;
}

/** One rename of {@link RENAMES}: the target wins over its YARN alternates, the first alternate over later ones. */
function applyRename(job: Readonly<SparkJob>, ctx: RuleContext, rename: Rename): void {
  const present = rename.sources.map((k) => job.conf[k]).filter((e): e is ConfEntry => e !== undefined);
  const [first, ...rest] = present;
  if (!first) return;
  if (rename.since && !targetSparkAtLeast(job, rename.since[0], rename.since[1])) {
    for (const e of present) ctx.drop(e, 'no-k8s-equivalent', `Spark ${job.facts.sparkVersion} on Kubernetes has no ${rename.target} (added in ${rename.since.join('.')})`);
    ctx.report('executor-failure-cap-lost', { key: first.key, target: rename.target, version: job.facts.sparkVersion }, { refs: present });
    return;
  }
  if (job.conf[rename.target] !== undefined) {
    for (const e of present) ctx.drop(e, 'superseded', `${rename.target} is also set and Spark uses it`);
    return;
  }
  ctx.set(`sparkConf.${rename.target}`, first.value, first);
  for (const e of rest) ctx.drop(e, 'superseded', `${first.key} is also set and Spark uses it first`);
  if (KERBEROS_TARGETS.has(rename.target)) ctx.report('kerberos-on-kubernetes', { key: first.key, target: rename.target }, { refs: [first] });
}

/**
 * Every `spark.yarn.*` setting mapped or dropped as facts §5 says, plus the submit settings
 * the operator owns on Kubernetes. See docs/rules/yarn-settings.md.
 */
export default defineRule({
  id: 'yarn-settings',
  meta: {
    description: 'spark.yarn.* settings mapped to their Kubernetes counterparts or dropped with the reason; master and deploy mode left to the operator',
    category: 'yarn',
    reads: ['spark.yarn.*', 'spark.master', 'spark.submit.deployMode', 'spark.driver.host', 'spark.driver.bindAddress'],
    writes: [
      ...new Set(RENAMES.map((r) => `sparkConf.${r.target}`)),
      'sparkConf.spark.kubernetes.driver.node.selector.*',
      'sparkConf.spark.kubernetes.executor.node.selector.*',
      'sparkConf.spark.driver.resource.*',
      'sparkConf.spark.executor.resource.*',
      'driver.labels.*',
      'executor.labels.*',
    ],
    messages: {
      'unknown-yarn-setting': '{key} is a YARN setting this tool does not know; it is not carried to Kubernetes',
      'master-not-yarn': 'spark.master = {value}: the step did not run on YARN; on Kubernetes the operator runs it with its own driver and executor pods',
      'resource-vendor-needed': '{target} needs {vendor} on Kubernetes (the device plugin domain, e.g. nvidia.com) and a discovery script; neither is set',
      'node-label-unmapped': '{key} = {expression} placed pods on YARN-labelled nodes; no Kubernetes node label is known for it, so the pods can land on any node',
      'node-selector-unsupported': '{key} cannot become a {role} node selector on Spark {version} (3.3+); place the pods with a pod template',
      'priority-not-mapped': 'spark.yarn.priority = {value} has no direct Kubernetes equivalent; create a PriorityClass and set priorityClassName on the driver and executors',
      'kerberos-on-kubernetes':
        '{key} is carried as {target}: Kerberos on Kubernetes needs krb5.conf (spark.kubernetes.kerberos.krb5.*) and the keytab readable by spark-submit; IAM roles (IRSA, Pod Identity) usually replace it on EKS',
      'yarn-tag-invalid': 'YARN tag "{tag}" is not a valid Kubernetes label (key=value, each at most 63 letters, digits, -, _ or .); it is not carried over',
      'executor-failure-cap-lost':
        '{key} capped executor failures on YARN; Spark {version} on Kubernetes has no {target} (3.5+), so repeated executor failures no longer fail the job',
    },
    severities: {
      'unknown-yarn-setting': 'warning',
      'master-not-yarn': 'warning',
      'resource-vendor-needed': 'warning',
      'node-label-unmapped': 'warning',
      'node-selector-unsupported': 'warning',
      'priority-not-mapped': 'warning',
      'kerberos-on-kubernetes': 'warning',
      'yarn-tag-invalid': 'warning',
      'executor-failure-cap-lost': 'warning',
    },
    options,
    docs: 'docs/rules/yarn-settings.md',
  },
  apply(job, ctx, options) {
    const master = job.conf['spark.master'];
    if (master && master.value.trim() === 'yarn') {
      ctx.drop(master, 'yarn-only', 'the operator points spark.master at the Kubernetes API server');
    } else if (master) {
      ctx.drop(master, 'superseded', 'the operator points spark.master at the Kubernetes API server');
      ctx.report('master-not-yarn', { value: master.value }, { refs: [master] });
    }
    const mode = job.conf['spark.submit.deployMode'];
    if (mode) ctx.drop(mode, 'superseded', 'the operator runs the driver in cluster mode (spec.mode)');
    for (const key of ['spark.driver.host', 'spark.driver.bindAddress']) {
      const entry = job.conf[key];
      if (entry) ctx.drop(entry, 'not-applicable', 'Spark on Kubernetes sets the driver address through its service; setting it fails submission');
    }

    RENAMES.forEach((r) => applyRename(job, ctx, r));
    const renamed = new Set(RENAMES.flatMap((r) => r.sources));

    for (const key of ctx.confKeys('spark.yarn.')) {
      const entry = job.conf[key] as ConfEntry;
      if (renamed.has(key) || OWNED_ELSEWHERE.has(key) || OWNED_ELSEWHERE_PREFIXES.some((p) => key.startsWith(p))) continue;
      const drop = DROPPED[key] ?? DROPPED_PREFIXES.find(([p]) => key.startsWith(p))?.[1];
      if (drop) {
        // Dropping copies no value, so it is safe even for a secret-looking name.
        ctx.drop(entry, drop.reason, drop.detail);
      } else if (isSecretSetting(key, entry.value)) {
        // An unknown secret-looking setting belongs to the secrets rule, which keeps its value out of output.
        continue;
      } else if (key === 'spark.yarn.executor.nodeLabelExpression' || key === 'spark.yarn.am.nodeLabelExpression') {
        mapNodeLabel(job, ctx, entry, options.nodeLabels);
      } else if (key === 'spark.yarn.tags') {
        mapTags(ctx, entry);
      } else if (key === 'spark.yarn.priority') {
        ctx.drop(entry, 'yarn-only', 'YARN application priority within its queue');
        ctx.report('priority-not-mapped', { value: entry.value }, { refs: [entry] });
      } else if (!mapResource(job, ctx, entry, 'driver') && !mapResource(job, ctx, entry, 'executor')) {
        ctx.drop(entry, 'yarn-only', 'YARN setting with no known Kubernetes counterpart');
        ctx.report('unknown-yarn-setting', { key }, { refs: [entry] });
      }
    }
  },
});
