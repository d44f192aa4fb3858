// Bundles src/cli.ts into dist/ with esbuild (scripts/bundle-options.mjs says what is bundled
// and why); splitting keeps lazily imported commands out of the start-up path.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import process from 'node:process';
import { bundleOptions } from './scripts/bundle-options.mjs';
import { generateValidator } from './scripts/generate-validator.mjs';
import { precompileTemplates } from './scripts/precompile-templates.mjs';

// First, what src/ imports but is made at build time, so that no run pays for it: the
// SparkApplication validator (the CRD schema compiled by ajv) and the built-in Handlebars templates.
for (const generated of [await generateValidator(), await precompileTemplates()]) {
  if (generated.written) process.stderr.write(`generated ${generated.path}\n`);
}

rmSync('dist', { recursive: true, force: true });
await build(bundleOptions('dist'));
chmodSync('dist/cli.js', 0o755);
