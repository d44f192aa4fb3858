import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { refs } from '../model/emr-snapshot.js';
import { emrCliImporter } from './emr-cli/index.js';
import { importPaths } from './index.js';

const FIXTURES = fileURLToPath(new URL('./', import.meta.url));
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'emr2k8s-import-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function folder(name: string, files: Record<string, string | Buffer>): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) await writeFile(join(dir, file), content);
  return dir;
}

describe('a folder is one cluster', () => {
  it('merges describe-cluster, configurations, describe-step and list-steps, skipping hidden and non-EMR files', async () => {
    const dir = join(root, 'merge', 'j-2AXXXXXXGAPLF');
    await cp(join(FIXTURES, 'emr-cli/__fixtures__/j-2AXXXXXXGAPLF'), dir, { recursive: true });
    await writeFile(join(dir, '.DS_Store'), Buffer.from([0, 0, 0, 1, 66, 117, 100, 49]));
    const { snapshots, diagnostics } = await importPaths([dir]);

    expect(snapshots).toHaveLength(1);
    const s = snapshots[0]!;
    expect(s.source).toBe(dir);
    expect(s.importer).toBe('emr-cli');
    expect(s.cluster.releaseLabel).toBe('emr-6.15.0');
    expect(s.hasClusterContext).toBe(true);
    expect(s.configurations.map((c) => c.classification)).toEqual(['spark-defaults', 'spark-hive-site', 'spark-env']);
    expect(Object.keys(s.configurations[0]!.properties)).toEqual([
      'spark.executor.memory',
      'spark.sql.adaptive.enabled',
      'spark.executor.cores',
      'spark.dynamicAllocation.enabled',
    ]);
    // describe-step and list-steps hold the same step: it is kept once.
    expect(s.steps.map((step) => step.id)).toEqual(['s-1K4N2D6OZ8P9Q', 's-3VZ0XQ1B7TUMW']);
    expect(s.locations[refs.cluster('releaseLabel')]?.file).toBe(join(dir, 'describe-cluster.json'));
    expect(s.locations[refs.classification(['spark-defaults'], 'spark.executor.memory')]?.file).toBe(join(dir, 'configurations.json'));
    expect(diagnostics.map((d) => [d.code, d.severity, d.location?.file])).toEqual([
      ['skipped-file', 'info', join(dir, '.DS_Store')],
      ['skipped-file', 'info', join(dir, 'notes.txt')],
    ]);
  });

  it('reports a value two files disagree on, keeping the first file’s', async () => {
    const dir = await folder('conflict', {
      'a-cluster.json': '{"Cluster": {"Id": "j-1ABCDEFGHIJKL", "ReleaseLabel": "emr-6.15.0"}}',
      'b-request.json': '{\n  "Name": "etl",\n  "ReleaseLabel": "emr-7.1.0"\n}',
    });
    const { snapshots, diagnostics } = await importPaths([dir]);
    expect(snapshots[0]?.cluster).toMatchObject({ id: 'j-1ABCDEFGHIJKL', name: 'etl', releaseLabel: 'emr-6.15.0' });
    expect(snapshots[0]?.importer).toBe('emr-cli+run-job-flow');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'conflicting-input',
        severity: 'warning',
        location: expect.objectContaining({ file: join(dir, 'b-request.json'), line: 3, column: 19 }),
      }),
    ]);
  });

  it('numbers id-less steps across the files of a folder in file order', async () => {
    const dir = await folder('steps-only', {
      'a.json': '[{"Type": "Spark", "Args": ["a.py"]}, {"Type": "Spark", "Args": ["b.py"]}]',
      'b.txt': 'Type=Spark,Args=[c.py]\n',
    });
    const { snapshots } = await importPaths([dir]);
    expect(snapshots[0]?.steps.map((s) => [s.index, s.args[1]])).toEqual([
      [1, 'a.py'],
      [2, 'b.py'],
      [3, 'c.py'],
    ]);
    expect(snapshots[0]?.hasClusterContext).toBe(false);
  });

  it('a folder of folders is one cluster per sub-folder, sorted by source', async () => {
    const out = await folder('import-out', {});
    await folder('import-out/j-2BBBBBBBBBBBB', { 'describe-cluster.json': '{"Cluster": {"Id": "j-2BBBBBBBBBBBB", "ReleaseLabel": "emr-7.2.0"}}' });
    await folder('import-out/j-1AAAAAAAAAAAA', { 'list-steps.json': '{"Steps": []}', 'cluster.yaml': 'Name: a\nReleaseLabel: emr-6.9.0\n' });
    const { snapshots, diagnostics } = await importPaths([out]);
    expect(diagnostics).toEqual([]);
    expect(snapshots.map((s) => [s.source, s.cluster.releaseLabel])).toEqual([
      [join(out, 'j-1AAAAAAAAAAAA'), 'emr-6.9.0'],
      [join(out, 'j-2BBBBBBBBBBBB'), 'emr-7.2.0'],
    ]);
  });

  it('a folder without any EMR file is an error', async () => {
    const dir = await folder('no-emr', { 'README.md': '# Cluster exports\n\nRun the export script first.\n' });
    const { snapshots, diagnostics } = await importPaths([dir]);
    expect(snapshots).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['skipped-file', 'info'],
      ['no-emr-files', 'error'],
    ]);
  });
});

describe('bad input never stops the batch', () => {
  it('gives one error per bad file, with file:line:column, and imports the rest', async () => {
    const dir = await folder('bad', {
      'good.json': '[{"Type": "Spark", "Name": "keep-me", "Args": ["a.py"]}]',
      'truncated.json': '{\n  "Cluster": {\n    "Id": "j-2AXXXXXXGAPLF",\n    "Name": "nightly',
      'broken.yaml': 'Name: etl\nReleaseLabel: emr-7.1.0\n  Steps: [\n',
      'duplicate.yaml': 'Name: etl\nReleaseLabel: emr-7.1.0\nName: other\n',
      'empty.json': '  \n',
      'binary.bin': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      'bad-step.json': '[\n  {"Type": "Spark", "Args": ["x.py"]},\n  {"Type": "SPARK_SQL", "Args": ["q.sql"]}\n]',
    });
    await symlink(join(dir, 'gone.json'), join(dir, 'dangling.json'));
    const missing = join(root, 'does-not-exist');
    const alone = join(root, 'alone.json');
    await writeFile(alone, '{"hello": "world"}');

    const { snapshots, diagnostics } = await importPaths([missing, dir, alone]);

    expect(snapshots.map((s) => s.source)).toEqual([dir]);
    expect(snapshots[0]?.steps.map((s) => s.name)).toEqual(['Spark application', 'keep-me']);
    const lines = diagnostics.map((d) => [d.code, d.severity, d.message.split(': ')[0]]);
    expect(lines).toEqual([
      ['unrecognized-file', 'error', `${alone}:1:1`],
      ['invalid-step', 'error', `${join(dir, 'bad-step.json')}:3:12`],
      ['unrecognized-file', 'error', `${join(dir, 'binary.bin')}:1:1`],
      ['invalid-yaml', 'error', `${join(dir, 'broken.yaml')}:3:8`],
      ['unreadable-file', 'error', join(dir, 'dangling.json')],
      ['invalid-yaml', 'error', `${join(dir, 'duplicate.yaml')}:3:1`],
      ['empty-file', 'error', `${join(dir, 'empty.json')}:1:1`],
      ['invalid-json', 'error', `${join(dir, 'truncated.json')}:4:13`],
      ['missing-input', 'error', missing],
    ]);
    for (const d of diagnostics) {
      expect(d.message).not.toContain('\n');
      expect(d.hint).toBeTruthy();
      expect(d.location?.file).toBeTruthy();
    }
  });

  it('an importer defect on one file is a diagnostic, not a crash', async () => {
    const dir = await folder('defect', {
      'a.json': '{"Steps": []}',
      'b.json': '{"Name": "etl", "ReleaseLabel": "emr-7.1.0"}',
    });
    const spy = vi.spyOn(emrCliImporter, 'import').mockImplementation(() => {
      throw new Error('boom');
    });
    try {
      const { snapshots, diagnostics } = await importPaths([dir]);
      expect(snapshots[0]?.cluster.releaseLabel).toBe('emr-7.1.0');
      expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
        ['importer-failed', `${join(dir, 'a.json')}:1:1: the emr-cli importer failed: boom`],
      ]);
    } finally {
      spy.mockRestore();
    }
  });

  it('strips a UTF-8 BOM and accepts CRLF line ends', async () => {
    const dir = await folder('bom', {
      'cluster.json': '\uFEFF{\r\n  "Cluster": {\r\n    "Id": "j-2AXXXXXXGAPLF",\r\n    "ReleaseLabel": "emr-7.0.0"\r\n  }\r\n}\r\n',
    });
    const { snapshots, diagnostics } = await importPaths([join(dir, 'cluster.json')]);
    expect(diagnostics).toEqual([]);
    expect(snapshots[0]?.cluster.releaseLabel).toBe('emr-7.0.0');
    expect(snapshots[0]?.locations[refs.cluster('releaseLabel')]).toMatchObject({ line: 4, column: 21 });
  });
});

describe('determinism and scale', () => {
  it('gives the same result whatever the order of the paths', async () => {
    const a = join(FIXTURES, 'emr-cli/__fixtures__/steps.json');
    const b = join(FIXTURES, 'run-job-flow/__fixtures__/run-job-flow.json');
    const c = join(FIXTURES, 'emr-cli/__fixtures__/j-2AXXXXXXGAPLF');
    expect(await importPaths([c, b, a])).toEqual(await importPaths([a, b, c]));
  });

  it('imports 10,000 steps of one list-steps file', async () => {
    const steps = Array.from({ length: 10_000 }, (_, i) => ({
      Id: `s-${String(i).padStart(13, '0')}`,
      Name: `job-${i}`,
      Config: { Jar: 'command-runner.jar', Properties: {}, Args: ['spark-submit', '--deploy-mode', 'cluster', '--conf', `spark.app.id=${i}`, 's3://b/app.py'] },
      ActionOnFailure: 'CONTINUE',
      Status: { State: 'COMPLETED', Timeline: { CreationDateTime: 1714615320 + i } },
    }));
    const dir = await folder('big', { 'list-steps.json': JSON.stringify({ Steps: steps }, null, 4) });
    const { snapshots, diagnostics } = await importPaths([dir]);
    expect(diagnostics).toEqual([]);
    expect(snapshots[0]?.steps).toHaveLength(10_000);
    expect(snapshots[0]?.steps[9_999]).toMatchObject({ index: 10_000, name: 'job-9999', createdAt: '2024-05-02T04:48:39.000Z' });
  });
});
