import type { Diagnostic } from '../../model/diagnostic.js';
import { refs, type EmrSnapshot } from '../../model/emr-snapshot.js';
import { childPath, type DocNode, type ObjectNode } from '../shared/doc-node.js';
import { readBootstrapActions, readClusterCommon, readField } from '../shared/cluster.js';
import { readInstanceFleets, readInstanceGroups } from '../shared/instances.js';
import type { DocReader } from '../shared/reader.js';
import { locate } from '../shared/snapshot-draft.js';
import { readApiSteps } from '../shared/steps.js';

type Role = 'MASTER' | 'CORE' | 'TASK';
type Item = { node: DocNode; path: string };

/**
 * A CloudFormation group or fleet names its role by the property it sits in
 * (`CoreInstanceGroup`, `TaskInstanceFleets`, …); the shared readers want it in the object, as
 * the EMR API writes it. The added member sits at the object's own position.
 */
function withRole(reader: DocReader, item: Item, key: string, role: Role): Item {
  const obj = reader.object(item.node, item.path);
  const roleNode: DocNode = { kind: 'string', value: role, raw: role, line: obj.line, column: obj.column };
  return { node: { ...obj, entries: new Map([...obj.entries, [key, roleNode]]) }, path: item.path };
}

function one(reader: DocReader, obj: ObjectNode, key: string, path: string): Item[] {
  const m = reader.member(obj, key, path);
  return m ? [m] : [];
}

/**
 * `Instances` of an AWS::EMR::Cluster (JobFlowInstancesConfig,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-emr-cluster-jobflowinstancesconfig.html):
 * MasterInstanceGroup, CoreInstanceGroup, TaskInstanceGroups, or the matching *InstanceFleet(s).
 */
function readInstances(reader: DocReader, snapshot: EmrSnapshot, obj: ObjectNode, path: string, diagnostics: Diagnostic[]): void {
  const instances = reader.optObject(obj, 'Instances', path);
  if (!instances) return;
  const { node, path: p } = instances;
  const groups: Array<[Role, Item[]]> = [
    ['MASTER', one(reader, node, 'MasterInstanceGroup', p)],
    ['CORE', one(reader, node, 'CoreInstanceGroup', p)],
    ['TASK', reader.optList(node, 'TaskInstanceGroups', p) ?? []],
  ];
  const fleets: Array<[Role, Item[]]> = [
    ['MASTER', one(reader, node, 'MasterInstanceFleet', p)],
    ['CORE', one(reader, node, 'CoreInstanceFleet', p)],
    ['TASK', reader.optList(node, 'TaskInstanceFleets', p) ?? []],
  ];
  for (const [role, items] of groups) {
    readField(reader, diagnostics, 'instance group', () =>
      readInstanceGroups(reader, snapshot, items.map((i) => withRole(reader, i, 'InstanceRole', role)), diagnostics),
    );
  }
  for (const [role, items] of fleets) {
    readField(reader, diagnostics, 'instance fleet', () =>
      readInstanceFleets(reader, snapshot, items.map((i) => withRole(reader, i, 'InstanceFleetType', role)), diagnostics),
    );
  }
}

/**
 * The resolved `Properties` of one AWS::EMR::Cluster
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-emr-cluster.html):
 * Name, ReleaseLabel, LogUri, ServiceRole, JobFlowRole, StepConcurrencyLevel, Applications, Tags,
 * Configurations (with `ConfigurationProperties`), Instances, BootstrapActions and Steps.
 */
export function readClusterProperties(
  reader: DocReader,
  snapshot: EmrSnapshot,
  props: DocNode,
  path: string,
  diagnostics: Diagnostic[],
): void {
  const obj = reader.object(props, path);
  readClusterCommon(reader, snapshot, obj, path, diagnostics);
  readField(reader, diagnostics, 'JobFlowRole', () => {
    const v = reader.optText(obj, 'JobFlowRole', path);
    if (!v) return;
    snapshot.cluster.jobFlowRole = v.value;
    locate(snapshot, refs.cluster('jobFlowRole'), v.loc);
  });
  readField(reader, diagnostics, 'Instances', () => readInstances(reader, snapshot, obj, path, diagnostics));
  readField(reader, diagnostics, 'BootstrapActions', () =>
    readBootstrapActions(reader, snapshot, reader.optList(obj, 'BootstrapActions', path) ?? [], diagnostics),
  );
  readField(reader, diagnostics, 'Steps', () =>
    readApiSteps(reader, snapshot, reader.optList(obj, 'Steps', path) ?? [], snapshot.steps.length, diagnostics),
  );
}

/** An AWS::EMR::InstanceGroupConfig (InstanceRole, …) or AWS::EMR::InstanceFleetConfig (InstanceFleetType, …) added to a cluster. */
export function readAddedCapacity(
  reader: DocReader,
  snapshot: EmrSnapshot,
  type: string,
  props: DocNode,
  path: string,
  diagnostics: Diagnostic[],
): void {
  const item = [{ node: props, path }];
  if (type === 'AWS::EMR::InstanceGroupConfig') readInstanceGroups(reader, snapshot, item, diagnostics);
  else readInstanceFleets(reader, snapshot, item, diagnostics);
}

/** `Resources.<LogicalId>.Properties`, the path every location of a resource starts with. */
export function propertiesPath(logicalId: string): string {
  return childPath(childPath('Resources', logicalId), 'Properties');
}
