import { childPath, type DocNode, type ObjectNode } from '../shared/doc-node.js';
import type { DocReader } from '../shared/reader.js';

/** One resource instance of the plan's `planned_values` or the state's `values`. */
export interface TfResource {
  /** Full address, e.g. `module.emr.aws_emr_cluster.this["prod"]`. */
  address: string;
  /** `module.emr` (empty in the root module): where `configuration` references resolve. */
  module: string;
  type: string;
  name: string;
  values: ObjectNode;
  path: string;
}

function text(node: ObjectNode, key: string): string | undefined {
  const v = node.entries.get(key);
  return v?.kind === 'string' ? (v.value as string) : undefined;
}

function collectResources(reader: DocReader, module: ObjectNode, path: string, out: TfResource[]): void {
  const moduleAddress = text(module, 'address') ?? '';
  for (const item of reader.optList(module, 'resources', path) ?? []) {
    const obj = reader.object(item.node, item.path);
    const [type, name, address] = [text(obj, 'type'), text(obj, 'name'), text(obj, 'address')];
    const values = reader.optObject(obj, 'values', item.path);
    if (text(obj, 'mode') === 'data' || !type || !name || !address || !values) continue;
    out.push({ address, module: moduleAddress, type, name, values: values.node, path: values.path });
  }
  for (const child of reader.optList(module, 'child_modules', path) ?? []) collectResources(reader, reader.object(child.node, child.path), child.path, out);
}

/**
 * The resources of a plan (`planned_values.root_module`) or a state (`values.root_module`),
 * child modules included, in written order.
 */
export function planResources(reader: DocReader, root: ObjectNode): TfResource[] {
  const values = reader.optObject(root, 'planned_values', '') ?? reader.optObject(root, 'values', '');
  const module = values && reader.optObject(values.node, 'root_module', values.path);
  const out: TfResource[] = [];
  if (module) collectResources(reader, module.node, module.path, out);
  return out;
}

/**
 * The configuration's unevaluated expressions by `module|type.name`, from
 * `configuration.root_module` and its `module_calls` (recursively): where a plan says what an
 * unknown value will be computed from (`references`).
 */
export function configExpressions(reader: DocReader, root: ObjectNode): Map<string, ObjectNode> {
  const out = new Map<string, ObjectNode>();
  const visit = (module: ObjectNode, path: string, address: string) => {
    for (const item of reader.optList(module, 'resources', path) ?? []) {
      if (item.node.kind !== 'object') continue;
      const [type, name] = [text(item.node, 'type'), text(item.node, 'name')];
      const expressions = item.node.entries.get('expressions');
      if (type && name && expressions?.kind === 'object') out.set(`${address}|${type}.${name}`, expressions);
    }
    const calls = reader.optObject(module, 'module_calls', path);
    for (const [callName, call] of calls?.node.entries ?? []) {
      const callPath = childPath(calls!.path, callName);
      const inner = call.kind === 'object' ? reader.optObject(call, 'module', callPath) : undefined;
      if (inner) visit(inner.node, inner.path, address ? `${address}.module.${callName}` : `module.${callName}`);
    }
  };
  const configuration = reader.optObject(root, 'configuration', '');
  const module = configuration && reader.optObject(configuration.node, 'root_module', configuration.path);
  if (module) visit(module.node, module.path, '');
  return out;
}

/** Each planned change's `after_unknown` by resource address (plans only). */
export function unknownsByAddress(reader: DocReader, root: ObjectNode): Map<string, { node: DocNode; path: string }> {
  const out = new Map<string, { node: DocNode; path: string }>();
  for (const item of reader.optList(root, 'resource_changes', '') ?? []) {
    if (item.node.kind !== 'object') continue;
    const address = text(item.node, 'address');
    const change = reader.optObject(item.node, 'change', item.path);
    const unknown = change && reader.member(change.node, 'after_unknown', change.path);
    if (address && unknown) out.set(address, unknown);
  }
  return out;
}
