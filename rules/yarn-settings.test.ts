import { describe, expect, it } from 'vitest';
import { buildJob, checkRule, runRuleCase } from '../src/rule-api.js';
import type { ClusterFacts } from '../src/rule-api.js';
import rule from './yarn-settings.js';

const EMR_6_15: Partial<ClusterFacts> = { releaseLabel: 'emr-6.15.0', sparkVersion: '3.4.1', hadoopVersion: '3.3.6', scalaVersion: '2.12', javaVersion: '8', pythonVersion: '3.7' };
const EMR_6_7: Partial<ClusterFacts> = { releaseLabel: 'emr-6.7.0', sparkVersion: '3.2.1', hadoopVersion: '3.2.1', scalaVersion: '2.12', javaVersion: '8', pythonVersion: '3.7' };
const SPOT_NODES = { nodeLabels: { SPOT: { 'karpenter.sh/capacity-type': 'spot' }, ON_DEMAND: { 'karpenter.sh/capacity-type': 'on-demand' } } };

/**
 * `spark.yarn.*` names documented by Apache Spark 3.3–4.1 (running-on-yarn.md property tables),
 * with example values, plus the deprecated names SparkConf still accepts.
 */
const DOCUMENTED: Record<string, string> = {
  'spark.yarn.am.attemptFailuresValidityInterval': '1h',
  'spark.yarn.am.clientModeExitOnError': 'false',
  'spark.yarn.am.clientModeTreatDisconnectAsFailed': 'false',
  'spark.yarn.am.cores': '1',
  'spark.yarn.am.extraJavaOptions': '-XX:+UseG1GC',
  'spark.yarn.am.extraLibraryPath': '/usr/lib/hadoop/lib/native',
  'spark.yarn.am.memory': '512m',
  'spark.yarn.am.memoryOverhead': '384m',
  'spark.yarn.am.nodeLabelExpression': 'ON_DEMAND',
  'spark.yarn.am.resource.yarn.io/gpu.amount': '1',
  'spark.yarn.am.tokenConfRegex': '^dfs.nameservices$',
  'spark.yarn.am.waitTime': '100s',
  'spark.yarn.applicationType': 'SPARK',
  'spark.yarn.archive': 'hdfs:///apps/spark/spark-libs.zip',
  'spark.yarn.clientLaunchMonitorInterval': '1s',
  'spark.yarn.config.gatewayPath': '/opt/hadoop',
  'spark.yarn.config.replacementPath': '{{HADOOP_HOME}}',
  'spark.yarn.containerLauncherMaxThreads': '25',
  'spark.yarn.driver.resource.yarn.io/gpu.amount': '1',
  'spark.yarn.exclude.nodes': 'ip-10-0-3-17.ec2.internal',
  'spark.yarn.executor.failuresValidityInterval': '1h',
  'spark.yarn.executor.launch.excludeOnFailure.enabled': 'true',
  'spark.yarn.executor.nodeLabelExpression': 'SPOT',
  'spark.yarn.executor.resource.yarn.io/gpu.amount': '1',
  'spark.yarn.historyServer.address': 'ip-10-0-1-23.ec2.internal:18080',
  'spark.yarn.historyServer.allowTracking': 'true',
  'spark.yarn.includeDriverLogsLink': 'false',
  'spark.yarn.jars': 'local:/usr/lib/spark/jars/*',
  'spark.yarn.kerberos.relogin.period': '1m',
  'spark.yarn.kerberos.renewal.excludeHadoopFileSystems': 'hdfs://nn2.example.internal:8020',
  'spark.yarn.max.executor.failures': '12',
  'spark.yarn.metrics.namespace': 'nightly',
  'spark.yarn.populateHadoopClasspath': 'true',
  'spark.yarn.preserve.staging.files': 'false',
  'spark.yarn.priority': '10',
  'spark.yarn.report.interval': '5s',
  'spark.yarn.report.loggingFrequency': '30',
  'spark.yarn.resourceFpgaDeviceName': 'yarn.io/fpga',
  'spark.yarn.resourceGpuDeviceName': 'yarn.io/gpu',
  'spark.yarn.rolledLog.excludePattern': 'stdout',
  'spark.yarn.rolledLog.includePattern': 'spark*',
  'spark.yarn.scheduler.heartbeat.interval-ms': '3000',
  'spark.yarn.scheduler.initial-allocation.interval': '200ms',
  'spark.yarn.shuffle.server.recovery.disabled': 'false',
  'spark.yarn.shuffle.service.logs.namespace': 'spark',
  'spark.yarn.shuffle.service.metrics.namespace': 'sparkShuffleService',
  'spark.yarn.shuffle.stopOnFailure': 'false',
  'spark.yarn.stagingDir': 'hdfs:///user/hadoop',
  'spark.yarn.submit.file.replication': '3',
  'spark.yarn.submit.waitAppCompletion': 'true',
  'spark.yarn.tags': 'nightly',
  'spark.yarn.unmanagedAM.enabled': 'false',
  'spark.yarn.jar': 'hdfs:///apps/spark/spark-assembly.jar',
  'spark.yarn.principal': 'etl@CORP.EXAMPLE.COM',
  'spark.yarn.keytab': '/etc/security/keytabs/etl.keytab',
  'spark.yarn.access.hadoopFileSystems': 'hdfs://nn2.example.internal:8020',
  'spark.yarn.access.namenodes': 'hdfs://nn3.example.internal:8020',
  'spark.yarn.max.worker.failures': '8',
};

/** Keys of the same page that other rules own (`spark.yarn.queue`, `spark.yarn.maxAppAttempts`, …). */
const OWNED_ELSEWHERE: Record<string, string> = {
  'spark.yarn.queue': 'etl',
  'spark.yarn.maxAppAttempts': '2',
  'spark.yarn.dist.jars': 's3://acme-etl/jars/deequ-2.0.7.jar',
  'spark.yarn.appMasterEnv.SPARK_PUBLIC_DNS': '$(hostname -f)',
  'spark.yarn.executor.memoryOverheadFactor': '0.1875',
  'spark.yarn.executor.memoryOverhead': '2048',
  'spark.yarn.driver.memoryOverhead': '512',
  'spark.yarn.heterogeneousExecutors.enabled': 'true',
  'spark.yarn.isPython': 'true',
};

describe('yarn-settings', () => {
  it('follows its case table', () => {
    checkRule(rule, [
      {
        name: 'an EMR spark-defaults capture: master and the history server link are YARN-only',
        job: buildJob({
          conf: {
            'spark.master': { value: 'yarn', layer: 'emr-default' },
            'spark.yarn.historyServer.address': { value: 'ip-10-0-1-23.ec2.internal:18080', layer: 'emr-default' },
            'spark.submit.deployMode': { value: 'cluster', layer: 'flag' },
          },
        }),
        dropped: [
          ['spark.master', 'yarn-only'],
          ['spark.yarn.historyServer.address', 'yarn-only'],
          ['spark.submit.deployMode', 'superseded'],
        ],
        messages: [],
      },
      {
        name: 'a local-mode step did not run on YARN',
        job: buildJob({ conf: { 'spark.master': { value: 'local[4]', layer: 'flag' } } }),
        dropped: [['spark.master', 'superseded']],
        messages: ['master-not-yarn'],
      },
      {
        name: 'driver host and bind address fail on Kubernetes and are dropped',
        job: buildJob({ conf: { 'spark.driver.host': '10.0.1.23', 'spark.driver.bindAddress': '0.0.0.0' } }),
        dropped: [
          ['spark.driver.bindAddress', 'not-applicable'],
          ['spark.driver.host', 'not-applicable'],
        ],
        messages: [],
      },
      {
        name: 'waitAppCompletion is not carried: the operator must not block on spark-submit',
        job: buildJob({ conf: { 'spark.yarn.submit.waitAppCompletion': 'true' } }),
        fields: { 'sparkConf.spark.kubernetes.submission.waitAppCompletion': undefined },
        dropped: [['spark.yarn.submit.waitAppCompletion', 'not-applicable']],
      },
      {
        name: 'report interval and Kerberos relogin period are renamed',
        job: buildJob({ conf: { 'spark.yarn.report.interval': '5s', 'spark.yarn.kerberos.relogin.period': '5m' } }),
        fields: { 'sparkConf.spark.kubernetes.report.interval': '5s', 'sparkConf.spark.kerberos.relogin.period': '5m' },
        messages: [],
        dropped: [],
      },
      {
        name: 'a Kerberos login is carried with a warning; the newer alternate wins',
        job: buildJob({
          conf: {
            'spark.yarn.principal': 'etl@CORP.EXAMPLE.COM',
            'spark.yarn.access.hadoopFileSystems': 'hdfs://nn2.example.internal:8020',
            'spark.yarn.access.namenodes': 'hdfs://nn3.example.internal:8020',
          },
        }),
        fields: {
          'sparkConf.spark.kerberos.principal': 'etl@CORP.EXAMPLE.COM',
          'sparkConf.spark.kerberos.access.hadoopFileSystems': 'hdfs://nn2.example.internal:8020',
        },
        dropped: [['spark.yarn.access.namenodes', 'superseded']],
        messages: ['kerberos-on-kubernetes'],
      },
      {
        name: 'executor failure cap becomes spark.executor.maxNumFailures on Spark 3.5',
        job: buildJob({ conf: { 'spark.yarn.max.executor.failures': '12', 'spark.yarn.executor.failuresValidityInterval': '1h' } }),
        fields: { 'sparkConf.spark.executor.maxNumFailures': '12', 'sparkConf.spark.executor.failuresValidityInterval': '1h' },
        messages: [],
      },
      {
        name: 'the Kubernetes-era key, when also set, supersedes the YARN one',
        job: buildJob({ conf: { 'spark.yarn.max.executor.failures': '12', 'spark.executor.maxNumFailures': '20' } }),
        fields: { 'sparkConf.spark.executor.maxNumFailures': undefined },
        dropped: [['spark.yarn.max.executor.failures', 'superseded']],
      },
      {
        name: 'Spark 3.4 on Kubernetes has no executor failure cap',
        job: buildJob({ facts: EMR_6_15, conf: { 'spark.yarn.max.executor.failures': '12' } }),
        fields: { 'sparkConf.spark.executor.maxNumFailures': undefined },
        dropped: [['spark.yarn.max.executor.failures', 'no-k8s-equivalent']],
        messages: ['executor-failure-cap-lost'],
      },
      {
        name: 'YARN GPUs become Spark resources that need a vendor on Kubernetes',
        job: buildJob({ conf: { 'spark.yarn.executor.resource.yarn.io/gpu.amount': '1', 'spark.yarn.driver.resource.yarn.io/gpu.amount': '1', 'spark.driver.resource.gpu.vendor': 'nvidia.com' } }),
        fields: { 'sparkConf.spark.executor.resource.gpu.amount': '1', 'sparkConf.spark.driver.resource.gpu.amount': '1' },
        messages: ['resource-vendor-needed'],
      },
      {
        name: 'a mapped executor node label becomes a node selector',
        job: buildJob({ conf: { 'spark.yarn.executor.nodeLabelExpression': 'SPOT' } }),
        options: SPOT_NODES,
        fields: { 'sparkConf.spark.kubernetes.executor.node.selector.karpenter.sh/capacity-type': 'spot' },
        messages: [],
        dropped: [],
      },
      {
        name: 'the AM label places the driver only in cluster mode',
        job: buildJob({ conf: { 'spark.yarn.am.nodeLabelExpression': 'ON_DEMAND', 'spark.submit.deployMode': { value: 'cluster', layer: 'flag' } } }),
        options: SPOT_NODES,
        fields: { 'sparkConf.spark.kubernetes.driver.node.selector.karpenter.sh/capacity-type': 'on-demand' },
      },
      {
        name: 'in client mode the AM label placed only the executor launcher',
        job: buildJob({ conf: { 'spark.yarn.am.nodeLabelExpression': 'ON_DEMAND' } }),
        options: SPOT_NODES,
        fields: { 'sparkConf.spark.kubernetes.driver.node.selector.karpenter.sh/capacity-type': undefined },
        dropped: [['spark.yarn.am.nodeLabelExpression', 'yarn-only']],
        messages: [],
      },
      {
        name: 'an unmapped node label is dropped with a warning',
        job: buildJob({ conf: { 'spark.yarn.executor.nodeLabelExpression': 'CORE' } }),
        options: SPOT_NODES,
        dropped: [['spark.yarn.executor.nodeLabelExpression', 'yarn-only']],
        messages: ['node-label-unmapped'],
      },
      {
        name: 'Spark 3.2 has no executor node selector',
        job: buildJob({ facts: EMR_6_7, conf: { 'spark.yarn.executor.nodeLabelExpression': 'SPOT' } }),
        options: SPOT_NODES,
        dropped: [['spark.yarn.executor.nodeLabelExpression', 'no-k8s-equivalent']],
        messages: ['node-selector-unsupported'],
      },
      {
        name: 'YARN tags become pod labels; a tag that cannot be a label is reported',
        job: buildJob({ conf: { 'spark.yarn.tags': 'team=data-platform, nightly ,cost center:42' } }),
        fields: {
          'driver.labels.team': 'data-platform',
          'executor.labels.team': 'data-platform',
          'driver.labels.nightly': 'true',
          'executor.labels.nightly': 'true',
        },
        messages: ['yarn-tag-invalid'],
        dropped: [],
      },
      {
        name: 'YARN priority needs a PriorityClass',
        job: buildJob({ conf: { 'spark.yarn.priority': '10' } }),
        dropped: [['spark.yarn.priority', 'yarn-only']],
        messages: ['priority-not-mapped'],
      },
      {
        name: 'an unknown spark.yarn key is dropped with a warning',
        job: buildJob({ conf: { 'spark.yarn.am.portRange': '40000-40100' } }),
        dropped: [['spark.yarn.am.portRange', 'yarn-only']],
        messages: ['unknown-yarn-setting'],
      },
    ]);
  });

  it('maps or drops every documented spark.yarn setting without calling it unknown', () => {
    const plan = runRuleCase(rule, {
      name: 'documented',
      job: buildJob({ conf: { ...DOCUMENTED, 'spark.submit.deployMode': 'cluster' } }),
      options: SPOT_NODES,
    });
    expect(plan.diagnostics.filter((d) => d.code === 'unknown-yarn-setting')).toEqual([]);
    expect(plan.diagnostics.filter((d) => d.code === 'unmapped-setting')).toEqual([]);
    const dropped = new Set(plan.dropped.map((d) => d.setting));
    const mapped = new Set(Object.values(plan.provenance).flatMap((p) => ('from' in p ? p.from : [])));
    for (const key of Object.keys(DOCUMENTED)) {
      const ref = `cluster/configurations/spark-defaults/${key}`;
      expect(dropped.has(key) || mapped.has(ref), key).toBe(true);
    }
  });

  it('leaves the settings other rules own, and secrets, untouched', () => {
    const plan = runRuleCase(rule, {
      name: 'owned elsewhere',
      job: buildJob({ conf: { ...OWNED_ELSEWHERE, 'spark.yarn.am.trustStore.password': 'hunter2' } }),
    });
    expect(plan.dropped).toEqual([]);
    expect(Object.keys(plan.provenance)).toEqual([]);
    const unmapped = plan.diagnostics.filter((d) => d.code === 'unmapped-setting').map((d) => d.refs[0]);
    expect(unmapped).toHaveLength(Object.keys(OWNED_ELSEWHERE).length + 1);
    expect(JSON.stringify(plan)).not.toContain('hunter2');
  });
});
