import type { Ajv, FuncKeywordDefinition, SchemaValidateFunction } from 'ajv';

/**
 * The OpenAPI extensions that Kubernetes structural schemas use
 * (https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#specifying-a-structural-schema),
 * registered so that ajv's strict mode accepts them instead of us turning strict mode off,
 * which would also silently skip the int-or-string check.
 */

/** `x-kubernetes-int-or-string: true`: the API server accepts an integer or a string, nothing else. */
const checkIntOrString: SchemaValidateFunction = (schema: boolean, data: unknown) => {
  if (!schema || typeof data === 'string' || Number.isInteger(data)) return true;
  checkIntOrString.errors = [{ keyword: 'x-kubernetes-int-or-string', message: 'must be an integer or a string', params: {} }];
  return false;
};
const intOrString: FuncKeywordDefinition = {
  keyword: 'x-kubernetes-int-or-string',
  schemaType: 'boolean',
  errors: true,
  validate: checkIntOrString,
};

/**
 * `x-kubernetes-list-type: set | map`: the API server rejects duplicate items (`set`) or two
 * items with the same `x-kubernetes-list-map-keys` values (`map`).
 */
const checkListType: SchemaValidateFunction = (schema: string, data: unknown[], parentSchema?: Record<string, unknown>) => {
  if (schema !== 'set' && schema !== 'map') return true;
  const keys = (parentSchema?.['x-kubernetes-list-map-keys'] as string[] | undefined) ?? [];
  const seen = new Set<string>();
  for (const item of data) {
    const identity =
      schema === 'set'
        ? JSON.stringify(item)
        : JSON.stringify(keys.map((k) => (item as Record<string, unknown> | null)?.[k] ?? null));
    if (seen.has(identity)) {
      const what = schema === 'set' ? 'items' : `items with the same ${keys.join(', ')}`;
      checkListType.errors = [{ keyword: 'x-kubernetes-list-type', message: `must not hold duplicate ${what}`, params: {} }];
      return false;
    }
    seen.add(identity);
  }
  return true;
};
const listType: FuncKeywordDefinition = {
  keyword: 'x-kubernetes-list-type',
  type: 'array',
  schemaType: 'string',
  errors: true,
  validate: checkListType,
};

/** Annotations that only guide server-side apply or pruning; nothing to check in a manifest. */
const ANNOTATION_KEYWORDS = [
  'x-kubernetes-list-map-keys',
  'x-kubernetes-map-type',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource',
];

function integerRange(min: number, max: number) {
  return { type: 'number' as const, validate: (n: number) => Number.isInteger(n) && n >= min && n <= max };
}

// RFC 3339 as Kubernetes' metav1.Time parses it.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Register the Kubernetes keywords and the OpenAPI formats the SparkApplication schema uses. */
export function addKubernetesVocabulary(ajv: Ajv): void {
  ajv.addKeyword(intOrString);
  ajv.addKeyword(listType);
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword });
  ajv.addFormat('int32', integerRange(-(2 ** 31), 2 ** 31 - 1));
  ajv.addFormat('int64', integerRange(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER));
  ajv.addFormat('date-time', DATE_TIME);
}
