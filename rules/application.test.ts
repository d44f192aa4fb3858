import { describe, expect, it } from 'vitest';
import { buildJob, checkRule, runRuleCase } from '../src/rule-api.js';
import rule from './application.js';

const step = { id: 's-1K4N2D6OZ8P9Q', key: 's-1K4N2D6OZ8P9Q', name: 'nightly-etl' };
const args = (values: string[]) => values.map((value, i) => ({ value, ref: `steps/s-1K4N2D6OZ8P9Q/args/${i + 6}` }));

describe('application', () => {
  it('follows its table', () => {
    checkRule(rule, [
      {
        name: 'Scala jar on S3 with EMRFS paths, Apache image',
        job: buildJob({
          step,
          submit: {
            appType: 'Scala',
            mainClass: { value: 'com.example.etl.NightlyJob', ref: 'steps/s-1K4N2D6OZ8P9Q/args/4' },
            primaryResource: { value: 's3://acme-artifacts/etl/nightly-etl-2.3.1.jar', ref: 'steps/s-1K4N2D6OZ8P9Q/args/5' },
            appArgs: args(['--date', '2024-05-01', '--input', 's3://acme-raw/events/']),
          },
          conf: {
            'spark.jars': { value: 's3://acme-artifacts/lib/deequ-2.0.7.jar', layer: 'conf' },
            'spark.yarn.dist.jars': { value: 's3n://acme-artifacts/lib/postgresql-42.7.3.jar,s3://acme-artifacts/lib/deequ-2.0.7.jar', layer: 'flag' },
            'spark.jars.packages': 'io.delta:delta-spark_2.12:3.2.0, ,org.apache.hadoop:hadoop-aws:3.3.4',
            'spark.yarn.isPython': 'false',
          },
        }),
        fields: {
          type: 'Scala',
          mainClass: 'com.example.etl.NightlyJob',
          mainApplicationFile: 's3a://acme-artifacts/etl/nightly-etl-2.3.1.jar',
          arguments: ['--date', '2024-05-01', '--input', 's3://acme-raw/events/'],
          'deps.jars': ['s3a://acme-artifacts/lib/deequ-2.0.7.jar', 's3a://acme-artifacts/lib/postgresql-42.7.3.jar'],
          'deps.packages': ['io.delta:delta-spark_2.12:3.2.0', 'org.apache.hadoop:hadoop-aws:3.3.4'],
          proxyUser: undefined,
        },
        messages: ['s3-scheme-rewritten'],
        dropped: [['spark.yarn.isPython', 'yarn-only']],
      },
      {
        name: 'spark-example step: EMR examples jar becomes the copy in the Apache image',
        job: buildJob({
          step,
          facts: { sparkVersion: '3.5.5', scalaVersion: '2.12.18' },
          submit: {
            launcher: 'spark-example',
            mainClass: { value: 'org.apache.spark.examples.SparkPi', ref: 'steps/s-1K4N2D6OZ8P9Q/args/1' },
            primaryResource: { value: '/usr/lib/spark/examples/jars/spark-examples.jar', ref: 'steps/s-1K4N2D6OZ8P9Q/args/0' },
            appArgs: args(['200']),
          },
        }),
        fields: {
          mainApplicationFile: 'local:///opt/spark/examples/jars/spark-examples_2.12-3.5.5.jar',
          mainClass: 'org.apache.spark.examples.SparkPi',
          arguments: ['200'],
        },
        messages: ['examples-jar-from-image'],
      },
      {
        name: 'EMR image keeps EMRFS paths',
        config: { image: { flavor: 'emr', region: 'eu-west-1' } },
        job: buildJob({
          submit: { primaryResource: { value: 's3://acme-artifacts/etl/app.jar', ref: 'steps/step-1/args/3' } },
          conf: { 'spark.yarn.dist.files': 's3://acme-conf/etl/app.conf,s3://acme-conf/etl/log4j2.properties' },
        }),
        fields: {
          mainApplicationFile: 's3://acme-artifacts/etl/app.jar',
          'deps.files': ['s3://acme-conf/etl/app.conf', 's3://acme-conf/etl/log4j2.properties'],
        },
        messages: [],
      },
      {
        name: 'PySpark with py-files, archives with alias, proxy user',
        job: buildJob({
          submit: {
            appType: 'Python',
            primaryResource: { value: 's3://acme-code/jobs/score.py', ref: 'steps/step-1/args/7' },
            options: { 'proxy-user': { value: 'analytics', ref: 'steps/step-1/args/2' } },
          },
          conf: {
            'spark.submit.pyFiles': { value: 's3://acme-code/jobs/common.zip', layer: 'flag' },
            'spark.yarn.dist.pyFiles': { value: 's3://acme-code/jobs/common.zip', layer: 'flag' },
            'spark.yarn.dist.archives': { value: 's3://acme-code/envs/pyenv.tar.gz#environment', layer: 'flag' },
            'spark.yarn.dist.forceDownloadSchemes': 'https',
            'spark.jars.repositories': 'https://repo.acme.internal/maven2',
            'spark.jars.excludes': 'org.slf4j:slf4j-log4j12',
          },
        }),
        fields: {
          type: 'Python',
          proxyUser: 'analytics',
          'deps.pyFiles': ['s3a://acme-code/jobs/common.zip'],
          'deps.archives': ['s3a://acme-code/envs/pyenv.tar.gz#environment'],
          'deps.repositories': ['https://repo.acme.internal/maven2'],
          'deps.excludePackages': ['org.slf4j:slf4j-log4j12'],
        },
        messages: ['s3-scheme-rewritten'],
        dropped: [['spark.yarn.dist.forceDownloadSchemes', 'yarn-only']],
      },
      {
        name: 'empty jar list and a malformed command line',
        job: buildJob({ submit: { primaryResource: undefined }, conf: { 'spark.jars': ' , ' } }),
        fields: { mainApplicationFile: undefined, type: undefined },
        messages: ['missing-primary-resource'],
        dropped: [['spark.jars', 'not-applicable']],
      },
      {
        name: 'tokens, passwords and a JDBC URL among the arguments',
        job: buildJob({
          submit: {
            primaryResource: { value: 's3://acme-artifacts/etl/export.py', ref: 'steps/s-1/args/3' },
            appArgs: args(['--token', 'tok-123', '--password=hunter2', '--jdbc', 'jdbc:mysql://etl:pw1@db/app', '--token-file', '/etc/token', 'Authorization: Bearer abc.def', '--date', '2024-05-01']),
          },
        }),
        fields: {
          arguments: ['--token', '<redacted>', '--password=<redacted>', '--jdbc', 'jdbc:mysql://etl:<redacted>@db/app', '--token-file', '/etc/token', 'Authorization: Bearer <redacted>', '--date', '2024-05-01'],
        },
        messages: ['s3-scheme-rewritten', 'secret-argument-redacted'],
      },
    ]);
  });

  it('never rewrites application arguments and consumes every dependency key', () => {
    const plan = runRuleCase(rule, {
      name: 'args',
      job: buildJob({
        submit: { appArgs: args(['s3://acme-raw/in/', 's3n://acme-raw/out/']) },
        conf: { 'spark.files': 's3://acme-conf/a.conf', 'spark.yarn.dist.files': 's3://acme-conf/b.conf' },
      }),
    });
    expect(plan.arguments).toEqual(['s3://acme-raw/in/', 's3n://acme-raw/out/']);
    expect(plan.provenance['deps.files']).toEqual({
      rule: 'application',
      from: ['cluster/configurations/spark-defaults/spark.files', 'cluster/configurations/spark-defaults/spark.yarn.dist.files'],
    });
    expect(plan.diagnostics.filter((d) => d.code === 'unmapped-setting')).toEqual([]);
  });
});
