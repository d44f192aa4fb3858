import { resolve } from 'node:path';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { JobPlan } from '../../model/job-plan.js';
import type { ReportData } from '../../emitters/report/index.js';
import { openWriter } from '../../output/open-writer.js';
import { EXIT } from '../errors.js';
import type { CliIo } from '../io.js';
import { formatDiagnosticLine, oneLine } from '../format-diagnostic.js';
import { streamConversion } from '../../engine/conversion.js';
import { jsonPieces } from '../../emitters/report/report-json.js';
import { loadConversionInputs, type LoadInputsOptions } from '../conversion.js';
import { loadAnswersFile } from '../answers-file.js';

export interface ConvertOptions extends LoadInputsOptions {
  out: string;
  format: 'text' | 'json';
  check: boolean;
  strict: boolean;
  force: boolean;
  /** `--answers FILE`: review decisions to replay (docs/answers.md). */
  answers?: string;
}

/**
 * The `--format json` document: the scripting contract (DESIGN §5), additive changes only.
 * It is `report.json` plus where the output went and, with `--check`, what would change.
 */
export type ConvertJson = ReportData & { outDir: string; check?: { drift: string[] } };

/** `emr2k8s convert <path...>`: EMR exports in, validated SparkApplications out. */
export async function runConvert(paths: string[], options: ConvertOptions, io: CliIo): Promise<number> {
  const loaded = await loadConversionInputs(paths, options, io);
  const answers = options.answers === undefined ? undefined : await loadAnswersFile(options.answers, { cwd: io.cwd });

  // Each file goes to the writer as soon as it is made (staged, not yet in place), so a fleet's
  // output is never all in memory; nothing in the output folder changes before finish().
  const writer = openWriter(resolve(io.cwd, options.out), { check: options.check, force: options.force }, loaded.snapshots);
  let conversion;
  try {
    conversion = streamConversion(loaded, writer, answers);
  } catch (error) {
    await writer.discard();
    throw error;
  }
  const written = await writer.finish();
  const result: ConvertJson = { ...conversion.report, outDir: options.out };
  if (options.check) result.check = { drift: written.drift };

  // Printed piece by piece, like report.json: a fleet's document is tens of MB.
  if (options.format === 'json') {
    for (const piece of jsonPieces(result, 'plain')) {
      io.stdout(piece);
      await io.drained?.();
    }
  } else {
    printText(io, result, conversion.diagnostics, written.skippedEdited, options);
  }

  return exitCode(result, options, written.skippedEdited.length > 0);
}

const MARK: Record<JobPlan['status'], string> = { converted: 'converted', unsupported: 'unsupported', error: 'error' };

/** A rejected job is marked as such whatever its status: nothing was written for it, on purpose. */
function markOf(job: ConvertJson['jobs'][number]): string {
  return job.review?.decision === 'rejected' ? 'rejected' : MARK[job.status];
}

/** Lines shown under a job: its errors, and every finding about its review answer. */
function shownDiagnostic(d: { code: string; severity: string }): boolean {
  return d.severity === 'error' || d.code.startsWith('answer-');
}

function printText(io: CliIo, result: ConvertJson, batch: Diagnostic[], skippedEdited: string[], options: ConvertOptions): void {
  for (const d of batch) io.stderr(`${formatDiagnosticLine(d)}\n`);
  for (const job of result.jobs) {
    const counts = ['error', 'warning'].map((s) => [s, job.diagnostics.filter((d) => d.severity === s).length] as const);
    const notes = counts.filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}${n > 1 ? 's' : ''}`);
    const target = job.files.find((f) => f.endsWith('.yaml'));
    io.stdout(oneLine(`${markOf(job).padEnd(11)} ${job.id}  "${job.step.name}"${target ? ` -> ${options.out}/${target}` : ''}${notes.length ? ` (${notes.join(', ')})` : ''}`) + '\n');
    for (const d of job.diagnostics.filter(shownDiagnostic)) io.stdout(`            ${oneLine(`${d.code}: ${d.message}`)}\n`);
  }
  for (const file of skippedEdited) io.stderr(`warning edited-file ${options.out}/${file}: edited by hand since it was generated; not overwritten (hint: use --force to overwrite)\n`);
  const s = result.summary;
  const verb = options.check ? 'checked' : 'converted';
  const decisions = s.rejected || s.accepted ? ` Review: ${s.accepted ?? 0} accepted, ${s.rejected ?? 0} rejected (not written).` : '';
  io.stdout(`\n${s.jobs} jobs: ${s.converted} ${verb}, ${s.unsupported} unsupported, ${s.error} failed; ${s.errors} errors, ${s.warnings} warnings.${decisions}`);
  if (options.check) io.stdout(result.check?.drift.length ? ` ${result.check.drift.length} files would change.` : ' Output is up to date.');
  else io.stdout(` Manifests and report.md in ${options.out}/.`);
  io.stdout('\n');
}

/**
 * A job a review rejected is a deliberate decision, not a failure: its status and errors do
 * not fail the run; every other job's do, as do errors not about one job.
 */
function exitCode(result: ConvertJson, options: ConvertOptions, skippedEdited: boolean): number {
  const s = result.summary;
  const counted = result.jobs.filter((j) => j.review?.decision !== 'rejected');
  const failedJob = counted.some((j) => j.status !== 'converted' || j.diagnostics.some((d) => d.severity === 'error'));
  const batchError = result.diagnostics.some((d) => d.severity === 'error');
  if (failedJob || batchError || skippedEdited) return EXIT.incomplete;
  if (options.check && (result.check?.drift.length ?? 0) > 0) return EXIT.incomplete;
  if (options.strict && s.warnings > 0) return EXIT.incomplete;
  return EXIT.ok;
}
