import { defineRule } from '../src/rule-api.js';
import { deployMode } from './_resources-common.js';
import { planPodCores } from './_resources-cpu.js';
import { MEMORY_MESSAGES, planPodMemory, yarnAllocationStep } from './_resources-memory.js';

/**
 * The driver pod gets the heap and memory the driver JVM had on EMR (DESIGN principle 4).
 * Driver pod memory on Kubernetes is heap + overhead only (facts §2.1, BasicDriverFeatureStep);
 * the overhead is set explicitly so PySpark's 0.4 Kubernetes factor does not apply.
 * See docs/rules/driver-resources.md.
 */
export default defineRule({
  id: 'driver-resources',
  meta: {
    description: 'Driver heap, cores and an explicit overhead equal to what the EMR driver had',
    category: 'resources',
    reads: [
      'spark.driver.memory',
      'spark.driver.memoryOverhead',
      'spark.yarn.driver.memoryOverhead',
      'spark.driver.memoryOverheadFactor',
      'spark.driver.minMemoryOverhead',
      'spark.driver.cores',
      'spark.kubernetes.driver.request.cores',
      'spark.kubernetes.driver.limit.cores',
      'spark.submit.deployMode',
      'cluster/configurations/yarn-site/yarn.scheduler.minimum-allocation-mb',
    ],
    writes: ['driver.memory', 'driver.memoryOverhead', 'driver.cores', 'driver.coreRequest', 'driver.coreLimit'],
    messages: { ...MEMORY_MESSAGES },
    severities: { 'invalid-value': 'error', 'pyspark-overhead': 'info' },
    docs: 'docs/rules/driver-resources.md',
  },
  apply(job, ctx) {
    // In cluster mode the driver lived in the YARN ApplicationMaster container, rounded like any
    // other; in client mode (EMR's default) it was a plain JVM on the master node.
    const cluster = deployMode(job).mode === 'cluster';
    planPodMemory(job, ctx, {
      role: 'driver',
      heapKey: 'spark.driver.memory',
      overheadKey: 'spark.driver.memoryOverhead',
      yarnOverheadKey: 'spark.yarn.driver.memoryOverhead',
      factorKeys: [{ key: 'spark.driver.memoryOverheadFactor', since: [3, 3] }],
      minOverheadKey: 'spark.driver.minMemoryOverhead',
      extras: [],
      ...(cluster ? { rounding: yarnAllocationStep(job) } : {}),
    });
    planPodCores(job, ctx, 'driver');
  },
});
