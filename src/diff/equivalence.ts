import { parseKubeQuantity, sameQuantity } from './kube-quantity.js';
import { parseSparkSizeBytes, type SparkSizeUnit } from './spark-size.js';
import type { PathSegment } from './value-path.js';

/**
 * How a scalar at a given path is read by whoever consumes it, which decides when two
 * spellings mean the same thing (docs/diff.md "What is not a difference").
 */
export type ScalarReading =
  | { as: 'spark-size'; defaultUnit: SparkSizeUnit }
  | { as: 'kube-quantity' }
  | { as: 'plain' };

/**
 * Spark settings read with `ConfigBuilder.bytesConf(unit)`, with the unit a bare integer
 * takes. Only settings whose unit is known are listed: for any other key `1024` and `1k`
 * stay different, since Spark may read the value as something else entirely.
 * https://spark.apache.org/docs/latest/configuration.html
 */
const SPARK_SIZE_SETTINGS: Record<string, SparkSizeUnit> = {
  'spark.driver.memory': 'm',
  'spark.executor.memory': 'm',
  'spark.driver.memoryOverhead': 'm',
  'spark.executor.memoryOverhead': 'm',
  'spark.driver.minMemoryOverhead': 'm',
  'spark.executor.minMemoryOverhead': 'm',
  'spark.executor.pyspark.memory': 'm',
  'spark.memory.offHeap.size': 'b',
  'spark.driver.maxResultSize': 'b',
  'spark.kryoserializer.buffer': 'k',
  'spark.kryoserializer.buffer.max': 'm',
  'spark.reducer.maxSizeInFlight': 'm',
  'spark.shuffle.file.buffer': 'k',
  'spark.sql.files.maxPartitionBytes': 'b',
  'spark.sql.autoBroadcastJoinThreshold': 'b',
  'spark.sql.adaptive.advisoryPartitionSizeInBytes': 'b',
};

/** Spark settings that Spark hands to Kubernetes as a CPU quantity (SPK-BDFS, SPK-BEFS). */
const SPARK_QUANTITY_SETTINGS = new Set([
  'spark.kubernetes.driver.request.cores',
  'spark.kubernetes.driver.limit.cores',
  'spark.kubernetes.executor.request.cores',
  'spark.kubernetes.executor.limit.cores',
]);

/** SparkApplication driver/executor fields the operator passes on as Kubernetes quantities. */
const OPERATOR_QUANTITY_FIELDS = new Set(['coreRequest', 'coreLimit', 'memoryLimit']);
/** SparkApplication driver/executor fields the operator passes on as Spark sizes (MiB when bare). */
const OPERATOR_SIZE_FIELDS = new Set(['memory', 'memoryOverhead']);
/** LimitRange item fields whose entries are quantities. */
const LIMIT_RANGE_FIELDS = new Set(['default', 'defaultRequest', 'max', 'min']);

/**
 * How the scalar at `segments` is read, from the path alone:
 * - `driver|executor .memory|.memoryOverhead` (SparkApplication, also under a
 *   ScheduledSparkApplication `template`) and `sparkConf["<size setting>"]`: Spark sizes;
 * - `driver|executor .coreRequest|.coreLimit|.memoryLimit`, `sparkConf["spark.kubernetes.*.cores"]`,
 *   entries of `resources.requests`/`resources.limits`, ResourceQuota `hard`, LimitRange
 *   `limits[n].default|defaultRequest|max|min`, and `sizeLimit`: Kubernetes quantities;
 * - everything else: plain.
 */
export function readingAt(segments: readonly PathSegment[]): ScalarReading {
  const n = segments.length;
  const last = segments[n - 1];
  const parent = segments[n - 2];
  if (typeof last !== 'string') return { as: 'plain' };
  if (parent === 'sparkConf') {
    const unit = SPARK_SIZE_SETTINGS[last];
    if (unit !== undefined) return { as: 'spark-size', defaultUnit: unit };
    return SPARK_QUANTITY_SETTINGS.has(last) ? { as: 'kube-quantity' } : { as: 'plain' };
  }
  if (parent === 'driver' || parent === 'executor') {
    if (OPERATOR_SIZE_FIELDS.has(last)) return { as: 'spark-size', defaultUnit: 'm' };
    if (OPERATOR_QUANTITY_FIELDS.has(last)) return { as: 'kube-quantity' };
  }
  if ((parent === 'requests' || parent === 'limits') && segments[n - 3] === 'resources') return { as: 'kube-quantity' };
  if (parent === 'hard' || last === 'sizeLimit') return { as: 'kube-quantity' };
  if (typeof parent === 'string' && LIMIT_RANGE_FIELDS.has(parent) && typeof segments[n - 3] === 'number' && segments[n - 4] === 'limits') {
    return { as: 'kube-quantity' };
  }
  return { as: 'plain' };
}

/** A string that is the canonical decimal spelling of a number: no sign `+`, no leading or trailing zeros. */
const CANONICAL_DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/;

/**
 * Whether a string and a number are the same number: the string is written the way the
 * number prints (`"1"` and `1`, `"0.5"` and `0.5`), so `"01"`, `"1.0"`, `"3.10"` (a version,
 * not 3.1) and `"1e3"` stay different from the number.
 */
function sameNumber(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'string') return CANONICAL_DECIMAL.test(b) && String(a) === b;
  if (typeof a === 'string' && typeof b === 'number') return sameNumber(b, a);
  return false;
}

function identical(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

/**
 * Whether two scalars (string, number, boolean, null) mean the same thing when read as
 * `reading` says. Rules, in order (docs/diff.md):
 * (a) identical values;
 * (b) a number and a string spelling that number canonically;
 * (c) `spark-size`: both parse as Spark sizes (bare integer = the setting's unit) with the
 *     same number of bytes;
 * (d) `kube-quantity`: both parse as Kubernetes quantities with the same exact value.
 * Booleans and null are only ever equal to themselves: `true` and `"true"` differ.
 */
export function sameScalar(a: unknown, b: unknown, reading: ScalarReading): boolean {
  if (identical(a, b)) return true;
  if (typeof a === 'boolean' || typeof b === 'boolean' || a === null || b === null) return false;
  if (sameNumber(a, b)) return true;
  if (reading.as === 'spark-size') {
    const x = parseSparkSizeBytes(a, reading.defaultUnit);
    const y = parseSparkSizeBytes(b, reading.defaultUnit);
    return x !== undefined && x === y;
  }
  if (reading.as === 'kube-quantity') {
    const x = parseKubeQuantity(a);
    const y = parseKubeQuantity(b);
    return x !== undefined && y !== undefined && sameQuantity(x, y);
  }
  return false;
}
