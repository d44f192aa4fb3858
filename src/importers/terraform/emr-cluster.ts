import type { Diagnostic } from '../../model/diagnostic.js';
import { refs, type EmrSnapshot } from '../../model/emr-snapshot.js';
import { readField } from '../shared/cluster.js';
import type { DocNode, ObjectNode } from '../shared/doc-node.js';
import { fileDiagnostic } from '../shared/diagnostics.js';
import { tryRead, type DocReader } from '../shared/reader.js';
import { locate } from '../shared/snapshot-draft.js';
import { addStep, DEFAULT_ACTION_ON_FAILURE, readProperties, type StepDraft } from '../shared/steps.js';
import { readConfigurationsJson, readTfFleet, readTfGroup } from './instances.js';

const STEP_HINT = 'A step block needs name and hadoop_jar_step { jar, main_class, args, properties }.';

/** The only element of a single-block list (`master_instance_group = [{…}]`), if any. */
function block(reader: DocReader, obj: ObjectNode, key: string, path: string): { node: ObjectNode; path: string } | undefined {
  const [first] = reader.optList(obj, key, path) ?? [];
  return first && { node: reader.object(first.node, first.path), path: first.path };
}

function readStep(reader: DocReader, node: DocNode, path: string): StepDraft {
  const obj = reader.object(node, path);
  const name = reader.optText(obj, 'name', path);
  if (!name) reader.fail(node, path, 'name is missing');
  const body = block(reader, obj, 'hadoop_jar_step', path);
  if (!body) reader.fail(node, path, 'hadoop_jar_step is missing');
  const jar = reader.optText(body.node, 'jar', body.path);
  if (!jar) reader.fail(body.node, body.path, 'jar is missing');
  const mainClass = reader.optText(body.node, 'main_class', body.path);
  const args = reader.member(body.node, 'args', body.path);
  const props = reader.member(body.node, 'properties', body.path);
  return {
    name,
    actionOnFailure: reader.optText(obj, 'action_on_failure', path) ?? { value: DEFAULT_ACTION_ON_FAILURE },
    jar,
    // The provider stores an empty main_class for a step that sets none.
    ...(mainClass && mainClass.value !== '' && { mainClass }),
    args: args ? reader.textList(args.node, args.path) : [],
    properties: props ? readProperties(reader, props.node, props.path) : [],
  };
}

/**
 * An `aws_emr_cluster` resource's values
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/emr_cluster)
 * in EMR API terms: cluster fields, `configurations_json`, instance group and fleet blocks,
 * `bootstrap_action` and `step` blocks (steps numbered from `indexBase`).
 */
export function readEmrCluster(
  reader: DocReader,
  text: string,
  snapshot: EmrSnapshot,
  values: ObjectNode,
  path: string,
  indexBase: number,
  diagnostics: Diagnostic[],
): void {
  const cluster = snapshot.cluster;
  for (const [key, field] of [
    ['id', 'id'],
    ['name', 'name'],
    ['release_label', 'releaseLabel'],
    ['log_uri', 'logUri'],
    ['service_role', 'serviceRole'],
  ] as const) {
    readField(reader, diagnostics, key, () => {
      const v = reader.optText(values, key, path);
      if (!v || v.value === '') return;
      cluster[field] = v.value;
      locate(snapshot, refs.cluster(field), v.loc);
    });
  }
  readField(reader, diagnostics, 'step_concurrency_level', () => {
    const v = reader.optInt(values, 'step_concurrency_level', path);
    if (!v) return;
    cluster.stepConcurrencyLevel = v.value;
    locate(snapshot, refs.cluster('stepConcurrencyLevel'), v.loc);
  });
  readField(reader, diagnostics, 'ec2_attributes', () => {
    const ec2 = block(reader, values, 'ec2_attributes', path);
    const profile = ec2 && reader.optText(ec2.node, 'instance_profile', ec2.path);
    if (!profile) return;
    cluster.jobFlowRole = profile.value;
    locate(snapshot, refs.cluster('jobFlowRole'), profile.loc);
  });
  readField(reader, diagnostics, 'applications', () => {
    const apps = reader.member(values, 'applications', path);
    for (const app of apps ? reader.textList(apps.node, apps.path) : []) {
      locate(snapshot, refs.cluster(`applications/${cluster.applications.length}`), app.loc);
      cluster.applications.push(app.value);
    }
  });
  readField(reader, diagnostics, 'tags', () => {
    const tags = reader.optObject(values, 'tags', path);
    for (const [key, value] of tags?.node.entries ?? []) {
      const p = `${tags!.path}[${JSON.stringify(key)}]`;
      cluster.tags[key] = reader.text(value, p);
      locate(snapshot, refs.cluster(`tags/${key}`), reader.loc(value, p));
    }
  });
  const json = reader.member(values, 'configurations_json', path);
  if (json) snapshot.configurations.push(...readConfigurationsJson(reader, text, json.node, json.path, refs.classification, snapshot, diagnostics));
  const file = reader.optText(values, 'configurations', path);
  if (file && file.value !== '') {
    diagnostics.push(
      fileDiagnostic('configurations-file-not-read', 'warning', file.loc, 'configurations names a file or URL whose content the plan does not hold; its classifications are not imported', 'Put that JSON file (the EMR Configurations list) in the same folder as the plan, or use configurations_json.'),
    );
  }
  readField(reader, diagnostics, 'instance groups', () => {
    for (const [key, role] of [['master_instance_group', 'MASTER'], ['core_instance_group', 'CORE']] as const) {
      const group = block(reader, values, key, path);
      if (group) readTfGroup(reader, text, snapshot, role, group.node, group.path, diagnostics);
    }
    for (const [key, role] of [['master_instance_fleet', 'MASTER'], ['core_instance_fleet', 'CORE']] as const) {
      const fleet = block(reader, values, key, path);
      if (fleet) readTfFleet(reader, snapshot, role, fleet.node, fleet.path, diagnostics);
    }
  });
  readField(reader, diagnostics, 'bootstrap_action', () => {
    for (const item of reader.optList(values, 'bootstrap_action', path) ?? []) {
      const obj = reader.object(item.node, item.path);
      const script = reader.optText(obj, 'path', item.path);
      if (!script) reader.fail(item.node, item.path, 'path is missing');
      const name = reader.optText(obj, 'name', item.path);
      const args = reader.member(obj, 'args', item.path);
      const argList = args ? reader.textList(args.node, args.path) : [];
      const i = snapshot.bootstrapActions.length;
      snapshot.bootstrapActions.push({ name: name?.value ?? '', path: script.value, args: argList.map((a) => a.value) });
      locate(snapshot, refs.cluster(`bootstrapActions/${i}/name`), name?.loc);
      locate(snapshot, refs.cluster(`bootstrapActions/${i}/path`), script.loc);
      argList.forEach((a, j) => locate(snapshot, refs.cluster(`bootstrapActions/${i}/args/${j}`), a.loc));
    }
  });
  readField(reader, diagnostics, 'step', () =>
    (reader.optList(values, 'step', path) ?? []).forEach(({ node, path: stepPath }, i) => {
      const index = indexBase + i + 1;
      const draft = tryRead(reader, diagnostics, 'invalid-step', `step ${index} is invalid`, STEP_HINT, () => readStep(reader, node, stepPath));
      if (draft) addStep(snapshot, draft, index);
    }),
  );
}
