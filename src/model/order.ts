/**
 * Code-point string order. Output must be byte-identical whatever the locale, so nothing
 * that decides output order may use `localeCompare`.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keys of a record in code-point order. */
export function sortedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).sort(compareStrings);
}
