import type { ReleaseVersion } from './emr-releases.js';
import { compareReleases } from './emr-releases.js';

/**
 * One Spark setting EMR writes into `spark-defaults.conf` without being asked, so a job got it
 * unless something above it in Spark's precedence overrode it.
 */
export interface EmrDefault {
  key: string;
  value: string;
  /** Where the fact comes from (facts.md section and its source). */
  source: string;
  /** First release that sets it, when the source names one. */
  since?: ReleaseVersion;
  /**
   * EMR picks the value from the core/task instance type with no public table; the value here
   * is an observed capture, so a job relying on it gets an `emr-executor-size-assumed` warning.
   */
  assumed?: true;
}

const CONFIGURE_PAGE =
  'facts §4.2: EMR-RG emr-spark-configure.md "Spark defaults set by Amazon EMR" (https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-spark-configure.html)';
const CAPTURE = 'facts §8.3: public EMR 5.x spark-defaults.conf capture';

const DEFAULTS: EmrDefault[] = [
  {
    key: 'spark.blacklist.decommissioning.enabled',
    value: 'true',
    source: CONFIGURE_PAGE,
  },
  {
    key: 'spark.blacklist.decommissioning.timeout',
    value: '1h',
    source: CONFIGURE_PAGE,
  },
  {
    key: 'spark.decommissioning.timeout.threshold',
    value: '20s',
    source: CONFIGURE_PAGE,
    since: { major: 5, minor: 11, patch: 0 },
  },
  {
    key: 'spark.driver.memory',
    value: '2048M',
    source: `${CAPTURE}; EMR-BP: default driver memory without maximizeResourceAllocation is 2 GB`,
  },
  {
    key: 'spark.dynamicAllocation.enabled',
    value: 'true',
    source: `${CONFIGURE_PAGE} (EMR 4.4.0 and later)`,
    since: { major: 4, minor: 4, patch: 0 },
  },
  {
    key: 'spark.eventLog.dir',
    value: 'hdfs:///var/log/spark/apps',
    source: 'facts §5 "Other EMR defaults": EMR spark-defaults capture (event logs in the cluster HDFS for its History Server)',
  },
  {
    key: 'spark.eventLog.enabled',
    value: 'true',
    source: 'facts §5 "Other EMR defaults": EMR spark-defaults capture (the History Server on the primary node reads them)',
  },
  {
    key: 'spark.executor.cores',
    value: '4',
    source: `${CAPTURE}; EMR sizes executors per instance type with no public table (facts §8.3)`,
    assumed: true,
  },
  {
    key: 'spark.executor.memory',
    value: '4743M',
    source: `${CAPTURE}; EMR sizes executors per instance type with no public table (facts §8.3)`,
    assumed: true,
  },
  {
    key: 'spark.history.fs.logDirectory',
    value: 'hdfs:///var/log/spark/apps',
    source: 'facts §5 "Other EMR defaults": EMR spark-defaults capture',
  },
  {
    key: 'spark.master',
    value: 'yarn',
    source: 'facts §5: EMR spark-defaults capture (`spark.master yarn`)',
  },
  {
    key: 'spark.resourceManager.cleanupExpiredHost',
    value: 'true',
    source: CONFIGURE_PAGE,
  },
  {
    key: 'spark.shuffle.service.enabled',
    value: 'true',
    source: `${CONFIGURE_PAGE} (EMR 4.4.0 and later); EMR spark-defaults capture`,
    since: { major: 4, minor: 4, patch: 0 },
  },
  {
    key: 'spark.stage.attempt.ignoreOnDecommissionFetchFailure',
    value: 'true',
    source: CONFIGURE_PAGE,
  },
  {
    key: 'spark.yarn.executor.memoryOverheadFactor',
    value: '0.1875',
    source:
      'facts §2.1: EMR-BP performance.md "executor overhead … set to 0.1875 by default"; EMR spark-defaults capture',
  },
];

/**
 * EMR's implicit Spark defaults for a release (facts §2.1, §4.2, §8.3), keys in code-point
 * order. A default with a `since` release applies from that release on.
 */
export function emrDefaults(release: ReleaseVersion): EmrDefault[] {
  return DEFAULTS.filter((d) => !d.since || compareReleases(release, d.since) >= 0);
}
