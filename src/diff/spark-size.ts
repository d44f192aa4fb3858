/**
 * Spark's byte-size syntax, read exactly as Spark reads it, in whole bytes (BigInt, so that
 * `8p` and `9007199254740993b` stay exact).
 *
 * Spark parses sizes with `JavaUtils.byteStringAs`: the text is lower-cased and trimmed, then
 * must be an integer with an optional unit b, k|kb, m|mb, g|gb, t|tb, p|pb (binary multiples);
 * a fraction is an error. A bare integer takes the setting's own default unit (MiB for
 * `spark.executor.memory`, bytes for `spark.sql.files.maxPartitionBytes`). `ConfigBuilder.bytesConf`
 * also accepts a leading `-` (so `spark.sql.autoBroadcastJoinThreshold=-1` works).
 * https://github.com/apache/spark/blob/master/common/utils/src/main/java/org/apache/spark/network/util/JavaUtils.java
 */
export type SparkSizeUnit = 'b' | 'k' | 'm' | 'g' | 't' | 'p';

const UNIT_BYTES: Record<string, bigint> = {
  b: 1n,
  k: 1024n,
  kb: 1024n,
  m: 1024n ** 2n,
  mb: 1024n ** 2n,
  g: 1024n ** 3n,
  gb: 1024n ** 3n,
  t: 1024n ** 4n,
  tb: 1024n ** 4n,
  p: 1024n ** 5n,
  pb: 1024n ** 5n,
};

const SIZE = /^(-?)([0-9]+)([a-z]+)?$/;

/**
 * Bytes of a Spark size (a string, or a JSON number standing for a bare integer), with
 * `defaultUnit` for a bare integer; undefined when Spark would reject the value.
 */
export function parseSparkSizeBytes(value: unknown, defaultUnit: SparkSizeUnit): bigint | undefined {
  let text: string;
  if (typeof value === 'string') text = value.trim().toLowerCase();
  else if (typeof value === 'number' && Number.isSafeInteger(value)) text = String(value);
  else return undefined;
  const m = SIZE.exec(text);
  if (!m) return undefined;
  const perUnit = UNIT_BYTES[m[3] ?? defaultUnit];
  if (perUnit === undefined) return undefined;
  const bytes = BigInt(m[2]!) * perUnit;
  return m[1] === '-' ? -bytes : bytes;
}
