import { relative, resolve } from 'node:path';
import { allRules } from '../../../rules/index.js';
import type { ProjectConfig } from '../../config/project-config.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { JobPlan } from '../../model/job-plan.js';
import { convertSnapshots } from '../../engine/convert-batch.js';
import { RuleConfigError, resolveRules } from '../../engine/resolve-rules.js';
import type { ActiveRule } from '../../engine/run-rules.js';
import { emitSparkOperator } from '../../emitters/spark-operator/index.js';
import { buildReportData, emitReport, type ReportData } from '../../emitters/report/index.js';
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
  /** Absent: the config file's `target`. */
  target?: string;
  config?: string;
  format: 'text' | 'json';
  check: boolean;
  strict: boolean;
  force: boolean;
  /** `--param Name=Value`, repeatable: CloudFormation parameters. */
  param?: string[];
  region?: string;
}

/** `Name=Value` pairs, split at the first `=`, as CloudFormation's own `--parameter-overrides`. */
function parseParams(pairs: string[] = []): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UserError(`--param ${pair}: expected Name=Value`, 'For example --param Environment=prod.');
    params[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return params;
}

/**
 * The `--format json` document: the scripting contract (DESIGN §5), additive changes only.
 * It is `report.json` plus where the output went and, with `--check`, what would change.
 */
export type ConvertJson = ReportData & { outDir: string; check?: { drift: string[] } };

const EMITTERS: Record<ProjectConfig['target'], typeof emitSparkOperator> = {
  'spark-operator': emitSparkOperator,
};

/** `emr2k8s convert <path...>`: EMR exports in, validated SparkApplications out. */
export async function runConvert(paths: string[], options: ConvertOptions, io: CliIo): Promise<number> {
  const { config, file: configFile } = await loadProjectConfig(io.cwd, options.config);
  // Flags beat the config file (DESIGN §5); the flag's choices and the config schema admit only
  // targets that have an emitter.
  const emit = EMITTERS[(options.target ?? config.target) as ProjectConfig['target']];
  let rules: ActiveRule[];
  try {
    rules = resolveRules(allRules, config.rules);
  } catch (error) {
    if (error instanceof RuleConfigError) throw new UserError(`${configFile}: ${error.message}`, 'See `emr2k8s rules list` and docs/config.md.');
    throw error;
  }

  // Paths as seen from the working folder, so that no absolute path of this machine reaches the output.
  const inputs = paths.map((p) => relative(io.cwd, resolve(io.cwd, p)) || '.');
  const imported = await importPaths(inputs, {
    params: parseParams(options.param),
    ...(options.region !== undefined && { region: options.region }),
  });
  if (imported.snapshots.length === 0) {
    imported.diagnostics.forEach((d) => io.stderr(`${formatDiagnosticLine(d)}\n`));
    throw new UserError('no readable EMR input in the given paths', 'Give describe-cluster, list-steps, --steps or RunJobFlow files, or folders of them.');
  }

  const batch = convertSnapshots(imported.snapshots, rules, config);
  const locations = Object.fromEntries(batch.jobs.map((j) => [j.id, j.locations]));
  const emitted = emit(batch.plans, { locations });
  attachEmitterDiagnostics(batch.plans, emitted.diagnostics);
  const batchDiagnostics = [...imported.diagnostics, ...batch.diagnostics];
  const reportInput = { plans: batch.plans, files: emitted.files, diagnostics: batchDiagnostics, inputs, toolVersion: VERSION };
  const files: EmittedFile[] = [...emitted.files, ...emitReport(reportInput)];

  const outDir = resolve(io.cwd, options.out);
  const written = await writeOutput(outDir, files, { check: options.check, force: options.force });
  const result: ConvertJson = { ...buildReportData(reportInput), outDir: options.out };
  if (options.check) result.check = { drift: written.drift };

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
