#!/usr/bin/env node
/**
 * Copies the SparkApplication v1beta2 `openAPIV3Schema` out of the upstream Kubeflow Spark
 * Operator CRD into `src/validate/schemas/`, so the shipped tool validates offline without
 * reading the reference folder at run time. Re-run after refreshing the CRD copy:
 *
 *   node scripts/extract-crd-schema.mjs [path/to/sparkoperator.k8s.io_sparkapplications.yaml]
 *
 * The next `npm run build` then regenerates the validator from it (scripts/generate-validator.mjs).
 *
 * Source: https://github.com/kubeflow/spark-operator/blob/v2.5.2/charts/spark-operator-chart/crds/sparkoperator.k8s.io_sparkapplications.yaml
 */
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const crdPath = resolve(
  process.argv[2] ?? resolve(root, '../shared/reference/crds/v2.5.2/sparkoperator.k8s.io_sparkapplications.yaml'),
);
const outPath = resolve(root, 'src/validate/schemas/sparkapplication-v1beta2.json');

const crd = load(readFileSync(crdPath, 'utf8'));
const version = crd?.spec?.versions?.find((v) => v.name === 'v1beta2');
const schema = version?.schema?.openAPIV3Schema;
if (crd?.kind !== 'CustomResourceDefinition' || crd.spec.names?.kind !== 'SparkApplication' || !schema) {
  process.stderr.write(`${crdPath}: not a SparkApplication CRD with a v1beta2 openAPIV3Schema\n`);
  process.exit(1);
}
writeFileSync(outPath, `${JSON.stringify(schema, null, 1)}\n`);
process.stdout.write(`wrote ${outPath} from ${crdPath}\n`);
