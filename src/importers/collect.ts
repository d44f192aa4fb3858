import { readdir, stat } from 'node:fs/promises';
import { sep } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { compareStrings } from '../model/order.js';
import { findCdkApp } from './cdk/detect.js';
import { fileDiagnostic } from './shared/diagnostics.js';

/** The files of one cluster: a file given alone, or the files of one folder. */
export interface ClusterInput {
  /** The path as given (or a sub-folder of it). */
  source: string;
  /** Files in code-point order. */
  files: string[];
  isFolder: boolean;
  /** Skipped entries and other findings about the folder itself. */
  diagnostics: Diagnostic[];
  /** The files are the TypeScript sources of an AWS CDK app, read together by the CDK importer. */
  cdkApp?: boolean;
}

/** A missing or unreadable path, reported under its own name. */
export interface PathProblem {
  source: string;
  diagnostic: Diagnostic;
}

function joinPath(folder: string, name: string): string {
  return folder.endsWith('/') || folder.endsWith(sep) ? folder + name : `${folder}${sep}${name}`;
}

function skipped(file: string, why: string): Diagnostic {
  return fileDiagnostic('skipped-file', 'info', { file }, `skipped: ${why}`, 'Nothing to do unless this file should have been read.');
}

async function folderClusters(folder: string, out: ClusterInput[], problems: PathProblem[]): Promise<void> {
  const cdkFiles = await findCdkApp(folder, true);
  if (cdkFiles) {
    out.push({ source: folder, files: cdkFiles, isFolder: true, diagnostics: [], cdkApp: true });
    return;
  }
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    problems.push({
      source: folder,
      diagnostic: fileDiagnostic('unreadable-file', 'error', { file: folder }, `cannot read the folder (${code})`, 'Check that you may list the folder.'),
    });
    return;
  }
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  const folders: string[] = [];
  for (const entry of entries.sort((a, b) => compareStrings(a.name, b.name))) {
    const path = joinPath(folder, entry.name);
    if (entry.name.startsWith('.')) diagnostics.push(skipped(path, 'hidden file'));
    else if (entry.isDirectory()) folders.push(path);
    else if (entry.isFile()) files.push(path);
    else if (entry.isSymbolicLink()) await followLink(path, files, diagnostics);
    else diagnostics.push(skipped(path, 'not a regular file'));
  }
  if (files.length > 0 || folders.length === 0) {
    for (const f of folders) diagnostics.push(skipped(f, 'sub-folder of a folder that holds one cluster’s files'));
    out.push({ source: folder, files, isFolder: true, diagnostics });
    return;
  }
  // A folder of folders, e.g. the output of `emr2k8s import`: one cluster per sub-folder.
  for (const d of diagnostics) problems.push({ source: folder, diagnostic: d });
  for (const f of folders) await folderClusters(f, out, problems);
}

/**
 * A link to a file is read like the file. A link to a folder is not followed (it could loop
 * back to its own folder), and a link to a pipe or device is skipped: reading one blocks
 * forever. A broken or looping link stays a file so that reading it reports why.
 */
async function followLink(path: string, files: string[], diagnostics: Diagnostic[]): Promise<void> {
  let target;
  try {
    target = await stat(path);
  } catch {
    files.push(path);
    return;
  }
  if (target.isFile()) files.push(path);
  else if (target.isDirectory()) diagnostics.push(skipped(path, 'link to a folder (not followed)'));
  else diagnostics.push(skipped(path, 'link to something that is not a regular file'));
}

/**
 * Turns the given paths into clusters (DESIGN §5 "A `<path>` is a file or a folder"):
 * a file is a cluster; a folder with files is one cluster; a folder holding only
 * sub-folders is one cluster per sub-folder.
 */
export async function collectClusters(paths: string[]): Promise<{ clusters: ClusterInput[]; problems: PathProblem[] }> {
  const clusters: ClusterInput[] = [];
  const problems: PathProblem[] = [];
  for (const path of [...new Set(paths)]) {
    let isDirectory: boolean;
    try {
      const info = await stat(path);
      isDirectory = info.isDirectory();
      if (!isDirectory && !info.isFile()) {
        // A named pipe, socket or device: reading it could block forever or never end.
        problems.push({
          source: path,
          diagnostic: fileDiagnostic('unreadable-file', 'error', { file: path }, 'not a regular file or folder (a pipe, socket or device)', 'Save the export to a file first.'),
        });
        continue;
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const what = code === 'ENOENT' ? 'no such file or folder' : `cannot read it (${code ?? 'unknown error'})`;
      problems.push({
        source: path,
        diagnostic: fileDiagnostic(code === 'ENOENT' ? 'missing-input' : 'unreadable-file', 'error', { file: path }, what, 'Check the path.'),
      });
      continue;
    }
    if (isDirectory) await folderClusters(path, clusters, problems);
    else {
      const cdkApp = (await findCdkApp(path, false)) !== undefined;
      clusters.push({ source: path, files: [path], isFolder: false, diagnostics: [], ...(cdkApp && { cdkApp }) });
    }
  }
  return { clusters, problems };
}
