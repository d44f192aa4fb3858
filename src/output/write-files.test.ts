import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EmittedFile } from '../emitters/emitted-file.js';
import { OutputWriter, STATE_FILE, writeOutput } from './write-files.js';

const roots: string[] = [];
function outDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'emr2k8s-write-'));
  roots.push(root);
  return join(root, 'k8s');
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const manifest = (name: string, memory = '9486m'): EmittedFile => ({
  path: `data-eng/${name}.yaml`,
  content: `apiVersion: sparkoperator.k8s.io/v1beta2\nkind: SparkApplication\nmetadata:\n  name: ${name}\nspec:\n  executor:\n    memory: ${memory}\n`,
  kind: 'manifest',
  jobId: `j-2AXXXXXXGAPLF/${name}`,
});
const report: EmittedFile = { path: 'report.md', content: '# emr2k8s conversion report\n', kind: 'report' };
const NORMAL = { check: false, force: false };
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

/** Push a file's mtime into the past, so that an unwanted rewrite would show. */
function age(path: string): number {
  const past = new Date('2025-06-01T00:00:00Z');
  utimesSync(path, past, past);
  return statSync(path).mtimeMs;
}

describe('writeOutput', () => {
  it('writes every file and records its hash, leaving no temporary folder behind', async () => {
    const out = outDir();
    const result = await writeOutput(out, [report, manifest('nightly-etl-orders')], NORMAL);
    expect(result).toEqual({ written: ['data-eng/nightly-etl-orders.yaml', 'report.md'], unchanged: [], drift: [], skippedEdited: [], removed: [] });
    expect(read(out, 'data-eng/nightly-etl-orders.yaml')).toBe(manifest('nightly-etl-orders').content);
    const state = JSON.parse(read(out, STATE_FILE));
    expect(Object.keys(state.files)).toEqual(['data-eng/nightly-etl-orders.yaml', 'report.md']);
    expect(state.files['report.md']).toMatch(/^[0-9a-f]{64}$/);
    expect(state.pending).toBeUndefined();
    expect(readdirSync(join(out, '..'))).toEqual(['k8s']);
  });

  it('leaves byte-identical files untouched on a re-run (mtime unchanged)', async () => {
    const out = outDir();
    const files = [report, manifest('nightly-etl-orders')];
    await writeOutput(out, files, NORMAL);
    const before = age(join(out, 'data-eng/nightly-etl-orders.yaml'));
    const stateBefore = age(join(out, STATE_FILE));
    const result = await writeOutput(out, files, NORMAL);
    expect(result.written).toEqual([]);
    expect(result.unchanged).toEqual(['data-eng/nightly-etl-orders.yaml', 'report.md']);
    expect(statSync(join(out, 'data-eng/nightly-etl-orders.yaml')).mtimeMs).toBe(before);
    expect(statSync(join(out, STATE_FILE)).mtimeMs).toBe(stateBefore);
  });

  it('rewrites a file it generated when the content changes', async () => {
    const out = outDir();
    await writeOutput(out, [manifest('nightly-etl-orders')], NORMAL);
    const result = await writeOutput(out, [manifest('nightly-etl-orders', '10240m')], NORMAL);
    expect(result.written).toEqual(['data-eng/nightly-etl-orders.yaml']);
    expect(read(out, 'data-eng/nightly-etl-orders.yaml')).toContain('10240m');
  });

  it('does not overwrite a file a person edited, unless forced', async () => {
    const out = outDir();
    await writeOutput(out, [manifest('nightly-etl-orders')], NORMAL);
    const edited = `${manifest('nightly-etl-orders').content}  # raised by hand after OOMKilled\n`;
    writeFileSync(join(out, 'data-eng/nightly-etl-orders.yaml'), edited);

    const kept = await writeOutput(out, [manifest('nightly-etl-orders', '10240m')], NORMAL);
    expect(kept.skippedEdited).toEqual(['data-eng/nightly-etl-orders.yaml']);
    expect(kept.written).toEqual([]);
    expect(read(out, 'data-eng/nightly-etl-orders.yaml')).toBe(edited);

    const forced = await writeOutput(out, [manifest('nightly-etl-orders', '10240m')], { check: false, force: true });
    expect(forced.written).toEqual(['data-eng/nightly-etl-orders.yaml']);
    expect(read(out, 'data-eng/nightly-etl-orders.yaml')).toContain('10240m');
  });

  it('treats an existing file it has no record of as a person\'s', async () => {
    const out = outDir();
    await writeOutput(out, [report], NORMAL);
    writeFileSync(join(out, 'notes.md'), 'my notes\n');
    const result = await writeOutput(out, [report, { path: 'notes.md', content: 'generated\n', kind: 'report' }], NORMAL);
    expect(result.skippedEdited).toEqual(['notes.md']);
    expect(read(out, 'notes.md')).toBe('my notes\n');
  });

  it('removes files it generated before that are no longer generated, but never edited ones', async () => {
    const out = outDir();
    await writeOutput(out, [report, manifest('nightly-etl-orders'), manifest('hourly-sessions'), { ...manifest('old-job'), path: 'old-ns/old-job.yaml' }], NORMAL);
    writeFileSync(join(out, 'data-eng/hourly-sessions.yaml'), 'edited by a person\n');
    const result = await writeOutput(out, [report, manifest('nightly-etl-orders')], NORMAL);
    expect(result.removed).toEqual(['old-ns/old-job.yaml']);
    expect(existsSync(join(out, 'old-ns'))).toBe(false);
    expect(read(out, 'data-eng/hourly-sessions.yaml')).toBe('edited by a person\n');
    expect(Object.keys(JSON.parse(read(out, STATE_FILE)).files)).toEqual(['data-eng/nightly-etl-orders.yaml', 'report.md']);
  });

  it('with check, writes nothing and lists what would change', async () => {
    const out = outDir();
    await writeOutput(out, [report, manifest('nightly-etl-orders'), manifest('old-job')], NORMAL);
    const stateBefore = read(out, STATE_FILE);
    const result = await writeOutput(out, [report, manifest('nightly-etl-orders', '10240m'), manifest('new-job')], { check: true, force: false });
    expect(result).toEqual({
      written: [],
      unchanged: ['report.md'],
      drift: ['data-eng/new-job.yaml', 'data-eng/nightly-etl-orders.yaml', 'data-eng/old-job.yaml'],
      skippedEdited: [],
      removed: [],
    });
    expect(read(out, 'data-eng/nightly-etl-orders.yaml')).toContain('9486m');
    expect(existsSync(join(out, 'data-eng/new-job.yaml'))).toBe(false);
    expect(read(out, STATE_FILE)).toBe(stateBefore);
  });

  it('with check on a missing folder, reports everything as drift and creates nothing', async () => {
    const out = outDir();
    const result = await writeOutput(out, [report], { check: true, force: false });
    expect(result.drift).toEqual(['report.md']);
    expect(existsSync(out)).toBe(false);
  });

  it('recognises files from an interrupted run through the pending record', async () => {
    const out = outDir();
    await writeOutput(out, [manifest('nightly-etl-orders')], NORMAL);
    const state = JSON.parse(read(out, STATE_FILE));
    // As left by a run stopped after recording the new hash but before renaming the file.
    writeFileSync(join(out, STATE_FILE), JSON.stringify({ schemaVersion: 1, files: { 'data-eng/nightly-etl-orders.yaml': 'f'.repeat(64) }, pending: state.files }));
    const result = await writeOutput(out, [manifest('nightly-etl-orders', '10240m')], NORMAL);
    expect(result.skippedEdited).toEqual([]);
    expect(result.written).toEqual(['data-eng/nightly-etl-orders.yaml']);
    expect(JSON.parse(read(out, STATE_FILE)).pending).toBeUndefined();
  });

  it('refuses paths that leave the output folder', async () => {
    const out = outDir();
    for (const path of ['../escape.yaml', '/etc/passwd', 'a/../../b.yaml', 'a\\b.yaml', STATE_FILE]) {
      await expect(writeOutput(out, [{ ...report, path }], NORMAL)).rejects.toThrow(/not a plain relative path/);
    }
    expect(existsSync(out)).toBe(false);
  });
});

describe('interruptWrites', () => {
  it('stops a write while staging: the previous output stays byte-identical and no temporary folder remains', async () => {
    // The interrupt lasts for the process (the CLI exits after it): a fresh module instance keeps it out of the other tests.
    vi.resetModules();
    const fresh = await import('./write-files.js');
    const out = outDir();
    const before = [report, manifest('nightly-etl-orders')];
    await fresh.writeOutput(out, before, NORMAL);
    const stateBefore = read(out, STATE_FILE);

    const many = Array.from({ length: 200 }, (_, i) => manifest(`job-${String(i).padStart(3, '0')}`, '10240m'));
    const write = fresh.writeOutput(out, [report, manifest('nightly-etl-orders', '10240m'), ...many], NORMAL);
    await fresh.interruptWrites();
    await expect(write).rejects.toBeInstanceOf(fresh.WriteInterruptedError);

    expect(read(out, 'data-eng/nightly-etl-orders.yaml')).toBe(before[1]?.content);
    expect(read(out, STATE_FILE)).toBe(stateBefore);
    expect(readdirSync(join(out, 'data-eng'))).toEqual(['nightly-etl-orders.yaml']);
    expect(readdirSync(join(out, '..'))).toEqual(['k8s']);
    // And no later write starts.
    await expect(fresh.writeOutput(out, before, NORMAL)).rejects.toThrow(/interrupted/);
  });
});

describe('OutputWriter.addStreamed', () => {
  const pieces = (text: string) => () => text.match(/[\s\S]{1,7}/g) ?? [];

  it('writes a file given in pieces, records its hash, and leaves it untouched when the same pieces come again', async () => {
    const out = outDir();
    const text = '{\n  "jobs": [\n    1,\n    2\n  ]\n}\n';
    const first = OutputWriter.open(out, NORMAL);
    first.addStreamed({ path: 'report.json', kind: 'report', pieces: pieces(text) });
    first.add(report);
    expect((await first.finish()).written).toEqual(['report.json', 'report.md']);
    expect(read(out, 'report.json')).toBe(text);
    const before = age(join(out, 'report.json'));
    const again = OutputWriter.open(out, NORMAL);
    again.addStreamed({ path: 'report.json', kind: 'report', pieces: pieces(text) });
    again.add(report);
    const result = await again.finish();
    expect(result.unchanged).toEqual(['report.json', 'report.md']);
    expect(statSync(join(out, 'report.json')).mtimeMs).toBe(before);
    expect(JSON.parse(read(out, STATE_FILE)).files['report.json']).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('keeps a hand-edited streamed file without --force and reports drift under --check', async () => {
    const out = outDir();
    const w = OutputWriter.open(out, NORMAL);
    w.addStreamed({ path: 'report.json', kind: 'report', pieces: pieces('{}\n') });
    await w.finish();
    writeFileSync(join(out, 'report.json'), '{"edited": true}\n');
    const edited = OutputWriter.open(out, NORMAL);
    edited.addStreamed({ path: 'report.json', kind: 'report', pieces: pieces('{"new": 1}\n') });
    expect((await edited.finish()).skippedEdited).toEqual(['report.json']);
    expect(read(out, 'report.json')).toBe('{"edited": true}\n');
    const check = OutputWriter.open(out, { check: true, force: false });
    check.addStreamed({ path: 'report.json', kind: 'report', pieces: pieces('{"new": 1}\n') });
    expect((await check.finish()).drift).toEqual(['report.json']);
    expect(readdirSync(join(out, '..'))).toEqual(['k8s']);
  });
});
