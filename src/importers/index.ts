import { cloudFormationImporter } from './cloudformation/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { EmrSnapshot } from '../model/emr-snapshot.js';
import { compareStrings } from '../model/order.js';
import { collectClusters, type ClusterInput } from './collect.js';
import { emrCliImporter } from './emr-cli/index.js';
import { mergeSnapshots } from './merge.js';
import { readInputFile } from './read-input.js';
import { runJobFlowImporter } from './run-job-flow/index.js';
import { stepFunctionsImporter } from './step-functions/index.js';
import { terraformImporter } from './terraform/index.js';
import { fileDiagnostic } from './shared/diagnostics.js';
import { parseText, type YamlTag } from './shared/parse-document.js';
import type { ImportContext, Importer } from './types.js';

export type { Importer, ImportContext, ImportInput, ImportOutput, FileHead } from './types.js';

export interface ImportResult {
  snapshots: EmrSnapshot[];
  diagnostics: Diagnostic[];
}

/** Values only the user knows, passed to every importer (CLI `--param Name=Value`, `--region R`). */
export interface ImportOptions {
  /** Template parameter values; they beat a parameter's `Default`. */
  params?: Record<string, string>;
  /** The region the input was deployed in. */
  region?: string;
}

/** File importers, asked in this order; the first whose `detect` says yes reads the file. */
export const FILE_IMPORTERS: readonly Importer[] = [cloudFormationImporter, emrCliImporter, runJobFlowImporter, stepFunctionsImporter, terraformImporter];

const HEAD_LENGTH = 4096;

async function importCluster(
  input: ClusterInput,
  options: ImportOptions,
): Promise<{ snapshots: EmrSnapshot[]; diagnostics: Diagnostic[] }> {
  const diagnostics = [...input.diagnostics];
  const texts = await Promise.all(input.files.map(readInputFile));
  if (input.cdkApp) return importCdkCluster(input, texts, options, diagnostics);
  const parts: EmrSnapshot[] = [];
  const standalone: EmrSnapshot[] = [];
  let stepIndexBase = 0;
  input.files.forEach((file, i) => {
    const read = texts[i]!;
    if ('diagnostic' in read) {
      diagnostics.push(read.diagnostic);
      return;
    }
    const { document, error, tags } = parseText(file, read.text);
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
      const ctx: ImportContext = {
        stepIndexBase,
        ...(options.params && { params: options.params }),
        ...(options.region !== undefined && { region: options.region }),
      };
      out = importer.import({ file, text: read.text, ...(document && { document }) }, ctx);
    } catch (failure) {
      // A defect in one importer must not stop the batch (DESIGN §1.5): report it on this file.
      const why = failure instanceof Error ? failure.message : String(failure);
      diagnostics.push(
        fileDiagnostic('importer-failed', 'error', { file, line: 1, column: 1 }, `the ${importer.id} importer failed: ${why}`, 'Please report this with the file.'),
      );
      return;
    }
    if (tags && importer.id !== 'cloudformation') diagnostics.push(...unknownTags(file, tags));
    diagnostics.push(...out.diagnostics);
    if (out.standalone) {
      standalone.push(...out.snapshots);
      return;
    }
    for (const snapshot of out.snapshots) {
      parts.push(snapshot);
      for (const step of snapshot.steps) stepIndexBase = Math.max(stepIndexBase, step.index);
    }
  });
  if (parts.length === 0) {
    if (input.isFolder && standalone.length === 0) {
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
    return { snapshots: standalone, diagnostics };
  }
  const merged = mergeSnapshots(input.source, parts);
  return { snapshots: [merged.snapshot, ...standalone], diagnostics: [...diagnostics, ...merged.diagnostics] };
}

/**
 * A CDK app spans several files and needs ts-morph, which costs most of a second to load:
 * it is imported only here, when a CDK app is being read (toolchain.md, start-up cost).
 */
async function importCdkCluster(
  input: ClusterInput,
  texts: Awaited<ReturnType<typeof readInputFile>>[],
  options: ImportOptions,
  diagnostics: Diagnostic[],
): Promise<{ snapshots: EmrSnapshot[]; diagnostics: Diagnostic[] }> {
  const files: Array<{ file: string; text: string }> = [];
  texts.forEach((read, i) => {
    if ('diagnostic' in read) diagnostics.push(read.diagnostic);
    else files.push({ file: input.files[i]!, text: read.text });
  });
  const { importCdkApp } = await import('./cdk/index.js');
  const ctx: ImportContext = { stepIndexBase: 0, ...(options.params && { params: options.params }), ...(options.region !== undefined && { region: options.region }) };
  try {
    const out = importCdkApp({ source: input.source, files }, ctx);
    return { snapshots: out.snapshots, diagnostics: [...diagnostics, ...out.diagnostics] };
  } catch (failure) {
    const why = failure instanceof Error ? failure.message : String(failure);
    diagnostics.push(fileDiagnostic('importer-failed', 'error', { file: input.source }, `the cdk importer failed: ${why}`, 'Please report this with the app.'));
    return { snapshots: [], diagnostics };
  }
}

/**
 * Only CloudFormation gives local YAML tags a meaning (`!Ref`, `!Sub`, …). Elsewhere a tag
 * such as `!Secret` belongs to some other tool that was meant to replace the value; the value
 * is read as written, which may not be what that tool would have put there: one warning per
 * tag name, at its first use.
 */
function unknownTags(file: string, tags: YamlTag[]): Diagnostic[] {
  const first = new Map<string, { tag: YamlTag; uses: number }>();
  for (const tag of tags) {
    const seen = first.get(tag.tag);
    if (seen) seen.uses++;
    else first.set(tag.tag, { tag, uses: 1 });
  }
  return [...first.values()].map(({ tag, uses }) =>
    fileDiagnostic(
      'unknown-yaml-tag',
      'warning',
      { file, line: tag.line, column: tag.column },
      `unknown YAML tag ${tag.tag} at line ${tag.line}${uses > 1 ? ` (and ${uses - 1} more use${uses > 2 ? 's' : ''})` : ''}: the tagged value is read as written, without the tag`,
      'Replace the tag with the value it stands for (the AWS CLI rejects unknown tags), or remove it.',
    ),
  );
}

function notEmr(file: string, severity: 'info' | 'error', code: string, what: string): Diagnostic {
  return fileDiagnostic(
    code,
    severity,
    { file, line: 1, column: 1 },
    `${what} (expected AWS CLI JSON output, a configurations list, --steps JSON or shorthand, a RunJobFlow request or a CloudFormation template)`,
    'See docs/importers/ for the accepted inputs.',
  );
}

/**
 * Reads EMR clusters from files and folders (DESIGN §4 "Importer", §5). Never throws for
 * bad input: every problem is a diagnostic and the rest is imported. Snapshots are sorted
 * by source and diagnostics follow the same order, so output does not depend on the order
 * of `paths`. `options` reach every importer through its context.
 */
export async function importPaths(paths: string[], options: ImportOptions = {}): Promise<ImportResult> {
  const { clusters, problems } = await collectClusters(paths);
  const results = await Promise.all(clusters.map(async (c) => ({ source: c.source, ...(await importCluster(c, options)) })));
  const bySource = [...results, ...problems.map((p) => ({ source: p.source, snapshots: [], diagnostics: [p.diagnostic] }))];
  bySource.sort((a, b) => compareStrings(a.source, b.source));
  return {
    snapshots: bySource.flatMap((r) => r.snapshots),
    diagnostics: bySource.flatMap((r) => r.diagnostics),
  };
}
