import type { Diagnostic } from '../../model/diagnostic.js';
import { refs, type EmrSnapshot } from '../../model/emr-snapshot.js';
import { childPath, type DocNode, type ObjectNode } from '../shared/doc-node.js';
import { fileDiagnostic } from '../shared/diagnostics.js';
import { DocReader, tryRead } from '../shared/reader.js';
import { emptySnapshot, hasClusterContext, locate } from '../shared/snapshot-draft.js';
import { addStep, readApiStep, STEP_HINT } from '../shared/steps.js';
import { propertiesPath, readAddedCapacity, readClusterProperties } from './cluster-resource.js';
import { intrinsicOf, TemplateResolver } from './intrinsics.js';
import { readParameters } from './parameters.js';
import { reportUnresolved } from './report.js';
import { orderResources, type Resource } from './resources.js';

export interface TemplateOptions {
  /** `--param Name=Value`: beats a parameter's Default; may also set pseudo parameters. */
  params?: Readonly<Record<string, string>> | undefined;
  /** `--region`: `AWS::Region`, and the partition it implies. */
  region?: string | undefined;
}

const HINT = 'Compare with the AWS::EMR resource reference in the CloudFormation User Guide.';

/** The member a child resource names its cluster with. */
const ATTACH_KEY: Record<string, string> = {
  'AWS::EMR::Step': 'JobFlowId',
  'AWS::EMR::InstanceGroupConfig': 'JobFlowId',
  'AWS::EMR::InstanceFleetConfig': 'ClusterId',
};

function objectMember(root: ObjectNode, key: string): ObjectNode | undefined {
  const node = root.entries.get(key);
  return node?.kind === 'object' ? node : undefined;
}

function without(node: ObjectNode, key: string): ObjectNode {
  const entries = new Map(node.entries);
  entries.delete(key);
  return { ...node, entries };
}

/**
 * Reads the EMR resources of a CloudFormation template
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html): one
 * snapshot per AWS::EMR::Cluster with its own Steps, then the AWS::EMR::Step,
 * AWS::EMR::InstanceGroupConfig and AWS::EMR::InstanceFleetConfig resources that point at it
 * with `Ref`. Steps whose JobFlowId is a literal id, a parameter or anything else form a
 * steps-only snapshot keyed by that (possibly placeholder) id. Resources whose Condition is
 * false are skipped. Values are resolved as far as the template, `params` and `region` allow.
 */
export function readTemplate(file: string, root: DocNode, options: TemplateOptions): { snapshots: EmrSnapshot[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const reader = new DocReader(file);
  if (root.kind !== 'object') return { snapshots: [], diagnostics: [fileDiagnostic('invalid-value', 'error', reader.loc(root, ''), 'a template is a map', HINT)] };
  const given = options.params ?? {};
  const resourcesNode = objectMember(root, 'Resources');
  const resolver = new TemplateResolver({
    parameters: readParameters(objectMember(root, 'Parameters'), given),
    mappings: objectMember(root, 'Mappings'),
    conditions: objectMember(root, 'Conditions'),
    resources: new Set(resourcesNode?.entries.keys() ?? []),
    given,
    region: options.region,
  });
  const { clusters: clusterResources, children } = orderResources(resourcesNode, reader, diagnostics);

  const created = (resource: Resource): boolean => {
    const name = resource.condition;
    if (name === undefined) return true;
    const truth = resolver.condition(name);
    const at = reader.loc(resource.node, childPath('Resources', resource.id));
    if (truth.value === false) {
      diagnostics.push(fileDiagnostic('skipped-resource', 'info', at, `${resource.id}: condition ${name} is false, so the stack does not create it`, 'Give other parameter values with --param to convert it.'));
    } else if (truth.value === undefined) {
      diagnostics.push(fileDiagnostic('unresolved-condition', 'warning', at, `${resource.id}: condition ${name} cannot be evaluated (${truth.why}); the resource is read as if it were created`, 'Give the missing values with --param Name=Value.'));
    }
    return truth.value !== false;
  };

  const clusters = new Map<string, EmrSnapshot | undefined>();
  const stepsOnly = new Map<string, EmrSnapshot>();
  for (const resource of clusterResources) {
    if (!created(resource)) {
      clusters.set(resource.id, undefined);
      continue;
    }
    const snapshot = emptySnapshot(file, 'cloudformation');
    clusters.set(resource.id, snapshot);
    const path = propertiesPath(resource.id);
    const props = resource.properties && resolver.value(resource.properties, path);
    if (!props) {
      diagnostics.push(fileDiagnostic('invalid-value', 'error', reader.loc(resource.node, childPath('Resources', resource.id)), `${resource.id}: Properties is missing`, HINT));
      continue;
    }
    tryRead(reader, diagnostics, 'invalid-value', `invalid ${resource.id}`, HINT, () => readClusterProperties(reader, snapshot, props, path, diagnostics));
  }

  for (const resource of children) {
    if (!created(resource)) continue;
    const key = ATTACH_KEY[resource.type] as string;
    const path = propertiesPath(resource.id);
    const props = resource.properties;
    const target = props?.entries.get(key);
    if (!props || !target) {
      diagnostics.push(fileDiagnostic('invalid-value', 'error', reader.loc(props ?? resource.node, path), `${resource.id}: ${key} is missing`, HINT));
      continue;
    }
    const ref = intrinsicOf(target);
    const clusterId = ref?.name === 'Ref' && ref.arg.kind === 'string' ? (ref.arg.value as string) : undefined;
    let snapshot: EmrSnapshot | undefined;
    if (clusterId !== undefined && clusters.has(clusterId)) {
      snapshot = clusters.get(clusterId);
      if (!snapshot) continue;
    } else {
      const resolved = resolver.value(target, childPath(path, key));
      const id = resolved && tryRead(reader, diagnostics, 'invalid-value', `invalid ${resource.id}`, HINT, () => reader.text(resolved, childPath(path, key)));
      if (id === undefined) continue;
      snapshot = stepsOnly.get(id);
      if (!snapshot) {
        snapshot = emptySnapshot(file, 'cloudformation');
        snapshot.cluster.id = id;
        locate(snapshot, refs.cluster('id'), reader.loc(resolved!, childPath(path, key)));
        stepsOnly.set(id, snapshot);
      }
    }
    const body = resolver.value(without(props, key), path);
    if (!body) continue;
    const into = snapshot;
    if (resource.type === 'AWS::EMR::Step') {
      const index = into.steps.length + 1;
      const draft = tryRead(reader, diagnostics, 'invalid-step', `step ${resource.id} is invalid`, STEP_HINT, () => readApiStep(reader, body, path));
      if (draft) addStep(into, draft, index);
    } else {
      tryRead(reader, diagnostics, 'invalid-value', `invalid ${resource.id}`, HINT, () => readAddedCapacity(reader, into, resource.type, body, path, diagnostics));
    }
  }

  const snapshots = [...clusters.values(), ...stepsOnly.values()].filter((s): s is EmrSnapshot => s !== undefined);
  for (const s of snapshots) s.hasClusterContext = hasClusterContext(s);
  if (snapshots.length === 0 && diagnostics.length === 0) {
    diagnostics.push(
      fileDiagnostic('no-emr-resources', 'warning', reader.loc(root, ''), 'the template declares no AWS::EMR::Cluster or AWS::EMR::Step resource', 'Nothing to convert in this template.'),
    );
  }
  diagnostics.push(...reportUnresolved(file, resolver.problems, snapshots));
  return { snapshots, diagnostics };
}
