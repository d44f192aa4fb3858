import type { ConfEntry, RuleContext, SparkJob } from '../src/rule-api.js';
import { defineRule, parseSparkDurationMs } from '../src/rule-api.js';
import { parseSparkBoolean, parseSparkInt } from './_resources-common.js';

const DA = 'spark.dynamicAllocation.';
const ENABLED = `${DA}enabled`;
const MIN = `${DA}minExecutors`;
const MAX = `${DA}maxExecutors`;
const INITIAL = `${DA}initialExecutors`;
const TRACKING = `${DA}shuffleTracking.enabled`;
const TRACKING_TIMEOUT = `${DA}shuffleTracking.timeout`;
const INSTANCES = 'spark.executor.instances';
const SHUFFLE_SERVICE = 'spark.shuffle.service.enabled';
/** Keys that become typed `spec.dynamicAllocation` fields; every other `spark.dynamicAllocation.*` key goes to sparkConf. */
const TYPED = new Set([ENABLED, MIN, MAX, INITIAL, TRACKING, TRACKING_TIMEOUT]);
/** `spark.executor.instances` default on YARN (running-on-yarn.md; YarnSparkHadoopUtil.DEFAULT_NUMBER_EXECUTORS). */
const YARN_DEFAULT_EXECUTORS = 2;

type Read<T> = { entry: ConfEntry; value: T } | undefined | 'invalid';

function reader(job: Readonly<SparkJob>, ctx: RuleContext) {
  const read = <T>(key: string, parse: (text: string) => T | undefined, expected: string, field: string): Read<T> => {
    const entry = job.conf[key];
    if (entry === undefined) return undefined;
    const value = parse(entry.value);
    if (value !== undefined) return { entry, value };
    ctx.report('invalid-value', { key, value: entry.value, expected, field }, { refs: [entry] });
    ctx.consume(entry);
    return 'invalid';
  };
  return {
    bool: (key: string, field: string) => read(key, parseSparkBoolean, 'true or false', field),
    count: (key: string, field: string) => read(key, (t) => parseSparkInt(t, 0), 'a whole number of executors', field),
    millis: (key: string, field: string) => read(key, (t) => parseSparkDurationMs(t, 'ms'), 'a duration such as 30min or 600s', field),
  };
}

const ok = <T>(r: Read<T>): { entry: ConfEntry; value: T } | undefined => (r === 'invalid' ? undefined : r);

/**
 * Dynamic allocation as EMR ran it, in the operator's typed `spec.dynamicAllocation` (never the
 * sparkConf key: the operator checks a lower-cased key and would force one executor, facts §7.2).
 * See docs/rules/dynamic-allocation.md.
 */
export default defineRule({
  id: 'dynamic-allocation',
  meta: {
    description: 'Dynamic allocation bounds with shuffle tracking instead of the YARN shuffle service, or static executor count',
    category: 'dynamic-allocation',
    reads: [`${DA}*`, INSTANCES, SHUFFLE_SERVICE],
    writes: ['dynamicAllocation.*', 'executor.instances', `sparkConf.${DA}*`],
    messages: {
      'invalid-value': '{key} = "{value}" is not {expected}, so Spark would reject it; {field} is left unset',
      'invalid-executor-bounds':
        'spark.dynamicAllocation.minExecutors ({min}) is greater than maxExecutors ({max}), or maxExecutors is 0; Spark refuses to start like this',
      'instances-become-initial':
        'spark.executor.instances = {instances} with dynamic allocation on: Spark starts with {initial} executors and scales between the bounds, as it did on EMR',
      'shuffle-tracking-forced':
        'spark.dynamicAllocation.shuffleTracking.enabled was false; it is turned on because Kubernetes has no external shuffle service to keep shuffle files of removed executors',
    },
    severities: {
      'invalid-value': 'error',
      'invalid-executor-bounds': 'error',
      'instances-become-initial': 'info',
      'shuffle-tracking-forced': 'warning',
    },
    docs: 'docs/rules/dynamic-allocation.md',
  },
  apply(job, ctx) {
    const read = reader(job, ctx);
    const shuffleService = job.conf[SHUFFLE_SERVICE];
    if (shuffleService) {
      ctx.drop(shuffleService, 'no-k8s-equivalent', 'Kubernetes has no external shuffle service; executors would try to register with port 7337 and fail (facts §4.3)');
    }
    const enabled = read.bool(ENABLED, 'dynamicAllocation.enabled');
    const instances = read.count(INSTANCES, 'executor.instances');
    if (enabled === 'invalid') return;

    if (enabled?.value !== true) {
      if (enabled) ctx.set('dynamicAllocation.enabled', false, enabled.entry);
      for (const key of ctx.confKeys(DA).filter((k) => k !== ENABLED)) {
        ctx.drop(job.conf[key] as ConfEntry, 'not-applicable', 'dynamic allocation is off, so Spark does not read it');
      }
      if (instances === 'invalid') return;
      if (instances) ctx.set('executor.instances', instances.value, instances.entry, ...(enabled ? [enabled.entry] : []));
      else ctx.setDefault('executor.instances', YARN_DEFAULT_EXECUTORS, 'spark.executor.instances defaults to 2 on YARN when dynamic allocation is off');
      return;
    }

    ctx.set('dynamicAllocation.enabled', true, enabled.entry);

    const tracking = read.bool(TRACKING, 'dynamicAllocation.shuffleTrackingEnabled');
    if (tracking === undefined) {
      ctx.setDefault('dynamicAllocation.shuffleTrackingEnabled', true, 'no external shuffle service on Kubernetes: shuffle tracking keeps executors that hold shuffle data (facts §4.3)');
    } else if (tracking !== 'invalid') {
      if (!tracking.value) ctx.report('shuffle-tracking-forced', {}, { refs: [tracking.entry] });
      ctx.set('dynamicAllocation.shuffleTrackingEnabled', true, tracking.entry);
    }
    const timeout = ok(read.millis(TRACKING_TIMEOUT, 'dynamicAllocation.shuffleTrackingTimeout'));
    if (timeout) ctx.set('dynamicAllocation.shuffleTrackingTimeout', timeout.value, timeout.entry);

    const min = read.count(MIN, 'dynamicAllocation.minExecutors');
    const max = read.count(MAX, 'dynamicAllocation.maxExecutors');
    const initial = read.count(INITIAL, 'dynamicAllocation.initialExecutors');
    const okMin = ok(min);
    const okMax = ok(max);
    if (okMin) ctx.set('dynamicAllocation.minExecutors', okMin.value, okMin.entry);
    if (okMax) ctx.set('dynamicAllocation.maxExecutors', okMax.value, okMax.entry);
    if (okMax && (okMax.value === 0 || (okMin && okMin.value > okMax.value))) {
      ctx.report('invalid-executor-bounds', { min: okMin?.value ?? 0, max: okMax.value }, { refs: [okMax.entry, ...(okMin ? [okMin.entry] : [])] });
    }

    // Effective initial = max(initialExecutors (defaults to min), minExecutors, spark.executor.instances)
    // (Utils.getDynamicAllocationInitialExecutors, facts §4.1).
    const okInitial = ok(initial);
    const okInstances = ok(instances);
    if ((okInitial || okInstances) && min !== 'invalid' && initial !== 'invalid' && instances !== 'invalid') {
      const value = Math.max(okInitial?.value ?? 0, okMin?.value ?? 0, okInstances?.value ?? 0);
      const from = [okInitial, okMin, okInstances].flatMap((r) => (r ? [r.entry] : []));
      ctx.set('dynamicAllocation.initialExecutors', value, ...from);
      if (okInstances) ctx.report('instances-become-initial', { instances: okInstances.value, initial: value }, { refs: [okInstances.entry] });
    }

    for (const key of ctx.confKeys(DA).filter((k) => !TYPED.has(k))) {
      const entry = job.conf[key] as ConfEntry;
      ctx.set(`sparkConf.${key}`, entry.value, entry);
    }
  },
});
