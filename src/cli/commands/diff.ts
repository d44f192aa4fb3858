import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { diffObjects, DuplicateObjectError } from '../../diff/diff-objects.js';
import { formatDiffText } from '../../diff/format-text.js';
import { ManifestParseError, parseManifests, type ManifestObject } from '../../diff/parse-manifests.js';
import { compareStrings } from '../../model/order.js';
import { EXIT, UserError } from '../errors.js';
import type { CliIo } from '../io.js';

/** Files a folder may hold manifests in; report.md, READMEs and the like are not read. */
const MANIFEST_FILE = /\.(ya?ml|json)$/i;

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

/**
 * Manifest files under `shown` (a path as the user typed it; read relative to `cwd`):
 * the file itself, or every .yaml/.yml/.json file below the folder, recursively, in
 * code-point order, skipping dotfiles and dot-folders (such as `.emr2k8s-state.json`).
 */
async function manifestFiles(cwd: string, shown: string, top: boolean): Promise<string[]> {
  const info = await stat(resolve(cwd, shown)).catch((error: unknown) => {
    if (top && reason(error) === 'ENOENT') throw new UserError(`${shown}: no such file or folder`, 'Check the path.');
    if (top) throw new UserError(`${shown}: cannot read (${reason(error)})`, 'Check the path and its permissions.');
    return undefined; // a dangling link inside a folder is not a manifest
  });
  if (!info) return [];
  if (!info.isDirectory()) return top || MANIFEST_FILE.test(shown) ? [shown] : [];
  const entries = await readdir(resolve(cwd, shown)).catch((error: unknown) => {
    throw new UserError(`${shown}: cannot read the folder (${reason(error)})`, 'Check its permissions.');
  });
  const names = entries.filter((name) => !name.startsWith('.')).sort(compareStrings);
  const nested: string[] = [];
  for (const name of names) nested.push(...(await manifestFiles(cwd, join(shown, name), false)));
  return nested;
}

/** Every Kubernetes object of one side of the diff; one line naming the file on trouble. */
async function readSide(cwd: string, path: string): Promise<ManifestObject[]> {
  const objects: ManifestObject[] = [];
  for (const file of await manifestFiles(cwd, path, true)) {
    const text = await readFile(resolve(cwd, file), 'utf8').catch((error: unknown) => {
      throw new UserError(`${file}: cannot read (${reason(error)})`, 'Check the permissions of the file.');
    });
    try {
      objects.push(...parseManifests(text, file));
    } catch (error) {
      if (!(error instanceof ManifestParseError)) throw error;
      throw new UserError(error.message.replace(/\s+/g, ' '), 'Fix the YAML at that line; diff reads YAML or JSON manifests.');
    }
  }
  return objects;
}

/**
 * `emr2k8s diff <old> <new>`: semantic diff of two manifest files or folders (docs/diff.md).
 * Exit 0 when they mean the same, 1 when they differ, 2 (via UserError) when a side cannot
 * be read, does not parse, or defines an object twice.
 */
export async function runDiff(oldPath: string, newPath: string, options: { format: 'text' | 'json' }, io: CliIo): Promise<number> {
  const oldObjects = await readSide(io.cwd, oldPath);
  const newObjects = await readSide(io.cwd, newPath);
  let result;
  try {
    result = diffObjects(oldObjects, newObjects);
  } catch (error) {
    if (!(error instanceof DuplicateObjectError)) throw error;
    throw new UserError(error.message, 'An object (apiVersion, kind, namespace, name) may appear once on each side.');
  }
  for (const [path, objects] of [[oldPath, oldObjects], [newPath, newObjects]] as const) {
    if (objects.length === 0) io.stderr(`note: ${path} holds no Kubernetes objects (documents with apiVersion and kind)\n`);
  }
  if (options.format === 'json') io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout(formatDiffText(result, io.isTty));
  return result.same ? EXIT.ok : EXIT.incomplete;
}
