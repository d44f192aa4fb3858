import { describe, expect, it } from 'vitest';
import { CORE_KIND_IDS, validateCoreObject } from './validate-core.js';

const serviceAccount = () => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name: 'emr2k8s-spark', namespace: 'data-eng', annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/x' } },
});

const role = () => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'Role',
  metadata: { name: 'emr2k8s-spark', namespace: 'data-eng' },
  rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'create'] }],
});

const roleBinding = () => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: { name: 'emr2k8s-spark', namespace: 'data-eng' },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'emr2k8s-spark' },
  subjects: [{ kind: 'ServiceAccount', name: 'emr2k8s-spark', namespace: 'data-eng' }],
});

const configMap = () => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'pod-templates' }, data: { 'driver.yaml': 'kind: Pod\n' } });

const job = (requests: Record<string, unknown> = { cpu: '500m', memory: '1Gi' }) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'daily-orders', namespace: 'data-eng' },
  spec: {
    backoffLimit: 0,
    template: { spec: { restartPolicy: 'Never', containers: [{ name: 'spark-submit', image: 'apache/spark:3.5.1', resources: { requests } }] } },
  },
});

describe('validateCoreObject', () => {
  it.each([serviceAccount, role, roleBinding, configMap, job])('accepts a well-formed %#', (make) => {
    expect(validateCoreObject(make())).toEqual({ valid: true, errors: [] });
  });

  it('covers the five kinds the emitters write', () => {
    expect([...CORE_KIND_IDS].sort()).toEqual(['batch/v1/Job', 'rbac.authorization.k8s.io/v1/Role', 'rbac.authorization.k8s.io/v1/RoleBinding', 'v1/ConfigMap', 'v1/ServiceAccount']);
  });

  it('names the path of a schema error', () => {
    const bad = { ...role(), rules: [{ apiGroups: [''], resources: ['pods'], verbs: 'get' }] };
    expect(validateCoreObject(bad)).toEqual({ valid: false, errors: ['rules[0].verbs: must be array'] });
  });

  it('reports a missing required field with its full path', () => {
    const bad = roleBinding() as Record<string, unknown>;
    bad.roleRef = { kind: 'Role', name: 'x' };
    expect(validateCoreObject(bad).errors).toEqual(['roleRef.apiGroup: required field missing']);
  });

  it('says once that a resource request is not a quantity', () => {
    const result = validateCoreObject(job({ cpu: 'lots' }));
    expect(result.errors).toEqual(['spec.template.spec.containers[0].resources.requests.cpu: must be a Kubernetes quantity such as 500m, 2 or 4Gi']);
  });

  it('rejects annotations that are not strings', () => {
    const bad = serviceAccount();
    (bad.metadata.annotations as Record<string, unknown>)['x/y'] = 1;
    expect(validateCoreObject(bad).errors).toEqual(['metadata.annotations["x/y"]: must be string']);
  });

  it('rejects unknown top-level fields, which kubectl apply refuses', () => {
    const bad = { ...configMap(), spec: {} };
    expect(validateCoreObject(bad).errors).toEqual(['spec: unknown field (kubectl apply refuses it)']);
  });

  it('checks names and namespaces as the API server does', () => {
    expect(validateCoreObject({ ...serviceAccount(), metadata: { namespace: 'x' } }).errors).toEqual(['metadata.name: required field missing']);
    expect(validateCoreObject({ ...serviceAccount(), metadata: { name: 'Spark_SA' } }).errors[0]).toMatch(/^metadata\.name: must be a DNS-1123 subdomain/);
    expect(validateCoreObject({ ...serviceAccount(), metadata: { name: 'sa', namespace: 'a.b' } }).errors[0]).toMatch(/^metadata\.namespace: must be a DNS-1123 label/);
    // Dots are fine in a ServiceAccount name, and a Job name is kept to a label value's 63 characters.
    expect(validateCoreObject({ ...serviceAccount(), metadata: { name: 'spark.etl' } }).valid).toBe(true);
    const long = job();
    long.metadata.name = 'j'.repeat(64);
    expect(validateCoreObject(long).errors[0]).toMatch(/at most 63 characters/);
  });

  it('refuses a kind it has no schema for, and a kind under the wrong apiVersion', () => {
    expect(validateCoreObject({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } })).toEqual({
      valid: false,
      errors: [expect.stringMatching(/^\(root\): no schema for apiVersion "v1" kind "Secret"; known kinds: /)],
    });
    expect(validateCoreObject({ ...job(), apiVersion: 'batch/v1beta1' }).valid).toBe(false);
  });
});
