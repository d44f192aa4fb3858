import type { Diagnostic } from '../model/diagnostic.js';
import type { EmrSnapshot } from '../model/emr-snapshot.js';
import { compareStrings } from '../model/order.js';
import { collectClusters, type ClusterInput } from './collect.js';
import { emrCliImporter } from './emr-cli/index.js';
import { mergeSnapshots } from './merge.js';
import { readInputFile } from './read-input.js';
import { runJobFlowImporter } from './run-job-flow/index.js';
import { fileDiagnostic } from './shared/diagnostics.js';
import { parseText } from './shared/parse-document.js';
import type { Importer } from './types.js';

export type { Importer, ImportContext, ImportInput, ImportOutput, FileHead } from './types.js';

export interface ImportResult {
  snapshots: EmrSnapshot[];
  diagnostics: Diagnostic[];
}

/** File importers, asked in this order; the first whose `detect` says yes reads the file. */
export const FILE_IMPORTERS: readonly Importer[] = [emrCliImporter, runJobFlowImporter];

const HEAD_LENGTH = 4096;

async function importCluster(input: ClusterInput): Promise<{ snapshot?: EmrSnapshot; diagnostics: Diagnostic[] }> {
  const diagnostics = [...input.diagnostics];
  const texts = await Promise.all(input.files.map(readInputFile));
  const parts: EmrSnapshot[] = [];
  let stepIndexBase = 0;
  input.files.forEach((file, i) => {
    const read = texts[i]!;
    if ('diagnostic' in read) {
      diagnostics.push(read.diagnostic);
      return;
    }
    const { document, error } = parseText(file, read.text);
    const head = { text: read.text.slice(0, HEAD_LENGTH), ...(document && { document }) };
    const importer = error ? undefined : FILE_IMPORTERS.find((imp) => imp.detect(file, head));
    if (!importer) {
      if (error) diagnostics.push(error);
      else if (input.isFolder) diagnostics.push(notEmr(file, 'info', 'skipped-file', 'skipped: not an EMR export'));
      else diagnostics.push(notEmr(file, 'error', 'unrecognized-file', 'not an EMR export'));
      return;
    }
    let out;
    try {
      out = importer.import({ file, text: read.text, ...(document && { document }) }, { stepIndexBase });
    } catch (failure) {
      // A defect in one importer must not stop the batch (DESIGN §1.5): report it on this file.
      const why = failure instanceof Error ? failure.message : String(failure);
      diagnostics.push(
        fileDiagnostic('importer-failed', 'error', { file, line: 1, column: 1 }, `the ${importer.id} importer failed: ${why}`, 'Please report this with the file.'),
      );
      return;
    }
    diagnostics.push(...out.diagnostics);
    for (const snapshot of out.snapshots) {
      parts.push(snapshot);
      for (const step of snapshot.steps) stepIndexBase = Math.max(stepIndexBase, step.index);
    }
  });
  if (parts.length === 0) {
    if (input.isFolder) {
      diagnostics.push(
        fileDiagnostic(
          'no-emr-files',
          'error',
          { file: input.source },
          'the folder holds no EMR export (describe-cluster, list-steps, configurations, --steps or RunJobFlow files)',
          'Point at a folder of `aws emr … --output json` files, or at the files themselves.',
        ),
      );
    }
    return { diagnostics };
  }
  const merged = mergeSnapshots(input.source, parts);
  return { snapshot: merged.snapshot, diagnostics: [...diagnostics, ...merged.diagnostics] };
}

function notEmr(file: string, severity: 'info' | 'error', code: string, what: string): Diagnostic {
  return fileDiagnostic(
    code,
    severity,
    { file, line: 1, column: 1 },
    `${what} (expected AWS CLI JSON output, a configurations list, --steps JSON or shorthand, or a RunJobFlow request)`,
    'See docs for the accepted inputs: src/importers/emr-cli/readme.md and src/importers/run-job-flow/readme.md.',
  );
}

/**
 * Reads EMR clusters from files and folders (DESIGN §4 "Importer", §5). Never throws for
 * bad input: every problem is a diagnostic and the rest is imported. Snapshots are sorted
 * by source and diagnostics follow the same order, so output does not depend on the order
 * of `paths`.
 */
export async function importPaths(paths: string[]): Promise<ImportResult> {
  const { clusters, problems } = await collectClusters(paths);
  const results = await Promise.all(clusters.map(async (c) => ({ source: c.source, ...(await importCluster(c)) })));
  const bySource = [...results, ...problems.map((p) => ({ source: p.source, snapshot: undefined, diagnostics: [p.diagnostic] }))];
  bySource.sort((a, b) => compareStrings(a.source, b.source));
  return {
    snapshots: bySource.flatMap((r) => (r.snapshot ? [r.snapshot] : [])),
    diagnostics: bySource.flatMap((r) => r.diagnostics),
  };
}
