import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump, load, loadAll } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './support/run-cli.js';

const NIGHTLY = join(ROOT, 'fixtures', 'nightly-etl', 'input');
const RETUNED = join(ROOT, 'fixtures', 'diff', 'nightly-etl-retuned');

type Json = Record<string, unknown>;

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFilesUnder(path);
    return name.endsWith('.yaml') ? [path] : [];
  });
}

/** Two independent conversions of the same input, as two runs of the tool would give. */
function convertTwice(): { a: string; b: string } {
  const a = join(tempDir(), 'k8s');
  const b = join(tempDir(), 'k8s');
  for (const out of [a, b]) expect(runCli(['convert', NIGHTLY, '--out', out]).status).toBe(0);
  return { a, b };
}

/** The same value with every mapping's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
}

/** `4096m` as `4g` when whole GiB, else as `4743M`: the same Spark size, spelled differently. */
function respell(memory: unknown): unknown {
  const m = /^(\d+)m$/.exec(String(memory));
  if (!m) return memory;
  const mib = Number(m[1]);
  return mib % 1024 === 0 ? `${mib / 1024}g` : `${mib}M`;
}

/**
 * Rewrites every manifest of a conversion the way another tool or a person might without
 * changing its meaning: all objects in one multi-document file, keys in another order,
 * 4-space indent, a comment, memory sizes in other units, numeric strings as numbers.
 * Returns how many memory values were respelled.
 */
function reformat(dir: string): number {
  let respelled = 0;
  const objects: Json[] = [];
  for (const file of yamlFilesUnder(dir).sort()) {
    for (const doc of loadAll(readFileSync(file, 'utf8')) as Array<Json & { kind: string }>) {
      if (doc.kind === 'SparkApplication') respelled += respellApplication(doc as unknown as { spec: Json & { sparkConf: Json } });
      objects.push(reverseKeys(doc) as Json);
    }
    rmSync(file);
  }
  const text = objects.map((o) => `# reformatted by hand\n${dump(o, { indent: 4 })}`).join('---\n');
  mkdirSync(join(dir, 'all'));
  writeFileSync(join(dir, 'all', 'manifests.yml'), text);
  return respelled;
}

/** Memory sizes in other units and numeric strings as numbers; returns how many sizes were respelled. */
function respellApplication(object: { spec: Json & { sparkConf: Json } }): number {
  let respelled = 0;
  for (const role of ['driver', 'executor'] as const) {
    const section = object.spec[role] as Json;
    for (const field of ['memory', 'memoryOverhead']) {
      const spelled = respell(section[field]);
      if (spelled !== section[field]) respelled += 1;
      section[field] = spelled;
    }
  }
  for (const [key, value] of Object.entries(object.spec.sparkConf)) {
    if (typeof value === 'string' && /^[1-9][0-9]*$/.test(value)) object.spec.sparkConf[key] = Number(value);
  }
  return respelled;
}

describe('emr2k8s diff on two real conversions', () => {
  let runs: { a: string; b: string };
  beforeAll(() => {
    runs = convertTwice();
  });

  it('finds nothing between two conversions of the same input, however reformatted', () => {
    expect(runCli(['diff', runs.a, runs.b])).toMatchObject({ status: 0, stdout: 'same: 6 objects, no differences\n', stderr: '' });
    const before = readFileSync(join(runs.b, 'default', 'daily-orders-etl.yaml'), 'utf8');
    const respelled = reformat(runs.b);
    const after = readFileSync(join(runs.b, 'all', 'manifests.yml'), 'utf8');
    expect(respelled).toBeGreaterThanOrEqual(4);
    expect(after).toMatch(/memory: \d+g\n/);
    expect(after).not.toContain(before.slice(0, 200));
    const run = runCli(['diff', runs.a, runs.b]);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toBe('same: 6 objects, no differences\n');
  });
});

describe('emr2k8s diff on a real change', () => {
  /** A fresh conversion, then the hand edits a reviewer would make. */
  function changedPair(): { old: string; new: string; oldMemory: string; oldPartitions: string } {
    const { a, b } = convertTwice();
    const daily = join(b, 'default', 'daily-orders-etl.yaml');
    const object = load(readFileSync(daily, 'utf8')) as { spec: { executor: Json; sparkConf: Json } };
    const oldMemory = String(object.spec.executor.memory);
    const oldPartitions = String(object.spec.sparkConf['spark.sql.shuffle.partitions']);
    const text = readFileSync(daily, 'utf8');
    const edited = text.replace(`    memory: ${oldMemory}\n`, '    memory: 64g\n').replace(`spark.sql.shuffle.partitions: '${oldPartitions}'`, "spark.sql.shuffle.partitions: '2400'");
    expect(edited.match(/64g|'2400'/g)).toHaveLength(2);
    writeFileSync(daily, edited);
    rmSync(join(b, 'default', 'customer-aggregates.yaml'));
    writeFileSync(join(b, 'default', 'weekly.yaml'), text.replace('name: daily-orders-etl\n', 'name: weekly-orders\n'));
    return { old: a, new: b, oldMemory, oldPartitions };
  }

  it('exits 1 and lists every changed path with old and new values', () => {
    const pair = changedPair();
    const run = runCli(['diff', pair.old, pair.new]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        '- SparkApplication default/customer-aggregates',
        '~ SparkApplication default/daily-orders-etl',
        `    spec.sparkConf["spark.sql.shuffle.partitions"]: "${pair.oldPartitions}" -> "2400"`,
        `    spec.executor.memory: "${pair.oldMemory}" -> "64g"`,
        '+ SparkApplication default/weekly-orders',
        '1 added, 1 removed, 1 changed, 4 unchanged',
        '',
      ].join('\n'),
    );
  });

  it('--format json gives the documented shape', () => {
    const pair = changedPair();
    const run = runCli(['diff', pair.old, pair.new, '--format', 'json']);
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout);
    const id = { apiVersion: 'sparkoperator.k8s.io/v1beta2', kind: 'SparkApplication', namespace: 'default' };
    expect(json).toEqual({
      schemaVersion: 1,
      same: false,
      added: [{ ...id, name: 'weekly-orders', file: join(pair.new, 'default', 'weekly.yaml') }],
      removed: [{ ...id, name: 'customer-aggregates', file: join(pair.old, 'default', 'customer-aggregates.yaml') }],
      changed: [
        {
          ...id,
          name: 'daily-orders-etl',
          oldFile: join(pair.old, 'default', 'daily-orders-etl.yaml'),
          newFile: join(pair.new, 'default', 'daily-orders-etl.yaml'),
          changes: [
            { path: 'spec.sparkConf["spark.sql.shuffle.partitions"]', old: pair.oldPartitions, new: '2400' },
            { path: 'spec.executor.memory', old: pair.oldMemory, new: '64g' },
          ],
        },
      ],
      unchanged: 4,
    });
    expect(Object.keys(json)).toEqual(['schemaVersion', 'same', 'added', 'removed', 'changed', 'unchanged']);
  });
});

describe('emr2k8s diff on the bundled fixture pair', () => {
  it('reads the folders relative to the working folder and reports the hand edits', () => {
    const run = runCli(['diff', 'old', 'new'], { cwd: RETUNED });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        '- SparkApplication default/customer-aggregates',
        '~ SparkApplication default/daily-orders-etl',
        '    spec.sparkConf["spark.sql.shuffle.partitions"]: "800" -> "1200"',
        '    spec.executor.memory: "16384m" -> "20g"',
        '+ SparkApplication default/weekly-orders-rollup',
        '1 added, 1 removed, 1 changed, 0 unchanged',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(runCli(['diff', 'new', 'new', '--format', 'json'], { cwd: RETUNED }).stdout)).toMatchObject({ same: true, unchanged: 2 });
  });
});

describe('emr2k8s diff trouble', () => {
  const good = join(RETUNED, 'old');

  function expectOneLineError(args: string[], pattern: RegExp): void {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }

  it('exits 2 for a missing path, naming it', () => {
    expectOneLineError(['diff', good, 'no/such/folder'], /^error: no\/such\/folder: no such file or folder/);
  });

  it('exits 2 for YAML that does not parse, naming the file and line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ok.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: etl\n');
    writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\ndata:\n  a: b: c\n');
    expectOneLineError(['diff', good, dir], new RegExp(`^error: ${join(dir, 'broken.yaml')}:9: not valid YAML: bad indentation`));
  });

  it('exits 2 for an object defined twice on one side, naming both files', () => {
    const dir = tempDir();
    const manifest = readFileSync(join(good, 'default', 'daily-orders-etl.yaml'), 'utf8');
    writeFileSync(join(dir, 'a.yaml'), manifest);
    writeFileSync(join(dir, 'b.yaml'), `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n---\n${manifest}`);
    expectOneLineError(['diff', dir, good], new RegExp(`daily-orders-etl .* is defined twice: ${join(dir, 'a.yaml')}:1 and ${join(dir, 'b.yaml')}:6`));
  });

  it('skips reports, provenance, Markdown and dotfiles, and says so when a side has no objects', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'README.md'), 'Diff notes: [unclosed\n');
    writeFileSync(join(dir, '.hidden.yaml'), 'not: [yaml\n');
    writeFileSync(join(dir, 'report.json'), '{"schemaVersion": 1}');
    const run = runCli(['diff', dir, good]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('2 added, 0 removed, 0 changed, 0 unchanged');
    expect(run.stderr).toBe(`note: ${dir} holds no Kubernetes objects (documents with apiVersion and kind)\n`);
  });
});
