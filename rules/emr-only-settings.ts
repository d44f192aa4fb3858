import type { ConfEntry, RuleContext, SparkJob } from '../src/rule-api.js';
import { defineRule, isSecretSetting, refs } from '../src/rule-api.js';
import { isEmrSystemPath, splitJavaOptions } from './_emr-paths.js';
import { toS3a } from './_s3-paths.js';

const PATH_KEYS = ['spark.driver.extraClassPath', 'spark.executor.extraClassPath', 'spark.driver.extraLibraryPath', 'spark.executor.extraLibraryPath'];
const JAVA_OPTION_KEYS = [
  { key: 'spark.driver.extraJavaOptions', field: 'driver.javaOptions' },
  { key: 'spark.executor.extraJavaOptions', field: 'executor.javaOptions' },
] as const;
const EVENT_LOG_KEYS = ['spark.eventLog.dir', 'spark.history.fs.logDirectory'];

/**
 * JVM flags EMR adds for YARN: the CMS collector flags (CMS was removed in JDK 14, so JDK 17
 * images refuse or ignore them) and the `kill -9 %p` on OutOfMemoryError EMR uses so that YARN
 * replaces the container (facts §5).
 */
const EMR_JVM_FLAG = /^-XX:(?:[+-]?UseConcMarkSweepGC|[+-]?UseCMS\w*|[+-]?CMS\w*(?:=.*)?|OnOutOfMemoryError=.*kill -9 %p.*)$/;

/** EMR's own Spark fork settings for YARN node decommissioning and heterogeneous executors (facts §4.2). */
function isEmrOnlyKey(key: string): boolean {
  return (
    key.startsWith('spark.blacklist.decommissioning.') ||
    key.includes('emr_internal_use_only') ||
    [
      'spark.decommissioning.timeout.threshold',
      'spark.resourceManager.cleanupExpiredHost',
      'spark.stage.attempt.ignoreOnDecommissionFetchFailure',
      'spark.yarn.heterogeneousExecutors.enabled',
      'spark.executor.maxMemory',
      'spark.executor.maxCores',
    ].includes(key)
  );
}

/** EMRFS and EMR-committer settings: meaningful only where EMRFS is, i.e. not in Apache images (facts §10). */
function isEmrfsKey(entry: ConfEntry): boolean {
  const k = entry.key;
  return (
    k.startsWith('spark.hadoop.fs.s3.') ||
    k.startsWith('spark.hadoop.fs.s3n.') ||
    k === 'spark.sql.emr.internal.extensions' ||
    (k === 'spark.sql.parquet.output.committer.class' && entry.value.startsWith('com.amazon.emr.'))
  );
}

export default defineRule({
  id: 'emr-only-settings',
  meta: {
    description:
      "Removes what only works on EMR nodes: EMR classpath entries, EMR's YARN decommissioning settings, EMRFS and EMR committers (Apache image), CMS GC flags, and HDFS locations for event logs and the warehouse.",
    category: 'emr',
    reads: [
      ...PATH_KEYS,
      ...JAVA_OPTION_KEYS.map((k) => k.key),
      ...EVENT_LOG_KEYS,
      'spark.eventLog.enabled',
      'spark.sql.warehouse.dir',
      'spark.blacklist.decommissioning.*',
      'spark.hadoop.fs.s3.*',
      'spark.hadoop.fs.s3n.*',
      'spark.sql.emr.internal.extensions',
      'spark.sql.parquet.output.committer.class',
      'cluster/logUri',
    ],
    writes: [
      ...PATH_KEYS.map((k) => `sparkConf.${k}`),
      ...EVENT_LOG_KEYS.map((k) => `sparkConf.${k}`),
      'sparkConf.spark.eventLog.enabled',
      'driver.javaOptions',
      'executor.javaOptions',
    ],
    messages: {
      'java-options-cleaned': '{key}: removed {flags} (CMS is gone since Java 14; the kill on OutOfMemoryError is for YARN)',
      'classpath-cleaned': '{key}: removed {count} EMR path(s), kept {kept}',
      'classpath-overrides-image': '{key} replaces the classpath the EMR on EKS image sets in its spark-defaults.conf',
      'event-log-moved': '{key} pointed at the EMR cluster HDFS; event logs now go to {location}',
      'event-log-dropped': '{key} pointed at the EMR cluster HDFS and the cluster has no LogUri to move it to; it is not carried over',
      'warehouse-dir-dropped': 'spark.sql.warehouse.dir {value} is on the EMR cluster HDFS and is not carried over',
    },
    severities: {
      'java-options-cleaned': 'info',
      'classpath-cleaned': 'info',
      'classpath-overrides-image': 'warning',
      'event-log-moved': 'warning',
      'event-log-dropped': 'warning',
      'warehouse-dir-dropped': 'warning',
    },
    docs: 'docs/rules/emr-only-settings.md',
  },
  apply(job, ctx) {
    const apacheImage = ctx.config.image.flavor === 'apache';
    for (const key of ctx.confKeys()) {
      const entry = job.conf[key] as ConfEntry;
      if (isSecretSetting(key, entry.value)) continue;
      if (isEmrOnlyKey(key)) ctx.drop(entry, 'emr-only', "a setting of EMR's Spark build for YARN; Apache Spark on Kubernetes ignores it");
      else if (apacheImage && isEmrfsKey(entry)) ctx.drop(entry, 'emr-only', 'EMRFS or the EMR S3 committer, which the Apache Spark image does not have; S3A serves s3:// there (s3-access)');
    }
    for (const key of PATH_KEYS) cleanPaths(ctx, key, apacheImage);
    for (const { key, field } of JAVA_OPTION_KEYS) cleanJavaOptions(ctx, key, field);
    moveEventLogs(job, ctx, apacheImage);
    const warehouse = ctx.conf('spark.sql.warehouse.dir');
    if (warehouse && warehouse.value.startsWith('hdfs:')) {
      ctx.drop(warehouse, 'master-local-path', 'the HDFS of the EMR cluster does not exist on Kubernetes');
      ctx.report('warehouse-dir-dropped', { value: warehouse.value }, { refs: [warehouse], hint: 'Set spark.sql.warehouse.dir to an S3 location (or rely on the metastore database locations).' });
    }
  },
});

function cleanPaths(ctx: RuleContext, key: string, apacheImage: boolean): void {
  const entry = ctx.conf(key);
  if (!entry) return;
  const parts = entry.value.split(':').filter((p) => p.trim() !== '');
  const kept = parts.filter((p) => !isEmrSystemPath(p));
  if (!apacheImage && kept.length > 0) {
    ctx.report('classpath-overrides-image', { key }, { refs: [entry], hint: "Append the image's own value (see its /etc/spark/conf/spark-defaults.conf) so EMRFS and the EMR libraries stay on the classpath." });
  }
  if (kept.length === parts.length) return;
  if (kept.length === 0) {
    ctx.drop(entry, 'emr-only', 'every entry is a path of the EMR installation; the image has its own libraries');
    return;
  }
  ctx.set(`sparkConf.${key}`, kept.join(':'), entry);
  ctx.report('classpath-cleaned', { key, count: parts.length - kept.length, kept: kept.join(':') }, { refs: [entry] });
}

function cleanJavaOptions(ctx: RuleContext, key: string, field: string): void {
  const entry = ctx.conf(key);
  if (!entry) return;
  const tokens = splitJavaOptions(entry.value);
  const removed = tokens.filter((t) => EMR_JVM_FLAG.test(t));
  const kept = tokens.filter((t) => !EMR_JVM_FLAG.test(t));
  if (removed.length > 0) ctx.report('java-options-cleaned', { key, flags: removed.join(' ') }, { refs: [entry] });
  if (kept.length > 0) ctx.set(field, kept.join(' '), entry);
  else ctx.drop(entry, 'emr-only', 'only JVM flags EMR adds for YARN and CMS');
}

function moveEventLogs(job: Readonly<SparkJob>, ctx: RuleContext, apacheImage: boolean): void {
  const entries = EVENT_LOG_KEYS.map((k) => ctx.conf(k)).filter((e): e is ConfEntry => e !== undefined && e.value.startsWith('hdfs:'));
  if (entries.length === 0) return;
  const logUri = job.cluster.logUri;
  if (logUri) {
    const base = logUri.endsWith('/') ? logUri : `${logUri}/`;
    const location = `${apacheImage ? toS3a(base) : base}spark-event-logs/`;
    for (const entry of entries) ctx.set(`sparkConf.${entry.key}`, location, entry, refs.cluster('logUri'));
    // One warning for both keys: they name the same folder (the History Server reads what jobs write).
    ctx.report('event-log-moved', { key: entries.map((e) => e.key).join(' and '), location }, {
      refs: entries,
      hint: `Spark fails at start-up when the event log directory does not exist: put an object under ${location} first, and point a Spark History Server at it.`,
    });
    return;
  }
  for (const entry of entries) {
    ctx.drop(entry, 'master-local-path', 'the HDFS of the EMR cluster does not exist on Kubernetes');
    ctx.report('event-log-dropped', { key: entry.key }, { refs: [entry], hint: 'Set spark.eventLog.dir to an S3 location to keep event logs for the History Server; until then spark.eventLog.enabled is turned off, since Spark fails when the directory is missing.' });
  }
  const enabled = ctx.conf('spark.eventLog.enabled');
  if (enabled && enabled.value.trim().toLowerCase() === 'true' && entries.some((e) => e.key === 'spark.eventLog.dir')) {
    ctx.set('sparkConf.spark.eventLog.enabled', 'false', enabled, ...entries);
  }
}
