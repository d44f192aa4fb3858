import type { ConfEntry, RuleContext, SparkJob } from '../src/rule-api.js';
import { defineRule, parseSparkMemoryMiB } from '../src/rule-api.js';
import { parseSparkBoolean, sparkAtLeast } from './_resources-common.js';
import { DENSITY_MESSAGES, planExecutorDensity, planPodCores } from './_resources-cpu.js';
import type { MemoryExtra } from './_resources-memory.js';
import { MEMORY_MESSAGES, planPodMemory, yarnAllocationStep } from './_resources-memory.js';

const OFF_HEAP_ENABLED = 'spark.memory.offHeap.enabled';
const OFF_HEAP_SIZE = 'spark.memory.offHeap.size';
const PYSPARK_MEMORY = 'spark.executor.pyspark.memory';

/**
 * Off-heap memory Spark adds to the executor container: `spark.memory.offHeap.size` (a byte
 * count when it has no unit) only when off-heap is enabled, and only from Spark 3.0 — before,
 * it had to fit inside the overhead (facts §2.1, `ResourceProfile.executorOffHeapMemorySizeAsMb`).
 * Both keys are carried to sparkConf, where they keep their meaning.
 */
function offHeap(job: Readonly<SparkJob>, ctx: RuleContext): MemoryExtra | undefined {
  const enabled = job.conf[OFF_HEAP_ENABLED];
  const size = job.conf[OFF_HEAP_SIZE];
  const on = enabled === undefined ? false : parseSparkBoolean(enabled.value);
  if (enabled !== undefined && on === undefined) {
    ctx.report('invalid-value', { key: OFF_HEAP_ENABLED, value: enabled.value, expected: 'true or false', field: `sparkConf.${OFF_HEAP_ENABLED}` }, { refs: [enabled] });
    ctx.consume(enabled);
  } else if (enabled !== undefined) {
    ctx.set(`sparkConf.${OFF_HEAP_ENABLED}`, enabled.value.trim(), enabled);
  }
  let mib = 0;
  let sizeInvalid = false;
  if (size !== undefined) {
    const bytesByDefault = /^\s*\d+\s*$/.test(size.value) ? `${size.value.trim()}b` : size.value;
    const parsed = parseSparkMemoryMiB(bytesByDefault);
    if (parsed === undefined) {
      ctx.report('invalid-value', { key: OFF_HEAP_SIZE, value: size.value, expected: 'a whole size such as 2g', field: `sparkConf.${OFF_HEAP_SIZE}` }, { refs: [size] });
      ctx.consume(size);
      sizeInvalid = true;
    } else {
      ctx.set(`sparkConf.${OFF_HEAP_SIZE}`, size.value.trim(), size);
      mib = parsed;
    }
  }
  if (on !== true || enabled === undefined || sizeInvalid) return undefined;
  if (mib <= 0) {
    ctx.report('offheap-size-missing', {}, { refs: [enabled, ...(size ? [size] : [])] });
    return undefined;
  }
  return sparkAtLeast(job, 3, 0) ? { mib, from: [enabled, ...(size ? [size] : [])] } : undefined;
}

/** `spark.executor.pyspark.memory` (MiB by default) counts toward the container only for Python apps. */
function pysparkMemory(job: Readonly<SparkJob>, ctx: RuleContext): MemoryExtra | undefined {
  const entry: ConfEntry | undefined = job.conf[PYSPARK_MEMORY];
  if (entry === undefined) return undefined;
  const mib = parseSparkMemoryMiB(entry.value);
  if (mib === undefined) {
    ctx.report('invalid-value', { key: PYSPARK_MEMORY, value: entry.value, expected: 'a whole size such as 2g', field: `sparkConf.${PYSPARK_MEMORY}` }, { refs: [entry] });
    ctx.consume(entry);
    return undefined;
  }
  ctx.set(`sparkConf.${PYSPARK_MEMORY}`, entry.value.trim(), entry);
  return job.submit?.appType === 'Python' ? { mib, from: [entry] } : undefined;
}

/**
 * Executors get the heap, cores and container memory they had on EMR (DESIGN principle 4).
 * See docs/rules/executor-resources.md for the arithmetic and its sources.
 */
export default defineRule({
  id: 'executor-resources',
  meta: {
    description: 'Executor heap, cores and an explicit overhead that reproduces the EMR YARN container size; the CPU request that keeps EMR executor density (packing.coreRequest)',
    category: 'resources',
    reads: [
      'spark.executor.memory',
      'spark.executor.memoryOverhead',
      'spark.yarn.executor.memoryOverhead',
      'spark.executor.memoryOverheadFactor',
      'spark.yarn.executor.memoryOverheadFactor',
      'spark.executor.minMemoryOverhead',
      OFF_HEAP_ENABLED,
      OFF_HEAP_SIZE,
      PYSPARK_MEMORY,
      'spark.executor.cores',
      'spark.kubernetes.executor.request.cores',
      'spark.kubernetes.executor.limit.cores',
      'cluster/configurations/yarn-site/yarn.scheduler.minimum-allocation-mb',
      // Executor density (packing.coreRequest): the node YARN packed and the config's packing settings.
      'cluster/configurations/yarn-site/yarn.nodemanager.resource.memory-mb',
      'cluster/configurations/yarn-site/yarn.nodemanager.resource.cpu-vcores',
      'cluster/configurations/capacity-scheduler/yarn.scheduler.capacity.resource-calculator',
      'cluster/instances/*',
      'config/packing',
    ],
    writes: [
      'executor.memory',
      'executor.memoryOverhead',
      'executor.cores',
      'executor.coreRequest',
      'executor.coreLimit',
      `sparkConf.${OFF_HEAP_ENABLED}`,
      `sparkConf.${OFF_HEAP_SIZE}`,
      `sparkConf.${PYSPARK_MEMORY}`,
    ],
    messages: {
      ...MEMORY_MESSAGES,
      ...DENSITY_MESSAGES,
      'offheap-size-missing':
        'spark.memory.offHeap.enabled is true but spark.memory.offHeap.size is not a positive size; Spark refuses to start executors like this',
    },
    severities: { 'invalid-value': 'error', 'offheap-size-missing': 'error', 'pyspark-overhead': 'info', 'executor-density-lower': 'warning', 'emr-density-request': 'info' },
    docs: 'docs/rules/executor-resources.md',
  },
  apply(job, ctx) {
    const extras = [offHeap(job, ctx), pysparkMemory(job, ctx)].filter((e): e is MemoryExtra => e !== undefined);
    const containerMiB = planPodMemory(job, ctx, {
      role: 'executor',
      heapKey: 'spark.executor.memory',
      overheadKey: 'spark.executor.memoryOverhead',
      yarnOverheadKey: 'spark.yarn.executor.memoryOverhead',
      factorKeys: [
        { key: 'spark.executor.memoryOverheadFactor', since: [3, 3] },
        { key: 'spark.yarn.executor.memoryOverheadFactor' },
      ],
      minOverheadKey: 'spark.executor.minMemoryOverhead',
      extras,
      rounding: yarnAllocationStep(job),
    });
    const cores = planPodCores(job, ctx, 'executor');
    planExecutorDensity(job, ctx, containerMiB, cores);
  },
});
