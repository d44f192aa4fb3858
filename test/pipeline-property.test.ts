import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { load, loadAll } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { allRules } from '../rules/index.js';
import { defaultProjectConfig, type TargetId } from '../src/config/project-config.js';
import { convertInputs, type Conversion } from '../src/engine/conversion.js';
import { resolveRules } from '../src/engine/resolve-rules.js';
import type { EmittedFile } from '../src/emitters/emitted-file.js';
import { buildStartJobRun } from '../src/emitters/emr-on-eks/request.js';
import { buildSparkApplication } from '../src/emitters/spark-operator/spark-application.js';
import { buildProvenanceFile } from '../src/emitters/spark-operator/provenance-file.js';
import { buildSubmitObjects } from '../src/emitters/spark-submit/index.js';
import { importPaths } from '../src/importers/index.js';
import type { JobPlan } from '../src/model/job-plan.js';
import { isSecretSetting, REDACTED } from '../src/model/secrets.js';
import type { SparkJob } from '../src/model/spark-job.js';
import { buildExport, emrExportArb, type ExportParts, type PlantedExport, type PlantedStep } from './support/emr-export-arb.js';
import { isDns1035Label, isDns1123Label, isDns1123Subdomain, isLabelValue, isQualifiedName } from './support/kube-names.js';
import { tempDir } from './support/run-cli.js';
import { hundredKilobytes } from './support/user-strings.js';

/**
 * The whole pipeline over every user-controlled string (step names, arguments, setting keys and
 * values, cluster names, tags): EMR CLI exports go through the importers, the rules and every
 * target's emitter in-process, and what comes out is read back as Kubernetes and AWS would
 * read it. Every written file parses to exactly the objects the emitter built (no injected
 * keys, no changed types), the strings of the input arrive verbatim, every name is a valid
 * Kubernetes name and unique per kind and namespace, and planted secrets appear nowhere.
 */

const TARGETS: TargetId[] = ['spark-operator', 'emr-on-eks', 'spark-submit'];
const rules = resolveRules(allRules, {});
const config = defaultProjectConfig();
const dir = tempDir('emr2k8s-prop-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** How much the property actually checked, so that a generator that writes nothing fails loudly. */
const coverage = { exports: 0, sparkSteps: 0, sparkApplications: 0, submitJobs: 0, startJobRuns: 0 };

async function convertExport(exp: PlantedExport): Promise<Conversion> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'describe-cluster.json'), JSON.stringify(exp.describeCluster, null, 2));
  writeFileSync(join(dir, 'list-steps.json'), JSON.stringify(exp.listSteps, null, 2));
  const imported = await importPaths([dir]);
  return convertInputs({
    inputs: [dir],
    config,
    targets: TARGETS,
    emit: { rightSize: false, nodePools: true },
    rules,
    snapshots: imported.snapshots,
    diagnostics: imported.diagnostics,
  });
}

/** A JSON value as JSON.parse gives it back (undefined members gone). */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** The target folder of a file: its first path segment, since several targets are written. */
function rootOf(file: EmittedFile): string {
  const first = file.path.split('/')[0] as string;
  return (TARGETS as string[]).includes(first) ? first : '';
}

type Obj = Record<string, unknown>;

interface ParsedDoc {
  file: EmittedFile;
  doc: Obj;
}

/** Every YAML and JSON file read back with the default schema; other files (Markdown, Dockerfile) are text. */
function parseAll(files: readonly EmittedFile[]): ParsedDoc[] {
  const out: ParsedDoc[] = [];
  for (const file of files) {
    let docs: unknown[];
    if (file.path.endsWith('.yaml')) docs = loadAll(file.content);
    else if (file.path.endsWith('.json')) docs = [JSON.parse(file.content)];
    else continue;
    for (const doc of docs) {
      expect(doc, `${file.path}: a document that is not a mapping`).toBeTypeOf('object');
      out.push({ file, doc: doc as Obj });
    }
  }
  return out;
}

function metadataOf(doc: Obj): { name?: string; namespace?: string; labels?: Obj; annotations?: Obj } | undefined {
  return doc.metadata as { name?: string; namespace?: string; labels?: Obj; annotations?: Obj } | undefined;
}

/** Kubernetes name rules per kind: DNS-1035 for SparkApplications (56 with the UI Service suffix), labels for Jobs and NodePools. */
function checkName(kind: string, name: string, where: string): void {
  if (kind === 'SparkApplication') expect(isDns1035Label(name, 56), `${where}: SparkApplication name ${JSON.stringify(name)}`).toBe(true);
  else if (kind === 'Job' || kind === 'NodePool') expect(isDns1123Label(name), `${where}: ${kind} name ${JSON.stringify(name)}`).toBe(true);
  else expect(isDns1123Subdomain(name), `${where}: ${kind} name ${JSON.stringify(name)}`).toBe(true);
}

/** Names, namespaces, label and annotation keys of every Kubernetes object; names unique per target folder, kind and namespace. */
function checkKubernetesObjects(docs: readonly ParsedDoc[]): void {
  const seen = new Map<string, string>();
  for (const { file, doc } of docs) {
    const meta = metadataOf(doc);
    if (typeof doc.kind !== 'string' || !meta) continue;
    const kind = doc.kind;
    expect(meta.name, `${file.path}: ${kind} without a name`).toBeTypeOf('string');
    checkName(kind, meta.name as string, file.path);
    if (meta.namespace !== undefined) expect(isDns1123Label(meta.namespace), `${file.path}: namespace ${meta.namespace}`).toBe(true);
    for (const [key, value] of Object.entries(meta.labels ?? {})) {
      expect(isQualifiedName(key), `${file.path}: label key ${JSON.stringify(key)}`).toBe(true);
      expect(isLabelValue(value as string), `${file.path}: label ${key}=${JSON.stringify(value)}`).toBe(true);
    }
    for (const [key, value] of Object.entries(meta.annotations ?? {})) {
      expect(isQualifiedName(key), `${file.path}: annotation key ${JSON.stringify(key)}`).toBe(true);
      expect(value, `${file.path}: annotation ${key}`).toBeTypeOf('string');
    }
    checkNestedFields(doc.spec, file.path);
    const id = `${rootOf(file)}|${String(doc.apiVersion)}|${kind}|${meta.namespace ?? ''}|${meta.name as string}`;
    const other = seen.get(id);
    if (kind === 'ServiceAccount' || kind === 'Role' || kind === 'RoleBinding') {
      // One account per namespace, written once per target folder.
      expect(other === undefined || other === file.path, `${kind} ${meta.name} written by ${other} and ${file.path}`).toBe(true);
    } else {
      expect(other, `${kind} ${meta.namespace ?? ''}/${meta.name} is written twice: ${other} and ${file.path}`).toBeUndefined();
    }
    seen.set(id, file.path);
  }
}

/** Environment variable names the API server takes on every supported version (`IsEnvVarName`). */
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/**
 * Label and node-selector maps and environment lists anywhere in an object (pod templates,
 * driver and executor specs, a Job's template), checked as the API server would.
 */
function checkNestedFields(value: unknown, where: string): void {
  if (Array.isArray(value)) {
    value.forEach((v) => checkNestedFields(v, where));
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value as Obj)) {
    if ((key === 'labels' || key === 'nodeSelector') && child && typeof child === 'object' && !Array.isArray(child)) {
      for (const [k, v] of Object.entries(child as Obj)) {
        expect(isQualifiedName(k), `${where}: ${key} key ${JSON.stringify(k)}`).toBe(true);
        expect(typeof v === 'string' && isLabelValue(v), `${where}: ${key} ${k}=${JSON.stringify(v)}`).toBe(true);
      }
    } else if (key === 'env' && Array.isArray(child)) {
      for (const item of child as Array<{ name?: unknown }>) {
        expect(typeof item.name === 'string' && ENV_VAR_NAME.test(item.name), `${where}: environment variable ${JSON.stringify(item.name)}`).toBe(true);
      }
    }
    checkNestedFields(child, where);
  }
}

/** A Secret named by a job belongs to that job alone: two jobs sharing one would read each other's values. */
function checkSecretNames(plans: readonly JobPlan[]): void {
  const owner = new Map<string, string>();
  for (const plan of plans.filter((p) => p.status === 'converted')) {
    const names = new Set(plan.secrets.map((s) => s.name));
    for (const pod of [plan.driver, plan.executor]) {
      for (const env of Object.values(pod.env)) if ('secretKeyRef' in env) names.add(env.secretKeyRef.name);
    }
    for (const name of names) {
      expect(isDns1123Subdomain(name), `Secret name ${JSON.stringify(name)}`).toBe(true);
      const key = `${plan.namespace}/${name}`;
      const first = owner.get(key);
      expect(first === undefined || first === plan.jobId, `Secret ${key} is named by jobs ${first} and ${plan.jobId}`).toBe(true);
      owner.set(key, plan.jobId);
    }
  }
}

/** Each written file parses to exactly the objects its emitter built from the plan. */
function checkEmitterFidelity(conversion: Conversion, docs: readonly ParsedDoc[]): void {
  const plans = new Map(conversion.batch.plans.map((p) => [p.jobId, p]));
  const jobs = new Map(conversion.batch.jobs.map((j) => [j.id, j]));
  for (const file of conversion.files) {
    if (file.jobId === undefined) continue;
    const plan = plans.get(file.jobId) as JobPlan;
    const job = jobs.get(file.jobId) as SparkJob;
    const parsed = docs.filter((d) => d.file === file).map((d) => d.doc);
    const root = rootOf(file);
    if (file.kind === 'provenance') {
      expect(parsed, file.path).toEqual([asJson(buildProvenanceFile(plan, job.locations))]);
    } else if (root === 'spark-operator') {
      expect(parsed, file.path).toStrictEqual([buildSparkApplication(plan).manifest]);
      coverage.sparkApplications += 1;
    } else if (root === 'spark-submit') {
      const built = buildSubmitObjects(plan, config.image.flavor);
      expect(parsed, file.path).toStrictEqual(built.configMap ? [built.configMap, built.job] : [built.job]);
      // The pod templates inside the ConfigMap are YAML files of their own.
      const data = (built.configMap?.data ?? {}) as Record<string, string>;
      for (const [name, text] of Object.entries(data)) expect(load(text), `${file.path} ${name}`).toBeTypeOf('object');
      coverage.submitJobs += 1;
    } else if (root === 'emr-on-eks') {
      expect(parsed, file.path).toStrictEqual([asJson(buildStartJobRun(plan, job, config).request)]);
      coverage.startJobRuns += 1;
    }
  }
}

/** The conf a step ends up with: spark-defaults, then its `--conf` flags, the last one winning. */
function expectedConf(exp: PlantedExport, step: PlantedStep): Map<string, string> {
  const conf = new Map(Object.entries(exp.sparkDefaults));
  for (const c of step.confs) {
    const token = `${c.key}=${c.value}`;
    const eq = token.indexOf('=');
    conf.set(token.slice(0, eq), token.slice(eq + 1));
  }
  return conf;
}

/** Steps that are a job's newest definition: later runs with the same name and application fold into it. */
function newestSparkSteps(exp: PlantedExport): PlantedStep[] {
  const newest = new Map<string, PlantedStep>();
  for (const step of exp.steps) if (step.kind === 'spark') newest.set(JSON.stringify([step.name, step.primary]), step);
  return [...newest.values()];
}

function findDoc(docs: readonly ParsedDoc[], jobId: string, root: string, kind?: string): Obj | undefined {
  return docs.find((d) => d.file.jobId === jobId && d.file.kind === 'manifest' && rootOf(d.file) === root && (kind === undefined || d.doc.kind === kind))?.doc;
}

/** The strings of the input arrive in the manifests verbatim, and in the type they had. */
function checkInputStrings(exp: PlantedExport, conversion: Conversion, docs: readonly ParsedDoc[]): void {
  const jobs = conversion.batch.jobs;
  for (const step of newestSparkSteps(exp)) {
    coverage.sparkSteps += 1;
    const job = jobs.find((j) => j.step.key === step.id);
    expect(job, `step ${step.id} became no job`).toBeDefined();
    const plan = conversion.batch.plans.find((p) => p.jobId === job?.id) as JobPlan;
    if (plan.status !== 'converted') {
      expect(plan.diagnostics.some((d) => d.severity === 'error'), `${plan.jobId} is ${plan.status} without an error`).toBe(true);
      continue;
    }
    const app = findDoc(docs, plan.jobId, 'spark-operator', 'SparkApplication');
    const submit = findDoc(docs, plan.jobId, 'spark-submit', 'Job');
    expect(app, `${plan.jobId}: converted but no SparkApplication written`).toBeDefined();
    expect(submit, `${plan.jobId}: converted but no spark-submit Job written`).toBeDefined();
    const appMeta = metadataOf(app as Obj) as { annotations: Obj };
    const spec = (app as Obj).spec as Obj;
    expect(appMeta.annotations['emr2k8s.io/step-name']).toBe(step.name);
    expect(metadataOf(submit as Obj)?.annotations?.['emr2k8s.io/step-name']).toBe(step.name);
    expect(appMeta.annotations['emr2k8s.io/source-cluster']).toBe(job?.cluster.key);
    if (exp.clusterId === undefined && exp.clusterName) expect(job?.cluster.key).toBe(exp.clusterName);
    if (step.mainClass !== undefined) expect(spec.mainClass).toBe(step.mainClass);

    // Arguments verbatim, except credentials, which are redacted in place.
    const args = (spec.arguments ?? []) as string[];
    expect(args).toHaveLength(step.appArgs.length);
    args.forEach((arg, i) => {
      if (arg !== step.appArgs[i]) expect(arg, `argument ${i} of ${plan.jobId}`).toContain(REDACTED);
    });

    // Settings under keys no rule owns pass through unchanged; secret ones become references.
    const sparkConf = (spec.sparkConf ?? {}) as Record<string, string>;
    for (const [key, value] of expectedConf(exp, step)) {
      if (!key.startsWith('spark.acme.')) continue;
      if (isSecretSetting(key, value)) {
        if (key in sparkConf) expect(sparkConf[key], `sparkConf ${key}`).toMatch(/^\$\{env:[A-Z0-9_]+\}$/);
      } else {
        expect(sparkConf[key], `sparkConf ${JSON.stringify(key)} of ${plan.jobId}`).toBe(value);
      }
    }

    const request = findDoc(docs, plan.jobId, 'emr-on-eks');
    if (request) expect((request.tags as Obj)['emr2k8s.io/step-name']).toBe(step.name);
  }
}

function checkNoSecrets(exp: PlantedExport, files: readonly EmittedFile[]): void {
  for (const secret of exp.secrets) {
    for (const file of files) expect(file.content.includes(secret), `${file.path} carries the planted secret`).toBe(false);
  }
}

async function checkExport(exp: PlantedExport): Promise<void> {
  coverage.exports += 1;
  const conversion = await convertExport(exp);
  const paths = conversion.files.map((f) => f.path);
  expect(new Set(paths).size, `files written twice: ${paths.filter((p, i) => paths.indexOf(p) !== i).join(', ')}`).toBe(paths.length);
  const docs = parseAll(conversion.files);
  checkKubernetesObjects(docs);
  checkSecretNames(conversion.batch.plans);
  checkEmitterFidelity(conversion, docs);
  checkInputStrings(exp, conversion, docs);
  checkNoSecrets(exp, conversion.files);
}

describe('the pipeline over arbitrary user strings', () => {
  it('writes files that parse to exactly the plan, with valid unique names and no secrets', async () => {
    await fc.assert(fc.asyncProperty(emrExportArb, checkExport), { numRuns: 150, seed: 20261201 });
    // The property is only as good as what it reached: most Spark jobs must have been written.
    expect(coverage.sparkApplications).toBeGreaterThan(coverage.sparkSteps / 2);
    expect(coverage.startJobRuns).toBeGreaterThan(0);
  }, 120_000);

  it('carries 100 KB strings in every user field', async () => {
    const long = (seed: string) => hundredKilobytes(seed);
    const parts: ExportParts = {
      clusterName: long('cluster'),
      tags: [{ Key: 'team', Value: long('tag') }],
      sparkDefaults: { [`spark.acme.${long('key').slice(0, 2000)}`]: long('default') },
      env: { ACME_LONG: long('env') },
      drafts: [
        {
          name: long('step'),
          kind: 'spark',
          confs: [{ key: 'spark.acme.long', value: long('conf') }],
          secret: { key: 'spark.acme.db.password', secret: `planted-secret-${'x'.repeat(12)}` },
          mainClass: long('class'),
          primary: 0,
          appArgs: ['--payload', long('arg'), long('arg2')],
        },
        { name: long('step'), kind: 'spark', confs: [], mainClass: undefined, secret: undefined, primary: 1, appArgs: [long('other')] },
      ],
    };
    const exp = buildExport(parts);
    await checkExport(exp);
    const conversion = await convertExport(exp);
    const written = conversion.files.filter((f) => f.kind === 'manifest' && f.path.startsWith('spark-operator/') && f.jobId !== undefined);
    expect(written).toHaveLength(2);
  }, 60_000);
});
