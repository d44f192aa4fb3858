import { describe, expect, it } from 'vitest';
import { buildJob, checkRule, runRuleCase } from '../src/rule-api.js';
import rule from './dynamic-allocation.js';

const EMR_DA = { value: 'true', layer: 'emr-default' } as const;
const EMR_ESS = { value: 'true', layer: 'emr-default' } as const;

describe('dynamic-allocation', () => {
  it('follows its case table', () => {
    checkRule(rule, [
      {
        name: "EMR's default-on dynamic allocation: shuffle tracking replaces the YARN shuffle service",
        job: buildJob({ conf: { 'spark.dynamicAllocation.enabled': EMR_DA, 'spark.shuffle.service.enabled': EMR_ESS } }),
        fields: {
          'dynamicAllocation.enabled': true,
          'dynamicAllocation.shuffleTrackingEnabled': true,
          'dynamicAllocation.minExecutors': undefined,
          'dynamicAllocation.maxExecutors': undefined,
          'dynamicAllocation.initialExecutors': undefined,
          'executor.instances': undefined,
        },
        dropped: [['spark.shuffle.service.enabled', 'no-k8s-equivalent']],
        messages: [],
      },
      {
        name: 'bounds, tracking timeout and the other timeouts are carried',
        job: buildJob({
          conf: {
            'spark.dynamicAllocation.enabled': EMR_DA,
            'spark.dynamicAllocation.minExecutors': '2',
            'spark.dynamicAllocation.maxExecutors': '50',
            'spark.dynamicAllocation.initialExecutors': '4',
            'spark.dynamicAllocation.shuffleTracking.timeout': '30min',
            'spark.dynamicAllocation.executorIdleTimeout': '120s',
            'spark.dynamicAllocation.schedulerBacklogTimeout': '5s',
          },
        }),
        fields: {
          'dynamicAllocation.minExecutors': 2,
          'dynamicAllocation.maxExecutors': 50,
          'dynamicAllocation.initialExecutors': 4,
          'dynamicAllocation.shuffleTrackingTimeout': 1_800_000,
          'sparkConf.spark.dynamicAllocation.executorIdleTimeout': '120s',
          'sparkConf.spark.dynamicAllocation.schedulerBacklogTimeout': '5s',
          'sparkConf.spark.dynamicAllocation.enabled': undefined,
        },
        messages: [],
      },
      {
        name: '--num-executors with dynamic allocation on becomes the initial executor count',
        job: buildJob({
          conf: {
            'spark.dynamicAllocation.enabled': EMR_DA,
            'spark.dynamicAllocation.minExecutors': '2',
            'spark.dynamicAllocation.maxExecutors': '40',
            'spark.executor.instances': { value: '10', layer: 'flag' },
          },
        }),
        fields: { 'dynamicAllocation.initialExecutors': 10, 'executor.instances': undefined },
        messages: ['instances-become-initial'],
      },
      {
        name: 'the effective initial count is never below minExecutors',
        job: buildJob({ conf: { 'spark.dynamicAllocation.enabled': EMR_DA, 'spark.dynamicAllocation.minExecutors': '3', 'spark.dynamicAllocation.initialExecutors': '1' } }),
        fields: { 'dynamicAllocation.initialExecutors': 3 },
        messages: [],
      },
      {
        name: 'dynamic allocation turned off with --num-executors: a static executor count',
        job: buildJob({
          conf: {
            'spark.dynamicAllocation.enabled': { value: 'false', layer: 'conf', shadowed: [{ value: 'true', layer: 'emr-default' }] },
            'spark.executor.instances': { value: '8', layer: 'flag' },
            'spark.dynamicAllocation.maxExecutors': '40',
            'spark.shuffle.service.enabled': EMR_ESS,
          },
        }),
        fields: { 'dynamicAllocation.enabled': false, 'executor.instances': 8, 'dynamicAllocation.shuffleTrackingEnabled': undefined },
        dropped: [
          ['spark.dynamicAllocation.maxExecutors', 'not-applicable'],
          ['spark.shuffle.service.enabled', 'no-k8s-equivalent'],
        ],
        messages: [],
      },
      {
        name: "no dynamic allocation and no executor count: YARN's default of 2",
        job: buildJob({ conf: {} }),
        fields: { 'executor.instances': 2, dynamicAllocation: undefined },
        messages: [],
      },
      {
        name: 'explicitly disabled shuffle tracking is turned back on',
        job: buildJob({ conf: { 'spark.dynamicAllocation.enabled': EMR_DA, 'spark.dynamicAllocation.shuffleTracking.enabled': 'false' } }),
        fields: { 'dynamicAllocation.shuffleTrackingEnabled': true },
        messages: ['shuffle-tracking-forced'],
      },
      {
        name: 'minExecutors above maxExecutors is reported, as Spark would refuse it',
        job: buildJob({ conf: { 'spark.dynamicAllocation.enabled': EMR_DA, 'spark.dynamicAllocation.minExecutors': '20', 'spark.dynamicAllocation.maxExecutors': '10' } }),
        messages: ['invalid-executor-bounds'],
      },
      {
        name: 'maxExecutors 0 is reported',
        job: buildJob({ conf: { 'spark.dynamicAllocation.enabled': EMR_DA, 'spark.dynamicAllocation.maxExecutors': '0' } }),
        messages: ['invalid-executor-bounds'],
      },
      {
        name: 'an unreadable executor count is an error',
        job: buildJob({ conf: { 'spark.dynamicAllocation.enabled': 'false', 'spark.executor.instances': 'ten' } }),
        fields: { 'executor.instances': undefined },
        messages: ['invalid-value'],
      },
      {
        name: 'an unreadable switch is an error and nothing is decided',
        job: buildJob({ conf: { 'spark.dynamicAllocation.enabled': 'yes' } }),
        fields: { dynamicAllocation: undefined, 'executor.instances': undefined },
        messages: ['invalid-value'],
      },
      {
        name: 'a Spark 2.4 job runs on a Spark 3 image, so it gets shuffle tracking',
        job: buildJob({
          facts: { releaseLabel: 'emr-5.36.2', sparkVersion: '2.4.8', hadoopVersion: '2.10.1', scalaVersion: '2.11.12', javaVersion: '8', pythonVersion: '3.7' },
          conf: { 'spark.dynamicAllocation.enabled': EMR_DA, 'spark.shuffle.service.enabled': EMR_ESS },
        }),
        fields: { 'dynamicAllocation.enabled': true, 'dynamicAllocation.shuffleTrackingEnabled': true },
        messages: [],
      },
    ]);
  });

  it('records every setting behind the initial executor count', () => {
    const plan = runRuleCase(rule, {
      name: 'provenance',
      job: buildJob({
        conf: { 'spark.dynamicAllocation.enabled': EMR_DA, 'spark.dynamicAllocation.minExecutors': '2', 'spark.executor.instances': { value: '6', layer: 'flag' } },
      }),
    });
    expect(plan.provenance['dynamicAllocation.initialExecutors']).toEqual({
      rule: 'dynamic-allocation',
      from: ['cluster/configurations/spark-defaults/spark.dynamicAllocation.minExecutors', 'flag/spark.executor.instances'],
    });
    expect(plan.diagnostics.filter((d) => d.code === 'unmapped-setting')).toEqual([]);
  });
});
