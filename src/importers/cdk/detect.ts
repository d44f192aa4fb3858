import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareStrings } from '../../model/order.js';

/** An import of the CDK v2 library or one of its modules (`aws-cdk-lib/aws-emr`). */
const CDK_IMPORT = /\bfrom\s+['"]aws-cdk-lib(?:\/[\w-]+)*['"]|\brequire\(\s*['"]aws-cdk-lib(?:\/[\w-]+)*['"]\s*\)/;

/** Folders that hold dependencies, synthesized output or tests, never the app's own source. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'cdk.out', 'dist', 'test', '__tests__']);

function isAppSource(name: string): boolean {
  return name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.test.ts') && !name.endsWith('.spec.ts');
}

async function sourceFiles(folder: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => compareStrings(a.name, b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) await sourceFiles(path, out);
    else if (entry.isFile() && isAppSource(entry.name)) out.push(path);
  }
}

/** Whether a TypeScript text imports `aws-cdk-lib` (https://docs.aws.amazon.com/cdk/v2/guide/work-with-cdk-typescript.html). */
export function importsCdk(text: string): boolean {
  return CDK_IMPORT.test(text);
}

/**
 * The TypeScript files of a CDK app under `folder` (or `[folder]` for a lone `.ts` file), in
 * code-point order, when at least one of them imports `aws-cdk-lib`; otherwise undefined, so
 * the folder is read as an export of its own kind.
 */
export async function findCdkApp(path: string, isFolder: boolean): Promise<string[] | undefined> {
  const files: string[] = [];
  if (isFolder) await sourceFiles(path, files);
  else if (isAppSource(path)) files.push(path);
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(() => '');
    if (importsCdk(text)) return files;
  }
  return undefined;
}
