import type { ErrorObject } from 'ajv';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { formatInstancePath, type ValidationResult } from './validate-spark-application.js';

/*
 * Only the kinds emr2k8s writes are imported, one module each: the package root would load
 * every Kubernetes schema (toolchain.md, start-up cost).
 */

interface CoreKind {
  /** Builds the kubernetes-models object whose `validate()` runs the upstream OpenAPI schema. */
  model: (data: Record<string, unknown>) => { validate(): void };
  /**
   * Top-level fields of the kind. The upstream schemas allow unknown fields, but
   * `kubectl apply` (strict field validation, the default since Kubernetes 1.27) refuses them.
   */
  fields: readonly string[];
  /** The longest name the API server accepts for the kind. */
  maxName: number;
}

const TYPE_META = ['apiVersion', 'kind', 'metadata'];

/** `apiVersion/kind` → how to check it; the kinds the emitters write. */
const CORE_KINDS: Record<string, CoreKind> = {
  'v1/ServiceAccount': {
    model: (d) => new ServiceAccount(d as never),
    fields: [...TYPE_META, 'automountServiceAccountToken', 'imagePullSecrets', 'secrets'],
    maxName: 253,
  },
  'v1/ConfigMap': { model: (d) => new ConfigMap(d as never), fields: [...TYPE_META, 'data', 'binaryData', 'immutable'], maxName: 253 },
  'rbac.authorization.k8s.io/v1/Role': { model: (d) => new Role(d as never), fields: [...TYPE_META, 'rules'], maxName: 253 },
  'rbac.authorization.k8s.io/v1/RoleBinding': { model: (d) => new RoleBinding(d as never), fields: [...TYPE_META, 'roleRef', 'subjects'], maxName: 253 },
  // The Job controller labels its pods `job-name: <name>`, and a label value has at most 63 characters.
  'batch/v1/Job': { model: (d) => new Job(d as never), fields: [...TYPE_META, 'spec'], maxName: 63 },
};

/** The kinds `validateCoreObject` knows, as `apiVersion/kind`, for messages and docs. */
export const CORE_KIND_IDS: readonly string[] = Object.keys(CORE_KINDS);

// DNS-1123 subdomain (names of these kinds) and label (namespaces), as the API server checks them.
const DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function metadataErrors(obj: Record<string, unknown>, maxName: number): string[] {
  const metadata = obj.metadata as { name?: unknown; namespace?: unknown } | undefined;
  const errors: string[] = [];
  const name = metadata?.name;
  if (name === undefined) errors.push('metadata.name: required field missing');
  else if (typeof name === 'string' && (name.length > maxName || !DNS_1123_SUBDOMAIN.test(name))) {
    errors.push(`metadata.name: must be a DNS-1123 subdomain (lowercase letters, digits, - and ., at most ${maxName} characters)`);
  }
  const namespace = metadata?.namespace;
  if (typeof namespace === 'string' && (namespace.length > 63 || !DNS_1123_LABEL.test(namespace))) {
    errors.push('metadata.namespace: must be a DNS-1123 label (lowercase letters, digits and -, at most 63 characters)');
  }
  return errors;
}

/**
 * One line per failing path. A quantity that is neither a number nor a quantity string fails
 * three ways (type, format, oneOf): that is said once.
 */
function describeSchemaErrors(errors: readonly ErrorObject[]): string[] {
  const quantityPaths = new Set(errors.filter((e) => e.keyword === 'format' && (e.params as { format?: string }).format === 'quantity').map((e) => e.instancePath));
  const lines = errors.map((e) => {
    const path = e.instancePath;
    if (quantityPaths.has(path)) return `${formatInstancePath(path)}: must be a Kubernetes quantity such as 500m, 2 or 4Gi`;
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'required') return `${formatInstancePath(path, String(params.missingProperty))}: required field missing`;
    if (e.keyword === 'enum') return `${formatInstancePath(path)}: must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    return `${formatInstancePath(path)}: ${e.message ?? 'is invalid'}`;
  });
  return [...new Set(lines)];
}

function schemaErrors(kind: CoreKind, obj: Record<string, unknown>): string[] {
  try {
    kind.model(obj).validate();
    return [];
  } catch (error) {
    const list = (error as { errors?: unknown }).errors;
    if (Array.isArray(list)) return describeSchemaErrors(list as ErrorObject[]);
    return [`(root): ${error instanceof Error ? error.message : String(error)}`];
  }
}

/**
 * Validate a core Kubernetes object that an emitter is about to write (DESIGN §4 "Emitter"):
 * the upstream OpenAPI schema of the kind (kubernetes-models, generated from the Kubernetes
 * OpenAPI spec), unknown top-level fields, and the API server's name and namespace rules
 * (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/).
 * Pass the plain object you will serialize, not a model instance. A kind that is not in
 * {@link CORE_KIND_IDS} is invalid: it has no schema here, so it cannot be vouched for.
 */
export function validateCoreObject(obj: Record<string, unknown>): ValidationResult {
  const id = `${String(obj.apiVersion)}/${String(obj.kind)}`;
  const kind = CORE_KINDS[id];
  if (!kind) {
    return { valid: false, errors: [`(root): no schema for apiVersion ${JSON.stringify(obj.apiVersion)} kind ${JSON.stringify(obj.kind)}; known kinds: ${CORE_KIND_IDS.join(', ')}`] };
  }
  const unknown = Object.keys(obj).filter((key) => !kind.fields.includes(key)).map((key) => `${formatInstancePath('', key)}: unknown field (kubectl apply refuses it)`);
  const errors = [...new Set([...metadataErrors(obj, kind.maxName), ...unknown, ...schemaErrors(kind, obj)])];
  return { valid: errors.length === 0, errors };
}
