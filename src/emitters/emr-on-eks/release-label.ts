import { parseReleaseLabel, releaseFacts, type ReleaseVersion } from '../../catalog/emr-releases.js';

/**
 * EMR releases published on EMR on EKS, as minor-version ranges per major. EMR on EKS starts
 * at 5.32.0 and 6.2.0 and publishes each minor as `X.Y.0` only, with `-latest` or dated
 * labels (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/emr-eks-releases.html,
 * facts §8.5). 7.0 through 7.13 are listed there too.
 */
const EMR_ON_EKS_MINORS: Readonly<Record<number, { first: number; last: number }>> = {
  5: { first: 32, last: 36 },
  6: { first: 2, last: 15 },
  7: { first: 0, last: 13 },
};

/** The first release with `retryPolicyConfiguration` (EMR on EKS guide, "Using job retry policies"). */
export const FIRST_RETRY_RELEASE: ReleaseVersion = { major: 6, minor: 9, patch: 0 };

/** How the release label was chosen, for the diagnostic that explains a change. */
export type ReleaseChoice =
  | { kind: 'same' }
  /** The EMR patch release has no EMR on EKS counterpart; its minor's `.0` is used. */
  | { kind: 'patch'; from: string }
  /** The EMR release predates EMR on EKS; the oldest later release of the same major is used. */
  | { kind: 'older'; from: string }
  /** The plan moved the job to another Spark (Spark 2 → 3.5); the release that ships it is used. */
  | { kind: 'spark-upgrade'; from: string; spark: string }
  /** Newer than the catalog knows: passed on as is. */
  | { kind: 'unknown'; from: string };

export interface EmrOnEksRelease {
  /** `emr-6.15.0-latest`. */
  label: string;
  version: ReleaseVersion;
  choice: ReleaseChoice;
}

function label(v: ReleaseVersion): string {
  return `emr-${v.major}.${v.minor}.${v.patch}`;
}

function supported(major: number, minor: number): boolean {
  const range = EMR_ON_EKS_MINORS[major];
  return range !== undefined && minor >= range.first && minor <= range.last;
}

/** Every EMR on EKS release, oldest first. */
function allReleases(): ReleaseVersion[] {
  return Object.entries(EMR_ON_EKS_MINORS).flatMap(([major, range]) =>
    Array.from({ length: range.last - range.first + 1 }, (_, i) => ({ major: Number(major), minor: range.first + i, patch: 0 })),
  );
}

/** The newest EMR on EKS release whose Spark is `spark` (facts §8.1), if any. */
function newestWithSpark(spark: string): ReleaseVersion | undefined {
  return allReleases()
    .filter((v) => releaseFacts(label(v))?.spark === spark)
    .at(-1);
}

function result(v: ReleaseVersion, choice: ReleaseChoice): EmrOnEksRelease {
  return { label: `${label(v)}-latest`, version: v, choice };
}

/**
 * The `releaseLabel` of a job: the EMR on EKS release of the job's EMR release
 * (`emr-6.15.0` → `emr-6.15.0-latest`). The plan decides the Spark version, so a job the rules
 * moved from Spark 2 to Spark 3.5 runs on the newest release that ships that Spark. A release
 * older than EMR on EKS (5.30, 5.31, 6.0, 6.1) moves to the oldest later release of the same
 * major, which keeps its Scala and Hadoop line. `planSpark` undefined means "as on EMR".
 */
export function emrOnEksRelease(emrLabel: string, emrSpark: string, planSpark: string | undefined): EmrOnEksRelease {
  const from = emrLabel;
  if (planSpark !== undefined && planSpark !== emrSpark) {
    const target = newestWithSpark(planSpark);
    if (target) return result(target, { kind: 'spark-upgrade', from, spark: planSpark });
  }
  const v = parseReleaseLabel(emrLabel);
  const newest = allReleases().at(-1) as ReleaseVersion;
  if (!v) return result(newestWithSpark(planSpark ?? emrSpark) ?? newest, { kind: 'unknown', from });
  if (supported(v.major, v.minor)) {
    return result({ ...v, patch: 0 }, v.patch === 0 ? { kind: 'same' } : { kind: 'patch', from });
  }
  const range = EMR_ON_EKS_MINORS[v.major];
  if (range && v.minor < range.first) return result({ major: v.major, minor: range.first, patch: 0 }, { kind: 'older', from });
  if (v.major < 5) return result({ major: 5, minor: 32, patch: 0 }, { kind: 'older', from });
  // A release newer than the catalog: EMR on EKS publishes new releases alongside EMR on EC2.
  return result({ ...v, patch: 0 }, { kind: 'unknown', from });
}
