import type { Diagnostic } from '../../model/diagnostic.js';
import { childPath, type ArrayNode, type DocNode, type ObjectNode } from '../shared/doc-node.js';
import { fileDiagnostic } from '../shared/diagnostics.js';
import type { DocReader } from '../shared/reader.js';

/** Attributes read as text (or a list of text): an unknown one becomes a placeholder. */
const TEXT = new Set(['name', 'release_label', 'log_uri', 'service_role', 'instance_profile', 'instance_type', 'bid_price', 'action_on_failure', 'jar', 'main_class', 'args', 'path']);
/** Blocks, maps, numbers and sets that are read: an unknown one cannot be text and is reported as not imported. */
const STRUCTURED = new Set([
  'applications',
  'bootstrap_action',
  'configurations',
  'configurations_json',
  'core_instance_fleet',
  'core_instance_group',
  'ec2_attributes',
  'hadoop_jar_step',
  'instance_count',
  'instance_type_configs',
  'master_instance_fleet',
  'master_instance_group',
  'properties',
  'step',
  'step_concurrency_level',
  'tags',
  'target_on_demand_capacity',
  'target_spot_capacity',
]);

/** What the configuration says a value is computed from: its most specific reference. */
function reference(expression: DocNode | undefined): string | undefined {
  const refs = expression?.kind === 'object' ? expression.entries.get('references') : undefined;
  const first = refs?.kind === 'array' ? refs.items[0] : undefined;
  return first?.kind === 'string' ? (first.value as string) : undefined;
}

function child(expression: DocNode | undefined, key: string | number): DocNode | undefined {
  if (typeof key === 'number') return expression?.kind === 'array' ? expression.items[key] : undefined;
  return expression?.kind === 'object' ? expression.entries.get(key) : undefined;
}

interface Fill {
  reader: DocReader;
  address: string;
  diagnostics: Diagnostic[];
}

/** `path` is the attribute path for messages; `at` the path of the `after_unknown` entry in the file. */
function fill(
  f: Fill,
  value: DocNode | undefined,
  unknown: DocNode,
  expression: DocNode | undefined,
  inherited: string | undefined,
  key: string,
  path: string,
  at: string,
): DocNode | undefined {
  const ref = reference(expression) ?? inherited;
  if (unknown.kind === 'boolean') {
    if (unknown.value !== true) return value;
    const loc = f.reader.loc(unknown, at);
    if (!TEXT.has(key)) {
      f.diagnostics.push(fileDiagnostic('unknown-at-plan', 'warning', loc, `${f.address} ${path} is unknown until apply and is not imported`, 'Import the state (`terraform show -json`) after apply, or the describe-cluster output.'));
      return value;
    }
    const placeholder = `\${${ref ?? 'unknown'}}`;
    f.diagnostics.push(
      fileDiagnostic('unknown-at-plan', 'info', loc, `${f.address} ${path} is unknown until apply; kept as the placeholder ${placeholder}`, 'Import the state after apply to get the real value.'),
    );
    return { kind: 'string', value: placeholder, raw: placeholder, line: unknown.line, column: unknown.column };
  }
  if (unknown.kind === 'array') {
    const base: ArrayNode = value?.kind === 'array' ? value : { kind: 'array', items: [], line: unknown.line, column: unknown.column };
    const items = [...base.items];
    unknown.items.forEach((u, i) => {
      const filled = fill(f, items[i], u, child(expression, i), ref, key, childPath(path, i), childPath(at, i));
      if (filled) items[i] = filled;
    });
    return { ...base, items };
  }
  if (unknown.kind === 'object') {
    const base: ObjectNode = value?.kind === 'object' ? value : { kind: 'object', entries: new Map(), line: unknown.line, column: unknown.column };
    const entries = new Map(base.entries);
    for (const [k, u] of unknown.entries) {
      if (!TEXT.has(k) && !STRUCTURED.has(k)) continue;
      const filled = fill(f, entries.get(k), u, child(expression, k), undefined, k, childPath(path, k), childPath(at, k));
      if (filled) entries.set(k, filled);
    }
    return { ...base, entries };
  }
  return value;
}

/**
 * A resource's planned values with each value the plan marks unknown (`after_unknown`,
 * https://developer.hashicorp.com/terraform/internals/json-format#change-representation) that
 * emr2k8s reads put back: a text value as `${reference}` (the configuration's first reference,
 * else `${unknown}`) located at its `after_unknown` entry, anything else reported as not imported.
 * Every unknown read value gets an `unknown-at-plan` diagnostic. The inputs are not changed.
 */
export function withUnknowns(
  reader: DocReader,
  address: string,
  values: ObjectNode,
  unknown: { node: DocNode; path: string } | undefined,
  expressions: ObjectNode | undefined,
  diagnostics: Diagnostic[],
): ObjectNode {
  if (unknown?.node.kind !== 'object') return values;
  return fill({ reader, address, diagnostics }, values, unknown.node, expressions, undefined, '', '', unknown.path) as ObjectNode;
}
