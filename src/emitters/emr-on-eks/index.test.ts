import { describe, expect, it } from 'vitest';
import { defaultProjectConfig, type ProjectConfig } from '../../config/project-config.js';
import { buildJob } from '../../engine/job-builder.js';
import { emptyPodPlan, type JobPlan } from '../../model/job-plan.js';
import type { SparkJob } from '../../model/spark-job.js';
import { nightlyEtlPlan } from '../plan-fixture.js';
import { emitEmrOnEks } from './index.js';
import { checkStartJobRun, EXECUTION_ROLE_PLACEHOLDER, VIRTUAL_CLUSTER_PLACEHOLDER, type StartJobRunRequest } from './start-job-run-schema.js';

const CONFIG: ProjectConfig = {
  ...defaultProjectConfig(),
  emrOnEks: { executionRoleArn: 'arn:aws:iam::123456789012:role/emr-eks-job', virtualClusterId: 'abcdefghij1234567890klmno' },
};

function jobFor(plan: JobPlan, spec: Parameters<typeof buildJob>[0] = {}): SparkJob {
  return buildJob({ id: plan.jobId, cluster: { key: plan.source.cluster.key, logUri: 's3n://acme-logs/emr/', tags: { team: 'etl', 'aws:cloudformation:stack-name': 'x' } }, ...spec });
}

function emit(plans: JobPlan[], config = CONFIG, jobs = new Map(plans.map((p) => [p.jobId, jobFor(p)]))) {
  return emitEmrOnEks(plans, { jobs, config, outRoot: '' });
}

function request(plans: JobPlan[], config = CONFIG, jobs?: Map<string, SparkJob>): StartJobRunRequest {
  const file = emit(plans, config, jobs).files.find((f) => f.path.endsWith('.start-job-run.json'));
  if (!file) throw new Error('no request written');
  return JSON.parse(file.content) as StartJobRunRequest;
}

function sparkDefaults(req: StartJobRunRequest): Record<string, string> {
  return req.configurationOverrides?.applicationConfiguration?.find((c) => c.classification === 'spark-defaults')?.properties ?? {};
}

describe('emitEmrOnEks', () => {
  it('writes one valid request and its provenance at <namespace>/<name>', () => {
    const { files, diagnostics } = emit([nightlyEtlPlan()]);
    expect(files.map((f) => [f.path, f.kind])).toEqual([
      ['data-eng/nightly-etl-orders.start-job-run.json', 'manifest'],
      ['data-eng/nightly-etl-orders.provenance.json', 'provenance'],
    ]);
    expect(checkStartJobRun(JSON.parse(files[0]!.content))).toEqual([]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps only flags in sparkSubmitParameters and every Spark setting in spark-defaults', () => {
    const req = request([nightlyEtlPlan()]);
    const driver = req.jobDriver.sparkSubmitJobDriver!;
    expect(driver.entryPoint).toBe('s3a://acme-etl-artifacts/jars/orders-etl-2.4.1.jar');
    expect(driver.entryPointArguments).toEqual(['--date', '2026-01-01', '--mode', 'yes', '--limit', '012']);
    expect(driver.sparkSubmitParameters).toBe(
      '--class com.example.etl.OrdersJob --jars s3a://acme-etl-artifacts/jars/deequ-2.0.7-spark-3.5.jar --packages org.apache.hadoop:hadoop-aws:3.3.4',
    );
    expect(sparkDefaults(req)).toMatchObject({
      'spark.executor.memory': '9486m',
      'spark.executor.memoryOverhead': '1779m',
      'spark.executor.cores': '4',
      'spark.kubernetes.executor.request.cores': '3500m',
      'spark.executor.instances': '10',
      'spark.dynamicAllocation.enabled': 'true',
      'spark.dynamicAllocation.minExecutors': '2',
      'spark.dynamicAllocation.shuffleTracking.enabled': 'true',
      'spark.sql.shuffle.partitions': '400',
      'spark.executorEnv.TZ': 'UTC',
      'spark.kubernetes.executor.node.selector.kubernetes.io/arch': 'amd64',
    });
    expect(Object.keys(sparkDefaults(req))).toEqual(Object.keys(sparkDefaults(req)).sort());
  });

  it('takes identity, release, monitoring, retries and tags from the job and the config', () => {
    const req = request([nightlyEtlPlan()]);
    expect(req.virtualClusterId).toBe('abcdefghij1234567890klmno');
    expect(req.executionRoleArn).toBe('arn:aws:iam::123456789012:role/emr-eks-job');
    expect(req.releaseLabel).toBe('emr-7.13.0-latest');
    expect(req.configurationOverrides?.monitoringConfiguration).toEqual({ s3MonitoringConfiguration: { logUri: 's3://acme-logs/emr/' } });
    expect(req.retryPolicyConfiguration).toEqual({ maxAttempts: 2 });
    expect(req.tags).toEqual({
      team: 'etl',
      'emr2k8s.io/source-cluster': 'j-2AXXXXXXGAPLF',
      'emr2k8s.io/source-step': 's-1K4N2D6OZ8P9Q',
      'emr2k8s.io/step-name': 'Nightly ETL: orders # full',
    });
  });

  it('never writes a secret and says which settings were left out', () => {
    const plan = nightlyEtlPlan({
      sparkConf: { 'spark.sql.shuffle.partitions': '400', 'spark.myapp.api.token': 'tok-123' },
      hadoopConf: { 'fs.s3a.secret.key': '${env.EMR2K8S_SECRET_FS_S3A_SECRET_KEY}' },
    });
    plan.executor.env = { EMR2K8S_SECRET_FS_S3A_SECRET_KEY: { secretKeyRef: { name: 's', key: 'k' } }, TZ: { value: 'UTC' } };
    const { files, diagnostics } = emit([plan]);
    const text = files.map((f) => f.content).join('\n');
    expect(text).not.toContain('tok-123');
    expect(text).not.toContain('EMR2K8S_SECRET');
    const secret = diagnostics.find((d) => d.code === 'emr-on-eks-secret-not-passed');
    expect(secret?.severity).toBe('warning');
    expect(secret?.message).toContain('spark.myapp.api.token, spark.hadoop.fs.s3a.secret.key');
    expect(secret?.message).not.toContain('executorEnv');
  });

  it('writes visible placeholders and warns per job when the config has no emrOnEks keys', () => {
    const config = defaultProjectConfig();
    const req = request([nightlyEtlPlan()], config);
    expect(req.virtualClusterId).toBe(VIRTUAL_CLUSTER_PLACEHOLDER);
    expect(req.executionRoleArn).toBe(EXECUTION_ROLE_PLACEHOLDER);
    const warnings = emit([nightlyEtlPlan(), nightlyEtlPlan({ jobId: 'j-2AXXXXXXGAPLF/s-2', name: 'other' })], config).diagnostics.filter((d) => d.code === 'emr-on-eks-placeholder');
    expect(warnings.map((d) => d.jobId)).toEqual(['j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q', 'j-2AXXXXXXGAPLF/s-2']);
  });

  it('refuses a request over the API limits: an error on the job and no file', () => {
    const long = `s3://bucket/${'a'.repeat(250)}.jar`;
    const tooLongArg = 'x'.repeat(10281);
    const { files, diagnostics } = emit([nightlyEtlPlan({ mainApplicationFile: long, arguments: [tooLongArg] })]);
    expect(files).toEqual([]);
    const error = diagnostics.find((d) => d.code === 'emr-on-eks-invalid-request');
    expect(error?.severity).toBe('error');
    expect(error?.message).toContain('jobDriver.sparkSubmitJobDriver.entryPoint');
    expect(error?.message).toContain('jobDriver.sparkSubmitJobDriver.entryPointArguments.0');
  });

  it('refuses a dependency path that sparkSubmitParameters cannot carry', () => {
    const plan = nightlyEtlPlan();
    plan.deps.files = ['s3://bucket/my file.conf'];
    const { files, diagnostics } = emit([plan]);
    expect(files).toEqual([]);
    expect(diagnostics.find((d) => d.code === 'emr-on-eks-invalid-request')?.message).toContain('--files "s3://bucket/my file.conf"');
  });

  it('leaves out the S3A settings made for Apache images, and asks for a pod template for tolerations', () => {
    const plan = nightlyEtlPlan({
      hadoopConf: { 'fs.s3.impl': 'org.apache.hadoop.fs.s3a.S3AFileSystem', 'fs.s3.maxConnections': '200' },
      provenance: { 'hadoopConf.fs.s3.impl': { rule: 's3-access', default: 'no EMRFS in Apache images' } },
    });
    plan.executor.tolerations = [{ key: 'spot', operator: 'Exists', effect: 'NoSchedule' }];
    const { files, diagnostics } = emit([plan]);
    const props = sparkDefaults(JSON.parse(files[0]!.content) as StartJobRunRequest);
    expect(props['spark.hadoop.fs.s3.impl']).toBeUndefined();
    expect(props['spark.hadoop.fs.s3.maxConnections']).toBe('200');
    expect(diagnostics.find((d) => d.code === 'emr-on-eks-not-carried')?.message).toContain('spark.hadoop.fs.s3.impl');
    expect(diagnostics.find((d) => d.code === 'emr-on-eks-pod-template-needed')?.message).toContain('executor.tolerations');
  });

  it('carries the log4j2 classification the release reads and drops YARN ones with a reason', () => {
    const plan = nightlyEtlPlan();
    const job = jobFor(plan, {
      classifications: [
        { classification: 'spark-log4j2', properties: { 'rootLogger.level': 'warn' }, configurations: [] },
        { classification: 'spark-log4j', properties: { 'log4j.rootCategory': 'WARN' }, configurations: [] },
        { classification: 'yarn-site', properties: { 'yarn.x': '1' }, configurations: [] },
      ],
    });
    const { files, diagnostics } = emit([plan], CONFIG, new Map([[plan.jobId, job]]));
    const req = JSON.parse(files[0]!.content) as StartJobRunRequest;
    expect(req.configurationOverrides?.applicationConfiguration?.map((c) => c.classification)).toEqual(['spark-defaults', 'spark-log4j2']);
    const note = diagnostics.find((d) => d.code === 'emr-on-eks-not-carried')?.message ?? '';
    expect(note).toContain('classification spark-log4j (from 6.8.0');
    expect(note).toContain('classification yarn-site (not accepted by EMR on EKS)');
  });

  it('moves a release EMR on EKS does not have and leaves out retries it cannot express', () => {
    const plan = nightlyEtlPlan({ sparkVersion: '3.0.0' });
    const job = jobFor(plan, { facts: { releaseLabel: 'emr-6.1.0', sparkVersion: '3.0.0' } });
    const { files, diagnostics } = emit([plan], CONFIG, new Map([[plan.jobId, job]]));
    const req = JSON.parse(files[0]!.content) as StartJobRunRequest;
    expect(req.releaseLabel).toBe('emr-6.2.0-latest');
    expect(req.retryPolicyConfiguration).toBeUndefined();
    expect(diagnostics.find((d) => d.code === 'emr-on-eks-release-changed')?.severity).toBe('warning');
    expect(diagnostics.find((d) => d.code === 'emr-on-eks-retry-unavailable')?.message).toContain('emr-6.2.0-latest');
    // Spark 3.0 has no per-role node selectors: the placement needs a pod template.
    expect(diagnostics.find((d) => d.code === 'emr-on-eks-pod-template-needed')?.message).toContain('executor.nodeSelector');
  });

  it('runs a Hive script step as a Spark SQL job and skips other unsupported steps', () => {
    const hive: JobPlan = {
      ...nightlyEtlPlan({ jobId: 'c/step-2', kind: 'hive', status: 'unsupported', name: 'load-staging' }),
      driver: emptyPodPlan(),
      executor: emptyPodPlan(),
    };
    const pig: JobPlan = { ...hive, jobId: 'c/step-3', kind: 'pig', name: 'cleanup' };
    const jobs = new Map([
      [hive.jobId, jobFor(hive, { kind: 'hive', step: { args: ['hive-script', '--run-hive-script', '--args', '-f', 's3://b/load.q', '-d', 'DT=2026-11-22'] } })],
      [pig.jobId, jobFor(pig, { kind: 'pig' })],
    ]);
    const { files, diagnostics } = emit([pig, hive], CONFIG, jobs);
    expect(files.map((f) => f.path)).toEqual(['data-eng/load-staging.start-job-run.json', 'data-eng/load-staging.provenance.json']);
    const req = JSON.parse(files[0]!.content) as StartJobRunRequest;
    expect(req.jobDriver).toEqual({ sparkSqlJobDriver: { entryPoint: 's3://b/load.q', sparkSqlParameters: '--hivevar DT=2026-11-22' } });
    expect(checkStartJobRun(req)).toEqual([]);
    expect(diagnostics.find((d) => d.code === 'emr-on-eks-hive-as-spark-sql')?.jobId).toBe('c/step-2');
  });

  it('hands the job to its batch scheduler with Spark settings, and asks for a PodGroup template for a Volcano queue', () => {
    const yunikorn = { ...nightlyEtlPlan(), batchScheduler: 'yunikorn', batchSchedulerQueue: 'root.data.etl' };
    expect(sparkDefaults(request([yunikorn]))).toMatchObject({
      'spark.kubernetes.scheduler.name': 'yunikorn',
      'spark.kubernetes.driver.label.queue': 'root.data.etl',
      'spark.kubernetes.executor.label.queue': 'root.data.etl',
    });
    const volcano = { ...nightlyEtlPlan(), batchScheduler: 'volcano', batchSchedulerQueue: 'etl' };
    const { diagnostics } = emit([volcano]);
    expect(diagnostics.map((d) => d.message).join('\n')).toContain('Volcano queue etl');
  });

  it('writes the same bytes whatever order the plans come in', () => {
    const a = nightlyEtlPlan();
    const b = nightlyEtlPlan({ jobId: 'j-2AXXXXXXGAPLF/s-0', name: 'first' });
    expect(emit([a, b]).files).toEqual(emit([b, a]).files);
  });
});
