import { describe, expect, it } from 'vitest';
import { buildJob, checkRule, runRuleCase } from '../src/rule-api.js';
import rule from './s3-access.js';

const S3A = 'org.apache.hadoop.fs.s3a.S3AFileSystem';
const emrfsSite = {
  classification: 'emrfs-site',
  properties: { 'fs.s3.maxConnections': '200', 'fs.s3.enableServerSideEncryption': 'true' },
  configurations: [],
};

describe('s3-access', () => {
  it('follows its table', () => {
    checkRule(rule, [
      {
        name: 'Spark 3.5 job reading S3 on the Apache image',
        job: buildJob(),
        fields: {
          'hadoopConf.fs.s3.impl': S3A,
          'hadoopConf.fs.s3n.impl': S3A,
          'hadoopConf.fs.s3a.aws.credentials.provider': 'com.amazonaws.auth.WebIdentityTokenCredentialsProvider',
        },
        messages: ['hadoop-aws-needed'],
      },
      {
        name: 'Spark 4 image uses the SDK v2 provider',
        job: buildJob({ facts: { sparkVersion: '4.0.1', scalaVersion: '2.13.16' } }),
        fields: { 'hadoopConf.fs.s3a.aws.credentials.provider': 'software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider' },
        messages: ['hadoop-aws-needed'],
      },
      {
        name: 'no S3 anywhere: nothing to do',
        job: buildJob({
          submit: { primaryResource: { value: 'local:///opt/spark/examples/jars/spark-examples_2.12-3.5.6.jar', ref: 'steps/step-1/args/3' } },
          conf: { 'spark.sql.shuffle.partitions': '400' },
        }),
        fields: { 'hadoopConf.fs.s3.impl': undefined },
        messages: [],
      },
      {
        name: 'HDFS event logs move to the S3 LogUri, so S3 is used',
        job: buildJob({
          submit: { primaryResource: { value: 'local:///opt/acme/app.jar', ref: 'steps/step-1/args/3' } },
          cluster: { logUri: 's3://aws-logs-123456789012-us-east-1/elasticmapreduce/' },
          conf: { 'spark.eventLog.dir': 'hdfs:///var/log/spark/apps' },
        }),
        fields: { 'hadoopConf.fs.s3.impl': S3A },
        messages: ['hadoop-aws-needed'],
      },
      {
        name: 'user credentials provider in core-site wins; emrfs-site dropped',
        job: buildJob({
          classifications: [
            { classification: 'core-site', properties: { 'fs.s3a.aws.credentials.provider': 'com.amazonaws.auth.InstanceProfileCredentialsProvider' }, configurations: [] },
            emrfsSite,
          ],
        }),
        fields: { 'hadoopConf.fs.s3a.aws.credentials.provider': undefined, 'hadoopConf.fs.s3.impl': S3A },
        messages: ['hadoop-aws-needed', 'emrfs-site-dropped'],
        dropped: [
          ['cluster/configurations/emrfs-site/fs.s3.maxConnections', 'emr-only'],
          ['cluster/configurations/emrfs-site/fs.s3.enableServerSideEncryption', 'emr-only'],
        ],
      },
      {
        name: 'static S3A keys in core-site: no web-identity provider that would ignore them',
        job: buildJob({
          classifications: [{ classification: 'core-site', properties: { 'fs.s3a.access.key': 'AKIAIOSFODNN7EXAMPLE' }, configurations: [] }],
        }),
        fields: { 'hadoopConf.fs.s3a.aws.credentials.provider': undefined, 'hadoopConf.fs.s3.impl': S3A },
        messages: ['hadoop-aws-needed'],
      },
      {
        name: 'EMR image: emrfs-site carried as Hadoop conf, nothing rewritten',
        config: { image: { flavor: 'emr', region: 'us-east-1' } },
        job: buildJob({ classifications: [emrfsSite], conf: { 'spark.hadoop.fs.s3.enableServerSideEncryption': 'false' } }),
        fields: {
          'hadoopConf.fs.s3.maxConnections': '200',
          'hadoopConf.fs.s3.enableServerSideEncryption': undefined,
          'hadoopConf.fs.s3.impl': undefined,
        },
        messages: [],
        dropped: [['cluster/configurations/emrfs-site/fs.s3.enableServerSideEncryption', 'superseded']],
      },
    ]);
  });

  it('explains its defaults instead of consuming the conf entries that use S3', () => {
    const plan = runRuleCase(rule, { name: 'consume', job: buildJob({ conf: { 'spark.sql.warehouse.dir': 's3://acme-lake/warehouse/' } }) });
    expect(plan.provenance['hadoopConf.fs.s3.impl']).toMatchObject({ rule: 's3-access', default: expect.stringContaining('EMRFS') });
    expect(plan.diagnostics.map((d) => d.code)).toContain('unmapped-setting');
  });
});
