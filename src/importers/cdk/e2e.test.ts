import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../../rules/index.js';
import { defaultProjectConfig } from '../../config/project-config.js';
import { convertSnapshots } from '../../engine/convert-batch.js';
import { resolveRules } from '../../engine/resolve-rules.js';
import { importPaths } from '../index.js';
import { bundleOptions } from '../../../scripts/bundle-options.mjs';
import { staticallyReachable, staticImports } from '../../../test/support/bundle-imports.js';

const APP = 'fixtures/cdk-app/input';
const STACK = `${APP}/lib/emr-stack.ts`;

function lineOf(file: string, needle: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('the cdk-app scenario end to end', () => {
  it('converts the CfnCluster, its CfnStep and the Step Functions cluster, with the JsonPath placeholder at its line', async () => {
    const { snapshots } = await importPaths([APP]);
    const run = convertSnapshots(snapshots, resolveRules(allRules, {}), defaultProjectConfig());
    expect(run.plans.map((p) => [p.jobId, p.status])).toEqual([
      ['clickstream-backfill/step-1', 'converted'],
      ['clickstream-nightly/step-1', 'converted'],
      ['clickstream-nightly/step-2', 'converted'],
    ]);
    const nightly = run.jobs.find((j) => j.id === 'clickstream-nightly/step-1')!;
    expect(nightly.conf['spark.executor.memory']?.value).toBe('18g');
    const sessions = snapshots.find((s) => s.cluster.name === 'clickstream-nightly')!.steps[0]!;
    // Arguments spread from a const of lib/config.ts, built with template literals.
    expect(sessions.args.slice(-4)).toEqual(['--input', 's3://acme-clickstream-prod/raw/', '--output', 's3://acme-clickstream-prod/sessions/']);
    expect(snapshots.find((s) => s.cluster.name === 'clickstream-backfill')!.steps[0]!.actionOnFailure).toBe('CONTINUE');
    const backfill = run.plans.find((p) => p.jobId === 'clickstream-backfill/step-1')!;
    const placeholder = backfill.diagnostics.find((d) => d.code === 'placeholder-kept')!;
    expect(placeholder.message).toContain("${sfn.JsonPath.stringAt('$.date')}");
    const job = run.jobs.find((j) => j.id === backfill.jobId)!;
    const loc = job.locations[placeholder.refs[0]!]!;
    expect([loc.file, loc.line]).toEqual([STACK, lineOf(STACK, "sfn.JsonPath.stringAt('$.date')")]);
  });
});

describe('ts-morph is loaded lazily', () => {
  // The real bundle's options: the packages it leaves external are the ones a run may import.
  it('is reached from the CLI bundle only through a dynamic import', async () => {
    // Inside node_modules so that the bundle's external imports resolve when it runs.
    const out = mkdtempSync(join('node_modules', '.emr2k8s-lazy-'));
    try {
      await build({ ...bundleOptions(out), sourcemap: false, logLevel: 'silent' });
      const importing = (file: string) => staticImports(readFileSync(file, 'utf8')).includes('ts-morph');
      expect(staticallyReachable(join(out, 'cli.js')).filter(importing)).toEqual([]);
      expect(readdirSync(out).filter((f) => f.endsWith('.js') && importing(join(out, f)))).toHaveLength(1);
      const target = join(out, 'k8s');
      execFileSync(process.execPath, [join(out, 'cli.js'), 'convert', APP, '--out', target], { stdio: 'pipe' });
      expect(existsSync(join(target, 'default', 'backfill-sessions.yaml'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
