import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { load, loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { validateSparkApplication } from '../src/validate/index.js';
import { CORE_KIND_IDS, validateCoreObject } from '../src/validate/validate-core.js';
import { ROOT, runCli, tempDir } from './support/run-cli.js';

/**
 * `kubectl apply -k <root>` must work on what `convert` writes: each target root's
 * kustomization lists every object file under it and nothing that is not there, and every
 * listed object validates. Where kubectl is installed, `kubectl kustomize` must accept each root.
 */

const INPUT = join(ROOT, 'fixtures', 'nightly-etl', 'input');
const ROLE_ARN = 'arn:aws:iam::123456789012:role/spark-etl';

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  spec?: { driver?: { serviceAccount?: string }; executor?: { serviceAccount?: string } };
}

const kubectlAvailable = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

/** YAML files under `dir` (relative, forward slashes), not descending into `skip` folders. */
function yamlFiles(dir: string, skip: (rel: string) => boolean, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    const rel = relative(base, full).split('\\').join('/');
    if (statSync(full).isDirectory()) {
      if (!skip(rel)) out.push(...yamlFiles(full, skip, base));
    } else if (/\.ya?ml$/.test(name)) out.push(rel);
  }
  return out;
}

function objectsIn(file: string): K8sObject[] {
  return (loadAll(readFileSync(file, 'utf8')) as unknown[]).filter((d): d is K8sObject => typeof d === 'object' && d !== null && 'kind' in d);
}

function validate(obj: K8sObject): string[] {
  if (obj.kind === 'SparkApplication') return validateSparkApplication(obj).errors;
  if (CORE_KIND_IDS.includes(`${obj.apiVersion}/${obj.kind}`)) return validateCoreObject(obj as unknown as Record<string, unknown>).errors;
  // Kinds from platform emitters (NodePools …) have no schema here: the least kustomize needs.
  return typeof obj.apiVersion === 'string' && typeof obj.metadata?.name === 'string' ? [] : ['missing apiVersion or metadata.name'];
}

/**
 * Checks one kustomization root and every directory it lists, and returns the objects it
 * applies, so callers can check how they fit together.
 */
function checkRoot(root: string): K8sObject[] {
  const file = join(root, 'kustomization.yaml');
  expect(existsSync(file), file).toBe(true);
  const doc = load(readFileSync(file, 'utf8')) as { apiVersion: string; kind: string; resources: string[] };
  expect([doc.apiVersion, doc.kind]).toEqual(['kustomize.config.k8s.io/v1beta1', 'Kustomization']);
  expect(doc.resources).toEqual([...doc.resources].sort());
  // Relative to the kustomization, forward slashes: the same file on every platform.
  for (const r of doc.resources) expect(r).toBe(posix.normalize(r.split('\\').join('/')).replace(/^\.\//, ''));

  const files = doc.resources.filter((r) => !statSync(join(root, r)).isDirectory());
  const dirs = doc.resources.filter((r) => statSync(join(root, r)).isDirectory());
  // Every object file under the root is listed (nested kustomization roots are listed as directories).
  const nested = (rel: string) => existsSync(join(root, rel, 'kustomization.yaml'));
  const objectFiles = yamlFiles(root, nested).filter((rel) => rel !== 'kustomization.yaml' && objectsIn(join(root, rel)).length > 0);
  expect(files).toEqual(objectFiles);

  const objects: K8sObject[] = [];
  for (const rel of files) {
    const docs = objectsIn(join(root, rel));
    expect(docs.length, rel).toBeGreaterThan(0);
    for (const obj of docs) expect(validate(obj), `${rel}: ${obj.kind} ${obj.metadata.name}`).toEqual([]);
    objects.push(...docs);
  }
  for (const dir of dirs) objects.push(...checkRoot(join(root, dir)));

  if (kubectlAvailable) {
    const run = spawnSync('kubectl', ['kustomize', root], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect((loadAll(run.stdout) as unknown[]).filter((d) => d !== null)).toHaveLength(objects.length);
  }
  return objects;
}

/** Each SparkApplication runs under a ServiceAccount the same root creates, with a Role bound to it. */
function expectAccountsMatch(objects: K8sObject[], iamRoleArn?: string): void {
  const key = (o: K8sObject) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`;
  const byKey = new Map(objects.map((o) => [key(o), o]));
  const apps = objects.filter((o) => o.kind === 'SparkApplication');
  expect(apps.length).toBeGreaterThan(0);
  for (const app of apps) {
    const account = app.spec?.driver?.serviceAccount;
    expect(app.spec?.executor?.serviceAccount).toBe(account);
    const sa = byKey.get(`ServiceAccount ${app.metadata.namespace}/${account}`);
    expect(sa, `service account of ${app.metadata.name}`).toBeDefined();
    expect(sa!.metadata.annotations?.['eks.amazonaws.com/role-arn']).toBe(iamRoleArn);
    const binding = objects.find((o) => o.kind === 'RoleBinding' && o.metadata.namespace === app.metadata.namespace && JSON.stringify((o as unknown as { subjects: unknown }).subjects).includes(`"name":"${account}"`));
    expect(binding, `binding of ${account}`).toBeDefined();
    const roleName = (binding as unknown as { roleRef: { name: string } }).roleRef.name;
    expect(byKey.has(`Role ${app.metadata.namespace}/${roleName}`)).toBe(true);
  }
}

describe('kustomization of the output folder', () => {
  it('lists everything one target wrote, at the root, with the default service account', () => {
    const out = tempDir();
    const run = runCli(['convert', INPUT, '--out', out, '--format', 'json']);
    expect(run.status).toBe(0);
    const objects = checkRoot(out);
    expectAccountsMatch(objects);
    expect(objects.some((o) => o.kind === 'ServiceAccount' && o.metadata.name === 'emr2k8s-spark')).toBe(true);
    // Without iamRoleArn the batch says once that IRSA has no role.
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string }[]; jobs: { diagnostics: { code: string }[] }[] };
    expect(report.diagnostics.filter((d) => d.code === 'irsa-role-missing')).toHaveLength(1);
    expect(report.jobs.flatMap((j) => j.diagnostics).filter((d) => d.code === 'irsa-role-missing')).toEqual([]);
  });

  it('writes one applicable root per target when several are chosen, with the configured account and IRSA role', () => {
    const out = tempDir();
    const config = join(tempDir(), 'emr2k8s.config.yaml');
    writeFileSync(config, `namespace: data-eng\nserviceAccount: spark-etl\niamRoleArn: ${ROLE_ARN}\n`);
    const run = runCli(['convert', INPUT, '--out', out, '--config', config, '--target', 'spark-operator', '--target', 'spark-submit', '--format', 'json']);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(existsSync(join(out, 'kustomization.yaml'))).toBe(false);
    const operator = checkRoot(join(out, 'spark-operator'));
    expectAccountsMatch(operator, ROLE_ARN);
    expect(operator.filter((o) => o.kind === 'ServiceAccount').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['data-eng/spark-etl']);
    const submit = checkRoot(join(out, 'spark-submit'));
    expect(submit.length).toBeGreaterThan(0);
    expect(submit.every((o) => o.kind !== 'SparkApplication')).toBe(true);
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string }[] };
    expect(report.diagnostics.map((d) => d.code)).not.toContain('irsa-role-missing');
  });
});
