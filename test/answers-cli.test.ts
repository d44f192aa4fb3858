import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { jobInputHash } from '../src/engine/job-fingerprint.js';
import { importPaths } from '../src/importers/index.js';
import { normalize } from '../src/normalize/index.js';
import { ROOT, readTree, runCli, tempDir } from './support/run-cli.js';

/**
 * `convert --answers` through the built binary: replay, stale and unknown answers, invalid
 * overrides, malformed files and `--check`. Inputs are the reviewed-answers scenario's.
 */
const SCENARIO = join(ROOT, 'fixtures', 'reviewed-answers');
const INPUT = join(SCENARIO, 'input');
const ACCEPTED = 'j-2AXXXXXXGAPLF/s-0C7XK2M3N4P5Q';
const REJECTED = 'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q';

/** The reviewed fingerprints of the scenario's jobs, as `emr2k8s review` recorded them. */
const recorded = (load(readFileSync(join(SCENARIO, 'answers.yaml'), 'utf8')) as { answers: Record<string, { inputHash: string }> }).answers;
const hashOf = (id: string) => recorded[id]?.inputHash as string;

interface JsonJob {
  id: string;
  status: string;
  files: string[];
  review?: { decision?: string; note?: string; overrides: number };
  diagnostics: Array<{ code: string; severity: string; message: string; location?: { file?: string; line?: number } }>;
}

/** A folder holding `answers.yaml` with `text`, and a run of convert in it. */
function convertWith(text: string, extra: string[] = []) {
  const dir = tempDir();
  writeFileSync(join(dir, 'answers.yaml'), text);
  const out = join(dir, 'k8s');
  const run = runCli(['convert', INPUT, '--out', out, '--answers', 'answers.yaml', ...extra], { cwd: dir });
  return { dir, out, run };
}

function jobsOf(stdout: string): Record<string, JsonJob> {
  const json = JSON.parse(stdout) as { jobs: JsonJob[] };
  return Object.fromEntries(json.jobs.map((j) => [j.id, j]));
}

describe('convert --answers', () => {
  it('replays decisions and overrides: rejected jobs are not written, the run still exits 0', () => {
    const { out, run } = convertWith(readFileSync(join(SCENARIO, 'answers.yaml'), 'utf8'), ['--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    const jobs = jobsOf(run.stdout);
    expect(jobs[REJECTED]).toMatchObject({ files: [], review: { decision: 'rejected', note: expect.stringContaining('Iceberg') } });
    expect(jobs[ACCEPTED]?.review).toMatchObject({ decision: 'accepted', overrides: 2 });
    const tree = readTree(out);
    expect(Object.keys(tree).some((f) => f.includes('daily-orders-etl'))).toBe(false);
    const manifest = tree['default/customer-aggregates.yaml'] ?? '';
    expect(manifest).toMatch(/executor:\n(?: {4}.*\n)*? {4}coreRequest: 4500m\n {4}memory: 12288m\n {4}memoryOverhead: 2304m/);
    expect(tree['report.md']).toContain('## Rejected jobs');
  });

  it('marks rejected jobs in text output', () => {
    const { run } = convertWith(`schemaVersion: 1\nanswers:\n  ${REJECTED}:\n    decision: rejected\n    inputHash: '${hashOf(REJECTED)}'\n`);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^rejected +${REJECTED} `, 'm'));
    expect(run.stdout).toContain('1 rejected (not written)');
  });

  it('does not fail the run for unsupported jobs a review rejected', async () => {
    const mixed = join(ROOT, 'fixtures', 'mixed-step-kinds', 'input');
    const { snapshots } = await importPaths([mixed]);
    const jobs = snapshots.flatMap((s) => normalize(s).jobs).filter((j) => j.kind !== 'spark');
    expect(jobs.length).toBeGreaterThan(1);
    const entries = jobs.map((j) => `  ${j.id}:\n    decision: rejected\n    note: stays on EMR\n    inputHash: '${jobInputHash(j)}'\n`);
    const dir = tempDir();
    writeFileSync(join(dir, 'answers.yaml'), `schemaVersion: 1\nanswers:\n${entries.join('')}`);
    const rejectedAll = runCli(['convert', mixed, '--out', join(dir, 'k8s'), '--answers', 'answers.yaml'], { cwd: dir });
    expect(rejectedAll.status, rejectedAll.stderr).toBe(0);
    writeFileSync(join(dir, 'answers.yaml'), `schemaVersion: 1\nanswers:\n${entries.slice(1).join('')}`);
    const oneLeft = runCli(['convert', mixed, '--out', join(dir, 'k8s'), '--answers', 'answers.yaml'], { cwd: dir });
    expect(oneLeft.status, oneLeft.stderr).toBe(1);
  });

  it('applies nothing of a stale answer and warns, naming the answers file and line', () => {
    const { run, out } = convertWith(
      `schemaVersion: 1\nanswers:\n  ${REJECTED}:\n    decision: rejected\n    inputHash: 0123456789abcdef\n`,
      ['--format', 'json'],
    );
    expect(run.status, run.stderr).toBe(0);
    const job = jobsOf(run.stdout)[REJECTED];
    expect(job?.review).toBeUndefined();
    expect(job?.files.length).toBeGreaterThan(0);
    expect(job?.diagnostics).toContainEqual(expect.objectContaining({ code: 'answer-stale', severity: 'warning', location: { file: 'answers.yaml', line: 3 } }));
    expect(Object.keys(readTree(out))).toContain('default/daily-orders-etl.yaml');
  });

  it('warns about an answer for a job that is not in the input, on stderr with file:line', () => {
    const { run } = convertWith(`schemaVersion: 1\nanswers:\n  j-GONE/s-1:\n    inputHash: 0123456789abcdef\n`);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^warning answer-unknown-job answers\.yaml:3: .*j-GONE\/s-1/m);
  });

  it('fails the job (exit 1) for an invalid override, naming file:line', () => {
    const { run } = convertWith(
      `schemaVersion: 1\nanswers:\n  ${ACCEPTED}:\n    inputHash: '${hashOf(ACCEPTED)}'\n    fields:\n      executor.instances: lots\n`,
      ['--format', 'json'],
    );
    expect(run.status, run.stderr).toBe(1);
    const job = jobsOf(run.stdout)[ACCEPTED];
    expect(job).toMatchObject({ status: 'error', files: [] });
    expect(job?.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'answer-invalid-override', severity: 'error', location: { file: 'answers.yaml', line: 6 }, message: expect.stringContaining('executor.instances') }),
    );
  });

  it('exits 2 with one line FILE:LINE for a malformed answers file', () => {
    const { run } = convertWith(`schemaVersion: 1\nanswers:\n  ${ACCEPTED}:\n    inputHash: '${hashOf(ACCEPTED)}'\n    decision: maybe\n`);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^error: answers\.yaml:5: .*decision/);
  });

  it('exits 2 for a missing answers file', () => {
    const run = runCli(['convert', INPUT, '--out', join(tempDir(), 'k8s'), '--answers', 'no-such-answers.yaml'], { cwd: tempDir() });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('no-such-answers.yaml: no such answers file');
  });

  it('refuses a secret literal in the answers file without echoing it', () => {
    const { run } = convertWith(
      `schemaVersion: 1\nanswers:\n  ${ACCEPTED}:\n    inputHash: '${hashOf(ACCEPTED)}'\n    sparkConf:\n      spark.hadoop.fs.s3a.secret.key: hunter2-not-for-git\n`,
    );
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/answers\.yaml:6: spark\.hadoop\.fs\.s3a\.secret\.key holds a secret/);
    expect(run.stderr + run.stdout).not.toContain('hunter2-not-for-git');
  });

  it('--check with the same answers finds no drift; without them it does', () => {
    const { dir, out, run } = convertWith(readFileSync(join(SCENARIO, 'answers.yaml'), 'utf8'));
    expect(run.status, run.stderr).toBe(0);
    const same = runCli(['convert', INPUT, '--out', out, '--answers', 'answers.yaml', '--check'], { cwd: dir });
    expect(same.status, same.stderr).toBe(0);
    expect(same.stdout).toContain('Output is up to date.');
    const without = runCli(['convert', INPUT, '--out', out, '--check'], { cwd: dir });
    expect(without.status, without.stderr).toBe(1);
    expect(without.stdout).toMatch(/files would change/);
  });
});
