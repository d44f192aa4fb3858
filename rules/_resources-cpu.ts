import type { RuleContext, SparkJob } from '../src/rule-api.js';
import { isCpuQuantity, parseSparkInt } from './_resources-common.js';

/**
 * Cores of a driver or executor pod (facts §3). `spark.<role>.cores` is the number of task
 * slots and must be a whole number; the Kubernetes CPU request and limit are carried only when
 * the job set them. YARN did not enforce vCores under EMR's default DefaultResourceCalculator,
 * so inventing a CPU limit would take away CPU the job could use on EMR.
 */
export function planPodCores(job: Readonly<SparkJob>, ctx: RuleContext, role: 'driver' | 'executor'): void {
  const coresKey = `spark.${role}.cores`;
  const cores = job.conf[coresKey];
  if (cores === undefined) {
    ctx.setDefault(`${role}.cores`, 1, `Spark's default ${coresKey} is 1`);
  } else {
    const n = parseSparkInt(cores.value, 1);
    if (n === undefined) {
      ctx.report('invalid-value', { key: coresKey, value: cores.value, expected: 'a whole number of cores of at least 1', field: `${role}.cores` }, { refs: [cores] });
      ctx.consume(cores);
    } else {
      ctx.set(`${role}.cores`, n, cores);
    }
  }
  for (const [kind, field] of [['request', 'coreRequest'], ['limit', 'coreLimit']] as const) {
    const key = `spark.kubernetes.${role}.${kind}.cores`;
    const entry = job.conf[key];
    if (entry === undefined) continue;
    if (isCpuQuantity(entry.value)) {
      ctx.set(`${role}.${field}`, entry.value.trim(), entry);
    } else {
      ctx.report('invalid-value', { key, value: entry.value, expected: 'a CPU quantity such as 2, 0.5 or 500m', field: `${role}.${field}` }, { refs: [entry] });
      ctx.consume(entry);
    }
  }
}
