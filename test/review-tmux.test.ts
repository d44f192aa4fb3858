import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli, tempDir } from './support/run-cli.js';
import { staticallyReachable, staticImports } from './support/bundle-imports.js';

/**
 * `emr2k8s review` in a real terminal: the built binary in a detached tmux session, driven
 * with `tmux send-keys` and read with `tmux capture-pane`, as a user at a keyboard would.
 * Ink renders nothing until exit under CI=true, hence `env -u CI` (toolchain.md).
 */

const SOCKET = `emr2k8s-review-${process.pid}-${randomBytes(4).toString('hex')}`;
const JOB = 'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q';
/** An SGR sequence that sets a foreground colour (30–38, 90–97), as `capture-pane -e` prints them. */
// eslint-disable-next-line no-control-regex
const SGR_COLOUR = /\x1b\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7])[;m]/;
let home: string;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, '-f', join(home, 'tmux.conf'), ...args], { encoding: 'utf8' });
}

/**
 * A session running `command` in the repository, `columns`×`rows`. Its exit status is printed
 * as `[exited N]`, and the pane then waits (until kill-server) so that its screen stays readable.
 */
function start(session: string, columns: number, rows: number, command: string): void {
  tmux('new-session', '-d', '-s', session, '-x', String(columns), '-y', String(rows), '-c', ROOT, `${command}; echo "[exited $?]"; sleep 600`);
}

const EXITED = /\[exited (\d+)\]/;

/** The exact session's pane: `=name:` never falls back to a window or session named alike. */
function target(session: string): string {
  return `=${session}:`;
}

function screen(session: string, ...flags: string[]): string {
  return tmux('capture-pane', '-p', ...flags, '-t', target(session));
}

/** The screen's rows, without the final line break. */
function rowsOf(text: string): string[] {
  return text.replace(/\n$/, '').split('\n');
}

/** Polls the screen until `expected` shows (a timeout, not a fixed sleep); returns that screen. */
async function waitFor(session: string, expected: string | RegExp | ((text: string) => boolean), timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const matches = typeof expected === 'function' ? expected : (text: string) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text));
  let last = '';
  while (Date.now() < deadline) {
    last = screen(session);
    if (matches(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${String(expected)}; the screen was:\n${last}`);
}

function keys(session: string, ...names: string[]): void {
  tmux('send-keys', '-t', target(session), ...names);
}

function typeText(session: string, text: string): void {
  tmux('send-keys', '-t', target(session), '-l', text);
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it first)');
  home = tempDir('emr2k8s-review-');
  // No status line: the pane gets every row.
  writeFileSync(join(home, 'tmux.conf'), 'set -g status off\n');
});

afterAll(() => {
  try {
    tmux('kill-server');
  } catch {
    // No server left: every session already ended.
  }
});

describe('emr2k8s review in tmux', () => {
  it('reviews, accepts, overrides, saves and quits; convert --answers replays it', async () => {
    const answers = join(home, 'answers.yaml');
    start('main', 100, 30, `env -u CI node dist/cli.js review fixtures/nightly-etl/input --answers ${answers}`);

    const first = await waitFor('main', '[1 Manifest]');
    expect(first).toContain('j-2AXXXXXXGAPLF');
    expect(first).toMatch(/> ! customer-aggregates/);
    expect(first).toContain('kind: SparkApplication');
    expect(first).toContain('2 jobs');

    keys('main', 'j');
    await waitFor('main', /> ! daily-orders-etl/);
    expect(await waitFor('main', 'name: daily-orders-etl')).not.toContain('memory: 16384m');
    // Enter opens the job: keys now scroll its pane, two pages down show the executor.
    keys('main', 'Enter', 'NPage', 'NPage');
    await waitFor('main', 'memory: 16384m');

    keys('main', '2');
    const resources = await waitFor('main', 'Executors per node');
    expect(resources).toMatch(/EMR\s+Kubernetes/);
    keys('main', '3');
    const why = await waitFor('main', '[3 Why]');
    expect(why).toMatch(/set by rule [a-z-]+|default of rule [a-z-]+/);

    keys('main', 'a');
    await waitFor('main', `Accepted ${JOB}`);
    // From the Manifest pane the override prompt starts empty (in Why it is prefilled).
    keys('main', '1', 'e');
    await waitFor('main', 'Override key=value:');
    typeText('main', 'spark.executor.memory=6g');
    await waitFor('main', 'spark.executor.memory=6g');
    keys('main', 'Enter');
    await waitFor('main', /manifest paths? changed/);
    expect(screen('main')).toContain('memory: 6144m');
    keys('main', '3');
    const changed = await waitFor('main', 'spec.executor.memory');
    expect(changed).toContain('6144m');

    keys('main', 's');
    await waitFor('main', 'Saved 1 decision');
    keys('main', 'q');
    const after = await waitFor('main', EXITED);
    expect(after).toContain('[exited 0]');
    expect(after).toContain(`Decisions saved to ${answers}.`);
    // -J: the line is longer than the terminal; join it back.
    expect(screen('main', '-J')).toContain(`Apply them with: emr2k8s convert fixtures/nightly-etl/input --answers ${answers}`);

    const saved = load(readFileSync(answers, 'utf8')) as { schemaVersion: number; answers: Record<string, Record<string, unknown>> };
    expect(saved.schemaVersion).toBe(1);
    expect(saved.answers[JOB]).toMatchObject({ decision: 'accepted', sparkConf: { 'spark.executor.memory': '6g' } });
    expect(saved.answers[JOB]?.inputHash).toMatch(/^[0-9a-f]{16}$/);

    const out = join(home, 'k8s');
    const run = runCli(['convert', 'fixtures/nightly-etl/input', '--answers', answers, '--out', out, '--format', 'json']);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { jobs: Array<{ id: string; files: string[]; review: { decision: string | null } | null }> };
    const job = report.jobs.find((j) => j.id === JOB);
    expect(job?.review?.decision).toBe('accepted');
    const manifestFile = job?.files.find((f) => f.endsWith('.yaml'));
    expect(manifestFile).toBeDefined();
    const manifest = load(readFileSync(join(out, manifestFile ?? ''), 'utf8')) as { spec: { executor: { memory: string } } };
    expect(manifest.spec.executor.memory).toBe('6144m');
  });

  it('reviews the inputs recorded in a conversion output folder', async () => {
    const out = join(home, 'converted');
    expect(runCli(['convert', 'fixtures/nightly-etl/input', '--out', out]).status).toBe(0);
    start('folder', 100, 30, `env -u CI node dist/cli.js review ${out} --answers ${join(home, 'none.yaml')}`);
    const text = await waitFor('folder', 'reviewing its recorded inputs');
    expect(text).toContain(`${out}: reviewing its recorded inputs fixtures/nightly-etl/input`);
    expect(text).toMatch(/> ! customer-aggregates/);
    keys('folder', 'q');
    expect(await waitFor('folder', EXITED)).toContain('[exited 0]');
  });

  it('fits 80×24 without wrapping a line, and prints no colour under NO_COLOR', async () => {
    start('small', 80, 24, `env -u CI NO_COLOR=1 node dist/cli.js review fixtures/nightly-etl/input --answers ${join(home, 'none.yaml')}`);
    const text = await waitFor('small', '2 jobs');
    const rows = rowsOf(text);
    expect(rows).toHaveLength(24);
    // The first row is still the title and the last the status line: nothing scrolled.
    expect(rows[0]).toMatch(/^emr2k8s review/);
    expect(rows[23]).toContain('2 jobs');
    for (const row of rows) expect(Array.from(row).length).toBeLessThanOrEqual(80);
    // -J joins wrapped rows: the same text means no row was wrapped.
    expect(screen('small', '-J')).toBe(text);
    // -e keeps the attributes: no colour (SGR 30–37, 90–97, 38;…) under NO_COLOR.
    expect(screen('small', '-e')).not.toMatch(SGR_COLOUR);
    // Ctrl+C quits like q (nothing unsaved here, so without asking).
    keys('small', 'C-c');
    expect(await waitFor('small', EXITED)).toContain('[exited 0]');
  });

  it('uses colour on a terminal without NO_COLOR, and redraws to a new size', async () => {
    start('color', 100, 30, `env -u CI -u NO_COLOR -u FORCE_COLOR TERM=xterm-256color node dist/cli.js review fixtures/nightly-etl/input --answers ${join(home, 'none.yaml')}`);
    await waitFor('color', '2 jobs');
    expect(screen('color', '-e')).toMatch(SGR_COLOUR);
    tmux('resize-window', '-t', target('color'), '-x', '120', '-y', '40');
    // The status line moves to the new last row once the review has redrawn.
    const resized = rowsOf(await waitFor('color', (text) => rowsOf(text)[39]?.includes('2 jobs') === true));
    expect(resized).toHaveLength(40);
    expect(resized[0]).toMatch(/^emr2k8s review/);
    keys('color', 'q');
    expect(await waitFor('color', EXITED)).toContain('[exited 0]');
  });
});

describe('emr2k8s review without a terminal', () => {
  it('exits 2 with one line that points to the scripting commands', () => {
    const run = runCli(['review', 'fixtures/nightly-etl/input']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(['error: review needs an interactive terminal (hint: Use explain --format json or convert --answers in scripts.)']);
  });

  it('keeps ink and react out of the start-up path: only lazily imported chunks load them', () => {
    const loadsInk = (file: string) => staticImports(readFileSync(file, 'utf8')).some((spec) => /^(ink|react|ink-testing-library)(\/|$)/.test(spec));
    const startUp = staticallyReachable(CLI);
    expect(startUp.length).toBeGreaterThan(1);
    expect(startUp.filter(loadsInk)).toEqual([]);
    // The review chunk does import ink: the walk above would have found it were it static.
    const chunks = readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.js')).map((f) => join(ROOT, 'dist', f));
    expect(chunks.filter(loadsInk)).not.toEqual([]);
  });
});
