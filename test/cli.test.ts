import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../rules/index.js';
import { ROOT, readTree, runCli, tempDir } from './support/run-cli.js';

const fixture = (name: string) => join(ROOT, 'fixtures', name, 'input');

describe('emr2k8s binary', () => {
  it('prints help with every command and exits 0', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    for (const command of ['convert', 'validate', 'rules']) expect(run.stdout).toContain(command);
  });

  it('rejects an unknown command with exit 2', () => {
    const run = runCli(['transmogrify']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown command/);
  });

  it('converts the bundled example and reports JSON per the scripting contract', () => {
    const out = tempDir();
    const run = runCli(['convert', fixture('nightly-etl'), '--out', out, '--format', 'json']);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.summary.converted).toBe(json.summary.jobs);
    for (const job of json.jobs) {
      expect(job).toMatchObject({ cluster: 'j-2AXXXXXXGAPLF', status: 'converted', kind: 'spark' });
      for (const file of job.files) expect(readTree(out)[file]).toBeDefined();
    }
    expect(Object.keys(readTree(out))).toEqual(expect.arrayContaining(['report.md', 'report.json']));
  });

  it('gives the same bytes whatever the time zone, locale and input order', () => {
    const a = tempDir();
    const b = tempDir();
    const inputs = [fixture('nightly-etl'), fixture('steps-file-only'), fixture('boto3-run-job-flow')];
    runCli(['convert', ...inputs, '--out', a], { cwd: ROOT, env: { TZ: 'UTC', LANG: 'C' } });
    runCli(['convert', ...[...inputs].reverse(), '--out', b], { cwd: ROOT, env: { TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' } });
    expect(readTree(b)).toEqual(readTree(a));
  });

  it('exits 2 with one line naming the key and the file for an unknown config key', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'emr2k8s.config.yaml'), 'namespace: etl\nnamespaces: typo\n');
    const run = runCli(['convert', fixture('nightly-etl'), '--out', join(dir, 'k8s')], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/emr2k8s\.config\.yaml: unknown key "namespaces"/);
  });

  it('exits 2 when no input can be read, naming the path', () => {
    const run = runCli(['convert', 'does/not/exist.json', '--out', tempDir()]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('does/not/exist.json');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('--check writes nothing and exits 1 on drift, 0 when up to date', () => {
    const out = tempDir();
    const empty = runCli(['convert', fixture('nightly-etl'), '--out', out, '--check']);
    expect(empty.status).toBe(1);
    expect(readTree(out)).toEqual({});
    runCli(['convert', fixture('nightly-etl'), '--out', out]);
    expect(runCli(['convert', fixture('nightly-etl'), '--out', out, '--check']).status).toBe(0);
  });

  it('keeps a hand-edited manifest unless --force', () => {
    const out = tempDir();
    const first = JSON.parse(runCli(['convert', fixture('nightly-etl'), '--out', out, '--format', 'json']).stdout);
    const manifest = first.jobs[0].files.find((f: string) => f.endsWith('.yaml'));
    const path = join(out, manifest);
    writeFileSync(path, `${readFileSync(path, 'utf8')}# reviewed by hand\n`);
    const kept = runCli(['convert', fixture('nightly-etl'), '--out', out]);
    expect(kept.status).toBe(1);
    expect(kept.stderr).toMatch(/edited by hand/);
    expect(readFileSync(path, 'utf8')).toContain('# reviewed by hand');
    expect(runCli(['convert', fixture('nightly-etl'), '--out', out, '--force']).status).toBe(0);
    expect(readFileSync(path, 'utf8')).not.toContain('# reviewed by hand');
  });

  it('never writes or prints a secret value', () => {
    const out = tempDir();
    const run = runCli(['convert', fixture('secrets-redacted'), '--out', out, '--format', 'json']);
    const everything = [run.stdout, run.stderr, ...Object.values(readTree(out))].join('\n');
    for (const secret of ['Hv3-M3tastore!2026', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'crm-tok-5f1e2d3c4b5a69788', 'Sup3rS3cret']) {
      expect(everything).not.toContain(secret);
    }
    // The job still gets them: from a Secret, through env references the settings point at.
    const manifest = Object.values(readTree(out)).find((text) => text.includes('kind: SparkApplication')) ?? '';
    expect(manifest).toContain('fs.s3a.secret.key: ${env.EMR2K8S_SECRET_FS_S3A_SECRET_KEY}');
    expect(manifest).toContain('javax.jdo.option.ConnectionPassword: ${env.EMR2K8S_SECRET_JAVAX_JDO_OPTION_CONNECTIONPASSWORD}');
    expect(manifest).toMatch(/name: EMR2K8S_SECRET_FS_S3A_SECRET_KEY\n\s+valueFrom:\n\s+secretKeyRef:\n\s+name: sync-crm-profiles-secrets\n\s+key: fs.s3a.secret.key/);
  });

  it('converts the rest of a batch when one input is broken, and exits 1', () => {
    const out = tempDir();
    const run = runCli(['convert', fixture('multi-cluster-folders'), '--out', out, '--format', 'json']);
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.summary.converted).toBe(2);
    const broken = json.diagnostics.find((d: { severity: string }) => d.severity === 'error');
    expect(broken.location.file).toMatch(/j-3BROKENEXPORT0\/describe-cluster\.json$/);
    expect(broken.location.line).toBeGreaterThan(0);
  });

  it('fills CloudFormation parameters from --param, and rejects a malformed one', () => {
    const out = tempDir();
    const run = runCli(['convert', fixture('cloudformation-stack'), '--out', out, '--param', 'RunDate=2026-11-22', '--format', 'json']);
    const json = JSON.parse(run.stdout);
    expect(json.diagnostics.map((d: { message: string }) => d.message).join('\n')).not.toMatch(/parameter RunDate/);
    const manifest = Object.entries(readTree(out)).find(([f]) => f.endsWith('sessionize-clickstream.yaml'))?.[1];
    expect(manifest).toContain("- '2026-11-22'");
    const bad = runCli(['convert', fixture('cloudformation-stack'), '--out', tempDir(), '--param', 'RunDate']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--param RunDate: expected Name=Value/);
  });

  it('lists every rule and shows one', () => {
    const list = runCli(['rules', 'list']);
    expect(list.status).toBe(0);
    for (const rule of allRules) expect(list.stdout).toContain(rule.id);
    const first = allRules[0];
    if (!first) throw new Error('no rules registered');
    const show = runCli(['rules', 'show', first.id]);
    expect(show.status).toBe(0);
    expect(show.stdout).toContain(first.meta.docs);
    expect(runCli(['rules', 'show', 'no-such-rule']).status).toBe(2);
  });

  it('validates generated manifests (exit 0) and rejects a broken one (exit 1)', () => {
    const out = tempDir();
    runCli(['convert', fixture('nightly-etl'), '--out', out]);
    expect(runCli(['validate', out]).status).toBe(0);
    const bad = tempDir();
    cpSync(out, bad, { recursive: true });
    const tree = readTree(bad);
    const manifest = Object.keys(tree).find((f) => f.endsWith('.yaml') && tree[f]?.includes('SparkApplication'));
    if (!manifest) throw new Error('no manifest written');
    writeFileSync(join(bad, manifest), (tree[manifest] ?? '').replace('spec:', 'spec:\n  executorr: {}'));
    const run = runCli(['validate', join(bad, manifest)]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/executorr/);
  });
});
