import type { JobAnswer } from '../model/answers.js';

/**
 * Whether two sets of review answers differ, the test for "unsaved decisions". Structural:
 * key order does not matter, and a key set to `undefined` is the same as a missing key (the
 * answers file cannot tell them apart either).
 */

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!deepEqual(left[key], right[key])) return false;
  return true;
}

/** True when `answers` holds a decision, note or override that `saved` does not, or the reverse. */
export function answersDiffer(answers: Record<string, JobAnswer>, saved: Record<string, JobAnswer>): boolean {
  return !deepEqual(answers, saved);
}
