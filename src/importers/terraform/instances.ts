import type { Diagnostic } from '../../model/diagnostic.js';
import { refs, type Classification, type EmrSnapshot, type InstanceRole } from '../../model/emr-snapshot.js';
import type { SourceLocation } from '../../model/source.js';
import { readConfigurations } from '../shared/configurations.js';
import { recordFleet } from '../shared/instances.js';
import { childPath, ParseError, type DocNode, type ObjectNode } from '../shared/doc-node.js';
import { fileDiagnostic } from '../shared/diagnostics.js';
import { parseEmbeddedJson } from '../shared/embedded-json.js';
import { tryRead, type DocReader, type Located } from '../shared/reader.js';
import { locate } from '../shared/snapshot-draft.js';

const HINT = 'Compare with the aws_emr_cluster / aws_emr_instance_group / aws_emr_instance_fleet reference of the AWS provider.';

/**
 * A `configurations_json` attribute: the EMR `Configurations` list as a JSON string
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/emr_cluster),
 * parsed with positions in the plan file.
 */
export function readConfigurationsJson(
  reader: DocReader,
  text: string,
  node: DocNode,
  path: string,
  ref: (path: string[], key: string) => string,
  snapshot: EmrSnapshot,
  diagnostics: Diagnostic[],
): Classification[] {
  if (node.kind !== 'string') return [];
  let document: DocNode;
  try {
    document = parseEmbeddedJson(text, node as typeof node & { value: string });
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const at = { file: reader.file, line: error.line, column: error.column, path };
    diagnostics.push(fileDiagnostic('invalid-json', 'error', at, `invalid JSON in configurations_json: ${error.reason}`, HINT));
    return [];
  }
  return readConfigurations(reader, document, path, ref, (r, loc) => locate(snapshot, r, loc), diagnostics);
}

/** Fleet `instance_type_configs[].configurations` blocks: `{classification, properties}`, not nested. */
function fleetConfigurations(reader: DocReader, snapshot: EmrSnapshot, role: InstanceRole, spec: ObjectNode, path: string, into: Classification[]): void {
  for (const item of reader.optList(spec, 'configurations', path) ?? []) {
    const obj = reader.object(item.node, item.path);
    const name = reader.optText(obj, 'classification', item.path);
    if (!name) reader.fail(item.node, item.path, 'classification is missing');
    let classification = into.find((c) => c.classification === name.value);
    if (!classification) into.push((classification = { classification: name.value, properties: {}, configurations: [] }));
    const props = reader.optObject(obj, 'properties', item.path);
    for (const [key, value] of props?.node.entries ?? []) {
      const p = childPath(props!.path, key);
      if (key in classification.properties) continue;
      classification.properties[key] = reader.text(value, p);
      locate(snapshot, refs.instances(role, `configurations/${name.value}/${key}`), reader.loc(value, p));
    }
  }
}

/**
 * One instance group: an `aws_emr_cluster` `master_instance_group` / `core_instance_group`
 * block or an `aws_emr_instance_group` resource (task groups only). A `bid_price` makes it SPOT.
 * A missing `instance_count` is the provider default, 1.
 */
export function readTfGroup(reader: DocReader, text: string, snapshot: EmrSnapshot, role: InstanceRole, obj: ObjectNode, path: string, diagnostics: Diagnostic[]): void {
  tryRead(reader, diagnostics, 'invalid-value', `invalid ${role} instance group`, HINT, () => {
    const type = reader.optText(obj, 'instance_type', path);
    if (!type) reader.fail(obj, path, 'instance_type is missing');
    const count = reader.optInt(obj, 'instance_count', path);
    const bid = reader.optText(obj, 'bid_price', path);
    const name = reader.optText(obj, 'name', path);
    const json = reader.member(obj, 'configurations_json', path);
    const ref = (p: string[], key: string) => refs.instances(role, `configurations/${p.join('/')}/${key}`);
    const configurations = json ? readConfigurationsJson(reader, text, json.node, json.path, ref, snapshot, diagnostics) : [];
    const market = bid && bid.value !== '' ? 'SPOT' : 'ON_DEMAND';
    snapshot.instances.push({ role, ...(name && { name: name.value }), instanceTypes: [type.value], count: count?.value ?? 1, market, configurations });
    const locs: Record<string, SourceLocation | undefined> = { instanceType: type.loc, 'instanceTypes/0': type.loc, count: count?.loc ?? type.loc, market: bid?.loc, name: name?.loc };
    for (const [field, loc] of Object.entries(locs)) locate(snapshot, refs.instances(role, field), loc);
  });
}

/**
 * One instance fleet: an `aws_emr_cluster` `master_instance_fleet` / `core_instance_fleet`
 * block or an `aws_emr_instance_fleet` resource (task fleets only). Count is the on-demand plus
 * spot target; SPOT when the spot target is larger, as for RunJobFlow fleets.
 */
export function readTfFleet(reader: DocReader, snapshot: EmrSnapshot, role: InstanceRole, obj: ObjectNode, path: string, diagnostics: Diagnostic[]): void {
  tryRead(reader, diagnostics, 'invalid-value', `invalid ${role} instance fleet`, HINT, () => {
    const types: Array<Located<string>> = [];
    const configurations: Classification[] = [];
    for (const spec of reader.optList(obj, 'instance_type_configs', path) ?? []) {
      const specObj = reader.object(spec.node, spec.path);
      const type = reader.optText(specObj, 'instance_type', spec.path);
      if (!type) reader.fail(spec.node, spec.path, 'instance_type is missing');
      types.push(type);
      fleetConfigurations(reader, snapshot, role, specObj, spec.path, configurations);
    }
    if (types.length === 0) reader.fail(obj, path, 'the fleet lists no instance_type_configs');
    recordFleet(snapshot, role, {
      types,
      configurations,
      onDemand: reader.optInt(obj, 'target_on_demand_capacity', path),
      spot: reader.optInt(obj, 'target_spot_capacity', path),
      name: reader.optText(obj, 'name', path),
    });
  });
}
