import { relative, resolve } from 'node:path';
import { allRules } from '../../rules/index.js';
import { TARGETS, targetList, type ProjectConfig, type TargetId } from '../config/project-config.js';
import { TARGET_EMITTERS } from '../emitters/targets.js';
import type { ConversionInputs } from '../engine/conversion.js';
import { RuleConfigError, resolveRules } from '../engine/resolve-rules.js';
import type { ActiveRule } from '../engine/run-rules.js';
import { importPaths } from '../importers/index.js';
import { UserError } from './errors.js';
import type { CliIo } from './io.js';
import { loadProjectConfig } from './load-config.js';
import { formatDiagnosticLine } from './format-diagnostic.js';

export interface LoadInputsOptions {
  /** `--target`, repeatable; absent: the config file's `target`. */
  target?: string[];
  /** `--right-size` */
  rightSize?: boolean;
  /** `--nodepools` */
  nodepools?: boolean;
  config?: string;
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

/** `--target` beats the config file's `target` (DESIGN §5); every target must have an emitter. */
function chooseTargets(flags: string[] | undefined, config: ProjectConfig): TargetId[] {
  for (const flag of flags ?? []) {
    if (!(TARGETS as readonly string[]).includes(flag)) throw new UserError(`--target ${flag}: unknown target`, `Choose from ${TARGETS.join(', ')}.`);
  }
  const targets = targetList(flags && flags.length > 0 ? (flags as TargetId[]) : config.target);
  const missing = targets.filter((t) => TARGET_EMITTERS[t] === undefined);
  if (missing.length > 0) throw new UserError(`target ${missing.join(', ')} is not available in this version`, `Use ${Object.keys(TARGET_EMITTERS).join(', ')}.`);
  return targets;
}

/**
 * Read the config file, resolve the rules and import every path. Throws a UserError when the
 * config is wrong or nothing at all could be read (after printing what went wrong per file).
 */
export async function loadConversionInputs(paths: string[], options: LoadInputsOptions, io: CliIo): Promise<ConversionInputs> {
  const { config, file: configFile } = await loadProjectConfig(io.cwd, options.config);
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
  return {
    inputs,
    config,
    ...(configFile !== undefined && { configFile }),
    targets: chooseTargets(options.target, config),
    emit: { rightSize: options.rightSize ?? false, nodePools: options.nodepools ?? false },
    rules,
    snapshots: imported.snapshots,
    diagnostics: imported.diagnostics,
  };
}

