import type { Diagnostic } from '../../model/diagnostic.js';
import { childPath, type ObjectNode } from '../shared/doc-node.js';
import type { DocReader } from '../shared/reader.js';
import { fileDiagnostic } from '../shared/diagnostics.js';

/** One EMR resource of a template, as written. */
export interface Resource {
  id: string;
  type: string;
  node: ObjectNode;
  properties?: ObjectNode;
  /** The resource-level `Condition` name. */
  condition?: string;
  dependsOn: string[];
}

const CHILD_TYPES = new Set(['AWS::EMR::Step', 'AWS::EMR::InstanceGroupConfig', 'AWS::EMR::InstanceFleetConfig']);

/** `DependsOn`: one logical id or a list of them. */
function dependsOn(resource: ObjectNode): string[] {
  const node = resource.entries.get('DependsOn');
  const items = node?.kind === 'array' ? node.items : node ? [node] : [];
  return items.flatMap((i) => (i.kind === 'string' ? [i.value as string] : []));
}

/**
 * Children in the order CloudFormation may create them: a resource after everything it
 * `DependsOn` (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-dependson.html),
 * otherwise in template order. Steps chained with DependsOn are submitted in that order; steps
 * without it are submitted in parallel, so template order is the only stable choice.
 */
function dependencyOrder(children: Resource[]): Resource[] {
  const byId = new Map(children.map((c) => [c.id, c]));
  const done = new Set<string>();
  const out: Resource[] = [];
  const visit = (r: Resource, trail: Set<string>) => {
    if (done.has(r.id) || trail.has(r.id)) return;
    trail.add(r.id);
    for (const d of r.dependsOn) {
      const dep = byId.get(d);
      if (dep) visit(dep, trail);
    }
    done.add(r.id);
    out.push(r);
  };
  for (const c of children) visit(c, new Set());
  return out;
}

/**
 * The EMR resources of a `Resources` section: clusters in template order, and the steps and
 * added instance groups or fleets in dependency order. Other resource types are not EMR's and
 * are left alone; a malformed EMR resource is one diagnostic.
 */
export function orderResources(
  resources: ObjectNode | undefined,
  reader: DocReader,
  diagnostics: Diagnostic[],
): { clusters: Resource[]; children: Resource[] } {
  const clusters: Resource[] = [];
  const children: Resource[] = [];
  for (const [id, node] of resources?.entries ?? []) {
    const path = childPath('Resources', id);
    const type = node.kind === 'object' ? node.entries.get('Type') : undefined;
    if (node.kind !== 'object' || type?.kind !== 'string') continue;
    const typeName = type.value as string;
    if (typeName !== 'AWS::EMR::Cluster' && !CHILD_TYPES.has(typeName)) continue;
    const props = node.entries.get('Properties');
    const condition = node.entries.get('Condition');
    if ((props && props.kind !== 'object') || (condition && condition.kind !== 'string')) {
      diagnostics.push(
        fileDiagnostic('invalid-value', 'error', reader.loc(node, path), `${id}: Properties must be a map and Condition a condition name`, 'Compare with the CloudFormation template anatomy.'),
      );
      continue;
    }
    const resource: Resource = {
      id,
      type: typeName,
      node,
      ...(props?.kind === 'object' && { properties: props }),
      ...(condition && { condition: condition.value as string }),
      dependsOn: dependsOn(node),
    };
    (typeName === 'AWS::EMR::Cluster' ? clusters : children).push(resource);
  }
  return { clusters, children: dependencyOrder(children) };
}
