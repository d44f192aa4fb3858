#!/usr/bin/env node
/**
 * Generates the SparkApplication validator module (src/validate/generate-validator.ts says
 * what it holds and why), so that the tool does not compile the CRD schema at run time.
 * build.mjs runs this first; by hand: `node scripts/generate-validator.mjs`.
 *
 * The generator is TypeScript, so it is bundled with esbuild and run from node_modules/.cache.
 * The module's first line records a digest of that bundle (which holds the schema, the
 * keywords and the post-processing) and of the ajv version; while it matches, the module is
 * up to date and is left alone, which keeps `npm run build` fast.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIGEST_PREFIX = '// inputs sha256:';
/** The generated module, relative to the project root; src/validate/validate-spark-application.ts imports it. */
export const GENERATED_VALIDATOR_PATH = 'src/validate/generated/spark-application-validator.js';

function readFirstLine(path) {
  try {
    return readFileSync(path, 'utf8').split('\n', 1)[0];
  } catch {
    return undefined;
  }
}

/**
 * Writes the validator module unless it is up to date.
 * @returns {Promise<{ path: string, written: boolean }>} the module's path, relative to the project root
 */
export async function generateValidator() {
  const bundle = await build({
    entryPoints: [join(root, 'src/validate/generate-validator.ts')],
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const generator = bundle.outputFiles[0].text;
  const ajvVersion = createRequire(import.meta.url)('ajv/package.json').version;
  const digest = createHash('sha256').update(`ajv ${ajvVersion}\n${generator}`).digest('hex');

  const target = join(root, GENERATED_VALIDATOR_PATH);
  if (readFirstLine(target) === `${DIGEST_PREFIX}${digest}`) return { path: GENERATED_VALIDATOR_PATH, written: false };

  // Run from inside the project, so that the bundle's imports of ajv resolve.
  const cacheDir = join(root, 'node_modules/.cache/emr2k8s');
  mkdirSync(cacheDir, { recursive: true });
  const generatorFile = join(cacheDir, 'generate-validator.mjs');
  writeFileSync(generatorFile, generator);
  const { generateValidatorModule } = await import(`${pathToFileURL(generatorFile).href}?${digest}`);
  const source = `${DIGEST_PREFIX}${digest}\n${generateValidatorModule()}`;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.tmp`, source);
  renameSync(`${target}.tmp`, target);
  return { path: GENERATED_VALIDATOR_PATH, written: true };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { path, written } = await generateValidator();
  process.stdout.write(`${path}: ${written ? 'generated' : 'up to date'}\n`);
}
