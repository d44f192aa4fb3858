import { readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { closeObjectSchemas, sparkApplicationSchema } from './crd-schema.js';
import { generateValidatorModule } from './generate-validator.js';
import { validate as generated } from './generated/spark-application-validator.js';
import { createKubeAjv } from './kube-keywords.js';
import { kitchenSinkApp, mutations } from './manifest-corpus.js';

const GENERATED = new URL('./generated/spark-application-validator.js', import.meta.url);

/** What a check reports, without `schemaPath`, which shareSubschemas changes by design. */
function findings(validate: { (data: unknown): boolean; errors?: ErrorObject[] | null }, doc: unknown) {
  validate(doc);
  return (validate.errors ?? []).map(({ instancePath, keyword, params, message }) => ({ instancePath, keyword, params, message }));
}

describe('the generated SparkApplication validator', () => {
  it('is up to date with its generator (run `npm run build` if not)', () => {
    const [, ...rest] = readFileSync(GENERATED, 'utf8').split('\n');
    expect(rest.join('\n') === generateValidatorModule(), 'stale: run npm run build').toBe(true);
  });

  it('finds exactly what ajv finds with the closed CRD schema compiled as is', () => {
    // The reference: the schema without shareSubschemas, compiled at run time as the tool
    // used to. Every value of a schema-wide manifest is broken in turn, in every way.
    const reference = createKubeAjv().compile(closeObjectSchemas(sparkApplicationSchema) as object);
    const base = kitchenSinkApp();
    expect(findings(generated, base)).toEqual([]);
    const cases = mutations(base, ['x', 1.5, 2 ** 31, true, {}]);
    const differing = cases.filter(({ doc }) => JSON.stringify(findings(generated, doc)) !== JSON.stringify(findings(reference, doc)));
    for (const { name, doc } of differing.slice(0, 3)) expect(findings(generated, doc), name).toEqual(findings(reference, doc));
    expect(differing).toEqual([]);
    // The corpus does exercise the checks: most changes break the manifest.
    expect(cases.filter(({ doc }) => !reference(doc)).length).toBeGreaterThan(cases.length / 2);
  });
});
