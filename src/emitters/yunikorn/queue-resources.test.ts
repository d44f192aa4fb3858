import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion } from './apportion.js';
import type { YarnQueue } from './capacity-scheduler.js';
import { sizeQueues, type SizedQueue } from './queue-resources.js';

describe('apportion', () => {
  it('splits whole units so that the parts add up exactly and each is within one unit of its share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 12 }), (total, weights) => {
        const parts = apportion(total, weights);
        expect(parts.reduce((a, p) => a + p, 0)).toBe(total);
        const sum = weights.reduce((a, w) => a + Math.round(w * 1e6), 0);
        parts.forEach((p, i) => {
          const share = sum === 0 ? total / weights.length : (total * Math.round((weights[i] as number) * 1e6)) / sum;
          expect(Math.abs(p - share)).toBeLessThan(1 + 1e-6 * total);
        });
      }),
    );
  });

  it('gives the leftover units to the largest remainders, ties to the earlier', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(100, [66.7, 33.3])).toEqual([67, 33]);
    expect(apportion(7, [0, 0])).toEqual([4, 3]);
  });
});

/** A random queue tree, at most `depth` levels below this one, with random (possibly missing or inconsistent) capacities. */
function queueTree(depth: number): fc.Arbitrary<YarnQueue> {
  return fc
    .record({
      capacity: fc.option(fc.double({ min: 0, max: 150, noNaN: true }), { nil: undefined }),
      maximumCapacity: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
      children: depth === 0 ? fc.constant<YarnQueue[]>([]) : fc.array(queueTree(depth - 1), { maxLength: 3 }),
    })
    .map(({ capacity, maximumCapacity, children }): YarnQueue => ({
      path: '',
      name: '',
      children,
      refs: {},
      ...(capacity !== undefined && { capacity }),
      ...(maximumCapacity !== undefined && { maximumCapacity }),
    }));
}

function named(queue: YarnQueue, path: string): YarnQueue {
  return { ...queue, path, name: path.split('.').pop() as string, children: queue.children.map((c, i) => named(c, `${path}.q${i}`)) };
}

describe('sizeQueues', () => {
  it('keeps every level adding up to its parent, the root at the cluster total, each maximum between its guarantee and its parent\'s maximum', () => {
    fc.assert(
      fc.property(queueTree(3), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 5_000_000 }), (tree, memoryMiB, vcoreMillis) => {
        const { root } = sizeQueues(named(tree, 'root'), { memoryMiB, vcoreMillis });
        expect(root.guaranteed).toEqual({ memoryMiB, vcoreMillis });
        const check = (q: SizedQueue) => {
          expect(q.max.memoryMiB).toBeGreaterThanOrEqual(q.guaranteed.memoryMiB);
          expect(q.max.vcoreMillis).toBeGreaterThanOrEqual(q.guaranteed.vcoreMillis);
          if (q.children.length === 0) return;
          expect(q.children.reduce((a, c) => a + c.guaranteed.memoryMiB, 0)).toBe(q.guaranteed.memoryMiB);
          expect(q.children.reduce((a, c) => a + c.guaranteed.vcoreMillis, 0)).toBe(q.guaranteed.vcoreMillis);
          for (const c of q.children) {
            expect(c.max.memoryMiB).toBeLessThanOrEqual(q.max.memoryMiB);
            expect(c.max.vcoreMillis).toBeLessThanOrEqual(q.max.vcoreMillis);
          }
          q.children.forEach(check);
        };
        check(root);
      }),
    );
  });

  it('reports a sibling group whose capacities do not add up to 100', () => {
    const tree = named({ path: '', name: '', refs: {}, children: [{ path: '', name: '', refs: {}, capacity: 100, children: [] }, { path: '', name: '', refs: {}, capacity: 70, children: [] }] }, 'root');
    const { root, adjustments } = sizeQueues(tree, { memoryMiB: 1700, vcoreMillis: 17000 });
    expect(root.children.map((c) => c.guaranteed.memoryMiB)).toEqual([1000, 700]);
    expect(adjustments.map((a) => a.message)).toEqual([
      "the capacities of root's children add up to 170% (q0=100%, q1=70%), where YARN requires 100%; they are scaled to add up to 100%",
    ]);
  });
});
