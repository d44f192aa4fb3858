import type { ConfEntry } from '../src/rule-api.js';
import { defineRule, refs } from '../src/rule-api.js';

const QUEUE = 'spark.yarn.queue';

/**
 * YARN queue names as spark-submit users write them: a leaf (`etl`) or a full path (`root.etl`).
 * CapacityScheduler accepts both for a leaf queue, so a mapping written either way applies.
 */
function candidates(queue: string): string[] {
  if (queue.startsWith('root.')) return [queue, queue.slice('root.'.length)];
  return [queue, `root.${queue}`];
}

/**
 * The YARN queue (`--queue` or `spark.yarn.queue`) becomes the batch scheduler queue the
 * project maps it to (facts §5 `spark.yarn.queue` row; operator `batchScheduler` and
 * `batchSchedulerOptions.queue`, facts §7.1). See docs/rules/batch-queue.md.
 */
export default defineRule({
  id: 'batch-queue',
  meta: {
    description: 'YARN queue to a Volcano or YuniKorn queue through scheduler.queues in the project config',
    category: 'yarn',
    reads: [QUEUE, 'config/scheduler'],
    writes: ['batchScheduler', 'batchSchedulerQueue'],
    messages: {
      'queue-unmapped':
        'YARN queue "{queue}" has no Kubernetes equivalent: {why}; the job runs without a queue and its capacity limits are lost',
      'default-queue': 'YARN queue "{queue}" is the default queue; the job runs without a batch-scheduler queue, as an unqueued job does',
    },
    severities: { 'queue-unmapped': 'warning', 'default-queue': 'info' },
    docs: 'docs/rules/batch-queue.md',
  },
  apply(job, ctx) {
    const scheduler = ctx.config.scheduler;
    const entry: ConfEntry | undefined = job.conf[QUEUE];
    const queue = entry?.value.trim() ?? '';
    const mappedFrom = scheduler && entry ? candidates(queue).find((q) => Object.hasOwn(scheduler.queues, q)) : undefined;

    if (scheduler) {
      const from = [refs.config('scheduler.name'), ...(entry && mappedFrom !== undefined ? [entry] : [])];
      ctx.set('batchScheduler', scheduler.name, ...from);
    }
    if (!entry) return;

    if (scheduler && mappedFrom !== undefined) {
      ctx.set('batchSchedulerQueue', scheduler.queues[mappedFrom], entry, refs.config(`scheduler.queues.${mappedFrom}`));
      return;
    }
    const hint = `Map it in emr2k8s.config.yaml: scheduler: { name: volcano | yunikorn, queues: { "${queue}": <scheduler queue> } }`;
    ctx.drop(entry, 'yarn-only', scheduler ? `scheduler.queues has no entry for "${queue}"` : 'no batch scheduler is configured');
    if (candidates(queue).includes('default')) {
      ctx.report('default-queue', { queue }, { refs: [entry], hint });
      return;
    }
    const why = scheduler ? `scheduler.queues (${scheduler.name}) does not map it` : 'no batch scheduler is configured';
    ctx.report('queue-unmapped', { queue, why }, { refs: [entry], hint });
  },
});
