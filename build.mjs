// Bundles src/cli.ts into dist/ with esbuild. Dependencies stay external (bundling them
// breaks dynamic requires and CJS interop); splitting keeps lazily imported commands out
// of the start-up path (toolchain.md: --help 0.13 s instead of 1.4 s).
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import process from 'node:process';
import { generateValidator } from './scripts/generate-validator.mjs';

// First, the SparkApplication validator that src/validate imports: the CRD schema compiled
// ahead of time, so that the tool does not spend most of a second compiling it on each run.
const validator = await generateValidator();
if (validator.written) process.stderr.write(`generated ${validator.path}\n`);

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
chmodSync('dist/cli.js', 0o755);
