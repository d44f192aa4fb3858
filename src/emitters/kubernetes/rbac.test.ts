import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { validateCoreObject } from '../../validate/validate-core.js';
import { nightlyEtlPlan } from '../plan-fixture.js';
import { emitSparkRbac, IRSA_ANNOTATION, missingIrsaRoleDiagnostic, SPARK_DRIVER_RULES, sparkServiceAccountObjects } from './rbac.js';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/spark-etl';

type Obj = { kind: string; metadata: { name: string; namespace: string; annotations?: Record<string, string> } } & Record<string, unknown>;

describe('sparkServiceAccountObjects', () => {
  it('gives a ServiceAccount, a Role and the RoleBinding between them, all valid', () => {
    const objects = sparkServiceAccountObjects('data-eng', 'spark-etl') as Obj[];
    expect(objects.map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'ServiceAccount data-eng/spark-etl',
      'Role data-eng/spark-etl-driver',
      'RoleBinding data-eng/spark-etl-driver',
    ]);
    for (const obj of objects) expect(validateCoreObject(obj)).toEqual({ valid: true, errors: [] });
    const binding = objects[2]!;
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: objects[1]!.metadata.name });
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'spark-etl', namespace: 'data-eng' }]);
    for (const obj of objects) expect(obj.metadata).toMatchObject({ labels: { 'app.kubernetes.io/managed-by': 'emr2k8s' } });
  });

  it('grants the driver what it does with executors, services, ConfigMaps and PVCs', () => {
    const role = sparkServiceAccountObjects('ns', 'sa')[1] as { rules: { resources: string[]; verbs: string[] }[] };
    const granted = (resource: string) => role.rules.filter((r) => r.resources.includes(resource)).flatMap((r) => r.verbs);
    // facts §6: get/create/list/watch/delete on pods; create/get/delete on services, configmaps, PVCs.
    for (const verb of ['get', 'create', 'list', 'watch', 'delete', 'deletecollection']) expect(granted('pods')).toContain(verb);
    for (const resource of ['services', 'configmaps', 'persistentvolumeclaims']) {
      for (const verb of ['create', 'get', 'delete']) expect(granted(resource)).toContain(verb);
    }
    expect(role.rules).toEqual(SPARK_DRIVER_RULES);
  });

  it('annotates the ServiceAccount for IRSA only when a role is given', () => {
    const [withRole] = sparkServiceAccountObjects('ns', 'sa', ROLE_ARN) as Obj[];
    expect(withRole!.metadata.annotations).toEqual({ [IRSA_ANNOTATION]: ROLE_ARN });
    const [without] = sparkServiceAccountObjects('ns', 'sa') as Obj[];
    expect(without!.metadata).not.toHaveProperty('annotations');
  });
});

describe('emitSparkRbac', () => {
  it('writes one file per namespace with the objects of each service account used there, in name order', () => {
    const plans = [
      nightlyEtlPlan({ jobId: 'c/3', namespace: 'data-eng', serviceAccount: 'spark-b' }),
      nightlyEtlPlan({ jobId: 'c/1', namespace: 'data-eng', serviceAccount: 'spark-a' }),
      nightlyEtlPlan({ jobId: 'c/2', namespace: 'analytics', serviceAccount: 'spark-a' }),
      nightlyEtlPlan({ jobId: 'c/4', namespace: 'data-eng', serviceAccount: 'spark-a' }),
      nightlyEtlPlan({ jobId: 'c/5', namespace: 'skipped', status: 'unsupported' }),
    ];
    const { files, diagnostics } = emitSparkRbac(plans, { outRoot: 'spark-operator', iamRoleArn: ROLE_ARN });
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => [f.path, f.kind, f.jobId])).toEqual([
      ['spark-operator/analytics/spark-rbac.yaml', 'manifest', undefined],
      ['spark-operator/data-eng/spark-rbac.yaml', 'manifest', undefined],
    ]);
    const docs = loadAll(files[1]!.content) as Obj[];
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
      'ServiceAccount/spark-a', 'Role/spark-a-driver', 'RoleBinding/spark-a-driver',
      'ServiceAccount/spark-b', 'Role/spark-b-driver', 'RoleBinding/spark-b-driver',
    ]);
    expect(docs[0]!.metadata.annotations).toEqual({ [IRSA_ANNOTATION]: ROLE_ARN });
  });

  it('writes nothing at the root folder prefix when outRoot is empty, and same input gives same bytes', () => {
    const plans = [nightlyEtlPlan()];
    const a = emitSparkRbac(plans, { outRoot: '' });
    expect(a.files.map((f) => f.path)).toEqual(['data-eng/spark-rbac.yaml']);
    expect(emitSparkRbac([...plans].reverse(), { outRoot: '' })).toEqual(a);
  });

  it('writes none of an account\'s objects when one fails validation, and fails the jobs that need them', () => {
    const account = `s${'a'.repeat(250)}`; // a valid name, but the Role name "<account>-driver" is over 253 characters
    const plans = [nightlyEtlPlan({ serviceAccount: account }), nightlyEtlPlan({ jobId: 'c/2', serviceAccount: 'spark-etl' })];
    const { files, diagnostics } = emitSparkRbac(plans, { outRoot: '' });
    expect(diagnostics.map((d) => [d.code, d.severity, d.jobId])).toEqual([['invalid-manifest', 'error', 'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q']]);
    expect(diagnostics[0]!.message).toMatch(/^the service account data-eng\/sa+ and its RBAC .*: Role data-eng\/sa+-driver: metadata\.name: must be a DNS-1123 subdomain/);
    const written = loadAll(files[0]!.content) as Obj[];
    expect(written.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(['ServiceAccount/spark-etl', 'Role/spark-etl-driver', 'RoleBinding/spark-etl-driver']);
  });
});

describe('missingIrsaRoleDiagnostic', () => {
  it('says once, for the batch, that S3 jobs get no IRSA role without iamRoleArn', () => {
    const plans = [nightlyEtlPlan({ jobId: 'a' }), nightlyEtlPlan({ jobId: 'b' })];
    const [diagnostic, ...rest] = missingIrsaRoleDiagnostic(plans, undefined);
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ code: 'irsa-role-missing', severity: 'info', refs: ['config/iamRoleArn'] });
    expect(diagnostic).not.toHaveProperty('jobId');
    expect(diagnostic!.message).toMatch(/^2 jobs use S3/);
  });

  it('is silent with a role, or when no converted job touches S3', () => {
    expect(missingIrsaRoleDiagnostic([nightlyEtlPlan()], ROLE_ARN)).toEqual([]);
    const local = nightlyEtlPlan({
      mainApplicationFile: 'local:///opt/spark/jobs/etl.jar',
      deps: { jars: [], files: [], pyFiles: [], archives: [], packages: [], repositories: [], excludePackages: [] },
      hadoopConf: {},
    });
    expect(missingIrsaRoleDiagnostic([local, nightlyEtlPlan({ status: 'error' })], undefined)).toEqual([]);
  });
});
