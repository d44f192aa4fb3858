import { render } from 'ink-testing-library';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertInputs, type Conversion, type ConversionInputs } from '../src/engine/conversion.js';
import { loadFixture } from '../src/review/review-fixture.js';
import { initialState } from '../src/review/state.js';
import type { ReviewAction, ReviewEffect, ReviewState } from '../src/review/types.js';
import { App } from '../src/review/ui/App.js';
import { clipLine, printable, toneStyle } from '../src/review/ui/lines.js';
import { toKeyPresses } from '../src/review/ui/key-press.js';

/**
 * Frame tests of the review screen (DESIGN §6): the real App, reducer and selectors over a
 * real in-memory conversion of two fixtures (one cluster with warnings, one with unsupported
 * steps), driven through stdin as a user would.
 */

let loaded: ConversionInputs;
let conversion: Conversion;

beforeAll(async () => {
  loaded = await loadFixture(['fixtures/nightly-etl/input', 'fixtures/mixed-step-kinds/input']);
  conversion = convertInputs(loaded);
});

function state(viewport = { columns: 100, rows: 30 }): ReviewState {
  return initialState({ conversion, baseline: conversion, answers: {}, answersFile: 'answers.yaml', viewport });
}

/** Mounts the App; effects are answered as the shell does, in memory, and recorded. */
function mount(initial: ReviewState) {
  const effects: ReviewEffect[] = [];
  let exits = 0;
  const runEffect = async (effect: ReviewEffect): Promise<ReviewAction | undefined> => {
    effects.push(effect);
    if (effect.type === 'reconvert') return { type: 'reconverted', conversion: convertInputs(loaded, { file: 'answers.yaml', answers: effect.answers, lines: {} }) };
    if (effect.type === 'save') return { type: 'saved' };
    return undefined;
  };
  const app = render(<App initial={initial} runEffect={runEffect} color={false} onExit={() => exits++} />);
  /** Types keys one at a time, letting Ink read each (one macrotask) before the next. */
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      app.stdin.write(key);
      await new Promise((r) => setImmediate(r));
    }
    // Effects run in a promise chain after the key: one more turn for their answers.
    await new Promise((r) => setImmediate(r));
  };
  return { app, press, frame: () => app.lastFrame() ?? '', effects, exits: () => exits };
}

const ENTER = '\r';
const TAB = '\t';

describe('review screen', () => {
  it('opens on the job list grouped by cluster, with marks, and the Manifest pane', () => {
    const { frame, app } = mount(state());
    const text = frame();
    expect(text).toContain('j-2AXXXXXXGAPLF');
    expect(text).toContain('j-MIXEDKINDS042');
    // nightly-etl's jobs convert with warnings; mixed-step-kinds has unsupported steps.
    expect(text).toMatch(/> ! customer-aggregates/);
    expect(text).toMatch(/ ! daily-orders-etl/);
    expect(text).toMatch(/ – streaming word count/);
    expect(text).toContain('[1 Manifest]');
    expect(text).toContain('kind: SparkApplication');
    expect(text).toContain('name: customer-aggregates');
    app.unmount();
  });

  it('moves with j, opens with Enter and switches panes with Tab and digits', async () => {
    const { frame, press, app } = mount(state());
    await press('j', ENTER);
    expect(frame()).toMatch(/> ! daily-orders-etl/);
    expect(frame()).toContain('name: daily-orders-etl');

    await press(TAB);
    const resources = frame();
    expect(resources).toContain('[2 Resources]');
    expect(resources).toMatch(/EMR\s+Kubernetes/);
    expect(resources).toMatch(/heap\s+4096m/i);
    // The instance type of the cluster's core nodes, for executors per node.
    const job = conversion.batch.jobs.find((j) => j.id.endsWith('s-1K4N2D6OZ8P9Q'));
    const instanceType = job?.facts.roles.find((r) => r.role === 'CORE')?.instanceTypes[0]?.type;
    expect(instanceType).toBeDefined();
    expect(resources).toContain(`Executors per node (${instanceType})`);

    await press('3');
    const why = frame();
    expect(why).toContain('[3 Why]');
    expect(why).toMatch(/set by rule [a-z-]+|default of rule [a-z-]+/);
    expect(why).toMatch(/fixtures\/nightly-etl\/input\/[a-z-]+\.json:\d+/);

    await press('4');
    expect(frame()).toContain('[4 Diagnostics]');
    expect(frame()).toContain('event-log-moved');
    expect(frame()).toContain('hint:');
    app.unmount();
  });

  it('fits 80×24 exactly: no line longer than 80 columns, no more than 24 lines, in every pane', async () => {
    const { frame, press, app } = mount(state({ columns: 80, rows: 24 }));
    const check = () => {
      const lines = frame().split('\n');
      expect(lines.length).toBeLessThanOrEqual(24);
      for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(80);
    };
    check();
    expect(frame().split('\n')).toHaveLength(24);
    await press('j', ENTER);
    for (const pane of ['2', '3', '4', '1', '?']) {
      await press(pane);
      check();
    }
    app.unmount();
  });

  it('shows the key map on ?, and any key closes it', async () => {
    const { frame, press, app } = mount(state());
    await press('?');
    expect(frame()).toContain('Keys');
    expect(frame()).toMatch(/a\s+accept the job/);
    expect(frame()).toContain('✓ converted');
    expect(frame()).not.toContain('kind: SparkApplication');
    await press('x');
    expect(frame()).not.toContain('Keys');
    expect(frame()).toContain('kind: SparkApplication');
    app.unmount();
  });

  it('accepts, overrides with a recompute and its diff, saves, and asks before quitting unsaved', async () => {
    const { frame, press, effects, exits, app } = mount(state());
    await press('j', ENTER, 'a');
    expect(frame()).toMatch(/daily-orders-etl\s+A/);
    expect(frame()).toContain('unsaved');

    await press('e');
    expect(frame()).toContain('Override key=value:');
    // Typed faster than Ink reads: one chunk, as a paste.
    await press('spark.executor.memory=6g\r');
    expect(effects.map((e) => e.type)).toEqual(['reconvert']);
    expect(frame()).toMatch(/manifest paths? changed/);
    await press('3');
    expect(frame()).toMatch(/spec\.executor\.memory.*16384m.*6144m/);

    await press('q');
    expect(frame()).toContain('quit anyway? y/n');
    await press('n');
    expect(exits()).toBe(0);
    await press('s');
    expect(effects.map((e) => e.type)).toEqual(['reconvert', 'save']);
    expect(frame()).toContain('Saved 1 decision to answers.yaml');
    await press('q');
    expect(exits()).toBe(1);
    app.unmount();
  });

  it('filters the list with / and reports when nothing matches', async () => {
    const { frame, press, app } = mount(state());
    await press('/', 'w', 'o', 'r', 'd');
    expect(frame()).toContain('/word');
    expect(frame()).toMatch(/> – streaming word count/);
    expect(frame()).not.toContain('daily-orders-etl');
    await press('z', 'z', 'z');
    expect(frame()).toContain('no job matches');
    app.unmount();
  });
});

describe('review screen helpers', () => {
  it('splits a chunk of typed text into one key press per character', () => {
    expect(toKeyPresses('1e', {})).toEqual([{ input: '1' }, { input: 'e' }]);
    expect(toKeyPresses('x=6G\r', { return: false })).toEqual([{ input: 'x' }, { input: '=' }, { input: '6' }, { input: 'G', shift: true }, { input: '', return: true }]);
    expect(toKeyPresses('j', {})).toEqual([{ input: 'j' }]);
    expect(toKeyPresses('', { tab: true, shift: true })).toEqual([{ input: '', tab: true, shift: true }]);
  });

  it('cuts lines by characters and keeps terminal control sequences out', () => {
    expect(clipLine([{ text: 'abc', tone: 'key' }, { text: 'def' }], 4)).toEqual([{ text: 'abc', tone: 'key' }, { text: 'd' }]);
    expect(printable('step\x1b]0;pwned\x07\tname')).toBe('step?]0;pwned? name');
  });

  it('styles tones only when colour is on (NO_COLOR gives plain text)', () => {
    expect(toneStyle('error', true)).toEqual({ color: 'red' });
    expect(toneStyle('error', false)).toEqual({});
    expect(toneStyle(undefined, true)).toEqual({});
  });
});
