import type { Diagnostic } from '../../model/diagnostic.js';
import { refs } from '../../model/emr-snapshot.js';
import { readConfigurations } from '../shared/configurations.js';
import { jsonSourceOf } from '../shared/parse-json.js';
import { DocReader, tryRead } from '../shared/reader.js';
import { emptySnapshot, hasClusterContext, locate } from '../shared/snapshot-draft.js';
import { readApiSteps } from '../shared/steps.js';
import type { Importer, ImportContext, ImportInput, ImportOutput } from '../types.js';
import { readCliSteps } from './cli-steps.js';
import { readDescribeCluster, readLists } from './cluster.js';
import { detectEmrCliKind } from './detect.js';
import { shorthandItems } from './shorthand-file.js';

function read(input: ImportInput, ctx: ImportContext): ImportOutput {
  const diagnostics: Diagnostic[] = [];
  const snapshot = emptySnapshot(input.file, 'emr-cli');
  const reader = new DocReader(input.file);
  const doc = input.document;
  const kind = detectEmrCliKind(input.text, doc);
  const root = doc?.kind === 'object' ? doc : undefined;
  const list = (key: string) => reader.optList(root!, key, '') ?? [];
  const hint = 'Export it again with `aws emr … --output json`.';
  tryRead(reader, diagnostics, 'invalid-value', `invalid ${kind} output`, hint, () => {
    switch (kind) {
      case 'describe-cluster':
        readDescribeCluster(reader, snapshot, reader.object(root!.entries.get('Cluster')!, 'Cluster'), 'Cluster', diagnostics);
        break;
      case 'describe-step':
        readApiSteps(reader, snapshot, [{ node: root!.entries.get('Step')!, path: 'Step' }], ctx.stepIndexBase, diagnostics, jsonSourceOf(doc));
        break;
      case 'list-steps':
        readApiSteps(reader, snapshot, list('Steps'), ctx.stepIndexBase, diagnostics, jsonSourceOf(doc));
        break;
      case 'list-instance-groups':
      case 'list-instance-fleets':
      case 'list-bootstrap-actions':
        readLists(reader, snapshot, root!, '', diagnostics);
        break;
      case 'configurations':
        snapshot.configurations.push(
          ...readConfigurations(reader, doc!, '', refs.classification, (r, loc) => locate(snapshot, r, loc), diagnostics),
        );
        break;
      case 'steps-json':
        readCliSteps(reader, snapshot, reader.array(doc!, '').items.map((node, i) => ({ node, path: `[${i}]` })), ctx.stepIndexBase, diagnostics);
        break;
      case 'steps-shorthand':
        shorthandItems(input, ctx.stepIndexBase, diagnostics).forEach((item, i) => {
          if (item) readCliSteps(reader, snapshot, [item], ctx.stepIndexBase + i, diagnostics);
        });
        break;
      default:
        break;
    }
  });
  snapshot.hasClusterContext = hasClusterContext(snapshot);
  return { snapshots: [snapshot], diagnostics };
}

/**
 * AWS CLI files: `aws emr` outputs (describe-cluster, list-steps, describe-step,
 * list-instance-groups, list-instance-fleets, list-bootstrap-actions), a configurations list,
 * and `--steps` values as JSON or shorthand text. See ./readme.md.
 */
export const emrCliImporter: Importer = {
  id: 'emr-cli',
  detect: (_path, head) => detectEmrCliKind(head.text, head.document) !== undefined,
  import: read,
};
