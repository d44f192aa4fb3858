import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { defaultProjectConfig, type ProjectConfig } from '../../config/project-config.js';
import type { JobPlan } from '../../model/job-plan.js';
import { validateCoreObject } from '../../validate/validate-core.js';
import { emitTarget, type EmitContext } from '../emitter.js';
import { nightlyEtlPlan } from '../plan-fixture.js';
import { buildSubmitObjects, emitSparkSubmit, sparkSubmitTarget } from './index.js';

/** The parts of the written objects the assertions read. */
interface Obj {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string; annotations?: Record<string, string>; labels?: Record<string, string> };
  data?: Record<string, string>;
  spec?: {
    backoffLimit: number;
    ttlSecondsAfterFinished: number;
    template: { spec: Record<string, unknown> & { containers: Array<Record<string, unknown> & { args: string[] }> } };
  };
}

function docs(content: string): Obj[] {
  return loadAll(content) as Obj[];
}

function withSpotExecutors(plan: JobPlan): JobPlan {
  plan.executor.tolerations = [{ key: 'karpenter.sh/capacity-type', operator: 'Equal', value: 'spot', effect: 'NoSchedule' }];
  return plan;
}

function context(config: Partial<ProjectConfig> = {}, outRoot = ''): EmitContext {
  return { jobs: new Map(), config: { ...defaultProjectConfig(), ...config }, outRoot, options: { rightSize: false, nodePools: false } };
}

describe('emitSparkSubmit', () => {
  it('writes a valid Job and its provenance at <namespace>/<name>, with the SparkApplication\'s identity', () => {
    const { files, diagnostics } = emitSparkSubmit([nightlyEtlPlan()]);
    expect(diagnostics.map((d) => d.code)).toEqual(['driver-restart-not-carried']);
    expect(files.map((f) => [f.path, f.kind, f.jobId])).toEqual([
      ['data-eng/nightly-etl-orders.yaml', 'manifest', 'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q'],
      ['data-eng/nightly-etl-orders.provenance.json', 'provenance', 'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q'],
    ]);
    const [job] = docs(files[0]!.content);
    expect(validateCoreObject(job as never)).toEqual({ valid: true, errors: [] });
    expect(job!.apiVersion).toBe('batch/v1');
    expect(job!.metadata.annotations).toEqual({
      'emr2k8s.io/source-cluster': 'j-2AXXXXXXGAPLF',
      'emr2k8s.io/source-step': 's-1K4N2D6OZ8P9Q',
      'emr2k8s.io/step-name': 'Nightly ETL: orders # full',
    });
    expect(JSON.parse(files[1]!.content).fields['executor.memory']).toEqual({ rule: 'executor-memory', from: ['emr-defaults/spark.executor.memory'] });
  });

  it('runs spark-submit once per attempt under the plan\'s service account, retrying as the restart policy says', () => {
    const [job] = docs(emitSparkSubmit([nightlyEtlPlan()]).files[0]!.content);
    const pod = job!.spec!.template.spec;
    expect(pod).toMatchObject({ serviceAccountName: 'spark-data-eng', restartPolicy: 'Never', automountServiceAccountToken: true });
    expect(pod.containers[0]).toMatchObject({ name: 'spark-submit', command: ['/opt/spark/bin/spark-submit'], image: 'apache/spark:3.5.6-scala2.12-java17-python3-ubuntu' });
    expect(job!.spec!.backoffLimit).toBe(1);
    expect(job!.spec!.ttlSecondsAfterFinished).toBe(86_400);
    const never = docs(emitSparkSubmit([nightlyEtlPlan({ restartPolicy: { type: 'Never' } })]).files[0]!.content)[0]!;
    expect(never.spec!.backoffLimit).toBe(0);
    const none = docs(emitSparkSubmit([nightlyEtlPlan({ restartPolicy: undefined })]).files[0]!.content)[0]!;
    expect(none.spec!.backoffLimit).toBe(0);
  });

  it('adds a ConfigMap of pod templates, mounted into the submitter, only when placement needs one', () => {
    const { files, diagnostics } = emitSparkSubmit([withSpotExecutors(nightlyEtlPlan())]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [configMap, job] = docs(files[0]!.content);
    expect(configMap!.kind).toBe('ConfigMap');
    expect(configMap!.metadata.name).toBe('nightly-etl-orders-pod-templates');
    expect(Object.keys(configMap!.data!)).toEqual(['executor-pod-template.yaml']);
    const template = docs(configMap!.data!['executor-pod-template.yaml']!)[0] as unknown as { spec: Record<string, unknown> };
    expect(template.spec.tolerations).toEqual([{ key: 'karpenter.sh/capacity-type', operator: 'Equal', value: 'spot', effect: 'NoSchedule' }]);
    const pod = job!.spec!.template.spec;
    expect(pod.volumes).toEqual([{ name: 'pod-templates', configMap: { name: 'nightly-etl-orders-pod-templates' } }]);
    expect(pod.containers[0]!.volumeMounts).toEqual([{ name: 'pod-templates', mountPath: '/opt/spark/pod-templates', readOnly: true }]);
    expect(pod.containers[0]!.args).toContain('spark.kubernetes.executor.podTemplateFile=/opt/spark/pod-templates/executor-pod-template.yaml');
    // The submitter runs on the driver's capacity, not the executors' spot nodes.
    expect(pod.tolerations).toBeUndefined();
    expect(docs(emitSparkSubmit([nightlyEtlPlan()]).files[0]!.content).map((d) => d.kind)).toEqual(['Job']);
  });

  it('places the submitter where the driver goes', () => {
    const plan = nightlyEtlPlan();
    plan.driver.nodeSelector = { 'karpenter.sh/capacity-type': 'on-demand' };
    plan.driver.tolerations = [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }];
    const { job, configMap } = buildSubmitObjects(plan);
    const pod = (job.spec as { template: { spec: Record<string, unknown> } }).template.spec;
    expect(pod.nodeSelector).toEqual({ 'karpenter.sh/capacity-type': 'on-demand' });
    expect(pod.tolerations).toEqual([{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(Object.keys((configMap as { data: object }).data)).toEqual(['driver-pod-template.yaml']);
  });

  it('writes the Volcano PodGroup template with the queue', () => {
    const { configMap } = buildSubmitObjects(nightlyEtlPlan({ batchScheduler: 'volcano', batchSchedulerQueue: 'etl' }));
    const data = (configMap as { data: Record<string, string> }).data;
    expect(docs(data['volcano-podgroup.yaml']!)).toEqual([{ apiVersion: 'scheduling.volcano.sh/v1beta1', kind: 'PodGroup', spec: { queue: 'etl' } }]);
  });

  it('uses the EMR image\'s spark-submit for the emr flavor, and says what such images need', () => {
    const { job, diagnostics } = buildSubmitObjects(nightlyEtlPlan({ restartPolicy: undefined }), 'emr');
    const container = (job.spec as { template: { spec: { containers: Array<{ command: string[] }> } } }).template.spec.containers[0]!;
    expect(container.command).toEqual(['/usr/lib/spark/bin/spark-submit']);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['emr-image-classpath', 'info']]);
  });

  it('writes nothing for a plan whose objects fail validation, and says why', () => {
    const badName = nightlyEtlPlan({ name: 'Nightly_ETL', jobId: 'c/s-bad' });
    const noApp = nightlyEtlPlan({ mainApplicationFile: undefined, jobId: 'c/s-noapp', name: 'no-app' });
    const good = nightlyEtlPlan({ jobId: 'c/s-good', name: 'good' });
    const { files, diagnostics } = emitSparkSubmit([badName, noApp, good]);
    expect(files.map((f) => f.path)).toEqual(['data-eng/good.yaml', 'data-eng/good.provenance.json']);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'invalid-manifest', jobId: 'c/s-bad', message: expect.stringContaining('The Job: metadata.name: must be a DNS-1123 subdomain') }),
      expect.objectContaining({ code: 'invalid-manifest', jobId: 'c/s-noapp', message: expect.stringContaining('mainApplicationFile') }),
    ]);
  });

  it('validates the pod templates too: a template Kubernetes would refuse keeps the job from being written', () => {
    const plan = nightlyEtlPlan({ jobId: 'c/s-affinity' });
    plan.executor.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'family', operator: 'Maybe' as 'In', values: ['r6g'] }] }] } } };
    const { files, diagnostics } = emitSparkSubmit([plan]);
    expect(files).toEqual([]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'invalid-manifest', jobId: 'c/s-affinity', message: expect.stringContaining('The executor pod template: ') }),
    ]);
  });

  it('emits only converted plans, in job id order whatever the input order, under outRoot', () => {
    const a = nightlyEtlPlan({ jobId: 'c/s-a', name: 'a-job' });
    const b = nightlyEtlPlan({ jobId: 'c/s-b', name: 'b-job' });
    const hive = nightlyEtlPlan({ jobId: 'c/s-c', name: 'hive-job', kind: 'hive', status: 'unsupported' });
    const forward = emitSparkSubmit([a, b, hive], { outRoot: 'spark-submit' });
    expect(emitSparkSubmit([hive, b, a], { outRoot: 'spark-submit' })).toEqual(forward);
    expect(forward.files.map((f) => f.path)).toEqual([
      'spark-submit/data-eng/a-job.yaml', 'spark-submit/data-eng/a-job.provenance.json',
      'spark-submit/data-eng/b-job.yaml', 'spark-submit/data-eng/b-job.provenance.json',
    ]);
  });
});

describe('sparkSubmitTarget', () => {
  it('writes spark-rbac.yaml once per namespace, with the IRSA role, beside the Jobs', () => {
    const plans = [
      nightlyEtlPlan({ jobId: 'c/s-a', name: 'a-job' }),
      nightlyEtlPlan({ jobId: 'c/s-b', name: 'b-job' }),
      nightlyEtlPlan({ jobId: 'c/s-c', name: 'c-job', namespace: 'other' }),
    ];
    const role = 'arn:aws:iam::123456789012:role/spark-etl';
    const { files } = emitTarget(sparkSubmitTarget, plans, context({ iamRoleArn: role }, 'spark-submit'));
    const rbac = files.filter((f) => f.path.endsWith('spark-rbac.yaml'));
    expect(rbac.map((f) => f.path)).toEqual(['spark-submit/data-eng/spark-rbac.yaml', 'spark-submit/other/spark-rbac.yaml']);
    const objects = docs(rbac[0]!.content);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['ServiceAccount/spark-data-eng', 'Role/spark-data-eng-driver', 'RoleBinding/spark-data-eng-driver']);
    expect(objects[0]!.metadata.annotations).toEqual({ 'eks.amazonaws.com/role-arn': role });
    for (const obj of objects) expect(validateCoreObject(obj as never).errors).toEqual([]);
  });

  it('follows the config\'s image flavor and gives no RBAC to a job that was not written', () => {
    const bad = nightlyEtlPlan({ jobId: 'c/s-bad', name: 'Bad_Name', namespace: 'lonely' });
    const good = nightlyEtlPlan({ jobId: 'c/s-good', name: 'good' });
    const { files } = emitTarget(sparkSubmitTarget, [bad, good], context({ image: { flavor: 'emr', region: 'us-east-1' } }));
    expect(files.map((f) => f.path)).toEqual(['data-eng/good.yaml', 'data-eng/good.provenance.json', 'data-eng/spark-rbac.yaml']);
    expect(files[0]!.content).toContain('/usr/lib/spark/bin/spark-submit');
  });
});
