import type { Diagnostic } from '../../model/diagnostic.js';
import { refs, type EmrSnapshot } from '../../model/emr-snapshot.js';
import type { DocNode, ObjectNode } from '../shared/doc-node.js';
import { readBootstrapActions, readClusterCommon, readField } from '../shared/cluster.js';
import { readInstanceFleets, readInstanceGroups } from '../shared/instances.js';
import type { DocReader } from '../shared/reader.js';
import { locate } from '../shared/snapshot-draft.js';
import { readApiSteps } from '../shared/steps.js';

/** The request body, unwrapping an Airflow `JOB_FLOW_OVERRIDES` key when it is the only one. */
export function requestRoot(document: DocNode | undefined): { node: DocNode; path: string } | undefined {
  if (!document) return undefined;
  if (document.kind === 'object' && document.entries.size === 1) {
    const inner = document.entries.get('JOB_FLOW_OVERRIDES');
    if (inner) return { node: inner, path: 'JOB_FLOW_OVERRIDES' };
  }
  return { node: document, path: '' };
}

const CLUSTER_KEYS = ['Instances', 'ReleaseLabel', 'AmiVersion', 'JobFlowRole', 'ServiceRole'];

/**
 * Whether a document is a RunJobFlow request, an AddJobFlowSteps request (`JobFlowId` +
 * `Steps`), or a bare list of API StepConfigs (`HadoopJarStep`).
 */
export function isRunJobFlow(document: DocNode | undefined): boolean {
  const root = requestRoot(document)?.node;
  if (root?.kind === 'array') {
    return root.items.length > 0 && root.items.every((i) => i.kind === 'object' && i.entries.has('HadoopJarStep'));
  }
  if (root?.kind !== 'object' || root.entries.has('Cluster')) return false;
  if (root.entries.has('JobFlowId') && root.entries.has('Steps')) return true;
  return CLUSTER_KEYS.some((k) => root.entries.has(k)) || (root.entries.has('Name') && root.entries.has('Steps'));
}

/**
 * Instances of a RunJobFlow request (https://docs.aws.amazon.com/emr/latest/APIReference/API_JobFlowInstancesConfig.html):
 * InstanceGroups, InstanceFleets, or the uniform MasterInstanceType / SlaveInstanceType /
 * InstanceCount form, where the count includes the master node.
 */
function readInstances(reader: DocReader, snapshot: EmrSnapshot, obj: ObjectNode, path: string, diagnostics: Diagnostic[]): void {
  const instances = reader.optObject(obj, 'Instances', path);
  if (!instances) return;
  const { node, path: p } = instances;
  readInstanceGroups(reader, snapshot, reader.optList(node, 'InstanceGroups', p) ?? [], diagnostics);
  readInstanceFleets(reader, snapshot, reader.optList(node, 'InstanceFleets', p) ?? [], diagnostics);
  const master = reader.optText(node, 'MasterInstanceType', p);
  const slave = reader.optText(node, 'SlaveInstanceType', p);
  const count = reader.optInt(node, 'InstanceCount', p);
  const uniform: Array<[typeof master, 'MASTER' | 'CORE', number]> = [
    [master, 'MASTER', 1],
    [slave, 'CORE', Math.max((count?.value ?? 1) - 1, 0)],
  ];
  for (const [type, role, n] of uniform) {
    if (!type || n === 0) continue;
    snapshot.instances.push({ role, instanceTypes: [type.value], count: n, market: 'ON_DEMAND', configurations: [] });
    locate(snapshot, refs.instances(role, 'instanceType'), type.loc);
    locate(snapshot, refs.instances(role, 'instanceTypes/0'), type.loc);
    locate(snapshot, refs.instances(role, 'count'), count?.loc ?? type.loc);
  }
}

/**
 * A RunJobFlow request (https://docs.aws.amazon.com/emr/latest/APIReference/API_RunJobFlow.html),
 * as boto3 / SDK callers and Airflow's `JOB_FLOW_OVERRIDES` write it, or an AddJobFlowSteps
 * request (`JobFlowId`, `Steps`; API_AddJobFlowSteps.html).
 */
export function readRequest(
  reader: DocReader,
  snapshot: EmrSnapshot,
  root: { node: DocNode; path: string },
  indexBase: number,
  diagnostics: Diagnostic[],
): void {
  if (root.node.kind === 'array') {
    const items = root.node.items.map((node, i) => ({ node, path: `${root.path}[${i}]` }));
    readApiSteps(reader, snapshot, items, indexBase, diagnostics);
    return;
  }
  const obj = reader.object(root.node, root.path);
  const { path } = root;
  readClusterCommon(reader, snapshot, obj, path, diagnostics);
  for (const [key, field] of [
    ['JobFlowId', 'id'],
    ['JobFlowRole', 'jobFlowRole'],
  ] as const) {
    readField(reader, diagnostics, key, () => {
      const v = reader.optText(obj, key, path);
      if (!v) return;
      snapshot.cluster[field] = v.value;
      locate(snapshot, refs.cluster(field), v.loc);
    });
  }
  readField(reader, diagnostics, 'Instances', () => readInstances(reader, snapshot, obj, path, diagnostics));
  readField(reader, diagnostics, 'BootstrapActions', () =>
    readBootstrapActions(reader, snapshot, reader.optList(obj, 'BootstrapActions', path) ?? [], diagnostics),
  );
  readField(reader, diagnostics, 'Steps', () =>
    readApiSteps(reader, snapshot, reader.optList(obj, 'Steps', path) ?? [], indexBase, diagnostics),
  );
}
