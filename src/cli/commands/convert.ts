import { relative, resolve } from 'node:path';
import { allRules } from '../../../rules/index.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { JobPlan } from '../../model/job-plan.js';
import { convertSnapshots } from '../../engine/convert-batch.js';
import { RuleConfigError, resolveRules } from '../../engine/resolve-rules.js';
import { emitSparkOperator } from '../../emitters/spark-operator/index.js';
import { emitReport } from '../../emitters/report/index.js';
import type { EmittedFile } from '../../emitters/emitted-file.js';
import { importPaths } from '../../importers/index.js';
import { writeOutput } from '../../output/write-files.js';
import { VERSION } from '../../version.js';
import { EXIT, UserError } from '../errors.js';
import type { CliIo } from '../io.js';
import { loadProjectConfig } from '../load-config.js';
import { formatDiagnosticLine, oneLine } from '../format-diagnostic.js';

export interface ConvertOptions {
  out: string;
  target: string;
  config?: string;
  format: 'text' | 'json';
  check: boolean;
  strict: boolean;
  force: boolean;
}

/** The `--format json` document: the scripting contract (DESIGN §5), additive changes only. */
export interface ConvertJson {
  schemaVersion: 1;
  outDir: string;
  jobs: Array<{
    id: string;
    cluster: string;
    step: { id: string; name: string };
    kind: string;
    status: JobPlan['status'];
    files: string[];
    foldedRuns: number;
    diagnostics: Array<Pick<Diagnostic, 'code' | 'severity' | 'message'>>;
  }>;
  diagnostics: Array<Pick<Diagnostic, 'code' | 'severity' | 'message'> & { file?: string; line?: number; column?: number }>;
  summary: { jobs: number; converted: number; unsupported: number; error: number; warnings: number; errors: number };
  check?: { drift: string[] };
}

const brief = ({ code, severity, message }: Diagnostic) => ({ code, severity, message });

function summarize(plans: JobPlan[], batch: Diagnostic[]): ConvertJson['summary'] {
  const all = [...batch, ...plans.flatMap((p) => p.diagnostics)];
  return {
    jobs: plans.length,
    converted: plans.filter((p) => p.status === 'converted').length,
    unsupported: plans.filter((p) => p.status === 'unsupported').length,
    error: plans.filter((p) => p.status === 'error').length,
    warnings: all.filter((d) => d.severity === 'warning').length,
    errors: all.filter((d) => d.severity === 'error').length,
  };
}

/** `emr2k8s convert <path...>`: EMR exports in, validated SparkApplications out. */
export async function runConvert(paths: string[], options: ConvertOptions, io: CliIo): Promise<number> {
  if (options.target !== 'spark-operator') {
    throw new UserError(`--target ${options.target} is not available yet`, 'Use --target spark-operator.');
  }
  const { config, file: configFile } = await loadProjectConfig(io.cwd, options.config);
  let rules;
  try {
    rules = resolveRules(allRules, config.rules);
  } catch (error) {
    if (error instanceof RuleConfigError) throw new UserError(`${configFile}: ${error.message}`, 'See `emr2k8s rules list` and docs/config.md.');
    throw error;
  }

  const imported = await importPaths(paths.map((p) => relative(io.cwd, resolve(io.cwd, p)) || '.'));
  if (imported.snapshots.length === 0) {
    imported.diagnostics.forEach((d) => io.stderr(`${formatDiagnosticLine(d)}\n`));
    throw new UserError('no readable EMR input in the given paths', 'Give describe-cluster, list-steps, --steps or RunJobFlow files, or folders of them.');
  }

  const batch = convertSnapshots(imported.snapshots, rules, config);
  const locations = Object.fromEntries(batch.jobs.map((j) => [j.id, j.locations]));
  const emitted = emitSparkOperator(batch.plans, { locations });
  attachEmitterDiagnostics(batch.plans, emitted.diagnostics);
  const batchDiagnostics = [...imported.diagnostics, ...batch.diagnostics];
  const files: EmittedFile[] = [
    ...emitted.files,
    ...emitReport({ plans: batch.plans, files: emitted.files, diagnostics: batchDiagnostics, inputs: paths, toolVersion: VERSION }),
  ];

  const outDir = resolve(io.cwd, options.out);
  const written = await writeOutput(outDir, files, { check: options.check, force: options.force });
  const result = toJson(options.out, batch.plans, emitted.files, batchDiagnostics, options.check ? written.drift : undefined);

  if (options.format === 'json') io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else printText(io, result, batchDiagnostics, written.skippedEdited, options);

  return exitCode(result, options, written.skippedEdited.length > 0);
}

function attachEmitterDiagnostics(plans: JobPlan[], diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    const plan = plans.find((p) => p.jobId === d.jobId);
    if (!plan) continue;
    plan.diagnostics.push(d);
    if (d.severity === 'error') plan.status = 'error';
  }
}

function toJson(outDir: string, plans: JobPlan[], files: EmittedFile[], batch: Diagnostic[], drift?: string[]): ConvertJson {
  const json: ConvertJson = {
    schemaVersion: 1,
    outDir,
    jobs: plans.map((p) => ({
      id: p.jobId,
      cluster: p.source.cluster.key,
      step: { id: p.source.step.key, name: p.source.step.name },
      kind: p.kind,
      status: p.status,
      files: files.filter((f) => f.jobId === p.jobId).map((f) => f.path),
      foldedRuns: p.source.foldedRuns,
      diagnostics: p.diagnostics.map(brief),
    })),
    diagnostics: batch.map((d) => ({ ...brief(d), ...pickLocation(d) })),
    summary: summarize(plans, batch),
  };
  if (drift) json.check = { drift };
  return json;
}

function pickLocation(d: Diagnostic): { file?: string; line?: number; column?: number } {
  const { file, line, column } = d.location ?? {};
  return { ...(file ? { file } : {}), ...(line ? { line } : {}), ...(column ? { column } : {}) };
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
