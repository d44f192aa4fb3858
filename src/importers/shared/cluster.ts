import type { Diagnostic } from '../../model/diagnostic.js';
import { refs, type EmrSnapshot } from '../../model/emr-snapshot.js';
import type { DocNode, ObjectNode } from './doc-node.js';
import { readConfigurations } from './configurations.js';
import { tryRead, type DocReader } from './reader.js';
import { locate } from './snapshot-draft.js';

const HINT = 'Compare with the EMR API reference for RunJobFlow / DescribeCluster.';

/** Reads one top-level field; a malformed one becomes a diagnostic and the others are kept. */
export function readField(reader: DocReader, diagnostics: Diagnostic[], what: string, read: () => void): void {
  tryRead(reader, diagnostics, 'invalid-value', `invalid ${what}`, HINT, read);
}

/**
 * The cluster fields shared by DescribeCluster output
 * (https://docs.aws.amazon.com/emr/latest/APIReference/API_Cluster.html) and a RunJobFlow
 * request (https://docs.aws.amazon.com/emr/latest/APIReference/API_RunJobFlow.html):
 * Name, ReleaseLabel, LogUri, StepConcurrencyLevel, ServiceRole, Applications, Tags, Configurations.
 */
export function readClusterCommon(
  reader: DocReader,
  snapshot: EmrSnapshot,
  obj: ObjectNode,
  path: string,
  diagnostics: Diagnostic[],
): void {
  const cluster = snapshot.cluster;
  for (const [key, field] of [
    ['Name', 'name'],
    ['ReleaseLabel', 'releaseLabel'],
    ['LogUri', 'logUri'],
    ['ServiceRole', 'serviceRole'],
  ] as const) {
    readField(reader, diagnostics, key, () => {
      const v = reader.optText(obj, key, path);
      if (!v) return;
      cluster[field] = v.value;
      locate(snapshot, refs.cluster(field), v.loc);
    });
  }
  readField(reader, diagnostics, 'StepConcurrencyLevel', () => {
    const v = reader.optInt(obj, 'StepConcurrencyLevel', path);
    if (!v) return;
    cluster.stepConcurrencyLevel = v.value;
    locate(snapshot, refs.cluster('stepConcurrencyLevel'), v.loc);
  });
  readField(reader, diagnostics, 'Applications', () => {
    for (const item of reader.optList(obj, 'Applications', path) ?? []) {
      const app = reader.optText(reader.object(item.node, item.path), 'Name', item.path);
      if (!app) reader.fail(item.node, item.path, 'Name is missing');
      locate(snapshot, refs.cluster(`applications/${cluster.applications.length}`), app.loc);
      cluster.applications.push(app.value);
    }
  });
  readField(reader, diagnostics, 'Tags', () => {
    for (const item of reader.optList(obj, 'Tags', path) ?? []) {
      const tag = reader.object(item.node, item.path);
      const key = reader.optText(tag, 'Key', item.path);
      if (!key) reader.fail(item.node, item.path, 'Key is missing');
      const value = reader.optText(tag, 'Value', item.path);
      cluster.tags[key.value] = value?.value ?? '';
      locate(snapshot, refs.cluster(`tags/${key.value}`), value?.loc ?? key.loc);
    }
  });
  const configurations = reader.member(obj, 'Configurations', path);
  if (configurations) {
    snapshot.configurations.push(
      ...readConfigurations(
        reader,
        configurations.node,
        configurations.path,
        refs.classification,
        (r, loc) => locate(snapshot, r, loc),
        diagnostics,
      ),
    );
  }
}

/**
 * Bootstrap actions: `{Name, ScriptPath, Args}` in list-bootstrap-actions / describe-cluster
 * output (API_Command.html) or `{Name, ScriptBootstrapAction: {Path, Args}}` in a RunJobFlow
 * request (API_BootstrapActionConfig.html).
 */
export function readBootstrapActions(
  reader: DocReader,
  snapshot: EmrSnapshot,
  items: Array<{ node: DocNode; path: string }>,
  diagnostics: Diagnostic[],
): void {
  for (const { node, path } of items) {
    readField(reader, diagnostics, 'bootstrap action', () => {
      const obj = reader.object(node, path);
      const script = reader.optObject(obj, 'ScriptBootstrapAction', path);
      const holder = script ?? { node: obj, path };
      const scriptPath = reader.optText(holder.node, script ? 'Path' : 'ScriptPath', holder.path);
      if (!scriptPath) reader.fail(holder.node, holder.path, script ? 'Path is missing' : 'ScriptPath is missing');
      const args = reader.member(holder.node, 'Args', holder.path);
      const argList = args ? reader.textList(args.node, args.path) : [];
      const name = reader.optText(obj, 'Name', path);
      const i = snapshot.bootstrapActions.length;
      snapshot.bootstrapActions.push({ name: name?.value ?? '', path: scriptPath.value, args: argList.map((a) => a.value) });
      locate(snapshot, refs.cluster(`bootstrapActions/${i}/name`), name?.loc);
      locate(snapshot, refs.cluster(`bootstrapActions/${i}/path`), scriptPath.loc);
      argList.forEach((a, j) => locate(snapshot, refs.cluster(`bootstrapActions/${i}/args/${j}`), a.loc));
    });
  }
}
