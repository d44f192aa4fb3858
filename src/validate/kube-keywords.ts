import { _, Ajv, Name, stringify, type CodeKeywordDefinition, type Options } from 'ajv';
import { hasDuplicateItems, kubeFormats } from './kube-runtime.js';

/**
 * The OpenAPI extensions that Kubernetes structural schemas use
 * (https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#specifying-a-structural-schema),
 * registered so that ajv's strict mode accepts them instead of us turning strict mode off,
 * which would also silently skip the int-or-string check.
 *
 * The checking keywords generate code (`code`) rather than call a function (`validate`):
 * ajv's standalone output can only serialise code, and the validator is generated ahead of
 * time (generate-validator.ts). What that code calls lives in kube-runtime.ts, which the
 * generated module imports under the name {@link KUBE_RUNTIME}.
 */

/** The identifier under which generated validator code reaches kube-runtime.ts. */
export const KUBE_RUNTIME = new Name('kubeRuntime');

/** `x-kubernetes-int-or-string: true`: the API server accepts an integer or a string, nothing else. */
const intOrString: CodeKeywordDefinition = {
  keyword: 'x-kubernetes-int-or-string',
  schemaType: 'boolean',
  error: { message: 'must be an integer or a string' },
  code(cxt) {
    if (cxt.schema !== true) return;
    cxt.fail(_`typeof ${cxt.data} != "string" && !Number.isInteger(${cxt.data})`);
  },
};

function mapKeys(parentSchema: Record<string, unknown> | undefined): string[] {
  return (parentSchema?.['x-kubernetes-list-map-keys'] as string[] | undefined) ?? [];
}

/**
 * `x-kubernetes-list-type: set | map`: the API server rejects duplicate items (`set`) or two
 * items with the same `x-kubernetes-list-map-keys` values (`map`).
 */
const listType: CodeKeywordDefinition = {
  keyword: 'x-kubernetes-list-type',
  type: 'array',
  schemaType: 'string',
  error: {
    message: ({ schema, parentSchema }) =>
      `must not hold duplicate ${schema === 'set' ? 'items' : `items with the same ${mapKeys(parentSchema).join(', ')}`}`,
  },
  code(cxt) {
    const { gen, schema, parentSchema, data } = cxt;
    if (schema !== 'set' && schema !== 'map') return;
    const check = gen.scopeValue('func', { ref: hasDuplicateItems, code: _`${KUBE_RUNTIME}.hasDuplicateItems` });
    cxt.fail(_`${check}(${data}, ${schema}, ${stringify(mapKeys(parentSchema))})`);
  },
};

/** Annotations that only guide server-side apply or pruning; nothing to check in a manifest. */
const ANNOTATION_KEYWORDS = [
  'x-kubernetes-list-map-keys',
  'x-kubernetes-map-type',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource',
];

/** Register the Kubernetes keywords and the OpenAPI formats the SparkApplication schema uses. */
export function addKubernetesVocabulary(ajv: Ajv): void {
  ajv.addKeyword(intOrString);
  ajv.addKeyword(listType);
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword });
  for (const [name, format] of Object.entries(kubeFormats)) ajv.addFormat(name, format);
}

/**
 * An ajv instance that checks CRD schemas as the API server does. `extra` adds options, such
 * as the standalone code settings used to generate the validator.
 */
export function createKubeAjv(extra: Options = {}): Ajv {
  // strictTypes is the one strict check left off: Kubernetes puts `pattern` on
  // int-or-string nodes (quantities) without a `type`, which JSON Schema defines as
  // "applies to strings only" and is exactly what the API server does. Unknown keywords
  // and formats stay errors, so nothing in the schema is silently skipped.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, ...extra });
  addKubernetesVocabulary(ajv);
  return ajv;
}
