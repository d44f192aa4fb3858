import fc from 'fast-check';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { nightlyEtlPlan } from '../src/emitters/plan-fixture.js';
import { buildSparkApplication } from '../src/emitters/spark-operator/spark-application.js';
import { emitSparkSubmit } from '../src/emitters/spark-submit/index.js';
import type { JobPlan } from '../src/model/job-plan.js';
import type { ResolvedConf } from '../src/model/spark-job.js';
import { resolveConf } from '../src/normalize/resolve-conf.js';
import { parseSparkSubmit } from '../src/normalize/spark-submit-parser.js';

/** The parts of the written Job the checks read. */
interface WrittenJob {
  kind: string;
  spec: { template: { spec: { containers: Array<{ command: string[]; args: string[] }> } } };
}

/** The Job as a cluster would read it: the written YAML parsed back, not the object in memory. */
function writtenJob(plan: JobPlan): WrittenJob {
  const { files, diagnostics } = emitSparkSubmit([plan]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const docs = loadAll(files[0]!.content) as WrittenJob[];
  return docs.find((d) => d.kind === 'Job')!;
}

/**
 * The Job's command line read back with the project's own spark-submit parser and resolved
 * in Spark's precedence order, as spark-submit itself would: what the Job really asks Spark for.
 */
function resolveJobArgs(plan: JobPlan) {
  const container = writtenJob(plan).spec.template.spec.containers[0]!;
  const tokens = container.args.map((value, i) => ({ value, ref: `job/args/${i}` }));
  const parsed = parseSparkSubmit(tokens, { launcher: 'spark-submit' });
  const { conf } = resolveConf({ defaults: [], maximized: [], sparkDefaults: [], submit: parsed.submit });
  return { parsed, conf, command: container.command };
}

function value(conf: ResolvedConf, key: string): string | undefined {
  return conf[key]?.value;
}

/** The SparkApplication fields the operator turns into spark-submit settings. */
interface SparkPod {
  cores?: number; coreRequest?: string; coreLimit?: string; memory?: string; memoryOverhead?: string;
  javaOptions?: string; serviceAccount?: string; instances?: number; nodeSelector?: Record<string, string>;
}
interface SparkApplication {
  metadata: { name: string; namespace: string };
  spec: {
    image: string;
    sparkConf?: Record<string, string>;
    hadoopConf?: Record<string, string>;
    driver: SparkPod;
    executor: SparkPod;
    dynamicAllocation?: { enabled: boolean; initialExecutors?: number; minExecutors?: number; maxExecutors?: number; shuffleTrackingEnabled?: boolean };
    deps?: { jars?: string[]; packages?: string[] };
  };
}

/**
 * What the Spark Operator passes to spark-submit for a SparkApplication (facts §7.1, §7.2;
 * kubeflow/spark-operator `internal/controller/sparkapplication/submission.go`), written out
 * independently of the emitter under test.
 */
function operatorSettings(manifest: Record<string, unknown>): Record<string, string> {
  const app = manifest as unknown as SparkApplication;
  const spec = app.spec;
  const out: Record<string, string> = {
    'spark.kubernetes.namespace': app.metadata.namespace,
    'spark.kubernetes.container.image': spec.image,
    'spark.app.name': app.metadata.name,
  };
  for (const [k, v] of Object.entries(spec.sparkConf ?? {})) out[k] = v;
  for (const [k, v] of Object.entries(spec.hadoopConf ?? {})) out[`spark.hadoop.${k}`] = v;
  for (const role of ['driver', 'executor'] as const) {
    const pod = spec[role];
    if (pod.cores !== undefined) out[`spark.${role}.cores`] = String(pod.cores);
    if (pod.coreRequest !== undefined) out[`spark.kubernetes.${role}.request.cores`] = pod.coreRequest;
    if (pod.coreLimit !== undefined) out[`spark.kubernetes.${role}.limit.cores`] = pod.coreLimit;
    if (pod.memory !== undefined) out[`spark.${role}.memory`] = pod.memory;
    if (pod.memoryOverhead !== undefined) out[`spark.${role}.memoryOverhead`] = pod.memoryOverhead;
    if (pod.javaOptions !== undefined) out[`spark.${role}.extraJavaOptions`] = pod.javaOptions;
    if (pod.serviceAccount !== undefined) out[`spark.kubernetes.authenticate.${role}.serviceAccountName`] = pod.serviceAccount;
    if (pod.instances !== undefined) out['spark.executor.instances'] = String(pod.instances);
    for (const [k, v] of Object.entries(pod.nodeSelector ?? {})) out[`spark.kubernetes.${role}.node.selector.${k}`] = v;
  }
  const da = spec.dynamicAllocation;
  if (da?.enabled) {
    out['spark.dynamicAllocation.enabled'] = 'true';
    for (const k of ['initialExecutors', 'minExecutors', 'maxExecutors'] as const) if (da[k] !== undefined) out[`spark.dynamicAllocation.${k}`] = String(da[k]);
    out['spark.dynamicAllocation.shuffleTracking.enabled'] = String(da.shuffleTrackingEnabled ?? true);
  }
  if (spec.deps?.jars) out['spark.jars'] = spec.deps.jars.join(',');
  if (spec.deps?.packages) out['spark.jars.packages'] = spec.deps.packages.join(',');
  return out;
}

describe('spark-submit target: the Job command line, read back by the spark-submit parser', () => {
  it('parses cleanly into a cluster-mode submission of the plan\'s application', () => {
    const plan = nightlyEtlPlan();
    const { parsed, conf, command } = resolveJobArgs(plan);
    expect(command).toEqual(['/opt/spark/bin/spark-submit']);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.submit.primaryResource?.value).toBe(plan.mainApplicationFile);
    expect(parsed.submit.mainClass?.value).toBe(plan.mainClass);
    expect(parsed.submit.appArgs.map((a) => a.value)).toEqual(plan.arguments);
    expect(value(conf, 'spark.master')).toBe('k8s://https://kubernetes.default.svc:443');
    expect(value(conf, 'spark.submit.deployMode')).toBe('cluster');
  });

  it('resolves to the same Spark settings the plan has', () => {
    const plan = nightlyEtlPlan({ mainClass: undefined, mainApplicationFile: 's3a://bucket/app.py', type: 'Python' });
    plan.driver.coreRequest = '500m';
    plan.driver.coreLimit = '2';
    plan.driver.javaOptions = '-XX:+UseG1GC -Dconfig.file=app.conf';
    plan.executor.labels = { team: 'etl' };
    plan.executor.annotations = { 'example.com/owner': 'data' };
    plan.driver.env = { ETL_ENV: { value: 'prod' }, API_TOKEN: { secretKeyRef: { name: 'etl', key: 'token' } } };
    plan.deps.pyFiles = ['s3a://bucket/a.zip', 's3a://bucket/b.zip'];
    plan.deps.files = ['s3a://bucket/app.conf'];
    plan.deps.archives = ['s3a://bucket/env.tar.gz#env'];
    const { conf } = resolveJobArgs(plan);
    const expected: Record<string, string | undefined> = {
      'spark.app.name': plan.name,
      'spark.kubernetes.namespace': plan.namespace,
      'spark.kubernetes.container.image': plan.image,
      'spark.kubernetes.container.image.pullPolicy': plan.imagePullPolicy,
      'spark.kubernetes.authenticate.driver.serviceAccountName': plan.serviceAccount,
      'spark.driver.cores': String(plan.driver.cores),
      'spark.kubernetes.driver.request.cores': '500m',
      'spark.kubernetes.driver.limit.cores': '2',
      'spark.driver.memory': plan.driver.memory,
      'spark.driver.memoryOverhead': plan.driver.memoryOverhead,
      'spark.driver.extraJavaOptions': '-XX:+UseG1GC -Dconfig.file=app.conf',
      'spark.kubernetes.driverEnv.ETL_ENV': 'prod',
      'spark.kubernetes.driver.secretKeyRef.API_TOKEN': 'etl:token',
      'spark.kubernetes.driver.label.app.kubernetes.io/managed-by': 'emr2k8s',
      'spark.executor.instances': String(plan.executor.instances),
      'spark.executor.cores': String(plan.executor.cores),
      'spark.kubernetes.executor.request.cores': plan.executor.coreRequest,
      'spark.executor.memory': plan.executor.memory,
      'spark.executor.memoryOverhead': plan.executor.memoryOverhead,
      'spark.kubernetes.executor.label.team': 'etl',
      'spark.kubernetes.executor.annotation.example.com/owner': 'data',
      'spark.kubernetes.executor.node.selector.kubernetes.io/arch': 'amd64',
      'spark.executorEnv.TZ': 'UTC',
      'spark.kubernetes.executor.secretKeyRef.DB_PASSWORD': 'nightly-etl-orders:DB_PASSWORD',
      'spark.dynamicAllocation.enabled': 'true',
      'spark.dynamicAllocation.minExecutors': String(plan.dynamicAllocation!.minExecutors),
      'spark.dynamicAllocation.maxExecutors': String(plan.dynamicAllocation!.maxExecutors),
      'spark.dynamicAllocation.shuffleTracking.enabled': 'true',
      'spark.jars': plan.deps.jars.join(','),
      'spark.jars.packages': plan.deps.packages.join(','),
      'spark.submit.pyFiles': 's3a://bucket/a.zip,s3a://bucket/b.zip',
      'spark.files': 's3a://bucket/app.conf',
      'spark.archives': 's3a://bucket/env.tar.gz#env',
    };
    for (const [k, v] of Object.entries(plan.sparkConf)) expected[k] = v;
    for (const [k, v] of Object.entries(plan.hadoopConf)) expected[`spark.hadoop.${k}`] = v;
    for (const [key, want] of Object.entries(expected)) expect(value(conf, key), key).toBe(want);
  });

  it('asks Spark for what the spark-operator target\'s SparkApplication asks for', () => {
    for (const plan of [
      nightlyEtlPlan(),
      nightlyEtlPlan({ dynamicAllocation: { enabled: true, initialExecutors: 3, minExecutors: 1, maxExecutors: 9 } }),
      nightlyEtlPlan({ dynamicAllocation: undefined, sparkConf: { 'spark.executor.memory': '1g', 'spark.sql.shuffle.partitions': '64' } }),
    ]) {
      const settings = operatorSettings(buildSparkApplication(plan).manifest);
      const { conf } = resolveJobArgs(plan);
      for (const [key, want] of Object.entries(settings)) expect(value(conf, key), key).toBe(want);
    }
  });

  it('carries any application argument and conf value verbatim through YAML and the parser', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), text, (args, confValue) => {
        const plan = nightlyEtlPlan({ arguments: args, sparkConf: { 'spark.example.value': confValue } });
        const { parsed, conf } = resolveJobArgs(plan);
        expect(parsed.submit.appArgs.map((a) => a.value)).toEqual(args);
        expect(value(conf, 'spark.example.value')).toBe(confValue);
      }),
      { numRuns: 150 },
    );
  });
});
