import { relative, resolve } from 'node:path';
import { allRules } from '../../rules/index.js';
import type { ProjectConfig } from '../config/project-config.js';
import type { ConversionInputs } from '../engine/conversion.js';
import { RuleConfigError, resolveRules } from '../engine/resolve-rules.js';
import type { ActiveRule } from '../engine/run-rules.js';
import { importPaths } from '../importers/index.js';
import { UserError } from './errors.js';
import type { CliIo } from './io.js';
import { loadProjectConfig } from './load-config.js';
import { formatDiagnosticLine } from './format-diagnostic.js';

export interface LoadInputsOptions {
  /** Absent: the config file's `target`. */
  target?: string;
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
    // Flags beat the config file (DESIGN §5); the flag's choices and the config schema admit
    // only targets that have an emitter.
    target: (options.target ?? config.target) as ProjectConfig['target'],
    rules,
    snapshots: imported.snapshots,
    diagnostics: imported.diagnostics,
  };
}

