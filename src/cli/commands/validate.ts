import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../../model/diagnostic.js';
import { compareStrings } from '../../model/order.js';
import { validateManifestText } from '../../validate/index.js';
import { EXIT, UserError } from '../errors.js';
import { formatDiagnosticLine } from '../format-diagnostic.js';
import type { CliIo } from '../io.js';

async function yamlFilesUnder(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UserError(`${path}: no such file or folder`, 'Check the path.');
  if (info.isFile()) return [path];
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => compareStrings(a.name, b.name));
  const nested = await Promise.all(
    entries
      .filter((e) => !e.name.startsWith('.'))
      .map((e) => (e.isDirectory() ? yamlFilesUnder(join(path, e.name)) : Promise.resolve(/\.ya?ml$/.test(e.name) ? [join(path, e.name)] : []))),
  );
  return nested.flat();
}

/** `emr2k8s validate <file|dir...>`: every document checked against its schema. */
export async function runValidate(paths: string[], options: { format: 'text' | 'json' }, io: CliIo): Promise<number> {
  const files = (await Promise.all(paths.map(yamlFilesUnder))).flat();
  const results: Array<{ file: string; diagnostics: Diagnostic[] }> = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    results.push({ file, diagnostics: validateManifestText(text, file) });
  }
  const errors = results.flatMap((r) => r.diagnostics).filter((d) => d.severity === 'error');
  if (options.format === 'json') {
    const json = {
      schemaVersion: 1,
      files: results.map((r) => ({
        file: r.file,
        valid: !r.diagnostics.some((d) => d.severity === 'error'),
        diagnostics: r.diagnostics.map(({ code, severity, message, location }) => ({ code, severity, message, line: location?.line })),
      })),
      summary: { files: results.length, invalid: results.filter((r) => r.diagnostics.some((d) => d.severity === 'error')).length },
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    for (const r of results) r.diagnostics.forEach((d) => io.stdout(`${formatDiagnosticLine(d)}\n`));
    io.stdout(`${results.length} files checked, ${errors.length} errors.\n`);
  }
  return errors.length > 0 ? EXIT.incomplete : EXIT.ok;
}
