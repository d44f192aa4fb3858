import { beforeAll, describe, expect, it } from 'vitest';
import { listFields } from '../explain/explain-field.js';
import { findJob } from './job-view.js';
import { bodyHeight, paneHeight, whyDetailHeight } from './layout.js';
import { loadFixture, reviewOf, run } from './review-fixture.js';
import { selectJobRows, selectManifestLines, selectWhy } from './selectors.js';
import { initialState, LAYOUT, reduce } from './state.js';
import type { ReviewAction, ReviewState } from './types.js';

// Four clusters, twelve jobs, in list order:
//   j-1ALPHACLUSTER0: Daily Report
//   j-2AXXXXXXGAPLF:  customer-aggregates (Java), daily-orders-etl (Python)
//   j-2BETACLUSTER00: Daily Report
//   j-MIXEDKINDS042:  step-1..7 unsupported (hive, pig, …), step-8 dedupe-events (Spark)
const AGGREGATES = 'j-2AXXXXXXGAPLF/s-0C7XK2M3N4P5Q';
const ORDERS = 'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q';
const ALPHA = 'j-1ALPHACLUSTER0/s-ALPHA0000001';

let start: ReviewState;

beforeAll(async () => {
  start = reviewOf(await loadFixture(['fixtures/nightly-etl/input', 'fixtures/mixed-step-kinds/input', 'fixtures/multi-cluster-folders/input']));
});

const ids = (state: ReviewState): string[] => selectJobRows(state).map((r) => r.id);
const type = (text: string): ReviewAction[] => [{ type: 'input', text }];
/** Select a job in the list by id (moving from the top). */
function selectJob(state: ReviewState, id: string): ReviewState {
  const index = ids(state).indexOf(id);
  if (index < 0) throw new Error(`${id} is not visible`);
  return run(state, { type: 'move', delta: -1000 }, { type: 'move', delta: index }).state;
}

describe('initialState', () => {
  it('opens on the list, first job, Manifest pane, with the loaded answers as saved', () => {
    const answers = { [AGGREGATES]: { decision: 'accepted' as const, inputHash: 'a'.repeat(16) } };
    const state = initialState({ conversion: start.conversion, baseline: start.baseline, answers, answersFile: 'x.yaml', viewport: { columns: 100, rows: 30 } });
    expect(state).toMatchObject({ focus: 'list', selected: 0, pane: 'manifest', fieldIndex: 0, input: '', showHelp: false, filter: { text: '' } });
    expect(state.savedAnswers).toEqual(answers);
    expect(state.scroll).toEqual({ manifest: 0, resources: 0, why: 0, diagnostics: 0 });
    expect(ids(state)).toHaveLength(12);
  });

  it('exports the layout the UI draws with', () => {
    expect(LAYOUT.headerRows + LAYOUT.statusRows).toBeGreaterThan(0);
    expect(bodyHeight({ columns: 80, rows: 24 })).toBe(24 - LAYOUT.headerRows - LAYOUT.statusRows);
    expect(paneHeight({ columns: 80, rows: 24 })).toBe(bodyHeight({ columns: 80, rows: 24 }) - LAYOUT.paneChromeRows);
  });
});

describe('moving', () => {
  it('moves the list selection within the visible rows, clamped at both ends', () => {
    expect(run(start, { type: 'move', delta: -1 }).state.selected).toBe(0);
    expect(run(start, { type: 'move', delta: 1 }, { type: 'move', delta: 1 }).state.selected).toBe(2);
    expect(run(start, { type: 'move', delta: 50 }).state.selected).toBe(11);
    expect(run(start, { type: 'page', delta: 1 }).state.selected).toBe(11);
    expect(run(start, { type: 'move', delta: 11 }, { type: 'page', delta: -1 }).state.selected).toBe(0);
  });

  it('opens the selected job, resets scroll and field, and goes back to the list', () => {
    const scrolled = run(selectJob(start, AGGREGATES), { type: 'open' }, { type: 'move', delta: 5 }, { type: 'show-pane', pane: 'why' }, { type: 'move', delta: 2 }, { type: 'back' });
    expect(scrolled.state).toMatchObject({ focus: 'list', openJobId: AGGREGATES, fieldIndex: 2 });
    expect(scrolled.state.scroll.manifest).toBe(5);
    const reopened = run(selectJob(scrolled.state, ORDERS), { type: 'open' }).state;
    expect(reopened).toMatchObject({ focus: 'detail', openJobId: ORDERS, fieldIndex: 0 });
    expect(reopened.scroll).toEqual({ manifest: 0, resources: 0, why: 0, diagnostics: 0 });
  });

  it('scrolls a detail pane, clamped to its line count minus the visible height', () => {
    const open = run(selectJob(start, AGGREGATES), { type: 'open' }).state;
    const lines = selectManifestLines(open).length;
    const height = paneHeight(open.viewport);
    expect(lines).toBeGreaterThan(height);
    expect(run(open, { type: 'move', delta: 3 }).state.scroll.manifest).toBe(3);
    expect(run(open, { type: 'page', delta: 1 }).state.scroll.manifest).toBe(Math.min(height, lines - height));
    expect(run(open, { type: 'move', delta: 1000 }).state.scroll.manifest).toBe(lines - height);
    expect(run(open, { type: 'move', delta: -5 }).state.scroll.manifest).toBe(0);
  });

  it('moves the Why field in the Why pane, clamped to the field list', () => {
    const why = run(selectJob(start, AGGREGATES), { type: 'open' }, { type: 'show-pane', pane: 'why' }).state;
    const fields = listFields(findJob(why.conversion, AGGREGATES).plan!).length;
    const moved = run(why, { type: 'move', delta: 2 }).state;
    expect(moved.fieldIndex).toBe(2);
    expect(moved.scroll.why).toBe(0);
    expect(run(why, { type: 'move', delta: 10_000 }).state.fieldIndex).toBe(fields - 1);
    expect(run(why, { type: 'move', delta: -3 }).state.fieldIndex).toBe(0);
  });

  it('pages the Why explanation while ↑/↓ keep choosing fields', () => {
    const small = run(start, { type: 'resize', columns: 80, rows: 10 }).state;
    const why = run(selectJob(small, AGGREGATES), { type: 'open' }, { type: 'show-pane', pane: 'why' }).state;
    const fields = listFields(findJob(why.conversion, AGGREGATES).plan!);
    const onOverhead = run(why, { type: 'move', delta: fields.indexOf('executor.memoryOverhead') }).state;
    const detail = selectWhy(onOverhead).detail.length;
    const height = whyDetailHeight(onOverhead.viewport, fields.length);
    expect(detail).toBeGreaterThan(height);
    const paged = run(onOverhead, { type: 'page', delta: 1 }).state;
    expect(paged.fieldIndex).toBe(onOverhead.fieldIndex);
    expect(paged.scroll.why).toBe(Math.min(height, detail - height));
    expect(run(paged, { type: 'page', delta: 100 }).state.scroll.why).toBe(detail - height);
    // Choosing another field starts its explanation at the top.
    expect(run(paged, { type: 'move', delta: -1 }).state.scroll.why).toBe(0);
  });

  it('cycles panes with next-pane and jumps with show-pane', () => {
    const panes = [1, 2, 3, 4].map((n) => run(start, ...Array<ReviewAction>(n).fill({ type: 'next-pane' })).state.pane);
    expect(panes).toEqual(['resources', 'why', 'diagnostics', 'manifest']);
    expect(run(start, { type: 'show-pane', pane: 'diagnostics' }).state.pane).toBe('diagnostics');
  });

  it('clamps scroll and selection on resize', () => {
    const open = run(selectJob(start, AGGREGATES), { type: 'open' }, { type: 'move', delta: 1000 }).state;
    const lines = selectManifestLines(open).length;
    const taller = run(open, { type: 'resize', columns: 120, rows: 50 }).state;
    expect(taller.viewport).toEqual({ columns: 120, rows: 50 });
    expect(taller.scroll.manifest).toBe(Math.max(0, lines - paneHeight(taller.viewport)));
    expect(taller.scroll.manifest).toBeLessThan(open.scroll.manifest);
  });

  it('toggles the help overlay', () => {
    expect(run(start, { type: 'toggle-help' }).state.showHelp).toBe(true);
    expect(run(start, { type: 'toggle-help' }, { type: 'toggle-help' }).state.showHelp).toBe(false);
  });
});

describe('filtering', () => {
  it('refilters live as the filter text is typed, and Enter keeps it', () => {
    const typing = run(start, { type: 'start-filter' }, ...type('dai'));
    expect(typing.state.prompt).toEqual({ kind: 'filter' });
    // Free text matches the step name, case-insensitively: daily-orders-etl and both "Daily Report" jobs.
    expect(ids(typing.state)).toEqual([ALPHA, ORDERS, 'j-2BETACLUSTER00/s-BETA00000001']);
    const kept = run(typing.state, ...type('ly-'), { type: 'input-submit' }).state;
    expect(kept.prompt).toBeUndefined();
    expect(kept.filter.text).toBe('daily-');
    expect(ids(kept)).toEqual([ORDERS]);
  });

  it('matches free text against the job id and the cluster too', () => {
    expect(ids(run(start, { type: 'start-filter' }, ...type('step-8')).state)).toEqual(['j-MIXEDKINDS042/step-8']);
    expect(ids(run(start, { type: 'start-filter' }, ...type('2axxx')).state)).toEqual([AGGREGATES, ORDERS]);
  });

  it('understands status: and cluster: terms, combined with AND', () => {
    const filter = (text: string): string[] => ids(run(start, { type: 'start-filter' }, ...type(text)).state);
    expect(filter('status:unsupported')).toHaveLength(7);
    expect(filter('status:warn')).toEqual([ALPHA, AGGREGATES, ORDERS, 'j-2BETACLUSTER00/s-BETA00000001', 'j-MIXEDKINDS042/step-8']);
    expect(filter('cluster:alpha')).toEqual([ALPHA]);
    expect(filter('Cluster:MIXED status:warnings')).toEqual(['j-MIXEDKINDS042/step-8']);
    expect(filter('status:error')).toEqual([]);
  });

  it('edits with backspace and clears with Esc', () => {
    const edited = run(start, { type: 'start-filter' }, ...type('alphax'), { type: 'input-backspace' });
    expect(edited.state.filter.text).toBe('alpha');
    expect(ids(edited.state)).toEqual([ALPHA]);
    const cleared = run(edited.state, { type: 'input-cancel' }).state;
    expect(cleared.prompt).toBeUndefined();
    expect(cleared.filter.text).toBe('');
    expect(ids(cleared)).toHaveLength(12);
  });

  it('keeps the selection on the same job when it stays visible, else clamps', () => {
    const onOrders = selectJob(start, ORDERS);
    expect(onOrders.selected).toBe(2);
    const narrowed = run(onOrders, { type: 'start-filter' }, ...type('2axxx')).state;
    expect(ids(narrowed)[narrowed.selected]).toBe(ORDERS);
    const last = run(start, { type: 'move', delta: 11 }, { type: 'start-filter' }, ...type('cluster:2a')).state;
    expect(last.selected).toBe(1);
  });

  it('cycles the mark filter all → converted → warnings → unsupported → error → all', () => {
    const marks: Array<string | undefined> = [];
    const counts: number[] = [];
    let state = start;
    for (let i = 0; i < 5; i += 1) {
      state = run(state, { type: 'cycle-mark-filter' }).state;
      marks.push(state.filter.mark);
      counts.push(ids(state).length);
    }
    expect(marks).toEqual(['converted', 'warnings', 'unsupported', 'error', undefined]);
    expect(counts).toEqual([0, 5, 7, 0, 12]);
    expect('mark' in state.filter).toBe(false);
  });
});

describe('purity', () => {
  it('never mutates the state it is given (frozen input, equal before and after)', () => {
    const snapshot = JSON.stringify({ ...start, conversion: undefined, baseline: undefined });
    const actions: ReviewAction[] = [
      { type: 'move', delta: 2 }, { type: 'open' }, { type: 'next-pane' }, { type: 'page', delta: 1 }, { type: 'accept' },
      { type: 'start-reject' }, { type: 'input', text: 'n' }, { type: 'input-submit' }, { type: 'start-filter' },
      { type: 'input', text: 'a' }, { type: 'input-backspace' }, { type: 'input-cancel' }, { type: 'cycle-mark-filter' },
      { type: 'save' }, { type: 'saved' }, { type: 'resize', columns: 90, rows: 30 }, { type: 'toggle-help' }, { type: 'quit' },
    ];
    for (const action of actions) expect(() => reduce(start, action)).not.toThrow();
    expect(() => run(start, ...actions)).not.toThrow();
    expect(JSON.stringify({ ...start, conversion: undefined, baseline: undefined })).toBe(snapshot);
  });

  it('returns the same result for the same state and action', () => {
    const a = reduce(start, { type: 'move', delta: 3 });
    const b = reduce(start, { type: 'move', delta: 3 });
    expect(a).toEqual(b);
  });
});
