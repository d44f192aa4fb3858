import { load, loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { validateSparkApplication } from '../../validate/validate-spark-application.js';
import { defaultProjectConfig } from '../../config/project-config.js';
import { validateCoreObject } from '../../validate/validate-core.js';
import { emitTarget, type EmitContext } from '../emitter.js';
import { nightlyEtlPlan } from '../plan-fixture.js';
import { emitSparkOperator, sparkOperatorTarget } from './index.js';

/** The parts of a parsed manifest the assertions read. */
interface App {
  metadata: { annotations: Record<string, string> };
  spec: Record<string, unknown> & {
    sparkConf: Record<string, string>;
    executor: Record<string, unknown>;
  };
}

const LOCATIONS = {
  'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q': {
    'emr-defaults/spark.executor.memory': { path: 'emr-defaults (emr-7.13.0, r5.2xlarge)' },
    'steps/s-1K4N2D6OZ8P9Q/args/7': { file: 'input/list-steps.json', line: 42, column: 13, path: 'Steps[0].Config.Args[7]' },
    'cluster/configurations/spark-defaults/spark.shuffle.service.enabled': { file: 'input/describe-cluster.json', line: 88 },
    'steps/s-1K4N2D6OZ8P9Q/args/99': { file: 'input/list-steps.json', line: 1 },
  },
};

describe('emitSparkOperator', () => {
  it('writes a valid SparkApplication and its provenance at <namespace>/<name>', () => {
    const { files, diagnostics } = emitSparkOperator([nightlyEtlPlan()], { locations: LOCATIONS });
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => [f.path, f.kind, f.jobId])).toEqual([
      ['data-eng/nightly-etl-orders.yaml', 'manifest', 'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q'],
      ['data-eng/nightly-etl-orders.provenance.json', 'provenance', 'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q'],
    ]);
    const app = load(files[0]!.content) as App;
    expect(validateSparkApplication(app)).toEqual({ valid: true, errors: [] });
  });

  it('builds the spec in a fixed field order with sorted maps and no empty fields', () => {
    const app = load(emitSparkOperator([nightlyEtlPlan()]).files[0]!.content) as App;
    expect(Object.keys(app)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(Object.keys(app.spec)).toEqual([
      'type', 'sparkVersion', 'mode', 'image', 'imagePullPolicy', 'mainClass', 'mainApplicationFile', 'arguments',
      'sparkConf', 'hadoopConf', 'deps', 'driver', 'executor', 'dynamicAllocation', 'restartPolicy',
    ]);
    expect(Object.keys(app.spec.sparkConf)).toEqual(['spark.executor.memoryOverheadFactor', 'spark.sql.adaptive.enabled', 'spark.sql.shuffle.partitions']);
    expect(app.spec.deps).toEqual({ jars: ['s3a://acme-etl-artifacts/jars/deequ-2.0.7-spark-3.5.jar'], packages: ['org.apache.hadoop:hadoop-aws:3.3.4'] });
    expect(app.spec.driver).toEqual({ cores: 1, memory: '2048m', memoryOverhead: '384m', serviceAccount: 'spark-data-eng' });
    expect(Object.keys(app.spec.executor)).toEqual(['cores', 'instances', 'coreRequest', 'memory', 'memoryOverhead', 'env', 'nodeSelector', 'serviceAccount']);
    expect(app.spec.executor.env).toEqual([
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'nightly-etl-orders', key: 'DB_PASSWORD' } } },
      { name: 'TZ', value: 'UTC' },
    ]);
    expect(app.spec.arguments).toEqual(['--date', '2026-01-01', '--mode', 'yes', '--limit', '012']);
    expect(app.metadata.annotations['emr2k8s.io/step-name']).toBe('Nightly ETL: orders # full');
  });

  it('adds the source annotations from the plan source when rules did not, and the batch queue when set', () => {
    const plan = nightlyEtlPlan({ annotations: {}, batchScheduler: 'volcano', batchSchedulerQueue: 'etl-nightly' });
    const app = load(emitSparkOperator([plan]).files[0]!.content) as App;
    expect(app.metadata.annotations).toEqual({
      'emr2k8s.io/source-cluster': 'j-2AXXXXXXGAPLF',
      'emr2k8s.io/source-step': 's-1K4N2D6OZ8P9Q',
      'emr2k8s.io/step-name': 'Nightly ETL: orders # full',
    });
    expect(app.spec.batchScheduler).toBe('volcano');
    expect(app.spec.batchSchedulerOptions).toEqual({ queue: 'etl-nightly' });
  });

  it('never writes a secret value, and says so', () => {
    const plan = nightlyEtlPlan({
      sparkConf: { 'spark.hadoop.fs.s3a.secret.key': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'spark.sql.shuffle.partitions': '400' },
    });
    plan.driver.env = { JDBC_PASSWORD: { value: 'hunter2-prod' } };
    plan.provenance['sparkConf.spark.hadoop.fs.s3a.secret.key'] = { rule: 'spark-conf', from: ['cluster/configurations/core-site/fs.s3a.secret.key'] };
    const { files, diagnostics } = emitSparkOperator([plan]);
    for (const f of files) {
      expect(f.content).not.toContain('wJalrXUtnFEMI');
      expect(f.content).not.toContain('hunter2-prod');
    }
    expect(diagnostics.map((d) => [d.code, d.severity, d.refs])).toEqual([
      ['secret-value-withheld', 'warning', ['cluster/configurations/core-site/fs.s3a.secret.key']],
      ['secret-value-withheld', 'warning', []],
    ]);
  });

  it('writes the env references the secrets rule puts in place of secret values', () => {
    const plan = nightlyEtlPlan({
      hadoopConf: { 'fs.s3a.secret.key': '${env.EMR2K8S_SECRET_FS_S3A_SECRET_KEY}' },
      sparkConf: { 'spark.ssl.keyPassword': '${env:EMR2K8S_SECRET_SPARK_SSL_KEYPASSWORD}', 'spark.jdbc.password': '${env.X}-suffix' },
    });
    const { files, diagnostics } = emitSparkOperator([plan]);
    const manifest = files.find((f) => f.kind === 'manifest')?.content ?? '';
    expect(manifest).toContain('fs.s3a.secret.key: ${env.EMR2K8S_SECRET_FS_S3A_SECRET_KEY}');
    expect(manifest).toContain('spark.ssl.keyPassword: ${env:EMR2K8S_SECRET_SPARK_SSL_KEYPASSWORD}');
    expect(manifest).not.toContain('-suffix');
    expect(diagnostics.map((d) => d.code)).toEqual(['secret-value-withheld']);
  });

  it('withholds credentials inside a value even under a harmless name', () => {
    const plan = nightlyEtlPlan({ hadoopConf: { 'javax.jdo.option.ConnectionURL': 'jdbc:mysql://hive:pw1@db/hive' } });
    const { files, diagnostics } = emitSparkOperator([plan]);
    expect(files.map((f) => f.content).join('\n')).not.toContain('pw1');
    expect(diagnostics.map((d) => d.code)).toEqual(['secret-value-withheld']);
  });

  it('turns a manifest that fails the CRD schema into an error diagnostic and writes nothing for it', () => {
    const bad = nightlyEtlPlan({ sparkVersion: undefined });
    const good = nightlyEtlPlan({ jobId: 'j-2AXXXXXXGAPLF/s-3B7Z1Q9PLM2XK', name: 'hourly-sessions' });
    const { files, diagnostics } = emitSparkOperator([bad, good]);
    expect(files.map((f) => f.path)).toEqual(['data-eng/hourly-sessions.yaml', 'data-eng/hourly-sessions.provenance.json']);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'invalid-manifest', severity: 'error', jobId: bad.jobId, message: expect.stringContaining('spec.sparkVersion: required field missing') }),
    ]);
  });

  it('emits only converted plans, in job id order whatever the input order, under outRoot', () => {
    const a = nightlyEtlPlan({ jobId: 'j-2AXXXXXXGAPLF/s-0AAAAAAAAAAAA', name: 'a-job' });
    const b = nightlyEtlPlan({ jobId: 'j-2AXXXXXXGAPLF/s-0BBBBBBBBBBBB', name: 'b-job' });
    const hive = nightlyEtlPlan({ jobId: 'j-2AXXXXXXGAPLF/s-0CCCCCCCCCCCC', name: 'hive-job', kind: 'hive', status: 'unsupported' });
    const forward = emitSparkOperator([a, b, hive], { outRoot: 'apps' }).files;
    const backward = emitSparkOperator([hive, b, a], { outRoot: 'apps' }).files;
    expect(forward).toEqual(backward);
    expect(forward.map((f) => f.path)).toEqual([
      'apps/data-eng/a-job.yaml', 'apps/data-eng/a-job.provenance.json', 'apps/data-eng/b-job.yaml', 'apps/data-eng/b-job.provenance.json',
    ]);
  });

  it('writes provenance as sorted JSON with the location of every input used', () => {
    const provenance = emitSparkOperator([nightlyEtlPlan()], { locations: LOCATIONS }).files[1]!.content;
    expect(provenance.endsWith('}\n')).toBe(true);
    const doc = JSON.parse(provenance);
    expect(Object.keys(doc)).toEqual(['dropped', 'fields', 'inputs', 'job', 'schemaVersion']);
    expect(doc.job).toBe('j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q');
    expect(doc.fields['executor.memory']).toEqual({ from: ['emr-defaults/spark.executor.memory'], rule: 'executor-memory' });
    expect(doc.dropped.map((d: { setting: string }) => d.setting)).toEqual(['spark.shuffle.service.enabled', 'spark.yarn.queue']);
    expect(doc.inputs).toEqual({
      'cluster/configurations/spark-defaults/spark.shuffle.service.enabled': { file: 'input/describe-cluster.json', line: 88 },
      'cluster/configurations/spark-defaults/spark.yarn.executor.memoryOverheadFactor': {},
      'emr-defaults/spark.executor.memory': { path: 'emr-defaults (emr-7.13.0, r5.2xlarge)' },
      'steps/s-1K4N2D6OZ8P9Q/args/3': {},
      'steps/s-1K4N2D6OZ8P9Q/args/7': { column: 13, file: 'input/list-steps.json', line: 42, path: 'Steps[0].Config.Args[7]' },
    });
  });
});

describe('sparkOperatorTarget', () => {
  const context = (config: Partial<EmitContext['config']> = {}, outRoot = ''): EmitContext => ({
    jobs: new Map(),
    config: { ...defaultProjectConfig(), ...config },
    outRoot,
    options: { rightSize: false, nodePools: false },
  });

  it('writes the service account the applications name, with its RBAC and the IRSA role, in each namespace', () => {
    const roleArn = 'arn:aws:iam::123456789012:role/spark-etl';
    const { files, diagnostics } = emitTarget(sparkOperatorTarget, [nightlyEtlPlan()], context({ iamRoleArn: roleArn }, 'spark-operator'));
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => f.path)).toEqual([
      'spark-operator/data-eng/nightly-etl-orders.yaml',
      'spark-operator/data-eng/nightly-etl-orders.provenance.json',
      'spark-operator/data-eng/spark-rbac.yaml',
    ]);
    const app = load(files[0]!.content) as { spec: { driver: { serviceAccount: string }; executor: { serviceAccount: string } } };
    const rbac = loadAll(files[2]!.content) as { kind: string; metadata: { name: string; annotations?: object } }[];
    for (const obj of rbac) expect(validateCoreObject(obj as Record<string, unknown>).valid).toBe(true);
    const account = rbac.find((o) => o.kind === 'ServiceAccount')!;
    expect(account.metadata).toMatchObject({ name: app.spec.driver.serviceAccount, annotations: { 'eks.amazonaws.com/role-arn': roleArn } });
    expect(app.spec.executor.serviceAccount).toBe(account.metadata.name);
  });

  it('says once per batch, not per job, that S3 jobs have no IRSA role without iamRoleArn', () => {
    const plans = [nightlyEtlPlan(), nightlyEtlPlan({ jobId: 'j-2AXXXXXXGAPLF/s-2', name: 'other' })];
    const { diagnostics } = emitTarget(sparkOperatorTarget, plans, context());
    expect(diagnostics.map((d) => [d.code, d.severity, d.jobId])).toEqual([['irsa-role-missing', 'info', undefined]]);
  });

  it('writes no account for a job whose SparkApplication failed validation', () => {
    const { files } = emitTarget(sparkOperatorTarget, [nightlyEtlPlan({ sparkVersion: undefined })], context());
    expect(files).toEqual([]);
  });
});
