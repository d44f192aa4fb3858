import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { load, YAMLException } from 'js-yaml';
import type { z } from 'zod';
import { defaultProjectConfig, projectConfigSchema, type ProjectConfig } from '../config/project-config.js';
import { UserError } from './errors.js';

const CONFIG_NAMES = ['emr2k8s.config.yaml', 'emr2k8s.config.yml', 'emr2k8s.config.json'];

export interface LoadedConfig {
  config: ProjectConfig;
  /** The file it came from, as shown in messages; undefined when defaults are used. */
  file?: string;
}

/** The nearest `emr2k8s.config.{yaml,yml,json}` from `cwd` upward, if any. */
function findConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const found = CONFIG_NAMES.map((n) => join(dir, n)).find((p) => existsSync(p));
    if (found) return found;
    if (dirname(dir) === dir) return undefined;
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => (path ? `${path}.${k}` : k));
    return `unknown key ${keys.map((k) => `"${k}"`).join(', ')}`;
  }
  return `${path || '(top level)'}: ${issue.message}`;
}

/**
 * Load and validate the project config (DESIGN §5). `--config` wins over the search; an
 * unknown key or a bad value is a one-line error naming the key and the file.
 */
export async function loadProjectConfig(cwd: string, explicit?: string): Promise<LoadedConfig> {
  const path = explicit ? resolve(cwd, explicit) : findConfig(cwd);
  if (!path) return { config: defaultProjectConfig() };
  const shown = explicit ?? (relative(cwd, path) || path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UserError(`${shown}: cannot read the config file`, 'Check the path given to --config.');
  }
  let raw: unknown;
  try {
    raw = load(text.replace(/^\uFEFF/, '')) ?? {};
  } catch (error) {
    if (error instanceof YAMLException) {
      const mark = error.mark ? `:${error.mark.line + 1}:${error.mark.column + 1}` : '';
      throw new UserError(`${shown}${mark}: ${error.reason}`, 'Fix the YAML syntax of the config file.');
    }
    throw error;
  }
  const parsed = projectConfigSchema().safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new UserError(`${shown}: ${first ? describeIssue(first) : 'invalid config'}`, 'See docs/config.md for the keys the config file accepts.');
  }
  return { config: parsed.data, file: shown };
}
