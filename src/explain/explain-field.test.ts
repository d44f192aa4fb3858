import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConversionInputs } from '../cli/conversion.js';
import { convertInputs } from '../engine/conversion.js';
import type { JobPlan } from '../model/job-plan.js';
import { compareStrings } from '../model/order.js';
import { REDACTED } from '../model/secrets.js';
import type { SparkJob } from '../model/spark-job.js';
import { explainField, explainJob, listFields } from './explain-field.js';
import { safeConfValue } from './input-values.js';
import type { FieldExplanation } from './types.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The real pipeline (importers, normalize, rules) over an input path, relative to `cwd`. */
async function convert(path: string): Promise<{ ids: string[]; job: (id: string) => { job: SparkJob; plan: JobPlan } }> {
  const io = { stdout: () => {}, stderr: () => {}, cwd: ROOT, env: {}, isTty: false };
  const { batch } = convertInputs(await loadConversionInputs([path], {}, io));
  return {
    ids: batch.jobs.map((j) => j.id),
    job: (id) => {
      const job = batch.jobs.find((j) => j.id === id);
      const plan = batch.plans.find((p) => p.jobId === id);
      if (!job || !plan) throw new Error(`no job ${id}: ${batch.jobs.map((j) => j.id).join(', ')}`);
      return { job, plan };
    },
  };
}

function lineOf(file: string, line: number): string {
  return readFileSync(join(ROOT, file), 'utf8').split('\n')[line - 1] ?? '';
}

const NIGHTLY = 'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q';

describe('explainField on the nightly-etl export', () => {
  let job: SparkJob;
  let plan: JobPlan;
  beforeAll(async () => {
    ({ job, plan } = (await convert('fixtures/nightly-etl/input')).job(NIGHTLY));
  });

  it('names the rule, the winning input with file and line, and the values it shadowed', () => {
    const field = explainField(job, plan, 'executor.memoryOverhead') as FieldExplanation;
    expect(field).toMatchObject({ field: 'executor.memoryOverhead', kind: 'rule', rule: 'executor-resources' });
    expect(field.value).toBe(plan.executor.memoryOverhead);
    const flag = field.inputs.find((i) => i.ref === 'steps/s-1K4N2D6OZ8P9Q/args/10');
    expect(flag).toMatchObject({ key: 'spark.executor.memory', value: '16g', layer: 'flag' });
    expect(flag?.location).toMatchObject({ file: 'fixtures/nightly-etl/input/list-steps.json', line: 46 });
    expect(flag?.shadowed).toEqual([
      { value: '4743M', layer: 'emr-default', ref: 'emr-defaults/spark.executor.memory', location: { path: 'EMR default for emr-6.15.0' } },
      expect.objectContaining({ value: '18971M', layer: 'spark-defaults', ref: 'cluster/configurations/spark-defaults/spark.executor.memory', location: expect.objectContaining({ file: 'fixtures/nightly-etl/input/describe-cluster.json', line: 46 }) }),
    ]);
    expect(field.inputs.find((i) => i.ref === 'emr-defaults/spark.yarn.executor.memoryOverheadFactor')).toMatchObject({ key: 'spark.yarn.executor.memoryOverheadFactor', value: '0.1875', layer: 'emr-default' });
  });

  it('explains a ref of a shadowed value as that value, with only the layers below it', () => {
    const field = explainField(job, plan, 'executor.memory') as FieldExplanation;
    const fromDefaults = field.inputs.find((i) => i.ref === 'cluster/configurations/spark-defaults/spark.executor.memory');
    expect(fromDefaults).toMatchObject({ key: 'spark.executor.memory', value: '18971M', layer: 'spark-defaults' });
    expect(fromDefaults?.shadowed.map((s) => s.layer)).toEqual(['emr-default']);
    expect(field.inputs.find((i) => i.ref === 'emr-defaults/spark.executor.memory')?.shadowed).toEqual([]);
  });

  it('reads map fields from the plan and keeps a --conf value with the spark-defaults value it beat', () => {
    const field = explainField(job, plan, 'sparkConf.spark.sql.shuffle.partitions') as FieldExplanation;
    expect(field.value).toBe(plan.sparkConf['spark.sql.shuffle.partitions']);
    const conf = field.inputs.find((i) => i.layer === 'conf');
    expect(conf).toMatchObject({ key: 'spark.sql.shuffle.partitions', value: field.value });
    expect(conf?.shadowed).toMatchObject([{ value: '400', layer: 'spark-defaults', ref: 'cluster/configurations/spark-defaults/spark.sql.shuffle.partitions' }]);
  });

  it('every located conf input points at a line of its file that holds its value', () => {
    let checked = 0;
    for (const field of explainJob(job, plan).fields) {
      for (const input of field.inputs) {
        for (const v of [input, ...input.shadowed]) {
          if (v.value === undefined || !v.location?.file || v.location.line === undefined) continue;
          expect(lineOf(v.location.file, v.location.line), `${field.field} ${v.ref}`).toContain(v.value);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('explains a rule default with its reason and no inputs', () => {
    const field = explainField(job, plan, 'driver.cores') as FieldExplanation;
    expect(field).toMatchObject({ kind: 'default', rule: 'driver-resources', inputs: [], value: plan.driver.cores });
    expect(field.reason).toBe((plan.provenance['driver.cores'] as { default: string }).default);
  });

  it('leaves a non-conf input without key or value but with its place', () => {
    const field = explainField(job, plan, 'arguments') as FieldExplanation;
    expect(field.value).toEqual(plan.arguments);
    for (const input of field.inputs) {
      expect(input.key).toBeUndefined();
      expect(input.location?.file).toBe('fixtures/nightly-etl/input/list-steps.json');
    }
  });

  it('returns undefined for a field without provenance, and lists the fields that have one, sorted', () => {
    expect(explainField(job, plan, 'executor.memoryOverhed')).toBeUndefined();
    const fields = listFields(plan);
    expect(fields).toEqual(Object.keys(plan.provenance).sort(compareStrings));
    expect(fields).toContain('executor.memoryOverhead');
  });
});

describe('explainJob', () => {
  it('gives identity, fields in path order, located dropped settings and diagnostics', async () => {
    const { job, plan } = (await convert('fixtures/nightly-etl/input')).job(NIGHTLY);
    const explained = explainJob(job, plan);
    expect(explained).toMatchObject({ jobId: NIGHTLY, cluster: 'j-2AXXXXXXGAPLF', step: { id: 's-1K4N2D6OZ8P9Q', name: 'daily-orders-etl' }, status: 'converted' });
    expect(explained.fields.map((f) => f.field)).toEqual(listFields(plan));
    expect(explained.dropped.map((d) => d.setting)).toEqual([...explained.dropped.map((d) => d.setting)].sort(compareStrings));
    expect(explained.dropped.find((d) => d.setting === 'spark.submit.deployMode')).toMatchObject({
      reason: 'superseded',
      rule: 'yarn-settings',
      location: { file: 'fixtures/nightly-etl/input/list-steps.json', line: 42 },
    });
    expect(explained.dropped.find((d) => d.setting === 'spark.shuffle.service.enabled')?.location).toEqual({ path: 'EMR default for emr-6.15.0' });
    expect(explained.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(plan.diagnostics.map((d) => d.code)));
    expect(explained.diagnostics.find((d) => d.code === 'event-log-moved')).toMatchObject({ severity: 'warning', location: { line: 54 }, hint: expect.any(String) });
  });

  it('explains an unsupported step with its status', async () => {
    const { job, plan } = (await convert('fixtures/mixed-step-kinds/input')).job('j-MIXEDKINDS042/step-1');
    const explained = explainJob(job, plan);
    expect(explained.status).toBe('unsupported');
    expect(explained.diagnostics.map((d) => d.code)).toContain('unsupported-step');
    expect(explained.fields.map((f) => f.field)).toContain('name');
  });
});

describe('secrets', () => {
  const RAW = ['Sup3rS3cret', 'Hv3-M3tastore!2026', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AKIAIOSFODNN7EXAMPLE', 'crm-tok-5f1e2d3c4b5a69788'];

  it('never returns a secret input value, though the resolved conf holds it', async () => {
    const { job, plan } = (await convert('fixtures/secrets-redacted/input')).job('j-SECRETS0001X/s-C360STEP0001');
    expect(job.conf['spark.jdbc.password']?.value).toBe('Sup3rS3cret');
    const field = explainField(job, plan, 'sparkConf.spark.jdbc.password') as FieldExplanation;
    expect(field.value).toBe(plan.sparkConf['spark.jdbc.password']);
    expect(field.inputs[0]).toMatchObject({ key: 'spark.jdbc.password', value: REDACTED, layer: 'conf' });
    const all = JSON.stringify(explainJob(job, plan));
    for (const secret of RAW) expect(all).not.toContain(secret);
  });

  it('redacts shadowed secret values too, and keeps env references', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emr2k8s-explain-'));
    const args = ['--conf', 'spark.jdbc.password=first-Secret-1', '--conf', 'spark.jdbc.password=second-Secret-2', 's3://b/app.py'];
    writeFileSync(join(dir, 'steps.json'), JSON.stringify([{ Type: 'Spark', Name: 'sync', ActionOnFailure: 'CONTINUE', Args: args }], null, 2));
    const converted = await convert(join(dir, 'steps.json'));
    expect(converted.ids).toHaveLength(1);
    const { job, plan } = converted.job(converted.ids[0] as string);
    expect(job.conf['spark.jdbc.password']?.shadowed.map((s) => s.value)).toEqual(['first-Secret-1']);
    const all = JSON.stringify(explainJob(job, plan));
    expect(all).not.toMatch(/first-Secret-1|second-Secret-2/);
    const input = explainJob(job, plan).fields.flatMap((f) => f.inputs).find((i) => i.key === 'spark.jdbc.password');
    expect(input).toMatchObject({ value: REDACTED, shadowed: [{ value: REDACTED, layer: 'conf' }] });
    expect(safeConfValue('spark.jdbc.password', '${env:DB_PASSWORD}')).toBe('${env:DB_PASSWORD}');
    expect(safeConfValue('spark.sql.shuffle.partitions', '200')).toBe('200');
  });
});
