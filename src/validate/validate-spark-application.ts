import type { ErrorObject } from 'ajv';
import { validate as validateSchema } from './generated/spark-application-validator.js';

export interface ValidationResult {
  valid: boolean;
  /** One line per problem, `spec.driver.cores: must be integer`, in a stable order. */
  errors: string[];
}

let firstCallMs: number | undefined;

/**
 * The schema check. The CRD schema is compiled when the project is built
 * (src/validate/generate-validator.ts), since compiling it here would cost most of a second.
 */
function checkSchema(obj: unknown): ErrorObject[] {
  const started = performance.now();
  const valid = validateSchema(obj);
  firstCallMs ??= performance.now() - started;
  return valid ? [] : (validateSchema.errors ?? []);
}

/**
 * Milliseconds the first schema check took, once it has run; for benchmarks and `--debug`.
 * The schema is compiled at build time: what is left of compiling is V8 compiling the
 * generated functions that the first manifest reaches.
 */
export function schemaCompileMs(): number | undefined {
  return firstCallMs;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `/spec/sparkConf/spark.x/0` → `spec.sparkConf["spark.x"][0]`: readable, and unambiguous for dotted keys. */
export function formatInstancePath(pointer: string, extra?: string): string {
  const parts = pointer === '' ? [] : pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  let out = '';
  for (const part of parts) {
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else if (IDENTIFIER.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out || '(root)';
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${formatInstancePath(error.instancePath, String(params.additionalProperty))}: unknown field (the API server would drop it)`;
    case 'required':
      return `${formatInstancePath(error.instancePath, String(params.missingProperty))}: required field missing`;
    case 'enum':
      return `${formatInstancePath(error.instancePath)}: must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'format':
      return `${formatInstancePath(error.instancePath)}: must be a valid ${String(params.format)}`;
    default:
      return `${formatInstancePath(error.instancePath)}: ${error.message ?? 'is invalid'}`;
  }
}

// DNS-1035 label: the operator's validating webhook (v2.4.0+) rejects any other name (facts §7.4).
const DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
// DNS-1123 label: what the API server accepts as a namespace.
const DNS_1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function metadataErrors(obj: unknown): string[] {
  const metadata = (obj as { metadata?: { name?: unknown; namespace?: unknown } } | null)?.metadata;
  const errors: string[] = [];
  const name = metadata?.name;
  if (name === undefined) errors.push('metadata.name: required field missing');
  else if (typeof name !== 'string' || name.length > 63 || !DNS_1035.test(name)) {
    errors.push('metadata.name: must be a DNS-1035 label (lowercase letters, digits and -, starting with a letter, at most 63 characters)');
  }
  const namespace = metadata?.namespace;
  if (namespace !== undefined && (typeof namespace !== 'string' || namespace.length > 63 || !DNS_1123.test(namespace))) {
    errors.push('metadata.namespace: must be a DNS-1123 label (lowercase letters, digits and -, at most 63 characters)');
  }
  return errors;
}

/**
 * Validate a SparkApplication against the upstream `sparkoperator.k8s.io/v1beta2` CRD schema
 * (https://github.com/kubeflow/spark-operator/blob/v2.5.2/charts/spark-operator-chart/crds/sparkoperator.k8s.io_sparkapplications.yaml),
 * with unknown fields treated as errors, plus the operator webhook's name rule and the API
 * server's namespace rule
 * (https://github.com/kubeflow/spark-operator/blob/v2.5.2/internal/webhook/sparkapplication_validator.go).
 */
export function validateSparkApplication(obj: unknown): ValidationResult {
  const raw = checkSchema(obj);
  // A wrong type also fails its format (`must be integer` and `must be a valid int32`): keep the first.
  const typed = new Set(raw.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const schemaErrors = raw.filter((e) => e.keyword !== 'format' || !typed.has(e.instancePath)).map(describe);
  const errors = [...new Set([...metadataErrors(obj), ...schemaErrors])];
  return { valid: errors.length === 0, errors };
}
