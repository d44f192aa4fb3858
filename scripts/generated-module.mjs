/**
 * What scripts/generate-validator.mjs and scripts/precompile-templates.mjs share: a module of
 * src/ that is made at build time from TypeScript sources, and rewritten only when those change.
 *
 * The sources are bundled with esbuild and evaluated from node_modules/.cache (so that their
 * imports of installed packages resolve). The module's first line records a digest of that
 * bundle and of the versions of the packages that shape the output; while it matches, the
 * module is up to date and is left alone, which keeps `npm run build` fast.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIGEST_PREFIX = '// inputs sha256:';

function readFirstLine(path) {
  try {
    return readFileSync(path, 'utf8').split('\n', 1)[0];
  } catch {
    return undefined;
  }
}

/**
 * @param {{ entry: string, target: string, versions: string, render: (sources: Record<string, unknown>) => string }} spec
 *   `entry` and `target` relative to the project root; `versions` names the packages' versions
 *   that change the output; `render` turns the evaluated entry module into the module's text.
 * @returns {Promise<{ path: string, written: boolean }>}
 */
export async function writeGeneratedModule({ entry, target, versions, render }) {
  const bundle = await build({
    entryPoints: [join(root, entry)],
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const code = bundle.outputFiles[0].text;
  const digest = createHash('sha256').update(`${versions}\n${code}`).digest('hex');
  const path = join(root, target);
  if (readFirstLine(path) === `${DIGEST_PREFIX}${digest}`) return { path: target, written: false };

  const cacheDir = join(root, 'node_modules/.cache/emr2k8s');
  mkdirSync(cacheDir, { recursive: true });
  const evaluated = join(cacheDir, `${target.replace(/[^\w.-]+/g, '_')}.source.mjs`);
  writeFileSync(evaluated, code);
  const sources = await import(`${pathToFileURL(evaluated).href}?${digest}`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, `${DIGEST_PREFIX}${digest}\n${render(sources)}`);
  renameSync(`${path}.tmp`, path);
  return { path: target, written: true };
}
