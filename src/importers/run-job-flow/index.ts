import type { Diagnostic } from '../../model/diagnostic.js';
import { DocReader, tryRead } from '../shared/reader.js';
import { emptySnapshot, hasClusterContext } from '../shared/snapshot-draft.js';
import type { Importer, ImportContext, ImportInput, ImportOutput } from '../types.js';
import { isRunJobFlow, readRequest, requestRoot } from './request.js';

function read(input: ImportInput, ctx: ImportContext): ImportOutput {
  const diagnostics: Diagnostic[] = [];
  const snapshot = emptySnapshot(input.file, 'run-job-flow');
  const reader = new DocReader(input.file);
  const root = requestRoot(input.document);
  if (root) {
    tryRead(reader, diagnostics, 'invalid-value', 'invalid RunJobFlow request', 'Compare with the EMR RunJobFlow API reference.', () =>
      readRequest(reader, snapshot, root, ctx.stepIndexBase, diagnostics),
    );
  }
  snapshot.hasClusterContext = hasClusterContext(snapshot);
  return { snapshots: [snapshot], diagnostics };
}

/**
 * RunJobFlow and AddJobFlowSteps requests, JSON or YAML (boto3 / SDK / Airflow
 * `JOB_FLOW_OVERRIDES` shape), and bare lists of API StepConfigs. See ./readme.md.
 */
export const runJobFlowImporter: Importer = {
  id: 'run-job-flow',
  detect: (_path, head) => isRunJobFlow(head.document),
  import: read,
};
