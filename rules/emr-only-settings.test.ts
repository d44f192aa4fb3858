import { describe, expect, it } from 'vitest';
import { buildJob, checkRule, runRuleCase } from '../src/rule-api.js';
import rule from './emr-only-settings.js';

/** EMR 6.x spark-defaults as written on a cluster node (extraClassPath shortened to its typical entries). */
const EMR_CLASSPATH =
  '/usr/lib/hadoop-lzo/lib/*:/usr/lib/hadoop/hadoop-aws.jar:/usr/share/aws/aws-java-sdk/*:/usr/share/aws/emr/emrfs/conf:/usr/share/aws/emr/emrfs/lib/*:/usr/share/aws/emr/emrfs/auxlib/*:/usr/share/aws/emr/goodies/lib/emr-spark-goodies.jar:/usr/share/aws/hmclient/lib/aws-glue-datacatalog-spark-client.jar:/usr/share/java/Hive-JSON-Serde/hive-openx-serde.jar:/docker/usr/lib/hadoop-lzo/lib/*:/docker/usr/share/aws/emr/emrfs/lib/*';
const EMR_LIBRARY_PATH = '/usr/lib/hadoop/lib/native:/usr/lib/hadoop-lzo/lib/native:/docker/usr/lib/hadoop/lib/native:/docker/usr/lib/hadoop-lzo/lib/native';
const EMR_JAVA_OPTIONS = "-XX:+UseConcMarkSweepGC -XX:CMSInitiatingOccupancyFraction=70 -XX:MaxHeapFreeRatio=70 -XX:+CMSClassUnloadingEnabled -XX:OnOutOfMemoryError='kill -9 %p'";
const emrDefault = (value: string) => ({ value, layer: 'emr-default' as const });

describe('emr-only-settings', () => {
  it('follows its table', () => {
    checkRule(rule, [
      {
        name: 'EMR 6 defaults on the Apache image',
        job: buildJob({
          cluster: { logUri: 's3://aws-logs-123456789012-us-east-1/elasticmapreduce/' },
          conf: {
            'spark.driver.extraClassPath': emrDefault(EMR_CLASSPATH),
            'spark.executor.extraClassPath': emrDefault(`${EMR_CLASSPATH}:/home/hadoop/lib/acme-udfs.jar`),
            'spark.driver.extraLibraryPath': emrDefault(EMR_LIBRARY_PATH),
            'spark.executor.extraJavaOptions': emrDefault(`-verbose:gc ${EMR_JAVA_OPTIONS}`),
            'spark.driver.extraJavaOptions': emrDefault(EMR_JAVA_OPTIONS),
            'spark.eventLog.enabled': emrDefault('true'),
            'spark.eventLog.dir': emrDefault('hdfs:///var/log/spark/apps'),
            'spark.history.fs.logDirectory': emrDefault('hdfs:///var/log/spark/apps'),
            'spark.sql.warehouse.dir': emrDefault('hdfs:///user/spark/warehouse'),
            'spark.sql.parquet.output.committer.class': emrDefault('com.amazon.emr.committer.EmrOptimizedSparkSqlParquetOutputCommitter'),
            'spark.sql.emr.internal.extensions': emrDefault('com.amazonaws.emr.spark.EmrSparkSessionExtensions'),
            'spark.hadoop.mapreduce.fileoutputcommitter.cleanup-failures.ignored.emr_internal_use_only.EmrFileSystem': emrDefault('true'),
            'spark.hadoop.fs.s3.getObject.initialSocketTimeoutMilliseconds': emrDefault('2000'),
            'spark.blacklist.decommissioning.enabled': emrDefault('true'),
            'spark.blacklist.decommissioning.timeout': emrDefault('1h'),
            'spark.decommissioning.timeout.threshold': emrDefault('20'),
            'spark.resourceManager.cleanupExpiredHost': emrDefault('true'),
            'spark.stage.attempt.ignoreOnDecommissionFetchFailure': emrDefault('true'),
            'spark.yarn.heterogeneousExecutors.enabled': emrDefault('true'),
            'spark.executor.maxMemory': emrDefault('9486M'),
          },
        }),
        fields: {
          'sparkConf.spark.executor.extraClassPath': '/home/hadoop/lib/acme-udfs.jar',
          'sparkConf.spark.driver.extraClassPath': undefined,
          'driver.javaOptions': '-XX:MaxHeapFreeRatio=70',
          'executor.javaOptions': '-verbose:gc -XX:MaxHeapFreeRatio=70',
          'sparkConf.spark.eventLog.dir': 's3a://aws-logs-123456789012-us-east-1/elasticmapreduce/spark-event-logs/',
          'sparkConf.spark.history.fs.logDirectory': 's3a://aws-logs-123456789012-us-east-1/elasticmapreduce/spark-event-logs/',
          'sparkConf.spark.eventLog.enabled': undefined,
        },
        messages: ['classpath-cleaned', 'java-options-cleaned', 'java-options-cleaned', 'event-log-moved', 'warehouse-dir-dropped'],
        dropped: [
          ['spark.driver.extraClassPath', 'emr-only'],
          ['spark.driver.extraLibraryPath', 'emr-only'],
          ['spark.sql.warehouse.dir', 'master-local-path'],
          ['spark.sql.parquet.output.committer.class', 'emr-only'],
          ['spark.sql.emr.internal.extensions', 'emr-only'],
          ['spark.hadoop.mapreduce.fileoutputcommitter.cleanup-failures.ignored.emr_internal_use_only.EmrFileSystem', 'emr-only'],
          ['spark.hadoop.fs.s3.getObject.initialSocketTimeoutMilliseconds', 'emr-only'],
          ['spark.blacklist.decommissioning.enabled', 'emr-only'],
          ['spark.blacklist.decommissioning.timeout', 'emr-only'],
          ['spark.decommissioning.timeout.threshold', 'emr-only'],
          ['spark.resourceManager.cleanupExpiredHost', 'emr-only'],
          ['spark.stage.attempt.ignoreOnDecommissionFetchFailure', 'emr-only'],
          ['spark.yarn.heterogeneousExecutors.enabled', 'emr-only'],
          ['spark.executor.maxMemory', 'emr-only'],
        ],
      },
      {
        name: 'EMR image keeps EMRFS and the committer, warns about a user classpath',
        config: { image: { flavor: 'emr', region: 'us-east-1' } },
        job: buildJob({
          cluster: { logUri: 's3://acme-emr-logs/prod' },
          conf: {
            'spark.driver.extraClassPath': emrDefault(`${EMR_CLASSPATH}:/opt/acme/lib/*`),
            'spark.sql.parquet.output.committer.class': emrDefault('com.amazon.emr.committer.EmrOptimizedSparkSqlParquetOutputCommitter'),
            'spark.hadoop.fs.s3.getObject.initialSocketTimeoutMilliseconds': emrDefault('2000'),
            'spark.eventLog.dir': emrDefault('hdfs:///var/log/spark/apps'),
          },
        }),
        fields: {
          'sparkConf.spark.driver.extraClassPath': '/opt/acme/lib/*',
          'sparkConf.spark.eventLog.dir': 's3://acme-emr-logs/prod/spark-event-logs/',
        },
        messages: ['classpath-overrides-image', 'classpath-cleaned', 'event-log-moved'],
        dropped: [],
      },
      {
        name: 'no LogUri: HDFS event logs are dropped and event logging turned off',
        job: buildJob({
          conf: {
            'spark.eventLog.enabled': emrDefault('true'),
            'spark.eventLog.dir': emrDefault('hdfs:///var/log/spark/apps'),
            'spark.driver.extraJavaOptions': { value: '-Dconfig.resource=prod.conf -XX:+UseG1GC', layer: 'conf' },
          },
        }),
        fields: {
          'sparkConf.spark.eventLog.enabled': 'false',
          'sparkConf.spark.eventLog.dir': undefined,
          'driver.javaOptions': '-Dconfig.resource=prod.conf -XX:+UseG1GC',
        },
        messages: ['event-log-dropped'],
        dropped: [['spark.eventLog.dir', 'master-local-path']],
      },
      {
        name: 'S3 event logs, S3 warehouse and Apache committers stay for the passthrough',
        job: buildJob({
          conf: {
            'spark.eventLog.dir': 's3://acme-spark-history/events/',
            'spark.sql.warehouse.dir': 's3://acme-lake/warehouse/',
            'spark.sql.parquet.output.committer.class': 'org.apache.parquet.hadoop.ParquetOutputCommitter',
          },
        }),
        fields: { 'sparkConf.spark.eventLog.dir': undefined },
        messages: [],
        dropped: [],
      },
      {
        name: 'only CMS flags: the java options are dropped',
        job: buildJob({ conf: { 'spark.executor.extraJavaOptions': emrDefault('-XX:+UseConcMarkSweepGC -XX:+UseCMSInitiatingOccupancyOnly') } }),
        fields: { 'executor.javaOptions': undefined },
        messages: ['java-options-cleaned'],
        dropped: [['spark.executor.extraJavaOptions', 'emr-only']],
      },
    ]);
  });

  it('keeps a quoted option with spaces in one piece', () => {
    const plan = runRuleCase(rule, {
      name: 'quotes',
      job: buildJob({ conf: { 'spark.driver.extraJavaOptions': `-Dapp.banner="nightly etl run" -XX:OnOutOfMemoryError='kill -9 %p' -Dx=1` } }),
    });
    expect(plan.driver.javaOptions).toBe('-Dapp.banner="nightly etl run" -Dx=1');
  });
});
