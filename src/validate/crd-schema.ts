import schema from './schemas/sparkapplication-v1beta2.json' with { type: 'json' };

/**
 * The upstream SparkApplication `v1beta2` schema (kubeflow/spark-operator v2.5.2,
 * `charts/spark-operator-chart/crds/sparkoperator.k8s.io_sparkapplications.yaml`), as copied
 * by `scripts/extract-crd-schema.mjs`.
 */
export const sparkApplicationSchema: unknown = schema;

type SchemaNode = Record<string, unknown>;

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy of a CRD schema made strict about unknown fields. The API server silently prunes
 * fields a structural schema does not declare, so a typo in a manifest would vanish without
 * a word; here every object schema that lists `properties` and does not say
 * `x-kubernetes-preserve-unknown-fields: true` rejects other keys instead.
 * Where `x-kubernetes-int-or-string` is set, its `anyOf` of integer and string is removed:
 * the keyword performs the same check with one clear message.
 */
export function closeObjectSchemas(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjectSchemas);
  if (!isNode(node)) return node;
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'anyOf' && node['x-kubernetes-int-or-string'] === true) continue;
    if (key === 'properties' && isNode(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, closeObjectSchemas(sub)]));
    } else if (key === 'enum' || key === 'required' || key === 'default') {
      out[key] = value;
    } else {
      out[key] = closeObjectSchemas(value);
    }
  }
  if (isNode(node.properties) && node['x-kubernetes-preserve-unknown-fields'] !== true && node.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  return out;
}
