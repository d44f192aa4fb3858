import type { DropReason } from '../src/rule-api.js';

/**
 * The `spark.yarn.*` table of facts §5 as data: what each key becomes on Kubernetes. Keys owned
 * by other rules are listed in {@link OWNED_ELSEWHERE} so that `yarn-settings` leaves them alone.
 */

/** A key with no Kubernetes meaning, and why. */
export interface DropEntry {
  reason: DropReason;
  detail: string;
}

const AM_CLIENT = 'client-mode ApplicationMaster setting; on Kubernetes the driver pod is sized by spark.driver.*';
const AM_PROTOCOL = 'ApplicationMaster ↔ ResourceManager protocol setting';
const STAGING = 'YARN staging of submitted files in HDFS';
const LOGS = 'YARN log aggregation; on Kubernetes container logs go to stdout';

/** Exact keys that are dropped. */
export const DROPPED: Record<string, DropEntry> = {
  'spark.yarn.am.memory': { reason: 'yarn-only', detail: AM_CLIENT },
  'spark.yarn.am.memoryOverhead': { reason: 'yarn-only', detail: AM_CLIENT },
  'spark.yarn.am.cores': { reason: 'yarn-only', detail: AM_CLIENT },
  'spark.yarn.am.extraJavaOptions': { reason: 'yarn-only', detail: `${AM_CLIENT} (cluster mode uses spark.driver.extraJavaOptions)` },
  'spark.yarn.am.extraLibraryPath': { reason: 'yarn-only', detail: `${AM_CLIENT} (cluster mode uses spark.driver.extraLibraryPath)` },
  'spark.yarn.am.waitTime': { reason: 'yarn-only', detail: AM_PROTOCOL },
  'spark.yarn.am.attemptFailuresValidityInterval': {
    reason: 'no-k8s-equivalent',
    detail: 'the operator restartPolicy counts every failure; it has no validity window',
  },
  'spark.yarn.am.clientModeTreatDisconnectAsFailed': { reason: 'yarn-only', detail: AM_PROTOCOL },
  'spark.yarn.am.clientModeExitOnError': { reason: 'yarn-only', detail: AM_PROTOCOL },
  'spark.yarn.am.tokenConfRegex': { reason: 'yarn-only', detail: 'delegation-token renewal by the YARN ResourceManager' },
  'spark.yarn.resourceGpuDeviceName': { reason: 'yarn-only', detail: 'YARN resource-type name of GPUs' },
  'spark.yarn.resourceFpgaDeviceName': { reason: 'yarn-only', detail: 'YARN resource-type name of FPGAs' },
  'spark.yarn.applicationType': { reason: 'yarn-only', detail: 'application type shown by the YARN ResourceManager' },
  'spark.yarn.submit.file.replication': { reason: 'yarn-only', detail: STAGING },
  'spark.yarn.stagingDir': {
    reason: 'yarn-only',
    detail: `${STAGING}; the Spark Operator runs spark-submit in its own pod, so dependencies must be remote (s3a://, https://) or local:// in the image rather than uploaded through spark.kubernetes.file.upload.path`,
  },
  'spark.yarn.preserve.staging.files': { reason: 'yarn-only', detail: STAGING },
  'spark.yarn.scheduler.heartbeat.interval-ms': { reason: 'yarn-only', detail: AM_PROTOCOL },
  'spark.yarn.scheduler.initial-allocation.interval': { reason: 'yarn-only', detail: AM_PROTOCOL },
  'spark.yarn.historyServer.address': {
    reason: 'yarn-only',
    detail: 'YARN tracking link to the History Server on the EMR master; keep spark.eventLog.* on S3 and run a Spark History Server that reads it',
  },
  'spark.yarn.historyServer.allowTracking': { reason: 'yarn-only', detail: 'YARN tracking link to the History Server' },
  'spark.yarn.jars': { reason: 'yarn-only', detail: 'Spark jars come from the container image' },
  'spark.yarn.jar': { reason: 'yarn-only', detail: 'Spark jars come from the container image' },
  'spark.yarn.archive': { reason: 'yarn-only', detail: 'Spark jars come from the container image' },
  'spark.yarn.containerLauncherMaxThreads': { reason: 'yarn-only', detail: 'threads that launch YARN containers' },
  'spark.yarn.populateHadoopClasspath': { reason: 'yarn-only', detail: "YARN's Hadoop classpath; the image carries Hadoop" },
  'spark.yarn.submit.waitAppCompletion': {
    reason: 'not-applicable',
    detail:
      'the Spark Operator submits with spark.kubernetes.submission.waitAppCompletion=false and tracks the application itself; sparkConf comes later on its command line, so carrying true would make its spark-submit block',
  },
  'spark.yarn.config.gatewayPath': { reason: 'yarn-only', detail: 'path rewriting between gateway and NodeManager hosts' },
  'spark.yarn.config.replacementPath': { reason: 'yarn-only', detail: 'path rewriting between gateway and NodeManager hosts' },
  'spark.yarn.rolledLog.includePattern': { reason: 'yarn-only', detail: LOGS },
  'spark.yarn.rolledLog.excludePattern': { reason: 'yarn-only', detail: LOGS },
  'spark.yarn.executor.launch.excludeOnFailure.enabled': { reason: 'yarn-only', detail: 'excludes YARN nodes that fail to launch containers' },
  'spark.yarn.blacklist.executor.launch.blacklisting.enabled': { reason: 'yarn-only', detail: 'excludes YARN nodes that fail to launch containers' },
  'spark.yarn.exclude.nodes': {
    reason: 'yarn-only',
    detail: 'EMR host names do not exist on Kubernetes; use node anti-affinity in a pod template to avoid nodes',
  },
  'spark.yarn.metrics.namespace': { reason: 'yarn-only', detail: 'metrics namespace of the ApplicationMaster source' },
  'spark.yarn.report.loggingFrequency': { reason: 'yarn-only', detail: 'YARN client status logging' },
  'spark.yarn.clientLaunchMonitorInterval': { reason: 'yarn-only', detail: 'YARN client status polling' },
  'spark.yarn.includeDriverLogsLink': { reason: 'yarn-only', detail: 'YARN NodeManager log links' },
  'spark.yarn.unmanagedAM.enabled': { reason: 'yarn-only', detail: 'unmanaged ApplicationMaster' },
  'spark.yarn.kerberos.renewal.excludeHadoopFileSystems': { reason: 'yarn-only', detail: 'YARN delegation-token renewal' },
  'spark.yarn.app.container.log.dir': { reason: 'yarn-only', detail: `${LOGS}; rewrite log4j2 appenders that use it` },
};

/** Key prefixes that are dropped. */
export const DROPPED_PREFIXES: Array<[string, DropEntry]> = [
  ['spark.yarn.am.resource.', { reason: 'yarn-only', detail: 'client-mode ApplicationMaster resource request' }],
  ['spark.yarn.shuffle.', { reason: 'yarn-only', detail: 'NodeManager external shuffle service' }],
];

/** A key renamed to a Kubernetes-era key; `sources` in Spark's alternate precedence (first wins). */
export interface Rename {
  target: string;
  sources: string[];
  /** First Spark version that reads the target. */
  since?: [number, number];
}

export const RENAMES: Rename[] = [
  { target: 'spark.kubernetes.report.interval', sources: ['spark.yarn.report.interval'] },
  { target: 'spark.kerberos.relogin.period', sources: ['spark.yarn.kerberos.relogin.period'] },
  { target: 'spark.kerberos.principal', sources: ['spark.yarn.principal'] },
  { target: 'spark.kerberos.keytab', sources: ['spark.yarn.keytab'] },
  { target: 'spark.kerberos.access.hadoopFileSystems', sources: ['spark.yarn.access.hadoopFileSystems', 'spark.yarn.access.namenodes'] },
  { target: 'spark.executor.maxNumFailures', sources: ['spark.yarn.max.executor.failures', 'spark.yarn.max.worker.failures'], since: [3, 5] },
  { target: 'spark.executor.failuresValidityInterval', sources: ['spark.yarn.executor.failuresValidityInterval'], since: [3, 5] },
];

/** Renamed targets that carry a Kerberos login, which needs more than the setting on Kubernetes. */
export const KERBEROS_TARGETS = new Set(['spark.kerberos.principal', 'spark.kerberos.keytab']);

/** `spark.yarn.*` keys other rules own (brief of each rule; facts §5 rows they implement). */
export const OWNED_ELSEWHERE = new Set([
  'spark.yarn.queue',
  'spark.yarn.maxAppAttempts',
  'spark.yarn.executor.memoryOverhead',
  'spark.yarn.executor.memoryOverheadFactor',
  'spark.yarn.driver.memoryOverhead',
  'spark.yarn.heterogeneousExecutors.enabled',
  'spark.yarn.isPython',
]);
export const OWNED_ELSEWHERE_PREFIXES = ['spark.yarn.dist.', 'spark.yarn.appMasterEnv.'];
