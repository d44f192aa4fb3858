import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFleet, writeFleet } from '../bench/fleet-generator.mjs';
import type { EmrSnapshot } from '../src/model/emr-snapshot.js';
import { wantsWriterThread, WRITER_THREAD_MIN_CORES, WRITER_THREAD_MIN_STEPS } from '../src/output/open-writer.js';
import { ThreadedOutputWriter } from '../src/output/threaded-writer.js';
import { OutputWriter, type FileWriter } from '../src/output/write-files.js';
import { treeHashes } from './support/tree-hashes.js';
import { runCli, tempDir } from './support/run-cli.js';

/**
 * Large conversions stage their files in a writer thread (src/output/threaded-writer.ts).
 * Through the built binary, the thread must write exactly what the in-thread writer writes and
 * keep every guarantee of the writer: re-runs touch nothing, hand edits survive, --check writes
 * nothing, and a write error is one line with exit 2 and no temporary folder left.
 */
const THREAD = { EMR2K8S_WRITE_THREAD: 'on' };
const IN_THREAD = { EMR2K8S_WRITE_THREAD: 'off' };

let root: string;
let input: string;

function mtimes(dir: string, paths: Iterable<string>): number[] {
  return [...paths].map((p) => statSync(join(dir, p)).mtimeMs);
}

function tempFolders(): string[] {
  return readdirSync(root).filter((name) => name.startsWith('.emr2k8s-tmp-'));
}

beforeAll(() => {
  root = tempDir('emr2k8s-threaded-');
  input = join(root, 'fleet');
  // 24 clusters × 20 steps = 480 steps (168 jobs), over the step threshold.
  writeFleet(input, generateFleet({ clusters: 24, steps: 20, seed: 7 }));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the writer thread', () => {
  it('writes byte for byte what the in-thread writer writes, state file included', () => {
    const threaded = runCli(['convert', input, '--out', 'threaded', '--format', 'json'], { cwd: root, env: THREAD });
    const plain = runCli(['convert', input, '--out', 'plain', '--format', 'json'], { cwd: root, env: IN_THREAD });
    expect(threaded.status, threaded.stderr.slice(-500)).toBe(0);
    expect(plain.status, plain.stderr.slice(-500)).toBe(0);
    const written = treeHashes(join(root, 'threaded'));
    expect([...written.keys()].filter((p) => p.endsWith('.provenance.json')).length).toBeGreaterThan(150);
    expect(written.has('.emr2k8s-state.json')).toBe(true);
    expect(written).toEqual(treeHashes(join(root, 'plain')));
    // The stdout documents differ only in where the output went.
    expect(JSON.parse(threaded.stdout)).toEqual({ ...JSON.parse(plain.stdout), outDir: 'threaded' });
    expect(tempFolders()).toEqual([]);
  });

  it('leaves every file untouched on a re-run', () => {
    const out = join(root, 'threaded');
    const before = treeHashes(out);
    const times = mtimes(out, before.keys());
    const again = runCli(['convert', input, '--out', 'threaded'], { cwd: root, env: THREAD });
    expect(again.status, again.stderr.slice(-500)).toBe(0);
    expect(treeHashes(out)).toEqual(before);
    expect(mtimes(out, before.keys())).toEqual(times);
  });

  it('keeps a hand-edited file without --force and replaces it with --force', () => {
    const out = join(root, 'threaded');
    const manifest = [...treeHashes(out).keys()].find((p) => p.endsWith('.yaml') && p.startsWith('default/')) as string;
    const generated = readFileSync(join(out, manifest), 'utf8');
    writeFileSync(join(out, manifest), `${generated}# tuned by hand\n`);
    const kept = runCli(['convert', input, '--out', 'threaded'], { cwd: root, env: THREAD });
    expect(kept.status).toBe(1);
    expect(kept.stderr).toContain(`warning edited-file threaded/${manifest}`);
    expect(readFileSync(join(out, manifest), 'utf8')).toBe(`${generated}# tuned by hand\n`);
    const forced = runCli(['convert', input, '--out', 'threaded', '--force'], { cwd: root, env: THREAD });
    expect(forced.status, forced.stderr.slice(-500)).toBe(0);
    expect(readFileSync(join(out, manifest), 'utf8')).toBe(generated);
  });

  it('with --check, lists the drift and changes nothing on disk', () => {
    const out = join(root, 'threaded');
    const before = treeHashes(out);
    const times = mtimes(out, before.keys());
    const check = runCli(['convert', input, '--out', 'threaded', '--check', '--target', 'spark-submit'], { cwd: root, env: THREAD });
    expect(check.status).toBe(1);
    expect(Number(/(\d+) files would change\./.exec(check.stdout)?.[1])).toBeGreaterThan(100);
    expect(treeHashes(out)).toEqual(before);
    expect(mtimes(out, before.keys())).toEqual(times);
    expect(tempFolders()).toEqual([]);
  });

  it('reports a write error as the in-thread writer does: one line, exit 2, no temporary folder left', () => {
    const manifest = [...treeHashes(join(root, 'plain')).keys()].find((p) => p.endsWith('.yaml') && p.startsWith('default/')) as string;
    const results = [THREAD, IN_THREAD].map((env) => {
      const broken = join(root, 'broken');
      rmSync(broken, { recursive: true, force: true });
      // A folder where a manifest goes: reading it back fails (EISDIR) while files are staged.
      mkdirSync(join(broken, 'out', manifest), { recursive: true });
      const run = runCli(['convert', input, '--out', 'broken/out'], { cwd: root, env });
      return { status: run.status, stderr: run.stderr.split('\n').filter((l) => l.startsWith('error')), temps: readdirSync(broken).filter((n) => n.startsWith('.emr2k8s-tmp-')) };
    });
    const [threaded, plain] = results;
    expect(threaded?.status).toBe(2);
    // The machine's trouble, told as such: the file, what is wrong, a hint; not an internal error.
    expect(threaded?.stderr).toEqual([
      `error: ${join(root, 'broken', 'out', manifest)}: a folder is where a file must be (EISDIR on read) (hint: check the permissions and free space of the output folder, or choose another with --out)`,
    ]);
    expect(threaded?.temps).toEqual([]);
    expect(threaded).toEqual(plain);
  });
});

describe('ThreadedOutputWriter', () => {
  // The text crosses to the thread as UTF-8 in batches: characters of every width, a lone
  // surrogate (written as U+FFFD by both writers), and files larger than a batch must come out
  // as the in-thread writer writes them.
  const texts = {
    'wide.yaml': 'name: caf\u00e9 \u00a7 \u2192 \ud834\udd1e \ud800 end\n',
    'large.md': `${'\u2013 line of text\n'.repeat(200_000)}`,
    'ascii.json': '{"a": 1}\n',
  };
  const streamed = ['head \u00a7\n', 'x'.repeat(3 << 20), '\ud83d\ude80 tail\n'];

  async function writeAll(writer: FileWriter): Promise<void> {
    for (const [path, content] of Object.entries(texts)) writer.add({ path, kind: 'report', content });
    writer.addStreamed({ path: 'streamed.txt', kind: 'report', pieces: () => streamed.values() });
    await writer.finish();
  }

  it('writes the same bytes as the in-thread writer, whatever the characters and sizes', async () => {
    const threadUrl = new URL('../dist/stage-thread.js', import.meta.url);
    await writeAll(ThreadedOutputWriter.open(join(root, 'bytes-thread'), { check: false, force: false }, threadUrl));
    await writeAll(OutputWriter.open(join(root, 'bytes-plain'), { check: false, force: false }));
    const written = treeHashes(join(root, 'bytes-thread'));
    expect(written).toEqual(treeHashes(join(root, 'bytes-plain')));
    expect(readFileSync(join(root, 'bytes-thread', 'wide.yaml'), 'utf8')).toBe('name: caf\u00e9 \u00a7 \u2192 \ud834\udd1e \ufffd end\n');
    expect(readFileSync(join(root, 'bytes-thread', 'streamed.txt')).length).toBe(Buffer.byteLength(streamed.join('')));
  });
});

describe('wantsWriterThread', () => {
  const withSteps = (n: number) => [{ steps: Array.from({ length: n }) }] as unknown as EmrSnapshot[];

  it('starts the thread from the step threshold on with enough cores, unless forced either way', () => {
    const cores = WRITER_THREAD_MIN_CORES;
    expect(wantsWriterThread(withSteps(WRITER_THREAD_MIN_STEPS - 1), {}, cores)).toBe(false);
    expect(wantsWriterThread(withSteps(WRITER_THREAD_MIN_STEPS), {}, cores)).toBe(true);
    expect(wantsWriterThread(withSteps(WRITER_THREAD_MIN_STEPS), {}, cores - 1)).toBe(false);
    expect(wantsWriterThread(withSteps(1), { EMR2K8S_WRITE_THREAD: 'on' }, 1)).toBe(true);
    expect(wantsWriterThread(withSteps(10_000), { EMR2K8S_WRITE_THREAD: 'off' }, 64)).toBe(false);
    expect(wantsWriterThread(withSteps(10_000), { EMR2K8S_WRITE_THREAD: 'maybe' }, cores)).toBe(true);
  });
});
