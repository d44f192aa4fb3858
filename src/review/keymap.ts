import type { KeyPress, Pane, ReviewAction, ReviewState } from './types.js';
import { PANES } from './types.js';

/**
 * The review's key map: one table for the help screen and docs/review.md, and one pure
 * function from a key press to an action. Nothing here changes state.
 */

/** Every key the review understands, in the order the help screen lists them. */
export const KEY_BINDINGS: Array<{ keys: string; action: string }> = [
  { keys: '↑ k / ↓ j', action: 'move in the list; in a pane scroll, in Why pick a field' },
  { keys: 'PgUp / PgDn', action: 'move a screen; in Why scroll the explanation' },
  { keys: 'Enter → l', action: 'open the selected job' },
  { keys: 'Esc ← h', action: 'back to the job list' },
  { keys: 'Tab / Shift+Tab', action: 'next / previous pane' },
  { keys: '1 2 3 4', action: 'Manifest, Resources, Why, Diagnostics' },
  { keys: 'a', action: 'accept the job' },
  { keys: 'r', action: 'reject the job (asks for a note)' },
  { keys: 'e', action: 'override a Spark setting or field: key=value' },
  { keys: 's', action: 'save decisions to the answers file' },
  { keys: '/', action: 'filter: text, status:<mark>, cluster:<text>' },
  { keys: 'f', action: 'cycle the status filter' },
  { keys: '?', action: 'show or hide this help' },
  { keys: 'q Ctrl+C', action: 'quit (asks first if decisions are unsaved)' },
  { keys: 'prompt: Enter / Esc', action: 'submit / cancel (Esc clears a filter)' },
];

/** Letters and symbols that map to an action outside prompts. */
const LETTER_ACTIONS: Record<string, ReviewAction> = {
  k: { type: 'move', delta: -1 },
  j: { type: 'move', delta: 1 },
  l: { type: 'open' },
  h: { type: 'back' },
  a: { type: 'accept' },
  r: { type: 'start-reject' },
  e: { type: 'start-override' },
  s: { type: 'save' },
  '/': { type: 'start-filter' },
  f: { type: 'cycle-mark-filter' },
  '?': { type: 'toggle-help' },
  q: { type: 'quit' },
};

/** Text a prompt accepts: no control characters (a paste may bring a trailing newline). */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, '');
}

function promptKey(key: KeyPress, state: ReviewState): ReviewAction | undefined {
  if (state.prompt?.kind === 'confirm-quit') {
    const yes = key.input === 'y' || key.input === 'Y' || (key.ctrl === true && key.input === 'c');
    return yes ? { type: 'input', text: 'y' } : { type: 'input-cancel' };
  }
  if (key.return) return { type: 'input-submit' };
  if (key.escape) return { type: 'input-cancel' };
  if (key.backspace || key.delete) return { type: 'input-backspace' };
  if (key.ctrl && key.input === 'c') return { type: 'quit' };
  if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return undefined;
  const text = printable(key.input);
  return text === '' ? undefined : { type: 'input', text };
}

function previousPane(pane: Pane): Pane {
  return PANES[(PANES.indexOf(pane) + PANES.length - 1) % PANES.length] as Pane;
}

/**
 * The action a key press means in the given state, or undefined when it means nothing. With
 * the help open any key closes it; in a prompt keys edit the text; otherwise the bindings of
 * {@link KEY_BINDINGS} apply.
 */
export function keyToAction(key: KeyPress, state: ReviewState): ReviewAction | undefined {
  if (state.prompt) return promptKey(key, state);
  if (key.ctrl && key.input === 'c') return { type: 'quit' };
  if (state.showHelp) return { type: 'toggle-help' };
  if (key.upArrow) return { type: 'move', delta: -1 };
  if (key.downArrow) return { type: 'move', delta: 1 };
  if (key.pageUp) return { type: 'page', delta: -1 };
  if (key.pageDown) return { type: 'page', delta: 1 };
  if (key.return || key.rightArrow) return { type: 'open' };
  if (key.escape || key.leftArrow) return { type: 'back' };
  if (key.tab) return key.shift ? { type: 'show-pane', pane: previousPane(state.pane) } : { type: 'next-pane' };
  if (key.ctrl || key.meta) return undefined;
  const digit = /^[1-4]$/.test(key.input) ? Number(key.input) : undefined;
  if (digit !== undefined) return { type: 'show-pane', pane: PANES[digit - 1] as Pane };
  const action = LETTER_ACTIONS[key.input];
  return action && { ...action };
}
