import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, tempDir } from './support/run-cli.js';

/**
 * A reader that stops early (`emr2k8s … | head`) closes stdout. The CLI then exits quietly with
 * 141 (128 + SIGPIPE, as the shell reports a tool killed by SIGPIPE), with no stack trace, and
 * a conversion still writes its files whole (docs/reliability.md).
 */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    // Close our end at once: every write the CLI makes to stdout fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('stdout closed by its reader', () => {
  it('convert --format json: exit 141, no stack trace, the output written whole', async () => {
    const out = join(tempDir(), 'k8s');
    const run = await runWithClosedStdout(['convert', 'fixtures/nightly-etl/input', '--out', out, '--format', 'json']);
    expect(run.code, run.stderr).toBe(141);
    expect(run.stderr).not.toMatch(/EPIPE|^\s+at /m);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { jobs: Array<{ files: string[] }> };
    const files = report.jobs.flatMap((j) => j.files);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(existsSync(join(out, file)), file).toBe(true);
  }, 60_000);

  it('rules list: exit 141 and nothing on stderr', async () => {
    const run = await runWithClosedStdout(['rules', 'list']);
    expect(run.code).toBe(141);
    expect(run.stderr).toBe('');
  }, 60_000);
});
