import { beforeAll, describe, expect, it } from 'vitest';
import { KEY_BINDINGS, keyToAction } from './keymap.js';
import { loadFixture, reviewOf } from './review-fixture.js';
import type { KeyPress, Prompt, ReviewState } from './types.js';

let list: ReviewState;

beforeAll(async () => {
  list = reviewOf(await loadFixture(['fixtures/nightly-etl/input']));
});

const key = (input: string, flags: Omit<KeyPress, 'input'> = {}): KeyPress => ({ input, ...flags });
const inPrompt = (prompt: Prompt, input = ''): ReviewState => ({ ...list, prompt, input });

describe('keyToAction outside prompts', () => {
  it('moves with arrows and j/k, pages with PgUp/PgDn', () => {
    expect(keyToAction(key('', { upArrow: true }), list)).toEqual({ type: 'move', delta: -1 });
    expect(keyToAction(key('k'), list)).toEqual({ type: 'move', delta: -1 });
    expect(keyToAction(key('', { downArrow: true }), list)).toEqual({ type: 'move', delta: 1 });
    expect(keyToAction(key('j'), list)).toEqual({ type: 'move', delta: 1 });
    expect(keyToAction(key('', { pageUp: true }), list)).toEqual({ type: 'page', delta: -1 });
    expect(keyToAction(key('', { pageDown: true }), list)).toEqual({ type: 'page', delta: 1 });
  });

  it('opens with Enter, → or l and goes back with Esc, ← or h', () => {
    for (const press of [key('\r', { return: true }), key('', { rightArrow: true }), key('l')]) {
      expect(keyToAction(press, list)).toEqual({ type: 'open' });
    }
    for (const press of [key('', { escape: true, meta: true }), key('', { leftArrow: true }), key('h')]) {
      expect(keyToAction(press, list)).toEqual({ type: 'back' });
    }
  });

  it('cycles panes with Tab, backwards with Shift+Tab, and jumps with 1–4', () => {
    expect(keyToAction(key('', { tab: true }), list)).toEqual({ type: 'next-pane' });
    expect(keyToAction(key('', { tab: true, shift: true }), list)).toEqual({ type: 'show-pane', pane: 'diagnostics' });
    expect(keyToAction(key('', { tab: true, shift: true }), { ...list, pane: 'why' })).toEqual({ type: 'show-pane', pane: 'resources' });
    expect(['1', '2', '3', '4'].map((d) => keyToAction(key(d), list))).toEqual([
      { type: 'show-pane', pane: 'manifest' },
      { type: 'show-pane', pane: 'resources' },
      { type: 'show-pane', pane: 'why' },
      { type: 'show-pane', pane: 'diagnostics' },
    ]);
  });

  it('maps the command letters', () => {
    const letters: Record<string, string> = {
      a: 'accept',
      r: 'start-reject',
      e: 'start-override',
      s: 'save',
      '/': 'start-filter',
      f: 'cycle-mark-filter',
      '?': 'toggle-help',
      q: 'quit',
    };
    for (const [letter, type] of Object.entries(letters)) expect(keyToAction(key(letter), list)).toEqual({ type });
    expect(keyToAction(key('c', { ctrl: true }), list)).toEqual({ type: 'quit' });
  });

  it('ignores keys that mean nothing', () => {
    expect(keyToAction(key('z'), list)).toBeUndefined();
    expect(keyToAction(key('5'), list)).toBeUndefined();
    expect(keyToAction(key('a', { ctrl: true }), list)).toBeUndefined();
  });

  it('closes the help with any key (Ctrl+C still quits)', () => {
    const help = { ...list, showHelp: true };
    for (const press of [key('x'), key('q'), key('', { downArrow: true }), key('\r', { return: true })]) {
      expect(keyToAction(press, help)).toEqual({ type: 'toggle-help' });
    }
    expect(keyToAction(key('c', { ctrl: true }), help)).toEqual({ type: 'quit' });
  });
});

describe('keyToAction in a prompt', () => {
  const filter = inPrompt({ kind: 'filter' }, 'dai');

  it('types printable text, pasted text without control characters', () => {
    expect(keyToAction(key('q'), filter)).toEqual({ type: 'input', text: 'q' });
    expect(keyToAction(key('j'), filter)).toEqual({ type: 'input', text: 'j' });
    expect(keyToAction(key('spark.executor.memory=6g\n'), filter)).toEqual({ type: 'input', text: 'spark.executor.memory=6g' });
  });

  it('edits, submits and cancels', () => {
    expect(keyToAction(key('', { backspace: true }), filter)).toEqual({ type: 'input-backspace' });
    expect(keyToAction(key('', { delete: true }), filter)).toEqual({ type: 'input-backspace' });
    expect(keyToAction(key('\r', { return: true }), filter)).toEqual({ type: 'input-submit' });
    expect(keyToAction(key('', { escape: true, meta: true }), filter)).toEqual({ type: 'input-cancel' });
  });

  it('ignores navigation keys while typing', () => {
    expect(keyToAction(key('', { upArrow: true }), filter)).toBeUndefined();
    expect(keyToAction(key('', { tab: true }), filter)).toBeUndefined();
    expect(keyToAction(key('x', { ctrl: true }), filter)).toBeUndefined();
  });

  it('confirms quitting only with y or Y; anything else cancels', () => {
    const confirm = inPrompt({ kind: 'confirm-quit' });
    expect(keyToAction(key('y'), confirm)).toEqual({ type: 'input', text: 'y' });
    expect(keyToAction(key('Y', { shift: true }), confirm)).toEqual({ type: 'input', text: 'y' });
    expect(keyToAction(key('c', { ctrl: true }), confirm)).toEqual({ type: 'input', text: 'y' });
    for (const press of [key('n'), key('q'), key('\r', { return: true }), key('', { escape: true })]) {
      expect(keyToAction(press, confirm)).toEqual({ type: 'input-cancel' });
    }
  });
});

describe('KEY_BINDINGS', () => {
  it('documents every command key the map understands', () => {
    const documented = KEY_BINDINGS.map((b) => b.keys).join(' ');
    for (const letter of ['k', 'j', 'l', 'h', 'a', 'r', 'e', 's', '/', 'f', '?', 'q', '1', '4', 'Tab', 'Enter', 'Esc', 'PgUp', 'PgDn', 'Ctrl+C']) {
      expect(documented).toContain(letter);
      if (letter.length === 1 && !/[1-4]/.test(letter)) expect(keyToAction(key(letter), list)).toBeDefined();
    }
    expect(KEY_BINDINGS.every((b) => b.keys.trim() !== '' && b.action.trim() !== '')).toBe(true);
  });
});
