import { beforeAll, describe, expect, it } from 'vitest';
import type { ConversionInputs } from '../engine/conversion.js';
import { listFields } from '../explain/explain-field.js';
import { findJob, jobMark, manifestText } from './job-view.js';
import { KEY_BINDINGS } from './keymap.js';
import { loadFixture, reconvert, reviewOf, run } from './review-fixture.js';
import {
  selectDiagnosticLines,
  selectHelpLines,
  selectJobRows,
  selectManifestLines,
  selectResources,
  selectStatus,
  selectTitle,
  selectWhy,
} from './selectors.js';
import type { Line, ReviewAction, ReviewState } from './types.js';

const AGGREGATES = 'j-2AXXXXXXGAPLF/s-0C7XK2M3N4P5Q';
const HIVE = 'j-MIXEDKINDS042/step-1';
const SECRETS_JOB = 'j-SECRETS0001X/s-C360STEP0001';
/** Every secret literal of fixtures/secrets-redacted/input. */
const SECRETS = ['Hv3-M3tastore!2026', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'crm-tok-5f1e2d3c4b5a69788', 'Sup3rS3cret'];

let loaded: ConversionInputs;
let start: ReviewState;

beforeAll(async () => {
  loaded = await loadFixture(['fixtures/nightly-etl/input', 'fixtures/mixed-step-kinds/input', 'fixtures/multi-cluster-folders/input']);
  start = reviewOf(loaded);
});

const text = (line: Line): string => line.map((s) => s.text).join('');
const texts = (lines: Line[]): string[] => lines.map(text);
const type = (input: string): ReviewAction => ({ type: 'input', text: input });

function openJob(state: ReviewState, id: string, ...more: ReviewAction[]): ReviewState {
  const index = selectJobRows(state).findIndex((r) => r.id === id);
  return run(state, { type: 'move', delta: index }, { type: 'open' }, ...more).state;
}

describe('selectJobRows', () => {
  it('lists every job grouped by cluster, clusters in order, with its mark', () => {
    const rows = selectJobRows(start);
    expect(rows.map((r) => r.cluster.split(' ')[0])).toEqual([
      'j-1ALPHACLUSTER0',
      'j-2AXXXXXXGAPLF',
      'j-2AXXXXXXGAPLF',
      'j-2BETACLUSTER00',
      ...Array(8).fill('j-MIXEDKINDS042'),
    ]);
    expect(rows[1]).toMatchObject({ id: AGGREGATES, stepName: 'customer-aggregates', mark: 'warnings', overrides: 0, selected: false, open: false });
    expect(rows.filter((r) => r.mark === 'unsupported').map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `j-MIXEDKINDS042/step-${n}`));
    expect(rows[0]?.selected).toBe(true);
  });

  it('shows decisions, override counts and the open job', () => {
    const state = run(
      openJob(start, AGGREGATES),
      { type: 'accept' },
      { type: 'start-override' },
      type('spark.executor.memory=6g'),
      { type: 'input-submit' },
      { type: 'start-override' },
      type('executor.instances=4'),
      { type: 'input-submit' },
    ).state;
    const row = selectJobRows(state).find((r) => r.id === AGGREGATES);
    expect(row).toMatchObject({ decision: 'accepted', overrides: 2, open: true, selected: true });
  });

  it('marks a converted job without warnings `converted` and a failed one `error`', () => {
    const plan = findJob(start.conversion, AGGREGATES).plan!;
    expect(jobMark({ ...plan, diagnostics: plan.diagnostics.filter((d) => d.severity === 'info') })).toBe('converted');
    expect(jobMark({ ...plan, status: 'error' })).toBe('error');
    expect(jobMark(findJob(start.conversion, HIVE).plan!)).toBe('unsupported');
  });
});

describe('selectManifestLines', () => {
  it('tokenises the manifest without losing a character', () => {
    const state = openJob(start, AGGREGATES);
    const yaml = manifestText(state.conversion, AGGREGATES)!;
    expect(texts(selectManifestLines(state))).toEqual(yaml.replace(/\n$/, '').split('\n'));
  });

  it('tones keys, strings, numbers and punctuation', () => {
    const lines = selectManifestLines(openJob(start, AGGREGATES));
    expect(lines[0]).toEqual([
      { text: 'apiVersion', tone: 'key' },
      { text: ': ', tone: 'muted' },
      { text: 'sparkoperator.k8s.io/v1beta2', tone: 'string' },
    ]);
    const find = (prefix: string): Line => lines.find((l) => text(l).startsWith(prefix))!;
    expect(find('    cores: 1')).toEqual([{ text: '    ' }, { text: 'cores', tone: 'key' }, { text: ': ', tone: 'muted' }, { text: '1', tone: 'number' }]);
    expect(find("    spark.eventLog.enabled: 'true'").at(-1)).toEqual({ text: "'true'", tone: 'string' });
    expect(find("    - '--input'")).toEqual([{ text: '    ' }, { text: '- ', tone: 'muted' }, { text: "'--input'", tone: 'string' }]);
    expect(find('      - name: ETL_ENV')).toEqual([
      { text: '      ' },
      { text: '- ', tone: 'muted' },
      { text: 'name', tone: 'key' },
      { text: ': ', tone: 'muted' },
      { text: 'ETL_ENV', tone: 'string' },
    ]);
  });

  it('says why an unsupported job has no manifest', () => {
    const lines = selectManifestLines(openJob(start, HIVE));
    expect(lines[0]).toEqual([{ text: 'No manifest: hive steps are not converted.', tone: 'muted' }]);
    expect(lines[1]?.[0]?.tone).toBe('warning');
    expect(text(lines[1]!)).toContain('hive');
  });

  it('says a rejected job will not be written', () => {
    const state = run(openJob(start, AGGREGATES), { type: 'start-reject' }, { type: 'input-submit' }).state;
    expect(text(selectManifestLines(state)[0]!)).toMatch(/^Rejected/);
    const rerun = run(state, { type: 'reconverted', conversion: reconvert(loaded, state.answers) }).state;
    expect(texts(selectManifestLines(rerun))).toEqual(['Rejected: `convert --answers` writes no manifest for this job.']);
  });
});

describe('selectResources', () => {
  it('puts the EMR container next to the pod, and packs a node of the core type', () => {
    const view = selectResources(openJob(start, AGGREGATES));
    const cell = (role: string, label: string) => view.rows.find((r) => r.role === role && r.label === label);
    // Executor: 18971M heap; EMR's 0.1875 factor → 3557 MiB overhead; 22528 MiB container (a multiple of 32).
    expect(cell('executor', 'heap')).toMatchObject({ emr: '18971m', k8s: '18971m', differs: false });
    expect(cell('executor', 'overhead')).toMatchObject({ emr: '3557m', k8s: '3557m' });
    expect(cell('executor', 'container/pod')).toMatchObject({ emr: '22528m', k8s: '22528m', differs: false });
    expect(cell('executor', 'cores')).toMatchObject({ emr: '5', k8s: '5' });
    expect(cell('executor', 'CPU request')).toMatchObject({ emr: '5', k8s: '5', note: 'YARN did not enforce vCores (memory-only scheduling)' });
    expect(cell('executor', 'instances')).toMatchObject({ emr: '10', k8s: '10' });
    // Driver: 4g heap + 416 MiB overhead = 4512 MiB.
    expect(cell('driver', 'container/pod')).toMatchObject({ emr: '4512m', k8s: '4512m' });
    // Core nodes are r5.2xlarge: YARN 57344 MiB / 22528 = 2 executors. On EKS: 8 vCPU → 7910m
    // allocatable / 5000m = 1; 65536 − (11 × 58 + 255) − 100 = 64543 MiB / 22528 = 2; 58 − 4 pods.
    expect(view.packing).toMatchObject({ instanceType: 'r5.2xlarge', emrExecutorsPerNode: 2, eksExecutorsPerNode: 1, eksBoundBy: 'cpu' });
  });

  it('shows an override on the Kubernetes side only, as a difference', () => {
    const asked = run(openJob(start, AGGREGATES), { type: 'start-override' }, type('spark.executor.memory=6g'), { type: 'input-submit' }).state;
    const state = run(asked, { type: 'reconverted', conversion: reconvert(loaded, asked.answers) }).state;
    const view = selectResources(state);
    // 6144 + 1152 = 7296 MiB pods: memory allows floor(64543 / 7296) = 8, CPU still 1.
    expect(view.rows.find((r) => r.role === 'executor' && r.label === 'container/pod')).toMatchObject({ emr: '22528m', k8s: '7296m', differs: true });
    expect(view.packing).toMatchObject({ emrExecutorsPerNode: 2, eksExecutorsPerNode: 1, eksBoundBy: 'cpu' });
    const cpu = run(state, { type: 'start-override' }, type('executor.coreRequest=900m'), { type: 'input-submit' }).state;
    const cheaper = selectResources(run(cpu, { type: 'reconverted', conversion: reconvert(loaded, cpu.answers) }).state);
    // 7910 / 900 = 8.79 → 8; memory 8 as well: CPU is named on a tie.
    expect(cheaper.packing).toMatchObject({ eksExecutorsPerNode: 8, eksBoundBy: 'cpu' });
    expect(cheaper.rows.find((r) => r.label === 'CPU request' && r.role === 'executor')).toMatchObject({ emr: '5', k8s: '900m', differs: true });
  });

  it('has no rows for a job that is not a Spark job', () => {
    expect(selectResources(openJob(start, HIVE))).toEqual({ rows: [] });
  });
});

describe('selectWhy', () => {
  it('lists the fields and explains the selected one with its rule and file:line', () => {
    const why = openJob(start, AGGREGATES, { type: 'show-pane', pane: 'why' });
    const fields = listFields(findJob(why.conversion, AGGREGATES).plan!);
    const view = selectWhy(run(why, { type: 'move', delta: fields.indexOf('executor.memory') }).state);
    expect(view.fields.map((f) => f.path)).toEqual(fields);
    expect(view.fields.filter((f) => f.selected).map((f) => f.path)).toEqual(['executor.memory']);
    const detail = texts(view.detail);
    expect(detail[0]).toBe('executor.memory = "18971m"');
    expect(detail[1]).toBe('set by rule executor-resources from:');
    expect(detail[2]).toBe('  spark.executor.memory = 18971M');
    expect(detail[3]).toMatch(/^ {4}spark-defaults · fixtures\/nightly-etl\/input\/describe-cluster\.json:46(:\d+)?$/);
  });

  it('shows what the last override changed at the top, old removed and new added', () => {
    const asked = run(openJob(start, AGGREGATES), { type: 'start-override' }, type('spark.executor.memory=6g'), { type: 'input-submit' }).state;
    const state = run(asked, { type: 'reconverted', conversion: reconvert(loaded, asked.answers) }, { type: 'show-pane', pane: 'why' }).state;
    const detail = selectWhy(state).detail;
    expect(text(detail[0]!)).toMatch(/^Last override changed \d+ manifest paths:$/);
    const memory = detail.find((l) => text(l).startsWith('  spec.executor.memory:'))!;
    expect(memory).toEqual([
      { text: '  spec.executor.memory: ' },
      { text: '"18971m"', tone: 'removed' },
      { text: ' → ', tone: 'muted' },
      { text: '"6144m"', tone: 'added' },
    ]);
    // The answer is the input now: the field explanation names the review layer.
    const fields = selectWhy(state).fields.map((f) => f.path);
    const explained = texts(selectWhy(run(state, { type: 'move', delta: fields.indexOf('executor.memory') }).state).detail);
    expect(explained).toContain('  spark.executor.memory = 6g');
    expect(explained.some((l) => l.startsWith('    review'))).toBe(true);
    expect(explained.some((l) => /^ {4}shadowed: 18971M \(spark-defaults · fixtures\/nightly-etl\/input\/describe-cluster\.json:46(:\d+)?\)$/.test(l))).toBe(true);
    // Another job does not show this job's changes.
    const other = run(state, { type: 'back' }, { type: 'move', delta: 1 }, { type: 'open' }).state;
    expect(texts(selectWhy(other).detail).some((l) => l.startsWith('Last override'))).toBe(false);
  });
});

describe('selectDiagnosticLines', () => {
  it('tones each diagnostic by severity, with its place and hint', () => {
    const lines = selectDiagnosticLines(openJob(start, AGGREGATES));
    const plan = findJob(start.conversion, AGGREGATES).plan!;
    const heads = lines.filter((l) => l[0]?.tone === 'error' || l[0]?.tone === 'warning' || l[0]?.tone === 'info');
    expect(heads.map((l) => text(l))).toEqual(plan.diagnostics.map((d) => `${d.severity} ${d.code}`));
    const withHint = plan.diagnostics.find((d) => d.hint !== undefined)!;
    expect(lines).toContainEqual([{ text: '  hint: ', tone: 'muted' }, { text: withHint.hint!, tone: 'info' }]);
    expect(texts(lines).some((l) => /^ {2}at fixtures\/nightly-etl\/input\/[a-z-]+\.json:\d+/.test(l))).toBe(true);
  });
});

describe('selectStatus, selectHelpLines, selectTitle', () => {
  it('counts jobs by mark and decision and flags unsaved decisions', () => {
    expect(selectStatus(start)).toEqual({ text: '12 jobs · 0 converted 5 warnings 7 unsupported 0 error · 0 accepted 0 rejected', unsaved: false });
    const accepted = run(start, { type: 'accept' }, { type: 'move', delta: 1 }).state;
    expect(selectStatus(accepted)).toMatchObject({ text: expect.stringContaining('1 accepted 0 rejected · unsaved'), unsaved: true });
    const filtered = run(start, { type: 'cycle-mark-filter' }, { type: 'cycle-mark-filter' }).state;
    expect(selectStatus(filtered).text).toContain('12 jobs · 5 shown');
  });

  it('shows the prompt with its input, and the last message instead of the counts', () => {
    const prompting = run(start, { type: 'start-filter' }, type('cluster:mixed')).state;
    expect(selectStatus(prompting).prompt).toEqual({ label: 'Filter (text, status:<mark>, cluster:<text>): ', input: 'cluster:mixed' });
    const messaged = run(start, { type: 'accept' }).state;
    expect(selectStatus(messaged).text).toBe('Accepted j-1ALPHACLUSTER0/s-ALPHA0000001');
    expect(selectStatus(run(messaged, { type: 'quit' }).state).prompt?.label).toBe('Unsaved decisions: quit anyway? y/n ');
  });

  it('builds the help from the key bindings', () => {
    const lines = texts(selectHelpLines(start));
    for (const binding of KEY_BINDINGS) expect(lines.some((l) => l.includes(binding.keys) && l.includes(binding.action))).toBe(true);
    expect(lines).toContain('Decisions are saved to answers.yaml.');
    expect(selectHelpLines().length).toBe(KEY_BINDINGS.length + 3);
  });

  it('names the shown job and marks the active pane', () => {
    expect(selectTitle(start)).toBe('emr2k8s review · j-1ALPHACLUSTER0/s-ALPHA0000001 · [1 Manifest] 2 Resources 3 Why 4 Diagnostics');
    expect(selectTitle(openJob(start, AGGREGATES, { type: 'show-pane', pane: 'why' }))).toBe(`emr2k8s review · ${AGGREGATES} · 1 Manifest 2 Resources [3 Why] 4 Diagnostics`);
  });
});

describe('robustness and secrets', () => {
  it('never throws on an empty batch', () => {
    const empty = { ...start.conversion, batch: { ...start.conversion.batch, jobs: [], plans: [] }, files: [] };
    const state: ReviewState = { ...start, conversion: empty, baseline: empty };
    expect(selectJobRows(state)).toEqual([]);
    expect(texts(selectManifestLines(state))).toEqual(['No jobs in the input.']);
    expect(selectResources(state)).toEqual({ rows: [] });
    expect(selectWhy(state)).toEqual({ fields: [], detail: [] });
    expect(texts(selectDiagnosticLines(state))).toEqual(['No job selected.']);
    expect(selectStatus(state).text).toMatch(/^0 jobs/);
    expect(run(state, { type: 'move', delta: 1 }, { type: 'open' }, { type: 'accept' }, { type: 'start-override' }).state.message).toBe('No job selected.');
  });

  it('says when the filter hides every job', () => {
    const none = run(start, { type: 'start-filter' }, type('no-such-job')).state;
    expect(texts(selectManifestLines(none))).toEqual(['No job matches the filter.']);
  });

  it('never shows a secret value in any pane', async () => {
    const state = reviewOf(await loadFixture(['fixtures/secrets-redacted/input']));
    const open = openJob(state, SECRETS_JOB, { type: 'show-pane', pane: 'why' });
    const fields = listFields(findJob(open.conversion, SECRETS_JOB).plan!);
    const seen: string[] = [...texts(selectManifestLines(open)), ...texts(selectDiagnosticLines(open))];
    for (let i = 0; i < fields.length; i += 1) {
      const at = run(open, { type: 'move', delta: i }).state;
      seen.push(...texts(selectWhy(at).detail), run(at, { type: 'start-override' }).state.input);
    }
    const all = seen.join('\n');
    expect(all).toContain('spark.jdbc.password');
    for (const secret of SECRETS) expect(all).not.toContain(secret);
  });
});
