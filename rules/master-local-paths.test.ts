import { describe, expect, it } from 'vitest';
import { buildJob, checkRule, runRuleCase } from '../src/rule-api.js';
import rule from './master-local-paths.js';

const primary = (value: string) => ({ primaryResource: { value, ref: 'steps/s-2BQX8Y1ZKJ4LM/args/3' } });

describe('master-local-paths', () => {
  it('follows its table', () => {
    checkRule(rule, [
      {
        name: 'SparkPi from the EMR examples jar: the application rule points it at the image',
        job: buildJob({ submit: primary('/usr/lib/spark/examples/jars/spark-examples.jar') }),
        messages: [],
      },
      {
        name: 'the EMR examples jar as a dependency',
        job: buildJob({ conf: { 'spark.jars': { value: '/usr/lib/spark/examples/jars/spark-examples.jar', layer: 'flag' } } }),
        messages: ['spark-examples-path'],
      },
      {
        name: 'files on the master node and in the cluster HDFS',
        job: buildJob({
          submit: primary('file:///home/hadoop/jobs/etl.py'),
          conf: {
            'spark.submit.pyFiles': { value: '/home/hadoop/jobs/common.zip,s3://acme-code/lib/helpers.zip', layer: 'flag' },
            'spark.yarn.dist.files': { value: 'hdfs:///user/hadoop/conf/app.conf', layer: 'flag' },
            'spark.executor.extraClassPath': '/usr/lib/hadoop-lzo/lib/*:/opt/acme/lib/udfs.jar',
            'spark.kubernetes.driver.podTemplateFile': 'local:///opt/templates/driver.yaml',
            'spark.kerberos.keytab': '/etc/security/keytabs/etl.keytab',
          },
        }),
        messages: ['master-local-path', 'master-local-path', 'hdfs-path', 'master-local-path', 'master-local-path'],
      },
      {
        name: 'remote and in-image paths are fine, so is an external HDFS',
        job: buildJob({
          submit: primary('s3://acme-artifacts/etl/app.jar'),
          conf: {
            'spark.jars': 'local:///opt/spark/jars/extra.jar,https://repo1.maven.org/maven2/org/postgresql/postgresql/42.7.3/postgresql-42.7.3.jar',
            'spark.files': 'hdfs://namenode.data.acme.internal:8020/shared/app.conf',
          },
        }),
        messages: [],
      },
      {
        name: 'HDFS on an EMR node by host name',
        job: buildJob({ submit: primary('hdfs://ip-10-0-3-15.ec2.internal:8020/user/hadoop/app.jar') }),
        messages: ['hdfs-path'],
      },
    ]);
  });

  it('hints at the examples inside the image for the target Spark and writes nothing', () => {
    const pi = runRuleCase(rule, {
      name: 'pi',
      job: buildJob({ conf: { 'spark.jars': { value: '/usr/lib/spark/examples/jars/spark-examples.jar', layer: 'flag' } } }),
    });
    expect(pi.diagnostics[0]?.hint).toContain('local:///opt/spark/examples/jars/spark-examples_2.12-3.5.6.jar');
    expect(pi.provenance).toEqual({});
    const py = runRuleCase(rule, { name: 'py', job: buildJob({ submit: primary('file:///usr/lib/spark/examples/src/main/python/pi.py') }) });
    expect(py.diagnostics[0]?.hint).toContain('local:///opt/spark/examples/src/main/python/pi.py');
  });
});
