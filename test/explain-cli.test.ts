import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, readTree, runCli, tempDir } from './support/run-cli.js';

/** Fixture inputs as a user in the repository would name them, so paths in the output are relative. */
const fixture = (name: string) => join('fixtures', name, 'input');
const NIGHTLY = 'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q';

describe('emr2k8s explain', () => {
  it('explains one field: rule, input with file:line and the value it shadowed', () => {
    const run = runCli(['explain', fixture('nightly-etl'), '--job', NIGHTLY, '--field', 'executor.memoryOverhead']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^executor\.memoryOverhead = "\d+m"$/);
    expect(lines[1]).toBe('  set by rule executor-resources from:');
    expect(run.stdout).toContain('spark.executor.memory = 16g  (flag, fixtures/nightly-etl/input/list-steps.json:46:42)');
    expect(run.stdout).toContain('shadowed: 18971M (spark-defaults, fixtures/nightly-etl/input/describe-cluster.json:46:46)');
    expect(run.stdout).toContain('shadowed: 4743M (emr-default, EMR default for emr-6.15.0)');
  });

  it('--format json for a field: schemaVersion, job id and the explanation', () => {
    const run = runCli(['explain', fixture('nightly-etl'), '--job', NIGHTLY, '--field', 'sparkConf.spark.sql.shuffle.partitions', '--format', 'json']);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(Object.keys(doc).sort()).toEqual(['field', 'jobId', 'schemaVersion']);
    expect(doc).toMatchObject({ schemaVersion: 1, jobId: NIGHTLY, field: { field: 'sparkConf.spark.sql.shuffle.partitions', kind: 'rule', rule: 'spark-conf-passthrough' } });
    const conf = doc.field.inputs.find((i: { layer?: string }) => i.layer === 'conf');
    expect(conf).toMatchObject({ key: 'spark.sql.shuffle.partitions', value: doc.field.value, location: { file: 'fixtures/nightly-etl/input/list-steps.json', line: 44 } });
  });

  it('--format json for a job: every field, dropped settings and diagnostics; writes nothing', () => {
    const cwd = tempDir();
    const run = runCli(['explain', join(ROOT, fixture('nightly-etl')), '--job', NIGHTLY, '--format', 'json'], { cwd });
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.job).toMatchObject({ jobId: NIGHTLY, cluster: 'j-2AXXXXXXGAPLF', step: { id: 's-1K4N2D6OZ8P9Q', name: 'daily-orders-etl' }, status: 'converted' });
    const fields = doc.job.fields.map((f: { field: string }) => f.field);
    expect(fields).toContain('executor.memoryOverhead');
    expect(fields).toEqual([...fields].sort());
    expect(doc.job.dropped.map((d: { setting: string }) => d.setting)).toContain('spark.shuffle.service.enabled');
    expect(doc.job.diagnostics.map((d: { code: string }) => d.code)).toContain('event-log-moved');
    expect(readTree(cwd)).toEqual({});
  });

  it('explains an unsupported step with exit 0 and its status in the header', () => {
    const run = runCli(['explain', fixture('mixed-step-kinds'), '--job', 'j-MIXEDKINDS042/step-1']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ {2}status: {2}unsupported/m);
    expect(run.stdout).toMatch(/unsupported-step/);
  });

  it('never prints a secret of the input', () => {
    const run = runCli(['explain', fixture('secrets-redacted'), '--job', 'j-SECRETS0001X/s-C360STEP0001']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('spark.jdbc.password = <redacted>');
    for (const secret of ['Sup3rS3cret', 'Hv3-M3tastore!2026', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AKIAIOSFODNN7EXAMPLE', 'crm-tok-5f1e2d3c4b5a69788']) {
      expect(run.stdout + run.stderr).not.toContain(secret);
    }
  });

  it('an unknown job exits 2 with one line naming the id and suggesting the closest', () => {
    const run = runCli(['explain', fixture('nightly-etl'), '--job', 's-1K4N2D6OZ8P9Q']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('no job "s-1K4N2D6OZ8P9Q"');
    expect(run.stderr).toContain(`did you mean ${NIGHTLY}?`);
  });

  it('an unknown field exits 2 with one line listing fields that exist', () => {
    const run = runCli(['explain', fixture('nightly-etl'), '--job', NIGHTLY, '--field', 'executor.memoryOverhed']);
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`job ${NIGHTLY} has no field "executor.memoryOverhed"`);
    expect(run.stderr).toMatch(/include executor\.memoryOverhead\b/);
  });
});
