import { describe, expect, it } from 'vitest';
import type { Classification } from '../src/rule-api.js';
import { buildJob, checkRule, runRuleCase } from '../src/rule-api.js';
import rule from './secrets.js';

const step = { id: 's-3FJQ7W2M9XK1T', key: 's-3FJQ7W2M9XK1T', name: 'Load Orders' };
const c = (classification: string, properties: Record<string, string>, configurations: Classification[] = []): Classification => ({ classification, properties, configurations });
const ref = (key: string) => ({ secretKeyRef: { name: 'load-orders-secrets', key } });

describe('secrets', () => {
  it('follows its table', () => {
    checkRule(rule, [
      {
        name: 'metastore password in hive-site, S3A keys in the conf, a token for the driver',
        job: buildJob({
          step,
          classifications: [c('hive-site', { 'javax.jdo.option.ConnectionPassword': 'Hive!2024', 'javax.jdo.option.ConnectionUserName': 'hive' })],
          conf: {
            'spark.hadoop.fs.s3a.secret.key': { value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', layer: 'conf' },
            'spark.yarn.appMasterEnv.SLACK_TOKEN': { value: 'xoxb-0000-EXAMPLE', layer: 'conf' },
            'spark.hadoop.fs.s3a.aws.credentials.provider': 'org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider',
          },
        }),
        fields: {
          'hadoopConf.javax.jdo.option.ConnectionPassword': '${env.EMR2K8S_SECRET_JAVAX_JDO_OPTION_CONNECTIONPASSWORD}',
          'hadoopConf.fs.s3a.secret.key': '${env.EMR2K8S_SECRET_FS_S3A_SECRET_KEY}',
          'driver.env.EMR2K8S_SECRET_FS_S3A_SECRET_KEY': ref('spark.hadoop.fs.s3a.secret.key'),
          'executor.env.EMR2K8S_SECRET_JAVAX_JDO_OPTION_CONNECTIONPASSWORD': ref('javax.jdo.option.ConnectionPassword'),
          'driver.env.SLACK_TOKEN': ref('spark.yarn.appMasterEnv.SLACK_TOKEN'),
          'executor.env.SLACK_TOKEN': undefined,
          'hadoopConf.javax.jdo.option.ConnectionUserName': undefined,
          secrets: [
            {
              name: 'load-orders-secrets',
              keys: ['javax.jdo.option.ConnectionPassword', 'spark.hadoop.fs.s3a.secret.key', 'spark.yarn.appMasterEnv.SLACK_TOKEN'],
              reason: 'values of javax.jdo.option.ConnectionPassword, spark.hadoop.fs.s3a.secret.key, spark.yarn.appMasterEnv.SLACK_TOKEN, kept out of the manifests',
            },
          ],
        },
        messages: ['secret-reference'],
        dropped: [],
      },
      {
        name: 'a Spark setting gets a ${env:VAR} reference; spark-env exports keep their names',
        job: buildJob({
          step,
          classifications: [c('spark-env', {}, [c('export', { DB_PASSWORD: 'pg-Pa55' })])],
          conf: { 'spark.ssl.keyPassword': { value: 'ks-Pa55', layer: 'conf' } },
        }),
        fields: {
          'sparkConf.spark.ssl.keyPassword': '${env:EMR2K8S_SECRET_SPARK_SSL_KEYPASSWORD}',
          'driver.env.DB_PASSWORD': ref('DB_PASSWORD'),
          'executor.env.DB_PASSWORD': ref('DB_PASSWORD'),
        },
        messages: ['secret-reference', 'spark-conf-secret'],
      },
      {
        name: 'a secret variable whose name Kubernetes refuses is dropped, never written',
        job: buildJob({
          step,
          classifications: [c('spark-env', {}, [c('export', { '1ST_PASSWORD': 'pg-Pa55' })])],
          conf: { 'spark.executorEnv.API TOKEN': { value: 'tok-123', layer: 'conf' } },
        }),
        fields: { 'driver.env.1ST_PASSWORD': undefined, 'executor.env.API TOKEN': undefined },
        messages: ['secret-env-name-invalid', 'secret-env-name-invalid'],
        dropped: [
          ['cluster/configurations/spark-env/export/1ST_PASSWORD', 'no-k8s-equivalent'],
          ['spark.executorEnv.API TOKEN', 'no-k8s-equivalent'],
        ],
      },
      {
        name: 'EMRFS credentials: dropped for the Apache image, superseded core-site secret',
        job: buildJob({
          step,
          classifications: [
            c('emrfs-site', { 'fs.s3.awsSecretAccessKey': 'emrfs-EXAMPLE' }),
            c('core-site', { 'fs.s3a.secret.key': 'core-EXAMPLE' }),
          ],
          conf: { 'spark.hadoop.fs.s3a.secret.key': { value: 'conf-EXAMPLE', layer: 'conf' } },
        }),
        fields: { 'hadoopConf.fs.s3a.secret.key': '${env.EMR2K8S_SECRET_FS_S3A_SECRET_KEY}' },
        messages: ['secret-reference'],
        dropped: [
          ['cluster/configurations/emrfs-site/fs.s3.awsSecretAccessKey', 'emr-only'],
          ['cluster/configurations/core-site/fs.s3a.secret.key', 'superseded'],
        ],
      },
      {
        name: 'EMRFS credentials reach Hadoop conf with the EMR image',
        config: { image: { flavor: 'emr', region: 'us-east-1' } },
        job: buildJob({ step, classifications: [c('emrfs-site', { 'fs.s3.awsSecretAccessKey': 'emrfs-EXAMPLE' })] }),
        fields: { 'hadoopConf.fs.s3.awsSecretAccessKey': '${env.EMR2K8S_SECRET_FS_S3_AWSSECRETACCESSKEY}' },
        messages: ['secret-reference'],
      },
      {
        name: 'no secrets: nothing written',
        job: buildJob({ conf: { 'spark.hadoop.fs.s3a.aws.credentials.provider': 'com.amazonaws.auth.WebIdentityTokenCredentialsProvider' } }),
        fields: { 'secrets.0': undefined, 'hadoopConf.fs.s3a.aws.credentials.provider': undefined },
        messages: [],
      },
    ]);
  });

  it('never lets a secret value reach the plan and names no value in the kubectl hint', () => {
    const values = ['Hive!2024', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'pg-Pa55'];
    const plan = runRuleCase(rule, {
      name: 'leak',
      config: { namespace: 'data-eng' },
      job: buildJob({
        step,
        classifications: [
          c('spark-hive-site', { 'javax.jdo.option.ConnectionPassword': values[0] as string }),
          c('spark-env', {}, [c('export', { DB_PASSWORD: values[2] as string })]),
        ],
        conf: { 'spark.hadoop.fs.s3a.secret.key': values[1] as string },
      }),
    });
    const text = JSON.stringify(plan);
    for (const v of values) expect(text).not.toContain(v);
    const hint = plan.diagnostics.find((d) => d.code === 'secret-reference')?.hint;
    expect(hint).toBe(
      'kubectl create secret generic load-orders-secrets --namespace data-eng --from-literal=DB_PASSWORD=<value> --from-literal=javax.jdo.option.ConnectionPassword=<value> --from-literal=spark.hadoop.fs.s3a.secret.key=<value>',
    );
  });
});
