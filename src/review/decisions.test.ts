import { beforeAll, describe, expect, it } from 'vitest';
import type { ConversionInputs } from '../engine/conversion.js';
import { jobInputHash } from '../engine/job-fingerprint.js';
import { listFields } from '../explain/explain-field.js';
import { findJob } from './job-view.js';
import { loadFixture, reconvert, reviewOf, run } from './review-fixture.js';
import { selectJobRows } from './selectors.js';
import type { ReviewAction, ReviewState } from './types.js';

// The reducer's decisions: accept, reject, override (with the shell's recompute), save, quit.
// Jobs from fixtures/nightly-etl: customer-aggregates (Java) and daily-orders-etl (Python).
const AGGREGATES = 'j-2AXXXXXXGAPLF/s-0C7XK2M3N4P5Q';
const ORDERS = 'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q';

let loaded: ConversionInputs;
let start: ReviewState;

beforeAll(async () => {
  loaded = await loadFixture(['fixtures/nightly-etl/input']);
  start = reviewOf(loaded);
});

const type = (text: string): ReviewAction[] => [{ type: 'input', text }];
function selectJob(state: ReviewState, id: string): ReviewState {
  const index = selectJobRows(state).findIndex((r) => r.id === id);
  if (index < 0) throw new Error(`${id} is not visible`);
  return run(state, { type: 'move', delta: -1000 }, { type: 'move', delta: index }).state;
}
const inputHashOf = (id: string): string => jobInputHash(findJob(start.baseline, id).job!);

describe('decisions', () => {
  it('accepts the open job (else the selected one) with the fingerprint of its input', () => {
    const selected = run(selectJob(start, ORDERS), { type: 'accept' }).state;
    expect(selected.answers).toEqual({ [ORDERS]: { decision: 'accepted', inputHash: inputHashOf(ORDERS) } });
    const opened = run(selectJob(start, AGGREGATES), { type: 'open' }, { type: 'back' }, { type: 'move', delta: 1 }, { type: 'accept' }).state;
    expect(Object.keys(opened.answers)).toEqual([AGGREGATES]);
    expect(opened.message).toBe(`Accepted ${AGGREGATES}`);
  });

  it('rejects with a note, or without one when the note is empty', () => {
    const prompted = run(selectJob(start, ORDERS), { type: 'start-reject' }).state;
    expect(prompted.prompt).toEqual({ kind: 'reject-note', jobId: ORDERS });
    const noted = run(prompted, ...type('needs a Volcano queue first'), { type: 'input-submit' }).state;
    expect(noted.prompt).toBeUndefined();
    expect(noted.answers[ORDERS]).toEqual({ decision: 'rejected', note: 'needs a Volcano queue first', inputHash: inputHashOf(ORDERS) });
    const bare = run(prompted, { type: 'input-submit' }).state;
    expect(bare.answers[ORDERS]).toEqual({ decision: 'rejected', inputHash: inputHashOf(ORDERS) });
    const cancelled = run(prompted, ...type('x'), { type: 'input-cancel' }).state;
    expect(cancelled.answers).toEqual({});
  });

  it('replaces a rejection with an acceptance, keeping the note', () => {
    const state = run(selectJob(start, ORDERS), { type: 'start-reject' }, ...type('later'), { type: 'input-submit' }, { type: 'accept' }).state;
    expect(state.answers[ORDERS]).toEqual({ decision: 'accepted', note: 'later', inputHash: inputHashOf(ORDERS) });
  });
});

describe('overrides', () => {
  it('records a Spark setting, asks the shell to recompute, and shows what changed', () => {
    const open = run(selectJob(start, AGGREGATES), { type: 'open' }, { type: 'accept' }).state;
    const asked = run(open, { type: 'start-override' }, ...type('spark.executor.memory=6g'), { type: 'input-submit' });
    expect(asked.state.prompt).toBeUndefined();
    const answer = { decision: 'accepted', inputHash: inputHashOf(AGGREGATES), sparkConf: { 'spark.executor.memory': '6g' } };
    expect(asked.state.answers[AGGREGATES]).toEqual(answer);
    expect(asked.effects).toEqual([{ type: 'reconvert', answers: { [AGGREGATES]: answer } }]);

    const done = run(asked.state, { type: 'reconverted', conversion: reconvert(loaded, asked.state.answers) }).state;
    expect(done.conversion).not.toBe(start.conversion);
    expect(done.recomputing).toBeUndefined();
    const changes = done.lastChange!.changes;
    expect(done.lastChange!.jobId).toBe(AGGREGATES);
    // 6g = 6144 MiB heap; EMR's 0.1875 factor gives 1152 MiB overhead (7296 is a multiple of 32).
    expect(changes).toContainEqual({ path: 'spec.executor.memory', old: '18971m', new: '6144m' });
    expect(changes).toContainEqual({ path: 'spec.executor.memoryOverhead', old: '3557m', new: '1152m' });
    expect(done.message).toBe(`${AGGREGATES}: ${changes.length} manifest paths changed`);
  });

  it('records a plan field override as a typed value', () => {
    const asked = run(selectJob(start, AGGREGATES), { type: 'start-override' }, ...type('executor.instances=4'), { type: 'input-submit' });
    expect(asked.state.answers[AGGREGATES]).toEqual({ inputHash: inputHashOf(AGGREGATES), fields: { 'executor.instances': 4 } });
    const done = run(asked.state, { type: 'reconverted', conversion: reconvert(loaded, asked.state.answers) }).state;
    expect(done.lastChange?.changes).toEqual([{ path: 'spec.executor.instances', old: 10, new: 4 }]);
    expect(done.message).toBe(`${AGGREGATES}: 1 manifest path changed`);
  });

  it('keeps the prompt open with the text when the override is wrong', () => {
    const syntax = run(selectJob(start, AGGREGATES), { type: 'start-override' }, ...type('spark.executor.memory'), { type: 'input-submit' });
    expect(syntax.state.prompt).toEqual({ kind: 'override', jobId: AGGREGATES });
    expect(syntax.state.input).toBe('spark.executor.memory');
    expect(syntax.state.message).toMatch(/key=value/);
    expect(syntax.effects).toEqual([]);
    expect(syntax.state.answers).toEqual({});
    const field = run(syntax.state, { type: 'input-cancel' }, { type: 'start-override' }, ...type('executor.bogus=1'), { type: 'input-submit' });
    expect(field.state.message).toMatch(/executor\.bogus/);
    expect(field.state.prompt?.kind).toBe('override');
    const secret = run(syntax.state, { type: 'input-cancel' }, { type: 'start-override' }, ...type('spark.jdbc.password=hunter2'), { type: 'input-submit' });
    expect(secret.state.message).toMatch(/secret/);
    expect(JSON.stringify(secret.state.answers)).not.toContain('hunter2');
  });

  it('prefills the prompt with the selected Why field and its value', () => {
    const why = run(selectJob(start, AGGREGATES), { type: 'open' }, { type: 'show-pane', pane: 'why' }).state;
    const fields = listFields(findJob(why.conversion, AGGREGATES).plan!);
    const index = fields.indexOf('executor.memory');
    const prompted = run(why, { type: 'move', delta: index }, { type: 'start-override' }).state;
    expect(prompted.input).toBe('executor.memory=18971m');
    expect(run(selectJob(start, AGGREGATES), { type: 'start-override' }).state.input).toBe('');
  });

  it('says when the recomputed job became an error, with its first error', () => {
    const asked = run(selectJob(start, AGGREGATES), { type: 'open' }, { type: 'start-override' }, ...type('spark.executor.memory=lots'), { type: 'input-submit' });
    const conversion = reconvert(loaded, asked.state.answers);
    expect(findJob(conversion, AGGREGATES).plan?.status).toBe('error');
    const done = run(asked.state, { type: 'reconverted', conversion }).state;
    expect(done.message).toMatch(new RegExp(`^${AGGREGATES} is now an error: .*lots`));
    expect(done.lastChange).toBeUndefined();
    expect(selectJobRows(done).find((r) => r.id === AGGREGATES)?.mark).toBe('error');
  });
});

describe('save and quit', () => {
  it('asks the shell to save, then marks the answers saved', () => {
    const accepted = run(selectJob(start, ORDERS), { type: 'accept' }).state;
    const saving = run(accepted, { type: 'save' });
    expect(saving.effects).toEqual([{ type: 'save', answers: accepted.answers }]);
    const saved = run(saving.state, { type: 'saved' }).state;
    expect(saved.savedAnswers).toEqual(accepted.answers);
    expect(saved.message).toBe('Saved 1 decision to answers.yaml');
    expect(run(saved, { type: 'quit' }).effects).toEqual([{ type: 'exit' }]);
    const failed = run(saving.state, { type: 'save-failed', message: 'EACCES: answers.yaml' }).state;
    expect(failed.message).toBe('Not saved: EACCES: answers.yaml');
    expect(failed.savedAnswers).toEqual({});
  });

  it('quits at once without unsaved decisions', () => {
    expect(run(start, { type: 'quit' }).effects).toEqual([{ type: 'exit' }]);
  });

  it('asks before discarding unsaved decisions: y quits, anything else stays', () => {
    const asked = run(selectJob(start, ORDERS), { type: 'accept' }, { type: 'quit' });
    expect(asked.effects).toEqual([]);
    expect(asked.state.prompt).toEqual({ kind: 'confirm-quit' });
    const stay = run(asked.state, { type: 'input-cancel' });
    expect(stay.state.prompt).toBeUndefined();
    expect(stay.effects).toEqual([]);
    const stayN = run(asked.state, ...type('n'));
    expect(stayN.state.prompt).toBeUndefined();
    expect(stayN.effects).toEqual([]);
    expect(run(asked.state, ...type('y')).effects).toEqual([{ type: 'exit' }]);
  });
});
