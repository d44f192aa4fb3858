import type { Diagnostic } from '../../model/diagnostic.js';
import type { JobPlan, PodPlan } from '../../model/job-plan.js';
import { sortedKeys } from '../../model/order.js';
import { affinityObject, tolerationObject } from '../kubernetes/kube-shapes.js';
import { sparkAtLeast } from './spark-version.js';

/** Where the submitter mounts the pod-template ConfigMap; spark-submit reads the files there. */
export const TEMPLATE_DIR = '/opt/spark/pod-templates';

/**
 * The main container names Spark looks for in a pod template (facts §8.5; Spark's
 * `Constants.DEFAULT_DRIVER_CONTAINER_NAME` / `DEFAULT_EXECUTOR_CONTAINER_NAME`).
 */
export const CONTAINER_NAMES = { driver: 'spark-kubernetes-driver', executor: 'spark-kubernetes-executor' } as const;

export type Role = 'driver' | 'executor';

/**
 * How node selectors reach the pods (facts §6): `role` = `spark.kubernetes.{driver,executor}.node.selector.*`
 * (Spark 3.3+); `global` = `spark.kubernetes.node.selector.*` for both pods (older Spark, driver
 * and executor want the same labels); `template` = in the pod templates (older Spark, different labels).
 */
export type SelectorStyle = 'role' | 'global' | 'template';

/** Where a plan's placement goes: which selector keys, and the pod templates `--conf` cannot replace. */
export interface PodPlacement {
  selectorStyle: SelectorStyle;
  /** Pod manifests (`kind: Pod`) per role, only for the roles that need one. */
  templates: Partial<Record<Role, Record<string, unknown>>>;
  diagnostics: Diagnostic[];
}

/** The file name of a role's template inside the ConfigMap and the mounted folder. */
export function templateFileName(role: Role): string {
  return `${role}-pod-template.yaml`;
}

function sameSelectors(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = sortedKeys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function sortedMap(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(sortedKeys(record).map((k) => [k, record[k] as string]));
}

/** What a role's placement needs from a template: tolerations and affinity always, selectors by style. */
function templateSpec(role: Role, pod: PodPlan, style: SelectorStyle): Record<string, unknown> | undefined {
  const spec: Record<string, unknown> = { containers: [{ name: CONTAINER_NAMES[role] }] };
  let needed = false;
  if (style === 'template' && Object.keys(pod.nodeSelector).length > 0) {
    spec.nodeSelector = sortedMap(pod.nodeSelector);
    needed = true;
  }
  if (pod.tolerations.length > 0) {
    spec.tolerations = pod.tolerations.map(tolerationObject);
    needed = true;
  }
  const affinity = affinityObject(pod.affinity);
  if (affinity) {
    spec.affinity = affinity;
    needed = true;
  }
  return needed ? spec : undefined;
}

/**
 * Splits a plan's placement between `--conf` keys and pod templates. Spark's configuration
 * can say node selectors but not tolerations or affinity; those need a pod template
 * (`spark.kubernetes.{driver,executor}.podTemplateFile`, Spark 3.0+), which Spark merges with
 * what it sets itself (facts §6). Before 3.0 there are no templates: the placement that needs
 * one is reported as not applied rather than dropped silently.
 */
export function placePods(plan: JobPlan): PodPlacement {
  const roleKeys = sparkAtLeast(plan.sparkVersion, 3, 3);
  const selectorStyle: SelectorStyle = roleKeys
    ? 'role'
    : sameSelectors(plan.driver.nodeSelector, plan.executor.nodeSelector)
      ? 'global'
      : 'template';
  const templates: PodPlacement['templates'] = {};
  const lost: string[] = [];
  for (const role of ['driver', 'executor'] as const) {
    const spec = templateSpec(role, plan[role], selectorStyle);
    if (!spec) continue;
    if (sparkAtLeast(plan.sparkVersion, 3, 0)) templates[role] = { apiVersion: 'v1', kind: 'Pod', spec };
    else lost.push(`${role} ${Object.keys(spec).filter((k) => k !== 'containers').join(', ')}`);
  }
  const diagnostics: Diagnostic[] = lost.length === 0 ? [] : [{
    code: 'placement-not-applied',
    severity: 'warning',
    message: `Spark ${plan.sparkVersion ?? '(unknown)'} has no pod templates (Spark 3.0+), so spark-submit cannot apply the ${lost.join('; ')}: the pods may run on other nodes`,
    jobId: plan.jobId,
    refs: [],
    hint: 'Move the job to Spark 3.0 or newer, or use the spark-operator target, whose webhook applies tolerations and affinity.',
  }];
  return { selectorStyle, templates, diagnostics };
}
