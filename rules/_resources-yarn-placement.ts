import type { ConfEntry, RuleContext, SparkJob } from '../src/rule-api.js';
import { deployMode, targetSparkAtLeast } from './_resources-common.js';

/**
 * YARN placement settings with a Kubernetes counterpart: node label expressions become node
 * selectors, application tags become pod labels (facts §5 `nodeLabelExpression` and `tags` rows).
 */

/** YARN node label → Kubernetes node labels, from the rule's `nodeLabels` option. */
export type NodeLabelMap = Record<string, Record<string, string>>;

const SINGLE_LABEL = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * `spark.yarn.{executor,am}.nodeLabelExpression` → `spark.kubernetes.{executor,driver}.node.selector.*`
 * (Spark 3.3+). The AM expression places the driver only in cluster mode; in client mode the
 * AM was a small executor launcher and the driver ran on the master node.
 */
export function mapNodeLabel(job: Readonly<SparkJob>, ctx: RuleContext, entry: ConfEntry, nodeLabels: NodeLabelMap): void {
  const role = entry.key === 'spark.yarn.am.nodeLabelExpression' ? 'driver' : 'executor';
  if (role === 'driver' && deployMode(job).mode === 'client') {
    ctx.drop(entry, 'yarn-only', 'placed the client-mode ApplicationMaster; the driver ran on the EMR master node');
    return;
  }
  const expression = entry.value.trim();
  if (expression === '') {
    ctx.drop(entry, 'not-applicable', 'an empty expression means the default partition: any node');
    return;
  }
  if (!targetSparkAtLeast(job, 3, 3)) {
    ctx.drop(entry, 'no-k8s-equivalent', `Spark ${job.facts.sparkVersion} has no ${role} node selector (added in 3.3)`);
    ctx.report('node-selector-unsupported', { key: entry.key, role, version: job.facts.sparkVersion }, { refs: [entry] });
    return;
  }
  const selector = SINGLE_LABEL.test(expression) && Object.hasOwn(nodeLabels, expression) ? nodeLabels[expression] : undefined;
  if (selector === undefined || Object.keys(selector).length === 0) {
    ctx.drop(entry, 'yarn-only', `YARN node label "${expression}" has no Kubernetes node label in the nodeLabels option`);
    ctx.report(
      'node-label-unmapped',
      { key: entry.key, expression },
      { refs: [entry], hint: `Add rules: { yarn-settings: [on, { nodeLabels: { "${expression}": { "<node label>": "<value>" } } }] } to emr2k8s.config.yaml` },
    );
    return;
  }
  for (const [label, value] of Object.entries(selector)) {
    const target = `spark.kubernetes.${role}.node.selector.${label}`;
    // A selector the job already sets itself wins; it reaches sparkConf unchanged.
    if (job.conf[target] === undefined) ctx.set(`sparkConf.${target}`, value, entry);
    else ctx.consume(entry);
  }
}

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  if (slash < 0) return LABEL_NAME.test(key);
  const prefix = key.slice(0, slash);
  return prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix) && LABEL_NAME.test(key.slice(slash + 1));
}

function isLabelValue(value: string): boolean {
  return value === '' || LABEL_NAME.test(value);
}

/**
 * A YARN tag as a Kubernetes label: `key=value` or `key:value` tags become that label, a bare
 * tag becomes `<tag>: "true"`. Undefined when the tag cannot be a label (YARN allows any text).
 */
export function tagToLabel(tag: string): [string, string] | undefined {
  const sep = tag.search(/[=:]/);
  const [key, value] = sep < 0 ? [tag, 'true'] : [tag.slice(0, sep), tag.slice(sep + 1)];
  return isLabelKey(key) && isLabelValue(value) ? [key, value] : undefined;
}

/** `spark.yarn.tags` (comma-separated) → driver and executor pod labels. */
export function mapTags(ctx: RuleContext, entry: ConfEntry): void {
  const tags = entry.value.split(',').map((t) => t.trim()).filter((t) => t !== '');
  let mapped = 0;
  for (const tag of tags) {
    const label = tagToLabel(tag);
    if (label === undefined) {
      ctx.report('yarn-tag-invalid', { tag }, { refs: [entry] });
      continue;
    }
    ctx.set(`driver.labels.${label[0]}`, label[1], entry);
    ctx.set(`executor.labels.${label[0]}`, label[1], entry);
    mapped++;
  }
  if (mapped === 0) ctx.drop(entry, 'no-k8s-equivalent', 'no tag is a valid Kubernetes label');
}
