import { compareStrings } from '../model/order.js';

/** Levenshtein distance, case-insensitive: ids and field paths are typed by hand. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
    }
    previous = current;
  }
  return previous[y.length] as number;
}

/**
 * The candidates a mistyped `wanted` most likely meant, best first, at most `limit`.
 * A candidate that contains `wanted` (a bare step id for `<cluster>/<step>`, `memory` for
 * `executor.memory`) ranks first; otherwise edit distance decides, and candidates that differ
 * in more than half their length are not suggested. Ties in code-point order, so the hint is
 * deterministic.
 */
export function closestMatches(wanted: string, candidates: readonly string[], limit = 3): string[] {
  const needle = wanted.toLowerCase();
  const scored = candidates.map((candidate) => ({
    candidate,
    contains: needle.length > 0 && candidate.toLowerCase().includes(needle),
    distance: distance(wanted, candidate),
  }));
  return scored
    .filter((s) => s.contains || s.distance <= Math.max(2, Math.floor(s.candidate.length / 2)))
    .sort((a, b) => Number(b.contains) - Number(a.contains) || a.distance - b.distance || compareStrings(a.candidate, b.candidate))
    .slice(0, limit)
    .map((s) => s.candidate);
}
