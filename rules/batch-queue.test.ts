import { describe, expect, it } from 'vitest';
import { buildJob, checkRule, runRuleCase } from '../src/rule-api.js';
import rule from './batch-queue.js';

const VOLCANO = { scheduler: { name: 'volcano' as const, queues: { etl: 'etl-batch', 'root.reporting': 'reporting' } } };
const YUNIKORN = { scheduler: { name: 'yunikorn' as const, queues: { 'root.analytics': 'root.spark.analytics' } } };
const QUEUE_FLAG = (q: string) => ({ 'spark.yarn.queue': { value: q, layer: 'flag' as const } });

describe('batch-queue', () => {
  it('follows its case table', () => {
    checkRule(rule, [
      {
        name: '--queue etl mapped to a Volcano queue',
        job: buildJob({ conf: QUEUE_FLAG('etl') }),
        config: VOLCANO,
        fields: { batchScheduler: 'volcano', batchSchedulerQueue: 'etl-batch' },
        messages: [],
        dropped: [],
      },
      {
        name: 'a full queue path matches a mapping written as a leaf',
        job: buildJob({ conf: QUEUE_FLAG('root.etl') }),
        config: VOLCANO,
        fields: { batchScheduler: 'volcano', batchSchedulerQueue: 'etl-batch' },
      },
      {
        name: 'a leaf queue matches a mapping written as a full path (YuniKorn)',
        job: buildJob({ conf: { 'spark.yarn.queue': 'analytics' } }),
        config: YUNIKORN,
        fields: { batchScheduler: 'yunikorn', batchSchedulerQueue: 'root.spark.analytics' },
      },
      {
        name: 'an unmapped queue is dropped with a warning; the scheduler still applies',
        job: buildJob({ conf: QUEUE_FLAG('adhoc') }),
        config: VOLCANO,
        fields: { batchScheduler: 'volcano', batchSchedulerQueue: undefined },
        dropped: [['spark.yarn.queue', 'yarn-only']],
        messages: ['queue-unmapped'],
      },
      {
        name: 'no scheduler configured: the queue is dropped with a warning',
        job: buildJob({ conf: QUEUE_FLAG('etl') }),
        fields: { batchScheduler: undefined, batchSchedulerQueue: undefined },
        dropped: [['spark.yarn.queue', 'yarn-only']],
        messages: ['queue-unmapped'],
      },
      {
        name: 'the default queue without a scheduler is only an info',
        job: buildJob({ conf: { 'spark.yarn.queue': 'default' } }),
        fields: { batchScheduler: undefined },
        dropped: [['spark.yarn.queue', 'yarn-only']],
        messages: ['default-queue'],
      },
      {
        name: 'no queue but a scheduler: the job goes to that scheduler',
        job: buildJob({}),
        config: VOLCANO,
        fields: { batchScheduler: 'volcano', batchSchedulerQueue: undefined },
        messages: [],
      },
      {
        name: 'no queue and no scheduler: nothing to do',
        job: buildJob({}),
        fields: { batchScheduler: undefined, batchSchedulerQueue: undefined },
        messages: [],
        dropped: [],
      },
    ]);
  });

  it('tells how to map an unmapped queue', () => {
    const plan = runRuleCase(rule, { name: 'hint', job: buildJob({ conf: QUEUE_FLAG('adhoc') }), config: VOLCANO });
    const d = plan.diagnostics.find((x) => x.code === 'queue-unmapped');
    expect(d?.hint).toContain('queues: { "adhoc"');
    expect(d?.refs).toEqual(['flag/spark.yarn.queue']);
    expect(plan.provenance['batchScheduler']).toEqual({ rule: 'batch-queue', from: ['config/scheduler.name'] });
  });
});
