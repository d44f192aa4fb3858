import { resolve } from 'node:path';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { JobPlan } from '../../model/job-plan.js';
import type { ReportData } from '../../emitters/report/index.js';
import { writeOutput } from '../../output/write-files.js';
import { EXIT } from '../errors.js';
import type { CliIo } from '../io.js';
import { formatDiagnosticLine, oneLine } from '../format-diagnostic.js';
import { convertInputs } from '../../engine/conversion.js';
import { loadConversionInputs, type LoadInputsOptions } from '../conversion.js';

export interface ConvertOptions extends LoadInputsOptions {
  out: string;
  format: 'text' | 'json';
  check: boolean;
  strict: boolean;
  force: boolean;
}

/**
 * The `--format json` document: the scripting contract (DESIGN §5), additive changes only.
 * It is `report.json` plus where the output went and, with `--check`, what would change.
 */
export type ConvertJson = ReportData & { outDir: string; check?: { drift: string[] } };

/** `emr2k8s convert <path...>`: EMR exports in, validated SparkApplications out. */
export async function runConvert(paths: string[], options: ConvertOptions, io: CliIo): Promise<number> {
  const loaded = await loadConversionInputs(paths, options, io);
  const conversion = convertInputs(loaded);

  const outDir = resolve(io.cwd, options.out);
  const written = await writeOutput(outDir, conversion.files, { check: options.check, force: options.force });
  const result: ConvertJson = { ...conversion.report, outDir: options.out };
  if (options.check) result.check = { drift: written.drift };

  if (options.format === 'json') io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else printText(io, result, conversion.diagnostics, written.skippedEdited, options);

  return exitCode(result, options, written.skippedEdited.length > 0);
}

const MARK: Record<JobPlan['status'], string> = { converted: 'converted', unsupported: 'unsupported', error: 'error' };

function printText(io: CliIo, result: ConvertJson, batch: Diagnostic[], skippedEdited: string[], options: ConvertOptions): void {
  for (const d of batch) io.stderr(`${formatDiagnosticLine(d)}\n`);
  for (const job of result.jobs) {
    const counts = ['error', 'warning'].map((s) => [s, job.diagnostics.filter((d) => d.severity === s).length] as const);
    const notes = counts.filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}${n > 1 ? 's' : ''}`);
    const target = job.files.find((f) => f.endsWith('.yaml'));
    io.stdout(oneLine(`${MARK[job.status].padEnd(11)} ${job.id}  "${job.step.name}"${target ? ` -> ${options.out}/${target}` : ''}${notes.length ? ` (${notes.join(', ')})` : ''}`) + '\n');
    for (const d of job.diagnostics.filter((x) => x.severity === 'error')) io.stdout(`            ${oneLine(`${d.code}: ${d.message}`)}\n`);
  }
  for (const file of skippedEdited) io.stderr(`warning edited-file ${options.out}/${file}: edited by hand since it was generated; not overwritten (hint: use --force to overwrite)\n`);
  const s = result.summary;
  const verb = options.check ? 'checked' : 'converted';
  io.stdout(`\n${s.jobs} jobs: ${s.converted} ${verb}, ${s.unsupported} unsupported, ${s.error} failed; ${s.errors} errors, ${s.warnings} warnings.`);
  if (options.check) io.stdout(result.check?.drift.length ? ` ${result.check.drift.length} files would change.` : ' Output is up to date.');
  else io.stdout(` Manifests and report.md in ${options.out}/.`);
  io.stdout('\n');
}

function exitCode(result: ConvertJson, options: ConvertOptions, skippedEdited: boolean): number {
  const s = result.summary;
  if (s.unsupported > 0 || s.error > 0 || s.errors > 0 || skippedEdited) return EXIT.incomplete;
  if (options.check && (result.check?.drift.length ?? 0) > 0) return EXIT.incomplete;
  if (options.strict && s.warnings > 0) return EXIT.incomplete;
  return EXIT.ok;
}
