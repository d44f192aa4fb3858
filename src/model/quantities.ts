/**
 * Spark's size syntax, as `JavaUtils.byteStringAs` reads it: an integer with an optional
 * unit b, k|kb, m|mb, g|gb, t|tb, p|pb (case-insensitive, binary multiples). A bare number
 * means MiB for the memory settings (`spark.executor.memory=4743` is 4743 MiB).
 * Fractions are an error in Spark, so they are here too.
 */
const UNIT_TO_KIB: Record<string, number> = {
  b: 1 / 1024,
  k: 1,
  kb: 1,
  m: 1024,
  mb: 1024,
  g: 1024 ** 2,
  gb: 1024 ** 2,
  t: 1024 ** 3,
  tb: 1024 ** 3,
  p: 1024 ** 4,
  pb: 1024 ** 4,
};

/** MiB of a Spark size string (bare number = MiB), or undefined if Spark would reject it. */
export function parseSparkMemoryMiB(text: string): number | undefined {
  const m = /^\s*(\d+)([a-z]+)?\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'm').toLowerCase();
  const perKiB = UNIT_TO_KIB[unit];
  if (perKiB === undefined) return undefined;
  // Spark truncates when converting down to MiB (ByteUnit.convertTo uses integer division).
  return Math.floor((n * perKiB) / 1024);
}

/** A MiB count as Spark and the operator read it: `4743m`. */
export function formatMiB(mib: number): string {
  return `${mib}m`;
}

/**
 * Spark's time syntax (`JavaUtils.timeStringAs`): integer + us|ms|s|m|min|h|d; a bare number
 * takes the setting's default unit. Returns milliseconds.
 */
export function parseSparkDurationMs(text: string, defaultUnit: 'ms' | 's'): number | undefined {
  const m = /^\s*(\d+)([a-z]+)?\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const factors: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };
  const f = factors[(m[2] ?? defaultUnit).toLowerCase()];
  return f === undefined ? undefined : Math.floor(n * f);
}
