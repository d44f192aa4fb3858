import { describe, expect, it } from 'vitest';
import type { Classification } from '../src/rule-api.js';
import { buildJob, checkRule, runRuleCase } from '../src/rule-api.js';
import { YUNIKORN_QUEUES_FILE } from './_classifications.js';
import rule from './hive-metastore.js';

const GLUE = 'com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory';
const c = (classification: string, properties: Record<string, string>, configurations: Classification[] = []): Classification => ({ classification, properties, configurations });

describe('hive-metastore', () => {
  it('follows its table', () => {
    checkRule(rule, [
      {
        name: 'Glue catalog in spark-hive-site on the Apache image',
        job: buildJob({ classifications: [c('spark-hive-site', { 'hive.metastore.client.factory.class': GLUE, 'hive.metastore.glue.catalogid': '123456789012' })] }),
        fields: {
          'hadoopConf.hive.metastore.client.factory.class': GLUE,
          'hadoopConf.hive.metastore.glue.catalogid': '123456789012',
        },
        messages: ['glue-catalog-client'],
      },
      {
        name: 'Glue catalog with the EMR image needs no warning',
        config: { image: { flavor: 'emr', region: 'us-east-1' } },
        job: buildJob({ classifications: [c('spark-hive-site', { 'hive.metastore.client.factory.class': GLUE })] }),
        fields: { 'hadoopConf.hive.metastore.client.factory.class': GLUE },
        messages: [],
      },
      {
        name: 'spark-hive-site beats hive-site beats core-site; spark.hadoop.* beats all',
        job: buildJob({
          conf: { 'spark.hadoop.fs.s3a.connection.maximum': { value: '500', layer: 'conf' } },
          classifications: [
            c('spark-hive-site', { 'hive.metastore.uris': 'thrift://metastore.data.acme.internal:9083' }),
            c('hive-site', { 'hive.metastore.uris': 'thrift://ip-10-0-12-7.ec2.internal:9083', 'hive.exec.dynamic.partition.mode': 'nonstrict' }),
            c('core-site', { 'fs.s3a.connection.maximum': '100', 'hadoop.proxyuser.hue.hosts': '*' }),
          ],
        }),
        fields: {
          'hadoopConf.hive.metastore.uris': 'thrift://metastore.data.acme.internal:9083',
          'hadoopConf.hive.exec.dynamic.partition.mode': 'nonstrict',
          'hadoopConf.hadoop.proxyuser.hue.hosts': '*',
          'hadoopConf.fs.s3a.connection.maximum': undefined,
        },
        messages: [],
        dropped: [
          ['cluster/configurations/hive-site/hive.metastore.uris', 'superseded'],
          ['cluster/configurations/core-site/fs.s3a.connection.maximum', 'superseded'],
        ],
      },
      {
        name: 'other applications and Spark files are dropped with reasons',
        job: buildJob({
          classifications: [
            c('yarn-site', { 'yarn.nodemanager.vmem-check-enabled': 'false' }),
            c('capacity-scheduler', { 'yarn.scheduler.capacity.resource-calculator': 'org.apache.hadoop.yarn.util.resource.DominantResourceCalculator' }),
            c('hadoop-env', {}, [c('export', { HADOOP_DATANODE_HEAPSIZE: '2048' })]),
            c('spark-log4j2', { 'rootLogger.level': 'warn' }),
            c('spark-metrics', { '*.sink.prometheusServlet.class': 'org.apache.spark.metrics.sink.PrometheusServlet' }),
            c('iceberg-defaults', { 'iceberg.enabled': 'true' }),
            c('presto-connector-hive', { 'hive.metastore': 'glue' }),
            c('spark-env', {}, [c('export', { PYSPARK_PYTHON: '/usr/bin/python3' })]),
            c('emrfs-site', { 'fs.s3.maxConnections': '200' }),
          ],
        }),
        messages: ['needs-configmap', 'needs-configmap', 'table-format-jars'],
        dropped: [
          ['cluster/configurations/yarn-site/yarn.nodemanager.vmem-check-enabled', 'yarn-only'],
          ['cluster/configurations/capacity-scheduler/yarn.scheduler.capacity.resource-calculator', 'yarn-only'],
          ['cluster/configurations/hadoop-env/export/HADOOP_DATANODE_HEAPSIZE', 'no-k8s-equivalent'],
          ['cluster/configurations/spark-log4j2/rootLogger.level', 'no-k8s-equivalent'],
          ['cluster/configurations/spark-metrics/*.sink.prometheusServlet.class', 'no-k8s-equivalent'],
          ['cluster/configurations/iceberg-defaults/iceberg.enabled', 'emr-only'],
          ['cluster/configurations/presto-connector-hive/hive.metastore', 'no-k8s-equivalent'],
        ],
      },
    ]);
  });

  it('points capacity-scheduler drops at the YuniKorn queue file when YuniKorn schedules the jobs', () => {
    const job = buildJob({ classifications: [c('capacity-scheduler', { 'yarn.scheduler.capacity.root.queues': 'etl,adhoc' })] });
    const detailWith = (config?: Parameters<typeof runRuleCase>[1]['config']) =>
      runRuleCase(rule, { name: 'queues', job, ...(config && { config }) }).dropped.map((d) => [d.reason, d.detail]);
    expect(detailWith({ scheduler: { name: 'yunikorn', queues: {} } })).toEqual([['yarn-only', expect.stringContaining(`carried to ${YUNIKORN_QUEUES_FILE}`)]]);
    expect(detailWith()).toEqual([['yarn-only', 'capacity-scheduler configures YARN or MapReduce daemons; Kubernetes schedules the pods']]);
    expect(detailWith({ scheduler: { name: 'volcano', queues: {} } })).toEqual(detailWith());
  });

  it('leaves metastore passwords to the secrets rule', () => {
    const plan = runRuleCase(rule, {
      name: 'secret',
      job: buildJob({ classifications: [c('hive-site', { 'javax.jdo.option.ConnectionPassword': 'S3cr3t!', 'javax.jdo.option.ConnectionUserName': 'hive' })] }),
    });
    expect(plan.hadoopConf).toEqual({ 'javax.jdo.option.ConnectionUserName': 'hive' });
    expect(JSON.stringify(plan)).not.toContain('S3cr3t!');
  });
});
