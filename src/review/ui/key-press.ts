import type { KeyPress } from '../types.js';

/** The part of Ink's `Key` that the key map reads (Ink's type has more flags than KeyPress). */
export type InkKey = Omit<KeyPress, 'input'>;

const FLAGS = [
  'upArrow',
  'downArrow',
  'leftArrow',
  'rightArrow',
  'pageUp',
  'pageDown',
  'return',
  'escape',
  'tab',
  'shift',
  'backspace',
  'delete',
  'ctrl',
  'meta',
] as const;

/** What a control character in a chunk of typed text means as a key. */
function charPress(char: string): KeyPress {
  if (char === '\r' || char === '\n') return { input: '', return: true };
  if (char === '\t') return { input: '', tab: true };
  if (char === '\x7f' || char === '\b') return { input: '', backspace: true };
  return /^[A-Z]$/.test(char) ? { input: char, shift: true } : { input: char };
}

/**
 * Ink's `useInput` event as the key presses the key map expects. Ink hands over a paste, or
 * keys typed faster than it reads them (as `tmux send-keys` does), as one string: such a
 * chunk is split into one press per character, so `1e` is two commands and a line break at
 * the end of a pasted value is an Enter, never part of the value.
 */
export function toKeyPresses(input: string, key: InkKey): KeyPress[] {
  const chars = Array.from(input);
  if (chars.length > 1) return chars.map(charPress);
  const press: KeyPress = { input };
  for (const flag of FLAGS) if (key[flag]) press[flag] = true;
  return [press];
}
