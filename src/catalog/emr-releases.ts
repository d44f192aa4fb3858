/**
 * EMR release label → component versions, as data (facts §8.1, the whole table from 5.30
 * through 7.13). Sources: https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-release-app-versions-7.x.html,
 * https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-release-app-versions-6.x.html,
 * https://docs.aws.amazon.com/emr/latest/ReleaseGuide/Spark-release-history.html and, for Java,
 * https://docs.aws.amazon.com/emr/latest/ReleaseGuide/configuring-java8.html.
 */

/** Versions of one EMR release. Spark is the Apache version (EMR's `-amzn-N` suffix stripped). */
export interface EmrReleaseFacts {
  /** The label asked for, e.g. `emr-6.15.0`. */
  label: string;
  spark: string;
  hadoop: string;
  scala: string;
  /** Default JVM major version. */
  java: string;
  /** The Python PySpark runs by default (Python 3 is the system default from 5.30.0). */
  python: string;
}

/** The newest EMR on EC2 release the catalog knows (facts §8.1). */
export const NEWEST_EMR7 = 'emr-7.13.0';

/** A parsed `emr-X.Y.Z` label. */
export interface ReleaseVersion {
  major: number;
  minor: number;
  patch: number;
}

type Row = Omit<EmrReleaseFacts, 'label'>;

/**
 * One row per table line. `patches: 'x'` where facts §8.1 writes `5.30.x`; otherwise the
 * exact patch releases it lists, so `emr-6.15.1` is unknown while `emr-6.9.1` is known.
 */
const TABLE: Array<{ minor: string; patches: 'x' | number[]; row: Row }> = [
  { minor: '5.30', patches: 'x', row: { spark: '2.4.5', hadoop: '2.8.5', scala: '2.11', java: '8', python: '3.7' } },
  { minor: '5.31', patches: 'x', row: { spark: '2.4.6', hadoop: '2.10.0', scala: '2.11', java: '8', python: '3.7' } },
  { minor: '5.32', patches: 'x', row: { spark: '2.4.7', hadoop: '2.10.1', scala: '2.11', java: '8', python: '3.7' } },
  { minor: '5.33', patches: 'x', row: { spark: '2.4.7', hadoop: '2.10.1', scala: '2.11', java: '8', python: '3.7' } },
  { minor: '5.34', patches: [0], row: { spark: '2.4.8', hadoop: '2.10.1', scala: '2.11.12', java: '8', python: '3.7' } },
  { minor: '5.35', patches: [0], row: { spark: '2.4.8', hadoop: '2.10.1', scala: '2.11.12', java: '8', python: '3.7' } },
  { minor: '5.36', patches: 'x', row: { spark: '2.4.8', hadoop: '2.10.1', scala: '2.11.12', java: '8', python: '3.7' } },
  { minor: '6.0', patches: 'x', row: { spark: '2.4.4', hadoop: '3.2.1', scala: '2.12', java: '8', python: '3.7' } },
  { minor: '6.1', patches: 'x', row: { spark: '3.0.0', hadoop: '3.2.1', scala: '2.12', java: '8', python: '3.7' } },
  { minor: '6.2', patches: 'x', row: { spark: '3.0.1', hadoop: '3.2.1', scala: '2.12', java: '8', python: '3.7' } },
  { minor: '6.3', patches: 'x', row: { spark: '3.1.1', hadoop: '3.2.1', scala: '2.12', java: '8', python: '3.7' } },
  { minor: '6.4', patches: [0], row: { spark: '3.1.2', hadoop: '3.2.1', scala: '2.12', java: '8', python: '3.7' } },
  { minor: '6.5', patches: [0], row: { spark: '3.1.2', hadoop: '3.2.1', scala: '2.12', java: '8', python: '3.7' } },
  { minor: '6.6', patches: [0], row: { spark: '3.2.0', hadoop: '3.2.1', scala: '2.12', java: '8', python: '3.7' } },
  { minor: '6.7', patches: [0], row: { spark: '3.2.1', hadoop: '3.2.1', scala: '2.12', java: '8', python: '3.7' } },
  { minor: '6.8', patches: 'x', row: { spark: '3.3.0', hadoop: '3.2.1', scala: '2.12', java: '8', python: '3.7' } },
  { minor: '6.9', patches: 'x', row: { spark: '3.3.0', hadoop: '3.3.3', scala: '2.12', java: '8', python: '3.7' } },
  { minor: '6.10', patches: 'x', row: { spark: '3.3.1', hadoop: '3.3.3', scala: '2.12', java: '8', python: '3.7' } },
  { minor: '6.11', patches: 'x', row: { spark: '3.3.2', hadoop: '3.3.3', scala: '2.12', java: '8', python: '3.7' } },
  { minor: '6.12', patches: [0], row: { spark: '3.4.0', hadoop: '3.3.3', scala: '2.12', java: '8', python: '3.7' } },
  { minor: '6.13', patches: [0], row: { spark: '3.4.1', hadoop: '3.3.3', scala: '2.12', java: '8', python: '3.7' } },
  { minor: '6.14', patches: [0], row: { spark: '3.4.1', hadoop: '3.3.3', scala: '2.12', java: '8', python: '3.7' } },
  { minor: '6.15', patches: [0], row: { spark: '3.4.1', hadoop: '3.3.6', scala: '2.12', java: '8', python: '3.7' } },
  { minor: '7.0', patches: [0], row: { spark: '3.5.0', hadoop: '3.3.6', scala: '2.12', java: '17', python: '3.9' } },
  { minor: '7.1', patches: [0], row: { spark: '3.5.0', hadoop: '3.3.6', scala: '2.12', java: '17', python: '3.9' } },
  { minor: '7.2', patches: [0], row: { spark: '3.5.1', hadoop: '3.3.6', scala: '2.12', java: '17', python: '3.9' } },
  { minor: '7.3', patches: [0], row: { spark: '3.5.1', hadoop: '3.3.6', scala: '2.12', java: '17', python: '3.9' } },
  { minor: '7.4', patches: [0], row: { spark: '3.5.2', hadoop: '3.4.0', scala: '2.12', java: '17', python: '3.9' } },
  { minor: '7.5', patches: [0], row: { spark: '3.5.2', hadoop: '3.4.0', scala: '2.12', java: '17', python: '3.9' } },
  { minor: '7.6', patches: [0], row: { spark: '3.5.3', hadoop: '3.4.0', scala: '2.12', java: '17', python: '3.9' } },
  { minor: '7.7', patches: [0], row: { spark: '3.5.3', hadoop: '3.4.0', scala: '2.12', java: '17', python: '3.9' } },
  { minor: '7.8', patches: [0], row: { spark: '3.5.4', hadoop: '3.4.1', scala: '2.12', java: '17', python: '3.9' } },
  { minor: '7.9', patches: [0], row: { spark: '3.5.5', hadoop: '3.4.1', scala: '2.12', java: '17', python: '3.9' } },
  { minor: '7.10', patches: [0], row: { spark: '3.5.5', hadoop: '3.4.1', scala: '2.12', java: '17', python: '3.9' } },
  { minor: '7.11', patches: [0], row: { spark: '3.5.6', hadoop: '3.4.1', scala: '2.12.18', java: '17', python: '3.9' } },
  { minor: '7.12', patches: [0], row: { spark: '3.5.6', hadoop: '3.4.1', scala: '2.12.18', java: '17', python: '3.9' } },
  { minor: '7.13', patches: [0], row: { spark: '3.5.6', hadoop: '3.4.2', scala: '2.12.18', java: '17', python: '3.11' } },
];

/** `emr-6.15.0` → {6, 15, 0}; anything else (placeholders, AMI versions) → undefined. */
export function parseReleaseLabel(label: string): ReleaseVersion | undefined {
  const m = /^emr-(\d+)\.(\d+)\.(\d+)$/.exec(label.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) };
}

/** Negative, zero or positive as `a` is older than, the same as, or newer than `b`. */
export function compareReleases(a: ReleaseVersion, b: ReleaseVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/**
 * The versions of an EMR release (facts §8.1), or undefined when the table does not list it.
 * A patch label resolves to its minor's row only where the table says `X.Y.x`.
 */
export function releaseFacts(label: string): EmrReleaseFacts | undefined {
  const v = parseReleaseLabel(label);
  if (!v) return undefined;
  const found = TABLE.find(
    (t) => t.minor === `${v.major}.${v.minor}` && (t.patches === 'x' || t.patches.includes(v.patch)),
  );
  return found ? { label: label.trim(), ...found.row } : undefined;
}

/**
 * The newest release the table lists for a major version (`emr-5.36.0`, `emr-6.15.0`,
 * `emr-7.13.0`), the fallback for a label the table does not know; undefined for a major
 * the table has no row for.
 */
export function newestReleaseOfMajor(major: number): string | undefined {
  const rows = TABLE.filter((t) => t.minor.startsWith(`${major}.`));
  const last = rows[rows.length - 1];
  if (!last) return undefined;
  const patch = last.patches === 'x' ? 0 : Math.max(...last.patches);
  return `emr-${last.minor}.${patch}`;
}

/**
 * The Apache version inside an EMR Spark version: `3.5.6-amzn-2` → `3.5.6`,
 * `3.3.0-amzn-0.1` → `3.3.0` (facts §8.1).
 */
export function stripAmznSuffix(version: string): string {
  return version.replace(/-amzn-\d+(\.\d+)*$/, '');
}
