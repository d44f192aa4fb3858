import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli, tempDir } from './support/run-cli.js';
import { treeHashes } from './support/tree-hashes.js';

/**
 * An interrupted `convert` (SIGINT or SIGTERM) exits 130 and leaves the previous output
 * byte-identical, with no temporary files (DESIGN §5, issue 6). The input is large enough
 * (300 clusters, 600 jobs, about 1,200 files per target) that the run lasts a few seconds
 * and the signal can land while files are being staged.
 */
const CLUSTERS = 300;
const FIXTURE = join(ROOT, 'fixtures', 'nightly-etl', 'input');
/** The interrupted run writes more than the previous one, so every file it would touch differs. */
const MORE_TARGETS = ['--target', 'spark-operator', '--target', 'spark-submit'];

let root: string;
let inputs: string[];
let out: string;
let previous: Map<string, string>;

/** Temporary folders of the writer: created next to the output folder. */
function tempFolders(): string[] {
  return readdirSync(root).filter((name) => name.startsWith('.emr2k8s-tmp-'));
}

/** Bytes the process has read so far (Linux `/proc/<pid>/io`, rchar); 0 once it is gone. */
function bytesRead(pid: number | undefined): number {
  try {
    return Number(/^rchar: (\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Runs convert, sends `signal` when `when(pid)` first holds (polled every millisecond), resolves with the exit. */
function convertAndInterrupt(
  signal: NodeJS.Signals,
  when: (pid: number | undefined) => boolean,
  extraInputs: string[] = [],
  env: Record<string, string> = {},
): Promise<{ code: number | null; signalled: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'convert', ...inputs, ...extraInputs, '--out', out, ...MORE_TARGETS], { cwd: root, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stderr = '';
    let signalled = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.resume();
    const poll = setInterval(() => {
      if (!signalled && when(child.pid)) {
        signalled = true;
        child.kill(signal);
      }
    }, 1);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, signalled, stderr });
    });
  });
}

beforeAll(() => {
  root = tempDir('emr2k8s-interrupt-');
  const describeCluster = readFileSync(join(FIXTURE, 'describe-cluster.json'), 'utf8');
  inputs = [];
  for (let i = 1; i <= CLUSTERS; i++) {
    const dir = join(root, 'input', `cluster-${String(i).padStart(3, '0')}`);
    mkdirSync(dir, { recursive: true });
    // Distinct cluster ids and names, so that every cluster's jobs get files of their own.
    writeFileSync(join(dir, 'describe-cluster.json'), describeCluster.replace(/"Id": "j-([A-Z0-9]+)"/, `"Id": "j-$1${i}"`).replace(/"Name": "([^"]+)"/, `"Name": "$1-${i}"`));
    writeFileSync(join(dir, 'list-steps.json'), readFileSync(join(FIXTURE, 'list-steps.json')));
    inputs.push(dir);
  }
  out = join(root, 'k8s');
  const first = runCli(['convert', ...inputs, '--out', out], { cwd: root });
  expect(first.status, first.stderr).toBe(0);
  previous = treeHashes(out);
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('interrupted convert', () => {
  it('starts from a real previous output', () => {
    expect([...previous.keys()].filter((p) => p.endsWith('.yaml')).length).toBeGreaterThan(2 * CLUSTERS);
    expect(previous.has('.emr2k8s-state.json')).toBe(true);
  });

  // Both writers (src/output/open-writer.ts chooses by steps and cores).
  it.each([
    ['the writer thread', { EMR2K8S_WRITE_THREAD: 'on' }],
    ['the writer in the main thread', { EMR2K8S_WRITE_THREAD: 'off' }],
  ])('SIGTERM while files are being staged by %s: exit 130, previous output byte-identical, no temporary files', async (_, env) => {
    const run = await convertAndInterrupt('SIGTERM', () => tempFolders().length > 0, [], env);
    expect(run.signalled, 'the writer never started staging').toBe(true);
    expect(run.code, run.stderr).toBe(130);
    expect(run.stderr).toContain('interrupted');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(treeHashes(out)).toEqual(previous);
    expect(tempFolders()).toEqual([]);
  }, 60_000);

  it('SIGINT while converting, before any write: exit 130, previous output byte-identical', async () => {
    const started = Date.now();
    const run = await convertAndInterrupt('SIGINT', () => Date.now() - started > 400);
    expect(run.signalled).toBe(true);
    expect(run.code, run.stderr).toBe(130);
    expect(treeHashes(out)).toEqual(previous);
    expect(tempFolders()).toEqual([]);
  }, 60_000);

  it('SIGTERM while one large file is parsed (the event loop is blocked): exit 130 once the parse ends, previous output byte-identical', async () => {
    // Two files of 990,000 values (22 MB each) in one folder: parsed one after the other in one
    // synchronous step of a few seconds, during which Node cannot run the signal handler.
    const padding = join(root, 'padding');
    mkdirSync(padding, { recursive: true });
    const values = `{"Padding":[${'"0123456789abcdefghi",'.repeat(989_999)}"0"]}`;
    writeFileSync(join(padding, 'padding-1.json'), values);
    writeFileSync(join(padding, 'padding-2.json'), values);
    // Both read, and no byte read for 50 ms since: the process is inside the synchronous parse.
    let seen = { bytes: 0, at: Date.now() };
    const parsing = (pid: number | undefined) => {
      const bytes = bytesRead(pid);
      if (bytes !== seen.bytes) seen = { bytes, at: Date.now() };
      return bytes > 2 * values.length && Date.now() - seen.at >= 50;
    };
    const run = await convertAndInterrupt('SIGTERM', parsing, [padding]);
    rmSync(padding, { recursive: true });
    expect(run.signalled, 'the process never read the padding files').toBe(true);
    expect(run.code, run.stderr).toBe(130);
    expect(run.stderr).toContain('error: interrupted; no output file was half-written');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(treeHashes(out)).toEqual(previous);
    expect(tempFolders()).toEqual([]);
  }, 60_000);

  it('--check changes nothing on disk, even with drift', () => {
    const mtimes = [...previous.keys()].map((p) => statSync(join(out, p)).mtimeMs);
    const check = runCli(['convert', ...inputs, '--out', out, ...MORE_TARGETS, '--check'], { cwd: root });
    expect(check.status, check.stderr.slice(-500)).toBe(1);
    const drift = /(\d+) files would change\./.exec(check.stdout);
    expect(Number(drift?.[1])).toBeGreaterThan(CLUSTERS);
    expect(treeHashes(out)).toEqual(previous);
    expect([...previous.keys()].map((p) => statSync(join(out, p)).mtimeMs)).toEqual(mtimes);
    expect(tempFolders()).toEqual([]);
  }, 60_000);

  it('an uninterrupted run afterwards writes the new output and cleans up', () => {
    const full = runCli(['convert', ...inputs, '--out', out, ...MORE_TARGETS], { cwd: root });
    expect(full.status, full.stderr).toBe(0);
    const after = treeHashes(out);
    expect([...after.keys()].some((p) => p.startsWith('spark-submit/'))).toBe(true);
    expect(after).not.toEqual(previous);
    expect(tempFolders()).toEqual([]);
  }, 60_000);
});
