import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseKubeQuantity, sameQuantity } from './kube-quantity.js';

function same(a: unknown, b: unknown): boolean {
  const x = parseKubeQuantity(a);
  const y = parseKubeQuantity(b);
  if (!x || !y) throw new Error(`not a quantity: ${String(a)} / ${String(b)}`);
  return sameQuantity(x, y);
}

describe('Kubernetes quantities', () => {
  it('equates binary, decimal and exponent spellings of the same amount', () => {
    expect(same('1Gi', '1024Mi')).toBe(true);
    expect(same('1Mi', '1048576')).toBe(true);
    expect(same('500m', '0.5')).toBe(true);
    expect(same('500m', 0.5)).toBe(true);
    expect(same('2', 2)).toBe(true);
    expect(same('1k', '1000')).toBe(true);
    expect(same('1e3', '1k')).toBe(true);
    expect(same('1.5Gi', '1536Mi')).toBe(true);
    expect(same('.5', '500m')).toBe(true);
    expect(same('+1', '1')).toBe(true);
  });

  it('keeps different amounts different, however close', () => {
    expect(same('1Gi', '1G')).toBe(false);
    expect(same('1k', '1Ki')).toBe(false);
    expect(same('0.1', '100m')).toBe(true);
    expect(same('0.1', '101m')).toBe(false);
    expect(same('9007199254740993', '9007199254740992')).toBe(false);
    expect(same('1m', '1')).toBe(false);
    expect(same('-1', '1')).toBe(false);
  });

  it('rejects what Kubernetes rejects', () => {
    for (const bad of ['', '1 Gi', '1gi', '1KiB', 'Gi', '1.2.3', 'one', '1e', '0x10', '1e99999']) expect(parseKubeQuantity(bad)).toBeUndefined();
    expect(parseKubeQuantity(Number.NaN)).toBeUndefined();
    expect(parseKubeQuantity(true)).toBeUndefined();
  });

  it('NNNNMi and (NNNN/1024)Gi are the same whenever the division is whole; milli-units scale by 1000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        expect(same(`${n * 1024}Mi`, `${n}Gi`)).toBe(true);
        expect(same(`${n * 1000}m`, String(n))).toBe(true);
        expect(same(`${n * 1000 + 1}m`, String(n))).toBe(false);
      }),
    );
  });
});
