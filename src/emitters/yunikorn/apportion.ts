/** Weights are percentages with a few decimals (`33.3`); a millionth is finer than any config writes. */
const WEIGHT_SCALE = 1_000_000;

/**
 * Splits `total` whole units in proportion to `weights` by the largest-remainder (Hamilton)
 * method: every part is the floor of its exact share or one more, and the parts add up to
 * `total` exactly, so children's guarantees always add up to their parent's. Computed in
 * integers (BigInt), so no floating-point rounding can break the sum. Ties go to the earlier
 * weight. All-zero weights split evenly. Pure.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  let scaled = weights.map((w) => BigInt(Math.round(Math.max(0, w) * WEIGHT_SCALE)));
  if (scaled.every((w) => w === 0n)) scaled = weights.map(() => 1n);
  const sum = scaled.reduce((a, w) => a + w, 0n);
  const whole = BigInt(total);
  const shares = scaled.map((w, i) => ({ i, quotient: (whole * w) / sum, remainder: (whole * w) % sum }));
  let left = whole - shares.reduce((a, s) => a + s.quotient, 0n);
  const parts = shares.map((s) => s.quotient);
  const byRemainder = [...shares].sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of byRemainder) {
    if (left <= 0n) break;
    parts[i] = (parts[i] as bigint) + 1n;
    left -= 1n;
  }
  return parts.map(Number);
}
