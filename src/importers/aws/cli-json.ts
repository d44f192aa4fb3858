/**
 * A value of an EMR SDK answer in the shape `aws emr … --output json` prints: the SDK's
 * response metadata dropped, absent members left out, timestamps as ISO-8601 strings (the
 * CLI prints ISO too; the file importer reads either, src/importers/shared/timestamps.ts).
 * Key order is the SDK's, which follows the API model, so the same answer gives the same text.
 */
export function toCliValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toCliValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (key === '$metadata' || member === undefined) continue;
      out[key] = toCliValue(member);
    }
    return out;
  }
  return value;
}

/** Pretty JSON, two spaces and a trailing newline, as the files of an import are written. */
export function cliJsonText(value: unknown): string {
  return `${JSON.stringify(toCliValue(value), null, 2)}\n`;
}
