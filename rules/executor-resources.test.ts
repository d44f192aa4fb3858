import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildJob, checkRule, defaultProjectConfig, readField, refs, runRuleCase } from '../src/rule-api.js';
import type { ClusterFacts } from '../src/rule-api.js';
import rule from './executor-resources.js';

const EMR_FACTOR = { value: '0.1875', layer: 'emr-default' } as const;
const EMR_6_5: Partial<ClusterFacts> = { releaseLabel: 'emr-6.5.0', sparkVersion: '3.1.2', hadoopVersion: '3.2.1', scalaVersion: '2.12', javaVersion: '8', pythonVersion: '3.7' };
const M5_4XL_CORE: ClusterFacts['roles'][number] = {
  role: 'CORE',
  instanceTypes: [{ type: 'm5.4xlarge', vcpu: 16, memoryMiB: 65536, yarnMemoryMiB: 57344, arch: 'x86_64' }],
  unknownTypes: [],
  count: 4,
  market: 'ON_DEMAND',
};
/** 8192 + 0.1875 × 8192 = 9728 MiB containers, 4 cores. */
const DENSE_EXECUTOR = { 'spark.executor.memory': '8g', 'spark.executor.cores': '4', 'spark.yarn.executor.memoryOverheadFactor': EMR_FACTOR } as const;
const EMR_5_36: Partial<ClusterFacts> = { releaseLabel: 'emr-5.36.2', sparkVersion: '2.4.8', hadoopVersion: '2.10.1', scalaVersion: '2.11.12', javaVersion: '8', pythonVersion: '3.7' };

describe('executor-resources', () => {
  it('follows its case table', () => {
    checkRule(rule, [
      {
        name: 'EMR default executor on c5.12xlarge: 4743M × 1.1875 is exactly 5632, a multiple of 32',
        job: buildJob({
          conf: {
            'spark.executor.memory': { value: '4743M', layer: 'emr-default' },
            'spark.executor.cores': { value: '3', layer: 'emr-default' },
            'spark.yarn.executor.memoryOverheadFactor': EMR_FACTOR,
          },
        }),
        fields: { 'executor.memory': '4743m', 'executor.memoryOverhead': '889m', 'executor.cores': 3, 'executor.coreRequest': undefined, 'executor.coreLimit': undefined },
        messages: [],
        dropped: [],
      },
      {
        name: 'the 32 MiB rounding of the YARN container goes into the overhead',
        job: buildJob({ conf: { 'spark.executor.memory': '5000m', 'spark.executor.cores': '4', 'spark.yarn.executor.memoryOverheadFactor': EMR_FACTOR } }),
        // 5000 + floor(0.1875 × 5000) = 5937 → rounded up to 5952
        fields: { 'executor.memory': '5000m', 'executor.memoryOverhead': '952m' },
        messages: [],
      },
      {
        name: 'an explicit overhead replaces the factor, which is dropped as superseded',
        job: buildJob({
          conf: {
            'spark.executor.memory': { value: '8g', layer: 'conf' },
            'spark.executor.memoryOverhead': { value: '2g', layer: 'conf' },
            'spark.yarn.executor.memoryOverheadFactor': EMR_FACTOR,
          },
        }),
        fields: { 'executor.memory': '8192m', 'executor.memoryOverhead': '2048m' },
        dropped: [['spark.yarn.executor.memoryOverheadFactor', 'superseded']],
        messages: [],
      },
      {
        name: 'the deprecated spark.yarn.executor.memoryOverhead (MiB) still sets the overhead',
        job: buildJob({ conf: { 'spark.executor.memory': '6g', 'spark.yarn.executor.memoryOverhead': '1500', 'spark.yarn.executor.memoryOverheadFactor': EMR_FACTOR } }),
        // 6144 + 1500 = 7644 → 7648
        fields: { 'executor.memoryOverhead': '1504m' },
        dropped: [['spark.yarn.executor.memoryOverheadFactor', 'superseded']],
      },
      {
        name: 'the new overhead key wins over its YARN alternate',
        job: buildJob({ conf: { 'spark.executor.memory': '6g', 'spark.executor.memoryOverhead': '1g', 'spark.yarn.executor.memoryOverhead': '3000' } }),
        fields: { 'executor.memoryOverhead': '1024m' },
        dropped: [['spark.yarn.executor.memoryOverhead', 'superseded']],
      },
      {
        name: 'on Spark 3.3+ an explicit spark.executor.memoryOverheadFactor beats EMR 0.1875',
        job: buildJob({
          conf: { 'spark.executor.memory': '8g', 'spark.executor.memoryOverheadFactor': { value: '0.25', layer: 'conf' }, 'spark.yarn.executor.memoryOverheadFactor': EMR_FACTOR },
        }),
        fields: { 'executor.memoryOverhead': '2048m' },
        dropped: [['spark.yarn.executor.memoryOverheadFactor', 'superseded']],
      },
      {
        name: 'Spark 3.1 does not read spark.executor.memoryOverheadFactor, so EMR 0.1875 applies',
        job: buildJob({
          facts: EMR_6_5,
          conf: { 'spark.executor.memory': '8g', 'spark.executor.memoryOverheadFactor': '0.25', 'spark.yarn.executor.memoryOverheadFactor': EMR_FACTOR },
        }),
        fields: { 'executor.memoryOverhead': '1536m' },
        dropped: [['spark.executor.memoryOverheadFactor', 'not-applicable']],
      },
      {
        name: 'without any factor Spark uses max(10 %, 384 MiB)',
        job: buildJob({ conf: { 'spark.executor.memory': '2g' } }),
        fields: { 'executor.memoryOverhead': '384m' },
        messages: [],
      },
      {
        name: 'off-heap memory counts toward the container and is carried to sparkConf',
        job: buildJob({
          conf: { 'spark.executor.memory': '4743M', 'spark.yarn.executor.memoryOverheadFactor': EMR_FACTOR, 'spark.memory.offHeap.enabled': 'true', 'spark.memory.offHeap.size': '2g' },
        }),
        // 4743 + 889 + 2048 = 7680, already a multiple of 32
        fields: {
          'executor.memoryOverhead': '889m',
          'sparkConf.spark.memory.offHeap.enabled': 'true',
          'sparkConf.spark.memory.offHeap.size': '2g',
        },
        messages: [],
      },
      {
        name: 'a bare off-heap size is bytes, and 3000 MiB of it changes the rounding',
        job: buildJob({
          conf: { 'spark.executor.memory': '5000m', 'spark.yarn.executor.memoryOverheadFactor': EMR_FACTOR, 'spark.memory.offHeap.enabled': 'TRUE', 'spark.memory.offHeap.size': '3145728000' },
        }),
        // 5000 + 937 + 3000 = 8937 → 8960
        fields: { 'executor.memoryOverhead': '960m', 'sparkConf.spark.memory.offHeap.size': '3145728000' },
      },
      {
        name: 'off-heap is not added before Spark 3.0 (it had to fit in the overhead)',
        job: buildJob({
          facts: EMR_5_36,
          conf: { 'spark.executor.memory': '5000m', 'spark.yarn.executor.memoryOverheadFactor': EMR_FACTOR, 'spark.memory.offHeap.enabled': 'true', 'spark.memory.offHeap.size': '1g' },
        }),
        fields: { 'executor.memoryOverhead': '952m' },
      },
      {
        name: 'off-heap enabled without a size is an error, as in Spark',
        job: buildJob({ conf: { 'spark.executor.memory': '4g', 'spark.memory.offHeap.enabled': 'true' } }),
        fields: { 'executor.memoryOverhead': '416m', 'sparkConf.spark.memory.offHeap.enabled': 'true' },
        messages: ['offheap-size-missing'],
      },
      {
        name: 'disabled off-heap is carried but adds nothing',
        job: buildJob({ conf: { 'spark.executor.memory': '4g', 'spark.memory.offHeap.enabled': 'false', 'spark.memory.offHeap.size': '2g' } }),
        fields: { 'executor.memoryOverhead': '416m', 'sparkConf.spark.memory.offHeap.size': '2g' },
        messages: [],
      },
      {
        name: 'PySpark memory counts for Python apps, and the 0.4 Kubernetes factor is explained',
        job: buildJob({
          submit: { appType: 'Python', primaryResource: { value: 's3://acme-etl/jobs/sessionize.py', ref: 'steps/s-1K4N2D6OZ8P9Q/args/5' } },
          conf: { 'spark.executor.memory': '4g', 'spark.yarn.executor.memoryOverheadFactor': EMR_FACTOR, 'spark.executor.pyspark.memory': '1g' },
        }),
        // 4096 + 768 + 1024 = 5888, a multiple of 32
        fields: { 'executor.memoryOverhead': '768m', 'sparkConf.spark.executor.pyspark.memory': '1g' },
        messages: ['pyspark-overhead'],
      },
      {
        name: 'PySpark memory of a JVM app is carried but not counted',
        job: buildJob({ conf: { 'spark.executor.memory': '5000m', 'spark.yarn.executor.memoryOverheadFactor': EMR_FACTOR, 'spark.executor.pyspark.memory': '1g' } }),
        fields: { 'executor.memoryOverhead': '952m', 'sparkConf.spark.executor.pyspark.memory': '1g' },
        messages: [],
      },
      {
        name: 'a fractional heap is rejected and nothing is sized',
        job: buildJob({ conf: { 'spark.executor.memory': { value: '1.5g', layer: 'flag' }, 'spark.yarn.executor.memoryOverheadFactor': EMR_FACTOR } }),
        fields: { 'executor.memory': undefined, 'executor.memoryOverhead': undefined },
        messages: ['invalid-value'],
      },
      {
        name: 'an unreadable factor leaves the overhead unset but keeps the heap',
        job: buildJob({ conf: { 'spark.executor.memory': '4g', 'spark.yarn.executor.memoryOverheadFactor': 'high' } }),
        fields: { 'executor.memory': '4096m', 'executor.memoryOverhead': undefined },
        messages: ['invalid-value'],
      },
      {
        name: 'fractional and non-numeric executor cores are errors',
        job: buildJob({ conf: { 'spark.executor.memory': '4g', 'spark.executor.cores': '2.5', 'spark.kubernetes.executor.request.cores': 'two' } }),
        fields: { 'executor.cores': undefined, 'executor.coreRequest': undefined },
        messages: ['invalid-value', 'invalid-value'],
      },
      {
        name: 'Kubernetes CPU request and limit are carried when set',
        job: buildJob({
          conf: { 'spark.executor.memory': '4g', 'spark.executor.cores': '4', 'spark.kubernetes.executor.request.cores': '3500m', 'spark.kubernetes.executor.limit.cores': '4' },
        }),
        fields: { 'executor.cores': 4, 'executor.coreRequest': '3500m', 'executor.coreLimit': '4' },
        messages: [],
      },
      {
        name: 'a yarn-site minimum allocation changes the rounding step',
        job: buildJob({
          conf: { 'spark.executor.memory': '4743M', 'spark.yarn.executor.memoryOverheadFactor': EMR_FACTOR },
          classifications: [{ classification: 'yarn-site', properties: { 'yarn.scheduler.minimum-allocation-mb': '1024' }, configurations: [] }],
        }),
        // 5632 → 6144
        fields: { 'executor.memoryOverhead': '1401m' },
      },
      {
        name: 'a legacy m2 master rounds to 256 MiB',
        job: buildJob({
          facts: { roles: [{ role: 'MASTER', instanceTypes: [], unknownTypes: ['m2.2xlarge'], count: 1, market: 'ON_DEMAND' }] },
          conf: { 'spark.executor.memory': '5000m', 'spark.yarn.executor.memoryOverheadFactor': EMR_FACTOR },
        }),
        // 5937 → 6144
        fields: { 'executor.memoryOverhead': '1144m' },
      },
      {
        name: 'Spark 4.0 reads spark.executor.minMemoryOverhead',
        job: buildJob({ facts: { sparkVersion: '4.0.1' }, conf: { 'spark.executor.memory': '2g', 'spark.executor.minMemoryOverhead': '512m' } }),
        fields: { 'executor.memoryOverhead': '512m' },
      },
      {
        name: 'before 4.0 the minimum overhead is fixed at 384 MiB',
        job: buildJob({ conf: { 'spark.executor.memory': '2g', 'spark.executor.minMemoryOverhead': '512m' } }),
        fields: { 'executor.memoryOverhead': '384m' },
        dropped: [['spark.executor.minMemoryOverhead', 'not-applicable']],
      },
      {
        name: 'EMR packed 5 executors per m5.4xlarge by memory; a 4-core request fits 3: a warning',
        // EMR: 57344 / 9728 → 5. EKS: (15890 − 200) / 4000 → 3, by CPU (facts §9; src/packing tests show the arithmetic).
        job: buildJob({ facts: { roles: [M5_4XL_CORE] }, conf: DENSE_EXECUTOR }),
        fields: { 'executor.cores': 4, 'executor.coreRequest': undefined },
        messages: ['executor-density-lower'],
      },
      {
        name: 'packing.coreRequest: emr-density requests floor(15690 / 5) = 3138m to keep 5 per node',
        job: buildJob({ facts: { roles: [M5_4XL_CORE] }, conf: DENSE_EXECUTOR }),
        config: { packing: { ...defaultProjectConfig().packing, coreRequest: 'emr-density' } },
        fields: { 'executor.cores': 4, 'executor.coreRequest': '3138m' },
        messages: ['emr-density-request'],
      },
      {
        name: 'an explicit spark.kubernetes.executor.request.cores wins over emr-density',
        job: buildJob({ facts: { roles: [M5_4XL_CORE] }, conf: { ...DENSE_EXECUTOR, 'spark.kubernetes.executor.request.cores': '2' } }),
        config: { packing: { ...defaultProjectConfig().packing, coreRequest: 'emr-density' } },
        fields: { 'executor.coreRequest': '2' },
        messages: [],
      },
      {
        name: 'no warning when Kubernetes fits as many executors as EMR did',
        // 1 core: EKS 15690 / 1000 → 15, memory 62095 / 9728 → 6; EMR 5.
        job: buildJob({ facts: { roles: [M5_4XL_CORE] }, conf: { ...DENSE_EXECUTOR, 'spark.executor.cores': '1' } }),
        config: { packing: { ...defaultProjectConfig().packing, coreRequest: 'emr-density' } },
        fields: { 'executor.coreRequest': undefined },
        messages: [],
      },
      {
        name: "nothing set: Spark's 1g heap, 384 MiB overhead, 1 core",
        job: buildJob({}),
        fields: { 'executor.memory': '1024m', 'executor.memoryOverhead': '384m', 'executor.cores': 1 },
        messages: [],
      },
    ]);
  });

  it('names every input of the overhead in its provenance', () => {
    const plan = runRuleCase(rule, {
      name: 'provenance',
      job: buildJob({ conf: { 'spark.executor.memory': '5000m', 'spark.yarn.executor.memoryOverheadFactor': EMR_FACTOR } }),
    });
    expect(plan.provenance['executor.memoryOverhead']).toEqual({
      rule: 'executor-resources',
      from: [refs.classification(['spark-defaults'], 'spark.executor.memory'), refs.emrDefault('spark.yarn.executor.memoryOverheadFactor')],
    });
  });

  it('names the config key, the instance group and the cores behind an emr-density request', () => {
    const yarnSite = { classification: 'yarn-site', properties: { 'yarn.nodemanager.resource.memory-mb': '57344' }, configurations: [] };
    const plan = runRuleCase(rule, {
      name: 'density provenance',
      job: buildJob({ facts: { roles: [M5_4XL_CORE] }, conf: DENSE_EXECUTOR, classifications: [yarnSite] }),
      config: { packing: { ...defaultProjectConfig().packing, coreRequest: 'emr-density', allocatable: { 'm5.4xlarge': { cpu: '15800m', memory: '60000Mi' } } } },
    });
    // Measured: (15800 − 200) / 5 = 3120m.
    expect(plan.executor.coreRequest).toBe('3120m');
    expect(plan.provenance['executor.coreRequest']).toEqual({
      rule: 'executor-resources',
      from: [
        refs.config('packing.coreRequest'),
        refs.config('packing.daemonSetOverhead.cpu'),
        refs.config('packing.allocatable.m5.4xlarge'),
        refs.instances('CORE', 'instanceTypes'),
        refs.classification(['yarn-site'], 'yarn.nodemanager.resource.memory-mb'),
        refs.classification(['spark-defaults'], 'spark.executor.cores'),
      ],
    });
    expect(plan.diagnostics.find((d) => d.code === 'emr-density-request')?.message).toContain('share 3.12 CPUs');
  });

  it('gives the pod the rounded YARN container, never less, for any heap and factor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 512, max: 200_000 }), fc.integer({ min: 5, max: 500 }), (heap, permille) => {
        const factor = permille / 1000;
        const plan = runRuleCase(rule, {
          name: 'property',
          job: buildJob({ conf: { 'spark.executor.memory': `${heap}m`, 'spark.yarn.executor.memoryOverheadFactor': String(factor) } }),
        });
        const overhead = Number(String(readField(plan, 'executor.memoryOverhead')).replace(/m$/, ''));
        const request = heap + Math.max(Math.floor(factor * heap), 384);
        expect((heap + overhead) % 32).toBe(0);
        expect(heap + overhead).toBeGreaterThanOrEqual(request);
        expect(heap + overhead - request).toBeLessThan(32);
      }),
      { numRuns: 200 },
    );
  });
});
