import type { DocNode } from '../shared/doc-node.js';

/** The AWS CLI outputs and inputs this importer reads. */
export type EmrCliKind =
  | 'describe-cluster'
  | 'describe-step'
  | 'list-steps'
  | 'list-instance-groups'
  | 'list-instance-fleets'
  | 'list-bootstrap-actions'
  | 'configurations'
  | 'steps-json'
  | 'steps-shorthand';

/** Keys a paginated list output may carry besides its list. */
const PAGING = new Set(['Marker', 'NextToken']);

const LISTS: Record<string, EmrCliKind> = {
  Steps: 'list-steps',
  InstanceGroups: 'list-instance-groups',
  InstanceFleets: 'list-instance-fleets',
  BootstrapActions: 'list-bootstrap-actions',
};

/** A first word like `Type=Spark,…` (optionally quoted for the shell). */
export const SHORTHAND_START = /^\s*(?:#[^\n]*\n\s*)*['"]?(?:Type|Name|ActionOnFailure|Jar|Args|MainClass|Properties)=/;

function isObject(node: DocNode | undefined, key?: string): boolean {
  return node?.kind === 'object' && (key === undefined || node.entries.has(key));
}

/**
 * Tells the kind of an AWS CLI document from its content: the single top-level key of an
 * `aws emr` output, or the item shape of a list (facts §8.4, DESIGN §5).
 */
export function detectEmrCliKind(text: string, document: DocNode | undefined): EmrCliKind | undefined {
  if (!document || document.kind === 'string') return SHORTHAND_START.test(text) ? 'steps-shorthand' : undefined;
  if (document.kind === 'array') {
    const items = document.items;
    if (items.length === 0 || !items.every((i) => i.kind === 'object')) return undefined;
    if (items.every((i) => isObject(i, 'Classification'))) return 'configurations';
    const apiShaped = items.some((i) => isObject(i, 'HadoopJarStep') || isObject(i, 'Config'));
    const cliShaped = items.every((i) => i.kind === 'object' && ['Type', 'Jar', 'Args'].some((k) => i.entries.has(k)));
    return cliShaped && !apiShaped ? 'steps-json' : undefined;
  }
  if (document.kind !== 'object') return undefined;
  const keys = [...document.entries.keys()];
  if (keys.length === 1 && isObject(document.entries.get('Cluster'))) return 'describe-cluster';
  if (keys.length === 1 && isObject(document.entries.get('Step'))) return 'describe-step';
  const lists = keys.filter((k) => !PAGING.has(k));
  const list = lists.length === 1 ? document.entries.get(lists[0] as string) : undefined;
  if (list?.kind !== 'array') return undefined;
  const kind = LISTS[lists[0] as string];
  // RunJobFlow's Steps carry HadoopJarStep; list-steps answers carry Config and Status.
  if (kind === 'list-steps' && list.items.some((i) => isObject(i, 'HadoopJarStep'))) return undefined;
  return kind;
}
