import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, tempDir } from './support/run-cli.js';

/**
 * The bad-input corpus (issue 6): every case in test/bad-inputs/<case>/ (input plus
 * expect.json) and every case generated below (files too big to commit, links, pipes and
 * permissions) goes through the built binary on its own and all together with a good export.
 * Each must end in time, within a bounded heap, with its documented exit code, a one-line error
 * naming the file, and no stack trace. See test/bad-inputs/README.md.
 */

const CORPUS = join(ROOT, 'test', 'bad-inputs');
const GOOD = 'fixtures/nightly-etl/input';
/** Time one run may take before it counts as hung. */
const TIMEOUT_MS = 20_000;
/** V8 heap cap: a run that needs more crashes, and the test sees that crash. */
const HEAP_MB = 512;

interface Expectation {
  /** The path given to `convert`, relative to the case folder (or absolute for generated cases). */
  path: string;
  exit: 0 | 1 | 2;
  /** A regular expression matched against stderr plus the JSON output's findings, one per line. */
  stderr: string;
  note: string;
}

interface Case extends Expectation {
  name: string;
  /** The path as given on the command line (relative to the repository root). */
  arg: string;
}

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stderr, then each batch finding, job and job finding of the JSON output as one line. */
  lines: string[];
}

interface Finding {
  severity: string;
  code: string;
  message: string;
  location?: { file?: string; line?: number };
}

/** Like the text output's line; a finding whose message does not name its file gets it appended. */
function findingLine(d: Finding): string {
  const file = d.location?.file;
  const where = file && !d.message.includes(file) ? ` (at ${file}${d.location?.line ? `:${d.location.line}` : ''})` : '';
  return `${d.severity} ${d.code} ${d.message}${where}`;
}

function convert(args: string[], out: string, timeout = TIMEOUT_MS): Run {
  const result = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, CLI, 'convert', ...args, '--out', out, '--format', 'json'], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout,
    // SIGKILL: a hung run must not outlive the test, whatever its signal handlers do.
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = result.stderr.split('\n').filter(Boolean);
  if (result.stdout.trim().startsWith('{')) {
    const json = JSON.parse(result.stdout) as {
      diagnostics: Finding[];
      jobs: Array<{ id: string; status: string; step: { name: string }; diagnostics: Finding[] }>;
    };
    for (const d of json.diagnostics) lines.push(findingLine(d));
    for (const job of json.jobs) {
      lines.push(`${job.status} ${job.id} "${job.step.name}"`);
      for (const d of job.diagnostics) lines.push(findingLine(d));
    }
  }
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr, lines };
}

function committedCases(): Case[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const expectation = JSON.parse(readFileSync(join(CORPUS, e.name, 'expect.json'), 'utf8')) as Expectation;
      return { ...expectation, name: e.name, arg: relative(ROOT, join(CORPUS, e.name, expectation.path)) };
    });
}

const committed = committedCases();
const work = tempDir('emr2k8s-bad-inputs-');
const generated: Case[] = [];

/** Writes `size` bytes made by repeating `chunk`, without holding them all in memory. */
function writeRepeated(file: string, head: string, chunk: Buffer, size: number, tail = ''): void {
  const fd = openSync(file, 'w');
  writeSync(fd, head);
  for (let written = 0; written < size; written += chunk.length) writeSync(fd, chunk);
  writeSync(fd, tail);
  closeSync(fd);
}

const VALID_STEPS = JSON.stringify([{ Type: 'Spark', Name: 'readable', Args: ['--deploy-mode', 'cluster', 's3://bucket/jobs/readable.py'] }]);

/** Cases that cannot be committed: big files, links, pipes, empty folders and permissions. */
function generateCases(): void {
  const add = (name: string, path: string, exit: 0 | 1 | 2, stderr: string, note: string) =>
    generated.push({ name, path, arg: relative(ROOT, path), exit, stderr, note });
  const at = (name: string) => join(work, name);

  mkdirSync(at('empty-folder'));
  add('empty-folder', at('empty-folder'), 2, 'error no-emr-files \\S*empty-folder: the folder holds no EMR export', 'nothing in it');

  mkdirSync(at('folder-of-empty-folders/j-1'), { recursive: true });
  mkdirSync(at('folder-of-empty-folders/j-2'));
  add('folder-of-empty-folders', at('folder-of-empty-folders'), 2, 'error no-emr-files \\S*folder-of-empty-folders/j-2: the folder holds no EMR export', 'one cluster per sub-folder, each empty');

  // 50 MB: a list-steps export of 48,000 steps cut off before its end.
  const step = (i: number) => `{"Id":"s-${i}","Name":"job-${i % 50}","Status":{"State":"COMPLETED"},"ActionOnFailure":"CONTINUE","Config":{"Jar":"command-runner.jar","Properties":{},"Args":["spark-submit","s3://b/x.py","--note","${'x'.repeat(1000)}"]}},`;
  writeRepeated(at('huge-truncated-list-steps.json'), '{"Steps":[', Buffer.from(step(1)), 50 * 1024 * 1024);
  add('huge-truncated-list-steps', at('huge-truncated-list-steps.json'), 2, 'invalid-json \\S*huge-truncated-list-steps\\.json:1:\\d+: invalid JSON: unexpected end of input', '50 MB cut off mid-export');

  // One 50 MB argument: js-yaml's style checks overflowed the stack on it and ended the whole run.
  writeRepeated(at('huge-step-argument.json'), '[{"Type":"Spark","Name":"huge-argument","Args":["s3://b/x.py","', Buffer.from('0123456789abcdef'.repeat(64)), 50 * 1024 * 1024, '"]}]');
  add('huge-step-argument', at('huge-step-argument.json'), 0, 'converted \\S*huge-step-argument\\.json/step-1 "huge-argument"', 'one 50 MB argument: written double-quoted, the run goes on');

  writeRepeated(at('huge-binary.json'), '', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)), 50 * 1024 * 1024);
  add('huge-binary', at('huge-binary.json'), 2, 'unrecognized-file \\S*huge-binary\\.json:1:1: binary content', '50 MB of bytes: sniffed, not parsed');

  // Input limits (docs/reliability.md "Input limits"): each file is refused in one line, in seconds.
  writeRepeated(at('huge-list.yaml'), 'Name: huge\nSteps:\n', Buffer.from('  - s-1234567\n'.repeat(1000)), 4_500_000 * 13);
  add('huge-yaml-list', at('huge-list.yaml'), 2, 'input-too-large \\S*huge-list\\.yaml:1:1: YAML over 4 MiB \\(5\\d\\.\\d MiB\\); YAML input is limited to 4 MiB', '4.5 million list items in 58 MB of YAML: took 4.4 GB and 170 s before the limit');

  writeFileSync(at('many-values.yaml'), `Name: many\nSteps: [${'1,'.repeat(1_100_000)}1]\n`);
  add('many-values-yaml', at('many-values.yaml'), 2, 'input-too-large \\S*many-values\\.yaml:2:\\d+: more than 1,000,000 YAML values', 'a flow list of 1.1 million numbers in 2.1 MiB of YAML');

  writeFileSync(at('many-values.json'), `{"Steps":[${'0,'.repeat(1_100_000)}0]}`);
  add('many-values-json', at('many-values.json'), 2, 'input-too-large \\S*many-values\\.json:1:\\d+: more than 1,000,000 JSON values', 'a list of 1.1 million numbers');

  // Sparse: 200 MB on paper, no disk used; refused on its size before it is read.
  const sparse = openSync(at('over-size-limit.json'), 'w');
  ftruncateSync(sparse, 200 * 1024 * 1024);
  closeSync(sparse);
  add('over-size-limit', at('over-size-limit.json'), 2, 'input-too-large \\S*over-size-limit\\.json:1:1: the file is 200 MiB; input files are limited to 128 MiB', 'a file over the size limit is not read');

  writeFileSync(at('deeply-nested.json'), '{"Steps":' + '['.repeat(1_000_000) + ']'.repeat(1_000_000) + '}');
  add('deeply-nested-json', at('deeply-nested.json'), 2, 'invalid-json \\S*deeply-nested\\.json:1:\\d+: invalid JSON: too deeply nested', 'a million nested lists: refused before the stack overflows');

  writeFileSync(at('deeply-nested.yaml'), 'Name: x\nSteps: ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n');
  add('deeply-nested-yaml', at('deeply-nested.yaml'), 2, 'invalid-yaml \\S*deeply-nested\\.yaml:2:\\d+: invalid YAML: nesting exceeded', 'YAML flow lists nested 100,000 deep');

  symlinkSync('loop-b.json', at('loop-a.json'));
  symlinkSync('loop-a.json', at('loop-b.json'));
  add('symlink-loop', at('loop-a.json'), 2, 'unreadable-file \\S*loop-a\\.json: cannot read it \\(ELOOP\\)', 'two links pointing at each other');

  mkdirSync(at('folder-with-link-loops'));
  symlinkSync('self.json', at('folder-with-link-loops/self.json'));
  symlinkSync('.', at('folder-with-link-loops/here'));
  add('folder-with-link-loops', at('folder-with-link-loops'), 2, 'unreadable-file \\S*folder-with-link-loops/self\\.json: cannot read the file \\(ELOOP\\)', 'a link to itself, and a link to its own folder that is not followed');

  symlinkSync('nowhere.json', at('dangling.json'));
  add('dangling-symlink', at('dangling.json'), 2, 'missing-input \\S*dangling\\.json: no such file or folder', 'a link whose target is gone');

  spawnSync('mkfifo', [at('named-pipe.json')]);
  if (existsSync(at('named-pipe.json'))) {
    add('named-pipe', at('named-pipe.json'), 2, 'unreadable-file \\S*named-pipe\\.json: not a regular file or folder', 'reading a pipe nobody writes to would block forever');
  }

  // chmod 000 does not stop root (CI containers often run as root): probe which applies here.
  writeFileSync(at('unreadable.json'), VALID_STEPS);
  chmodSync(at('unreadable.json'), 0);
  mkdirSync(at('unreadable-folder'));
  writeFileSync(at('unreadable-folder/steps.json'), VALID_STEPS);
  chmodSync(at('unreadable-folder'), 0);
  let privileged = true;
  try {
    readFileSync(at('unreadable.json'));
  } catch {
    privileged = false;
  }
  if (privileged) {
    add('unreadable-file', at('unreadable.json'), 0, 'converted \\S*unreadable\\.json/step-1 "readable"', 'running as root: permissions do not stop reading, so the file converts');
    add('unreadable-folder', at('unreadable-folder'), 0, 'converted \\S*unreadable-folder/step-1 "readable"', 'running as root: the folder is read as usual');
  } else {
    add('unreadable-file', at('unreadable.json'), 2, 'unreadable-file \\S*unreadable\\.json: cannot read the file \\(EACCES\\)', 'chmod 000');
    add('unreadable-folder', at('unreadable-folder'), 2, 'unreadable-file \\S*unreadable-folder: cannot read the folder \\(EACCES\\)', 'chmod 000 on the folder');
  }
}

function assertWellBehaved(run: Run, label: string): void {
  expect(run.signal, `${label}: killed (hung past ${TIMEOUT_MS} ms or out of memory)`).toBeNull();
  expect(run.stderr, `${label}: stack trace on stderr`).not.toMatch(/^\s+at /m);
  expect(run.stderr, `${label}: internal error`).not.toMatch(/internal error|RangeError|TypeError|FATAL ERROR/);
  for (const line of run.lines) expect(line.length, `${label}: a finding longer than one reasonable line`).toBeLessThan(2000);
}

beforeAll(generateCases);
afterAll(() => {
  // Restore permissions so the temporary folder can be removed by the OS or the next run.
  for (const p of ['unreadable.json', 'unreadable-folder']) if (existsSync(join(work, p))) chmodSync(join(work, p), 0o755);
});

describe('the bad-input corpus', () => {
  it('has at least 40 committed cases, each small', () => {
    expect(committed.length).toBeGreaterThanOrEqual(40);
    for (const c of committed) {
      for (const file of readdirSync(join(CORPUS, c.name, 'input'))) {
        expect(readFileSync(join(CORPUS, c.name, 'input', file)).length, `${c.name}/${file}`).toBeLessThan(50 * 1024);
      }
    }
  });

  it.each(committed.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    checkCase(c);
  });

  it('generated cases (big files, links, pipes, permissions)', () => {
    expect(generated.length).toBeGreaterThanOrEqual(10);
    for (const c of generated) checkCase(c);
  }, 240_000);

  it('writes the 50 MB argument whole into the manifest', () => {
    const out = join(work, 'out', 'huge-step-argument');
    const manifest = readdirSync(out, { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('huge-argument.yaml'));
    expect(manifest, 'no manifest written').toBeDefined();
    const app = load(readFileSync(join(out, manifest as string), 'utf8')) as { spec: { arguments: string[] } };
    const argument = app.spec.arguments.at(-1) as string;
    expect(argument.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    expect(argument.replaceAll('0123456789abcdef', '')).toBe('');
  }, 60_000);

  it('a run with every bad case still converts the good export beside them', () => {
    const out = join(work, 'combined-out');
    const cases = [...committed, ...generated];
    const run = convert([GOOD, ...cases.map((c) => c.arg)], out, 120_000);
    assertWellBehaved(run, 'combined run');
    // Some input could not be converted: exit 1 (README "Commands"), not 2 — the good input was read.
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { jobs: Array<{ cluster: string; status: string; files: string[] }> };
    const good = report.jobs.filter((j) => j.cluster === 'j-2AXXXXXXGAPLF');
    expect(good.map((j) => j.status)).toEqual(['converted', 'converted']);
    for (const file of good.flatMap((j) => j.files)) expect(existsSync(join(out, file)), file).toBe(true);
    // Every case that fails alone is named in the combined run too.
    for (const c of cases.filter((x) => x.exit !== 0)) {
      expect(run.lines.some((l) => l.includes(c.arg)), `${c.name} is not named in the combined run`).toBe(true);
    }
  }, 180_000);
});

function checkCase(c: Case): void {
  const run = convert([c.arg], join(work, 'out', c.name));
  const label = `${c.name} (${c.note})`;
  assertWellBehaved(run, label);
  expect(run.status, `${label}\n${run.lines.join('\n')}`).toBe(c.exit);
  const text = run.lines.join('\n');
  expect(text, label).toMatch(new RegExp(c.stderr, 'm'));
  if (c.exit !== 0) {
    expect(run.lines.some((l) => l.includes(c.arg)), `${label}: no finding names ${c.arg}`).toBe(true);
  }
  if (c.exit === 2) expect(run.stderr).toMatch(/^error: no readable EMR input in the given paths/m);
}
