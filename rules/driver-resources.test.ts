import { describe, it } from 'vitest';
import { buildJob, checkRule } from '../src/rule-api.js';
import rule from './driver-resources.js';

const EMR_DRIVER = { value: '2048M', layer: 'emr-default' } as const;
const CLUSTER = { value: 'cluster', layer: 'flag' } as const;

describe('driver-resources', () => {
  it('follows its case table', () => {
    checkRule(rule, [
      {
        name: "EMR's default 2048M client-mode driver: 384 MiB minimum overhead, one core",
        job: buildJob({ conf: { 'spark.driver.memory': EMR_DRIVER } }),
        fields: { 'driver.memory': '2048m', 'driver.memoryOverhead': '384m', 'driver.cores': 1, 'driver.coreRequest': undefined, 'driver.coreLimit': undefined },
        messages: [],
        dropped: [],
      },
      {
        name: 'a client-mode driver had no YARN container, so there is no 32 MiB rounding',
        job: buildJob({ conf: { 'spark.driver.memory': { value: '5000m', layer: 'flag' } } }),
        fields: { 'driver.memory': '5000m', 'driver.memoryOverhead': '500m' },
      },
      {
        name: 'a cluster-mode driver lived in the ApplicationMaster container, rounded to 32 MiB',
        job: buildJob({ conf: { 'spark.driver.memory': { value: '5000m', layer: 'flag' }, 'spark.submit.deployMode': CLUSTER } }),
        // 5000 + 500 = 5500 → 5504
        fields: { 'driver.memory': '5000m', 'driver.memoryOverhead': '504m' },
      },
      {
        name: 'an explicit overhead wins and the factor is dropped as superseded',
        job: buildJob({ conf: { 'spark.driver.memory': '8g', 'spark.driver.memoryOverhead': '1g', 'spark.driver.memoryOverheadFactor': '0.2' } }),
        fields: { 'driver.memoryOverhead': '1024m' },
        dropped: [['spark.driver.memoryOverheadFactor', 'superseded']],
      },
      {
        name: 'the deprecated spark.yarn.driver.memoryOverhead still applies',
        job: buildJob({ conf: { 'spark.driver.memory': EMR_DRIVER, 'spark.yarn.driver.memoryOverhead': '700' } }),
        fields: { 'driver.memoryOverhead': '700m' },
        dropped: [],
      },
      {
        name: 'spark.driver.memoryOverheadFactor applies from Spark 3.3',
        job: buildJob({ conf: { 'spark.driver.memory': '8g', 'spark.driver.memoryOverheadFactor': '0.2' } }),
        fields: { 'driver.memoryOverhead': '1638m' },
      },
      {
        name: 'Spark 3.2 ignores spark.driver.memoryOverheadFactor: 10 % applied',
        job: buildJob({
          facts: { releaseLabel: 'emr-6.7.0', sparkVersion: '3.2.1', hadoopVersion: '3.2.1', javaVersion: '8', pythonVersion: '3.7' },
          conf: { 'spark.driver.memory': '8g', 'spark.driver.memoryOverheadFactor': '0.2' },
        }),
        fields: { 'driver.memoryOverhead': '819m' },
        dropped: [['spark.driver.memoryOverheadFactor', 'not-applicable']],
      },
      {
        name: 'a PySpark driver keeps the EMR overhead instead of the 0.4 Kubernetes factor',
        job: buildJob({
          submit: { appType: 'Python', primaryResource: { value: 's3://acme-etl/jobs/daily_rollup.py', ref: 'steps/s-3V8ZQ1M4RT2KX/args/3' } },
          conf: { 'spark.driver.memory': '4g' },
        }),
        fields: { 'driver.memoryOverhead': '409m' },
        messages: ['pyspark-overhead'],
      },
      {
        name: 'an unreadable heap is an error and nothing is sized',
        job: buildJob({ conf: { 'spark.driver.memory': 'lots' } }),
        fields: { 'driver.memory': undefined, 'driver.memoryOverhead': undefined },
        messages: ['invalid-value'],
      },
      {
        name: 'cores, CPU request and limit are carried',
        job: buildJob({
          conf: { 'spark.driver.memory': EMR_DRIVER, 'spark.driver.cores': { value: '2', layer: 'flag' }, 'spark.kubernetes.driver.request.cores': '0.5', 'spark.kubernetes.driver.limit.cores': '2' },
        }),
        fields: { 'driver.cores': 2, 'driver.coreRequest': '0.5', 'driver.coreLimit': '2' },
        messages: [],
      },
      {
        name: 'zero driver cores is an error',
        job: buildJob({ conf: { 'spark.driver.memory': EMR_DRIVER, 'spark.driver.cores': '0' } }),
        fields: { 'driver.cores': undefined },
        messages: ['invalid-value'],
      },
    ]);
  });
});
