import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConversionInputs } from '../cli/conversion.js';
import { convertInputs, type Conversion } from '../engine/conversion.js';
import { explainField, explainJob } from './explain-field.js';
import { formatFieldExplanation, formatJobExplanation } from './format-explain.js';
import type { FieldExplanation, JobExplanation } from './types.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function convert(path: string): Promise<Conversion> {
  const io = { stdout: () => {}, stderr: () => {}, cwd: ROOT, env: {}, isTty: false };
  return convertInputs(await loadConversionInputs([path], {}, io));
}

function explained(conversion: Conversion, id: string): JobExplanation {
  const job = conversion.batch.jobs.find((j) => j.id === id);
  const plan = conversion.batch.plans.find((p) => p.jobId === id);
  if (!job || !plan) throw new Error(`no job ${id}`);
  return explainJob(job, plan);
}

describe('formatFieldExplanation', () => {
  let nightly: Conversion;
  beforeAll(async () => {
    nightly = await convert('fixtures/nightly-etl/input');
  });

  it('prints the value, the rule, each input with layer and file:line, and what it shadowed', () => {
    const id = 'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q';
    const job = nightly.batch.jobs.find((j) => j.id === id);
    const plan = nightly.batch.plans.find((p) => p.jobId === id);
    const field = explainField(job!, plan!, 'executor.memoryOverhead') as FieldExplanation;
    const lines = formatFieldExplanation(field);
    expect(lines[0]).toBe(`executor.memoryOverhead = "${plan!.executor.memoryOverhead}"`);
    expect(lines[1]).toBe('  set by rule executor-resources from:');
    expect(lines).toContain('    spark.executor.memory = 16g  (flag, fixtures/nightly-etl/input/list-steps.json:46:42)');
    expect(lines).toContain('      shadowed: 4743M (emr-default, EMR default for emr-6.15.0)');
    expect(lines).toContain('    spark.yarn.executor.memoryOverheadFactor = 0.1875  (emr-default, EMR default for emr-6.15.0)');
    // The field also names the shadowed refs; they are shown once, under the value that beat them.
    expect(lines.filter((l) => l.includes('4743M'))).toHaveLength(1);
    expect(field.inputs.some((i) => i.ref === 'emr-defaults/spark.executor.memory')).toBe(true);
  });

  it('keeps every line one line, whatever the input text holds', () => {
    const field: FieldExplanation = {
      field: 'sparkConf.spark.x',
      value: 'a\nb',
      kind: 'rule',
      rule: 'spark-conf-passthrough',
      inputs: [{ ref: 'steps/s-1/args/3', key: 'spark.x', value: 'a\nmetadata: {evil: yes}', layer: 'conf', shadowed: [{ value: 'c\r\nd', layer: 'spark-defaults', ref: 'r' }] }],
    };
    const lines = formatFieldExplanation(field);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe('sparkConf.spark.x = "a\\nb"');
  });

  it('says how a default and an override were set', () => {
    expect(formatFieldExplanation({ field: 'driver.cores', value: 1, kind: 'default', rule: 'driver-resources', reason: 'Spark default', inputs: [] })).toEqual([
      'driver.cores = 1',
      '  default of rule driver-resources: Spark default',
    ]);
    expect(formatFieldExplanation({ field: 'namespace', value: 'etl', kind: 'override', override: 'config', inputs: [] })[1]).toBe('  overridden by the project config');
  });
});

describe('formatJobExplanation', () => {
  it('prints header, fields, dropped settings with reason and place, and diagnostics with hints', async () => {
    const text = formatJobExplanation(explained(await convert('fixtures/nightly-etl/input'), 'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q'));
    const lines = text.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'job j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q',
      '  cluster: j-2AXXXXXXGAPLF',
      '  step:    s-1K4N2D6OZ8P9Q "daily-orders-etl"',
      '  status:  converted',
    ]);
    expect(lines).toContain('  spark.shuffle.service.enabled: no-k8s-equivalent, by rule dynamic-allocation (EMR default for emr-6.15.0)');
    expect(lines).toContain('  spark.submit.deployMode: superseded, by rule yarn-settings (fixtures/nightly-etl/input/list-steps.json:42:38)');
    expect(text).toMatch(/^ {2}warning event-log-moved fixtures\/nightly-etl\/input\/describe-cluster\.json:54:43: /m);
    expect(text).toMatch(/^ {4}hint: Spark fails at start-up/m);
    expect(text.indexOf('fields (')).toBeLessThan(text.indexOf('dropped settings ('));
    expect(text.indexOf('dropped settings (')).toBeLessThan(text.indexOf('diagnostics ('));
  });

  it('notes an unsupported status in the header', async () => {
    const text = formatJobExplanation(explained(await convert('fixtures/mixed-step-kinds/input'), 'j-MIXEDKINDS042/step-1'));
    expect(text.split('\n')[3]).toMatch(/^ {2}status: {2}unsupported \(not a Spark step/);
  });

  it('prints no secret value of the input', async () => {
    const text = formatJobExplanation(explained(await convert('fixtures/secrets-redacted/input'), 'j-SECRETS0001X/s-C360STEP0001'));
    const input = readFileSync(join(ROOT, 'fixtures/secrets-redacted/input/list-steps.json'), 'utf8');
    expect(input).toContain('spark.jdbc.password=Sup3rS3cret');
    expect(text).toContain('spark.jdbc.password = <redacted>  (conf, fixtures/secrets-redacted/input/list-steps.json:9:72)');
    for (const secret of ['Sup3rS3cret', 'Hv3-M3tastore!2026', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AKIAIOSFODNN7EXAMPLE', 'crm-tok-5f1e2d3c4b5a69788']) {
      expect(text).not.toContain(secret);
    }
  });
});
