import { describe, expect, it } from 'vitest';
import { buildJob, checkRule, runRuleCase } from '../src/rule-api.js';
import rule from './environment.js';

const sparkEnv = (exports: Record<string, string>, own: Record<string, string> = {}) => ({
  classification: 'spark-env',
  properties: own,
  configurations: [{ classification: 'export', properties: exports, configurations: [] }],
});

describe('environment', () => {
  it('follows its table', () => {
    checkRule(rule, [
      {
        name: 'spark-env exports reach both pods; EMR python3 is kept',
        job: buildJob({ classifications: [sparkEnv({ PYSPARK_PYTHON: '/usr/bin/python3', TZ: 'UTC' })] }),
        fields: {
          'driver.env.PYSPARK_PYTHON': { value: '/usr/bin/python3' },
          'executor.env.PYSPARK_PYTHON': { value: '/usr/bin/python3' },
          'driver.env.TZ': { value: 'UTC' },
          'executor.env.TZ': { value: 'UTC' },
        },
        messages: [],
        dropped: [],
      },
      {
        name: 'appMasterEnv beats spark-env for the driver; executorEnv for executors',
        job: buildJob({
          classifications: [sparkEnv({ APP_ENV: 'staging' })],
          conf: {
            'spark.yarn.appMasterEnv.APP_ENV': { value: 'prod', layer: 'conf' },
            'spark.executorEnv.APP_ENV': { value: 'prod', layer: 'conf' },
            'spark.kubernetes.driverEnv.LOG_FORMAT': { value: 'json', layer: 'conf' },
          },
        }),
        fields: {
          'driver.env.APP_ENV': { value: 'prod' },
          'executor.env.APP_ENV': { value: 'prod' },
          'driver.env.LOG_FORMAT': { value: 'json' },
          'executor.env.LOG_FORMAT': undefined,
        },
        messages: [],
        dropped: [['cluster/configurations/spark-env/export/APP_ENV', 'superseded']],
      },
      {
        name: 'EMR-only values are dropped, EMR paths and shell expansion reported',
        job: buildJob({
          classifications: [
            sparkEnv(
              { JAVA_HOME: '/usr/lib/jvm/java-17-amazon-corretto.x86_64', LD_LIBRARY_PATH: '/usr/lib/hadoop/lib/native', RUN_HOST: '$(hostname -f)' },
              { SPARK_MASTER_OPTS: '-Dspark.deploy.defaultCores=4' },
            ),
          ],
          conf: { 'spark.yarn.appMasterEnv.SPARK_PUBLIC_DNS': { value: '$(hostname -f)', layer: 'emr-default' } },
        }),
        fields: {
          'driver.env.JAVA_HOME': undefined,
          'driver.env.SPARK_PUBLIC_DNS': undefined,
          'executor.env.LD_LIBRARY_PATH': { value: '/usr/lib/hadoop/lib/native' },
        },
        messages: ['env-emr-path', 'env-shell-expansion'],
        dropped: [
          ['cluster/configurations/spark-env/SPARK_MASTER_OPTS', 'not-applicable'],
          ['cluster/configurations/spark-env/export/JAVA_HOME', 'emr-only'],
          ['spark.yarn.appMasterEnv.SPARK_PUBLIC_DNS', 'emr-only'],
        ],
      },
      {
        name: 'an interpreter the image does not have',
        job: buildJob({ conf: { 'spark.yarn.appMasterEnv.PYSPARK_PYTHON': { value: '/usr/bin/python3.11', layer: 'conf' } } }),
        fields: { 'driver.env.PYSPARK_PYTHON': { value: '/usr/bin/python3.11' } },
        messages: ['python-not-in-image'],
      },
      {
        name: 'names that start with a digit or hold other characters',
        job: buildJob({
          classifications: [sparkEnv({ '012': 'x', 'ACME.MODE-1': 'on' })],
          conf: { 'spark.executorEnv.a b': { value: 'y', layer: 'conf' }, 'spark.yarn.appMasterEnv.a=b': { value: 'z', layer: 'conf' } },
        }),
        fields: { 'driver.env.ACME.MODE-1': { value: 'on' }, 'executor.env.ACME.MODE-1': { value: 'on' }, 'driver.env.012': undefined, 'executor.env.a b': undefined },
        messages: ['env-name-invalid', 'env-name-invalid', 'env-name-invalid'],
        dropped: [
          ['cluster/configurations/spark-env/export/012', 'no-k8s-equivalent'],
          ['spark.executorEnv.a b', 'no-k8s-equivalent'],
          ['spark.yarn.appMasterEnv.a=b', 'no-k8s-equivalent'],
        ],
      },
    ]);
  });

  it('leaves secret-named variables to the secrets rule', () => {
    const plan = runRuleCase(rule, {
      name: 'secret',
      job: buildJob({ classifications: [sparkEnv({ DB_PASSWORD: 'hunter2' })], conf: { 'spark.executorEnv.API_TOKEN': 'abc123' } }),
    });
    expect(plan.driver.env).toEqual({});
    expect(plan.executor.env).toEqual({});
    expect(JSON.stringify(plan)).not.toContain('hunter2');
  });
});
