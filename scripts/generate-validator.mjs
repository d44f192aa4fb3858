#!/usr/bin/env node
/**
 * Generates the SparkApplication validator module (src/validate/generate-validator.ts says
 * what it holds and why), so that the tool does not compile the CRD schema at run time.
 * build.mjs runs this first; by hand: `node scripts/generate-validator.mjs`. The generator is
 * TypeScript; scripts/generated-module.mjs runs it and keeps the module until its inputs (the
 * schema, the keywords, the post-processing, the ajv version) change.
 */
import { createRequire } from 'node:module';
import process from 'node:process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGeneratedModule } from './generated-module.mjs';

/** The generated module, relative to the project root; src/validate/validate-spark-application.ts imports it. */
export const GENERATED_VALIDATOR_PATH = 'src/validate/generated/spark-application-validator.js';

/** Writes the validator module unless it is up to date. */
export function generateValidator() {
  return writeGeneratedModule({
    entry: 'src/validate/generate-validator.ts',
    target: GENERATED_VALIDATOR_PATH,
    versions: `ajv ${createRequire(import.meta.url)('ajv/package.json').version}`,
    render: ({ generateValidatorModule }) => generateValidatorModule(),
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { path, written } = await generateValidator();
  process.stdout.write(`${path}: ${written ? 'generated' : 'up to date'}\n`);
}
