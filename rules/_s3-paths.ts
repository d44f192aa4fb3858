/**
 * S3 URI helpers shared by the rules that carry paths over (facts §10): EMR reads `s3://`
 * and `s3n://` through EMRFS, which only EMR images have; Apache Spark images read S3
 * through Hadoop's S3A connector (`s3a://`).
 */

const EMRFS_SCHEME = /^s3n?:\/\//i;
const ANY_S3 = /\bs3[an]?:\/\//i;

/** Whether a path uses a scheme that only EMRFS serves (`s3://`, `s3n://`). */
export function isEmrfsUri(path: string): boolean {
  return EMRFS_SCHEME.test(path);
}

/** Whether a text mentions an S3 location in any scheme. */
export function mentionsS3(text: string): boolean {
  return ANY_S3.test(text);
}

/** `s3://b/k` and `s3n://b/k` as `s3a://b/k`; any other path unchanged. */
export function toS3a(path: string): string {
  return path.replace(EMRFS_SCHEME, 's3a://');
}

/**
 * Split a Spark list setting (`spark.jars`, `--packages`, …): comma-separated, entries
 * trimmed and empty ones removed, as `Utils.stringToSeq` does.
 */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
