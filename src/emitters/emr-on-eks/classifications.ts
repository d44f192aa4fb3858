import { compareReleases, type ReleaseVersion } from '../../catalog/emr-releases.js';
import type { Classification } from '../../model/emr-snapshot.js';
import type { JobPlan } from '../../model/job-plan.js';
import { compareStrings, sortedKeys } from '../../model/order.js';
import { isSecretKey, mustWithhold } from '../../model/secrets.js';
import type { SparkJob } from '../../model/spark-job.js';
import type { ConfigurationShape } from './start-job-run-schema.js';

/** Spark 3.3 moved to log4j2; EMR 6.8.0 renamed the classification with it (facts §8.2). */
const LOG4J2_FROM: ReleaseVersion = { major: 6, minor: 8, patch: 0 };

/**
 * Classifications whose settings reach a Spark job's request through the plan
 * (`spark-defaults` as `spark.hadoop.*` and environment keys), so they are not repeated.
 */
const THROUGH_THE_PLAN = new Set(['spark-defaults', 'spark', 'core-site', 'hive-site', 'spark-hive-site', 'spark-env', 'emrfs-site']);
/**
 * A Hive step has no Spark plan: the classifications EMR on EKS accepts go as they are, and
 * hive-site (the metastore of the Hive CLI) becomes spark-hive-site, where spark-sql reads it.
 */
const NATIVE_FOR_HIVE = new Set(['core-site', 'emrfs-site', 'spark-env', 'spark-hive-site']);

/** Spark configuration files that EMR on EKS writes itself from a classification (facts §8.2). */
function fileClassification(top: string, release: ReleaseVersion): { carried: boolean; reason?: string } {
  const log4j2 = compareReleases(release, LOG4J2_FROM) >= 0;
  if (top === 'spark-metrics') return { carried: true };
  if (top === 'spark-log4j2') return log4j2 ? { carried: true } : { carried: false, reason: 'releases before 6.8.0 read spark-log4j (log4j 1)' };
  if (top === 'spark-log4j') return log4j2 ? { carried: false, reason: 'from 6.8.0 Spark reads spark-log4j2 (log4j2 syntax); rewrite it' } : { carried: true };
  return { carried: false };
}

export interface CarriedClassifications {
  configurations: ConfigurationShape[];
  /** `classification X (reason)` for those left out. */
  notCarried: string[];
  /** Secret properties left out, as `classification/key`. */
  secrets: string[];
}

/** A classification with its secret properties removed, nested ones included. */
function withoutSecrets(c: Classification, path: string[], secrets: string[]): ConfigurationShape {
  const here = [...path, c.classification];
  const properties: Record<string, string> = {};
  for (const key of sortedKeys(c.properties)) {
    if (isSecretKey(key) || mustWithhold(key, c.properties[key] as string)) secrets.push(`${here.join('/')}/${key}`);
    else properties[key] = c.properties[key] as string;
  }
  const nested = c.configurations.map((n) => withoutSecrets(n, here, secrets));
  return {
    classification: c.classification,
    ...(Object.keys(properties).length > 0 && { properties }),
    ...(nested.length > 0 && { configurations: nested }),
  };
}

/**
 * emrfs-site settings that the plan dropped only because an Apache Spark image has no EMRFS
 * (rule `s3-access`, reason `emr-only`): EMR on EKS images do have it, so they come back.
 */
function emrfsSiteFromPlanDrops(job: SparkJob, plan: JobPlan): Classification | undefined {
  const emrfs = job.classifications.find((c) => c.classification === 'emrfs-site');
  if (!emrfs) return undefined;
  const dropped = new Set(plan.dropped.filter((d) => d.rule === 's3-access' && d.reason === 'emr-only').map((d) => d.ref));
  const properties: Record<string, string> = {};
  for (const key of sortedKeys(emrfs.properties)) {
    if (dropped.has(`cluster/configurations/emrfs-site/${key}`)) properties[key] = emrfs.properties[key] as string;
  }
  return Object.keys(properties).length > 0 ? { classification: 'emrfs-site', properties, configurations: [] } : undefined;
}

/**
 * The cluster's classifications that EMR on EKS accepts and the plan does not already carry
 * (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/emr-eks-releases.html,
 * facts §8.2): the Spark log4j/log4j2 and metrics files, and emrfs-site settings an Apache
 * image plan had to drop. Others (YARN, HDFS, other applications) are listed as not carried;
 * the rules already recorded why each of their settings was dropped.
 */
export function carriedClassifications(job: SparkJob, plan: JobPlan, release: ReleaseVersion): CarriedClassifications {
  const configurations: ConfigurationShape[] = [];
  const notCarried: string[] = [];
  const secrets: string[] = [];
  const hive = job.kind === 'hive';
  const tops = [...new Set(job.classifications.map((c) => c.classification))].sort(compareStrings);
  for (const top of tops) {
    if (hive && (top === 'hive-site' || top === 'spark-hive-site')) continue;
    if (hive ? top === 'spark-defaults' || top === 'spark' : THROUGH_THE_PLAN.has(top)) continue;
    const fate = hive && NATIVE_FOR_HIVE.has(top) ? { carried: true } : fileClassification(top, release);
    if (!fate.carried) {
      notCarried.push(`classification ${top} (${fate.reason ?? 'not accepted by EMR on EKS'})`);
      continue;
    }
    for (const c of job.classifications.filter((x) => x.classification === top)) configurations.push(withoutSecrets(c, [], secrets));
  }
  const extra = hive ? hiveSiteAsSparkHiveSite(job) : emrfsSiteFromPlanDrops(job, plan);
  if (extra) configurations.push(withoutSecrets(extra, [], secrets));
  configurations.sort((a, b) => compareStrings(a.classification, b.classification));
  return { configurations, notCarried, secrets };
}

/** hive-site and spark-hive-site as one spark-hive-site, spark-hive-site's values winning (Spark reads it last). */
function hiveSiteAsSparkHiveSite(job: SparkJob): Classification | undefined {
  const properties: Record<string, string> = {};
  for (const top of ['hive-site', 'spark-hive-site']) {
    for (const c of job.classifications.filter((x) => x.classification === top)) Object.assign(properties, c.properties);
  }
  return Object.keys(properties).length > 0 ? { classification: 'spark-hive-site', properties, configurations: [] } : undefined;
}
