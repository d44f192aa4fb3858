import type { FormatDefinition } from 'ajv';

/**
 * What the Kubernetes checks need at validation time. Kept apart from the keyword definitions
 * (kube-keywords.ts) because the generated validator imports this module at run time, while
 * the definitions, and ajv with them, are only needed to generate it.
 */

function integerRange(min: number, max: number): FormatDefinition<number> {
  return { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= min && n <= max };
}

/** The OpenAPI formats the SparkApplication schema uses, as the API server checks them. */
export const kubeFormats = {
  int32: integerRange(-(2 ** 31), 2 ** 31 - 1),
  int64: integerRange(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  // RFC 3339 as Kubernetes' metav1.Time parses it.
  'date-time': /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/,
};

/**
 * Whether a list breaks `x-kubernetes-list-type`: two equal items in a `set`, or two items
 * with the same values of `mapKeys` in a `map` (a missing key counts as `null`).
 */
export function hasDuplicateItems(items: unknown[], listType: 'set' | 'map', mapKeys: string[]): boolean {
  const seen = new Set<string>();
  for (const item of items) {
    const identity =
      listType === 'set'
        ? JSON.stringify(item)
        : JSON.stringify(mapKeys.map((k) => (item as Record<string, unknown> | null)?.[k] ?? null));
    if (seen.has(identity)) return true;
    seen.add(identity);
  }
  return false;
}
