import type { EmrSnapshot, EmrStep } from '../../model/emr-snapshot.js';

/** A step with the fields every input has; tests override the rest. */
export function step(over: Partial<EmrStep> & Pick<EmrStep, 'args'>): EmrStep {
  return {
    index: 1,
    name: 'Spark application',
    actionOnFailure: 'CONTINUE',
    jar: 'command-runner.jar',
    properties: {},
    ...over,
  };
}

/**
 * A describe-cluster + list-steps export of a long-running ETL cluster on emr-6.15.0:
 * m5.xlarge master, 4 × r5.2xlarge core, 2 × r5.2xlarge spot task.
 */
export function nightlyEtlCluster(steps: EmrStep[]): EmrSnapshot {
  return {
    source: 'exports/j-2AXXXXXXGAPLF',
    importer: 'emr-cli',
    cluster: {
      id: 'j-2AXXXXXXGAPLF',
      name: 'nightly-etl',
      releaseLabel: 'emr-6.15.0',
      logUri: 's3n://acme-emr-logs/j-2AXXXXXXGAPLF/',
      stepConcurrencyLevel: 1,
      applications: ['Hadoop', 'Spark', 'Hive'],
      tags: { team: 'data-platform' },
      serviceRole: 'EMR_DefaultRole',
      jobFlowRole: 'EMR_EC2_DefaultRole',
    },
    configurations: [
      {
        classification: 'spark-defaults',
        properties: {
          'spark.executor.memory': '18971M',
          'spark.sql.shuffle.partitions': '400',
          'spark.eventLog.dir': 's3://acme-emr-logs/spark-events/',
        },
        configurations: [],
      },
      {
        classification: 'spark-hive-site',
        properties: {
          'hive.metastore.client.factory.class': 'com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory',
        },
        configurations: [],
      },
      {
        classification: 'spark-env',
        properties: {},
        configurations: [{ classification: 'export', properties: { PYSPARK_PYTHON: '/usr/bin/python3' }, configurations: [] }],
      },
    ],
    instances: [
      { role: 'MASTER', name: 'Master', instanceTypes: ['m5.xlarge'], count: 1, market: 'ON_DEMAND', configurations: [] },
      { role: 'CORE', name: 'Core', instanceTypes: ['r5.2xlarge'], count: 4, market: 'ON_DEMAND', configurations: [] },
      { role: 'TASK', name: 'Task spot', instanceTypes: ['r5.2xlarge'], count: 2, market: 'SPOT', configurations: [] },
    ],
    bootstrapActions: [],
    steps,
    hasClusterContext: true,
    locations: {
      'cluster/releaseLabel': { file: 'exports/j-2AXXXXXXGAPLF/describe-cluster.json', line: 12, column: 9 },
      'steps/s-1K4N2D6OZ8P9Q/args/4': { file: 'exports/j-2AXXXXXXGAPLF/list-steps.json', line: 21, column: 17 },
    },
  };
}
