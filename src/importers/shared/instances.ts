import type { Diagnostic } from '../../model/diagnostic.js';
import { refs, type EmrSnapshot, type InstanceCapacity, type InstanceRole, type Market } from '../../model/emr-snapshot.js';
import type { SourceLocation } from '../../model/source.js';
import type { DocNode, ObjectNode } from './doc-node.js';
import { childPath } from './doc-node.js';
import { mergeClassifications, readConfigurations } from './configurations.js';
import { tryRead, type DocReader, type Located } from './reader.js';
import { locate } from './snapshot-draft.js';

const ROLES = new Set<string>(['MASTER', 'CORE', 'TASK']);
const HINT_GROUP = 'An instance group needs InstanceGroupType (or InstanceRole) MASTER, CORE or TASK and an InstanceType.';
const HINT_FLEET = 'An instance fleet needs InstanceFleetType MASTER, CORE or TASK and instance types with InstanceType.';

function role(reader: DocReader, obj: ObjectNode, path: string, keys: string[]): Located<InstanceRole> {
  for (const key of keys) {
    const r = reader.optText(obj, key, path);
    if (r) {
      if (!ROLES.has(r.value)) reader.fail(obj.entries.get(key) as DocNode, childPath(path, key), 'expected MASTER, CORE or TASK');
      return r as Located<InstanceRole>;
    }
  }
  return reader.fail(obj, path, `${keys.join(' or ')} is missing`);
}

function record(snapshot: EmrSnapshot, capacity: InstanceCapacity, locs: Record<string, SourceLocation | undefined>): void {
  snapshot.instances.push(capacity);
  for (const [field, loc] of Object.entries(locs)) locate(snapshot, refs.instances(capacity.role, field), loc);
}

function groupConfigurations(
  reader: DocReader,
  snapshot: EmrSnapshot,
  obj: ObjectNode,
  path: string,
  instanceRole: InstanceRole,
  diagnostics: Diagnostic[],
) {
  const m = reader.member(obj, 'Configurations', path);
  if (!m) return [];
  const ref = (p: string[], key: string) => refs.instances(instanceRole, `configurations/${p.join('/')}/${key}`);
  return readConfigurations(reader, m.node, m.path, ref, (r, loc) => locate(snapshot, r, loc), diagnostics);
}

/**
 * Instance groups, from list-instance-groups / describe-cluster output
 * (https://docs.aws.amazon.com/emr/latest/APIReference/API_InstanceGroup.html: InstanceGroupType,
 * RequestedInstanceCount, RunningInstanceCount) or a RunJobFlow request
 * (https://docs.aws.amazon.com/emr/latest/APIReference/API_InstanceGroupConfig.html: InstanceRole,
 * InstanceCount). Market is SPOT when the group says so.
 */
export function readInstanceGroups(
  reader: DocReader,
  snapshot: EmrSnapshot,
  items: Array<{ node: DocNode; path: string }>,
  diagnostics: Diagnostic[],
): void {
  for (const { node, path } of items) {
    tryRead(reader, diagnostics, 'invalid-value', 'invalid instance group', HINT_GROUP, () => {
      const obj = reader.object(node, path);
      const r = role(reader, obj, path, ['InstanceGroupType', 'InstanceRole']);
      const type = reader.optText(obj, 'InstanceType', path);
      if (!type) reader.fail(node, path, 'InstanceType is missing');
      const count =
        reader.optInt(obj, 'RequestedInstanceCount', path) ??
        reader.optInt(obj, 'InstanceCount', path) ??
        reader.optInt(obj, 'RunningInstanceCount', path);
      const market = reader.optText(obj, 'Market', path);
      const name = reader.optText(obj, 'Name', path);
      const configurations = groupConfigurations(reader, snapshot, obj, path, r.value, diagnostics);
      record(
        snapshot,
        {
          role: r.value,
          ...(name && { name: name.value }),
          instanceTypes: [type.value],
          count: count?.value ?? 0,
          market: market?.value === 'SPOT' ? 'SPOT' : 'ON_DEMAND',
          configurations,
        },
        { instanceType: type.loc, 'instanceTypes/0': type.loc, count: count?.loc, market: market?.loc, name: name?.loc },
      );
    });
  }
}

/** What a fleet declares, whatever the source spells its keys. */
export interface FleetParts {
  types: Array<Located<string>>;
  configurations: InstanceCapacity['configurations'];
  onDemand?: Located<number>;
  spot?: Located<number>;
  name?: Located<string>;
}

/**
 * Adds a fleet with its locations. Count is the target capacity (on-demand + spot units);
 * market is SPOT when the spot target is larger than the on-demand one.
 */
export function recordFleet(snapshot: EmrSnapshot, instanceRole: InstanceRole, fleet: FleetParts): void {
  const { types, onDemand, spot, name } = fleet;
  const market: Market = (spot?.value ?? 0) > (onDemand?.value ?? 0) ? 'SPOT' : 'ON_DEMAND';
  const locs: Record<string, SourceLocation | undefined> = {
    instanceType: types[0]?.loc,
    count: onDemand?.loc ?? spot?.loc,
    market: market === 'SPOT' ? spot?.loc : onDemand?.loc,
    name: name?.loc,
  };
  types.forEach((t, i) => (locs[`instanceTypes/${i}`] = t.loc));
  const capacity: InstanceCapacity = {
    role: instanceRole,
    ...(name && { name: name.value }),
    instanceTypes: types.map((t) => t.value),
    count: (onDemand?.value ?? 0) + (spot?.value ?? 0),
    market,
    configurations: fleet.configurations,
  };
  record(snapshot, capacity, locs);
}

/**
 * Instance fleets, from list-instance-fleets output (InstanceTypeSpecifications,
 * https://docs.aws.amazon.com/emr/latest/APIReference/API_InstanceFleet.html) or a RunJobFlow
 * request (InstanceTypeConfigs), counted as {@link recordFleet} says.
 */
export function readInstanceFleets(
  reader: DocReader,
  snapshot: EmrSnapshot,
  items: Array<{ node: DocNode; path: string }>,
  diagnostics: Diagnostic[],
): void {
  for (const { node, path } of items) {
    tryRead(reader, diagnostics, 'invalid-value', 'invalid instance fleet', HINT_FLEET, () => {
      const obj = reader.object(node, path);
      const r = role(reader, obj, path, ['InstanceFleetType']);
      const specs = reader.optList(obj, 'InstanceTypeSpecifications', path) ?? reader.optList(obj, 'InstanceTypeConfigs', path) ?? [];
      const types: Array<Located<string>> = [];
      const configurations: InstanceCapacity['configurations'] = [];
      for (const spec of specs) {
        const specObj = reader.object(spec.node, spec.path);
        const type = reader.optText(specObj, 'InstanceType', spec.path);
        if (!type) reader.fail(spec.node, spec.path, 'InstanceType is missing');
        types.push(type);
        const own = groupConfigurations(reader, snapshot, specObj, spec.path, r.value, diagnostics);
        mergeClassifications(configurations, own, () => undefined);
      }
      if (types.length === 0) reader.fail(node, path, 'the fleet lists no instance types');
      const fleet = {
        types,
        configurations,
        onDemand: reader.optInt(obj, 'TargetOnDemandCapacity', path),
        spot: reader.optInt(obj, 'TargetSpotCapacity', path),
        name: reader.optText(obj, 'Name', path),
      };
      recordFleet(snapshot, r.value, fleet);
    });
  }
}
