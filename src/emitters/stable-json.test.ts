import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStrings } from '../model/order.js';
import { stableCopy, stableKeyOrder, toStableJson } from './stable-json.js';

/** What toStableJson replaced: JSON.stringify of a deep copy with keys inserted in sorted order. */
function reference(value: unknown): string {
  const sortKeysDeep = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeysDeep);
    if (typeof v !== 'object' || v === null) return v;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort(compareStrings)) {
      const item = (v as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = sortKeysDeep(item);
    }
    return out;
  };
  return `${JSON.stringify(sortKeysDeep(value), null, 2)}\n`;
}

describe('toStableJson', () => {
  it('sorts keys at every level and indents by two spaces', () => {
    expect(toStableJson({ b: [1, { d: 1, c: [] }], a: {} })).toBe('{\n  "a": {},\n  "b": [\n    1,\n    {\n      "c": [],\n      "d": 1\n    }\n  ]\n}\n');
  });

  it('leaves out undefined members and writes undefined items as null, like JSON.stringify', () => {
    expect(toStableJson({ a: undefined, b: [undefined, () => 1], c: () => 1 })).toBe('{\n  "b": [\n    null,\n    null\n  ]\n}\n');
  });

  it('keeps an own __proto__ key as a key, as JSON.stringify does (a sorted copy on {} would lose it)', () => {
    const data = JSON.parse('{"b": 1, "__proto__": {"x": 1}}') as Record<string, unknown>;
    expect(toStableJson(data)).toBe('{\n  "__proto__": {\n    "x": 1\n  },\n  "b": 1\n}\n');
    expect(JSON.stringify(stableCopy(data))).toBe('{"__proto__":{"x":1},"b":1}');
  });

  it('lists array-index keys first in numeric order, as every file written so far has them', () => {
    expect(toStableJson({ b: 1, 10: 'x', 9: 'y', a: 2, '01': 3 })).toBe(reference({ b: 1, 10: 'x', 9: 'y', a: 2, '01': 3 }));
    expect(Object.keys(JSON.parse(toStableJson({ b: 1, 10: 'x', 9: 'y' })))).toEqual(['9', '10', 'b']);
  });

  it('gives the same bytes as JSON.stringify of a key-sorted copy for any JSON value, as stableCopy written plainly does', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('0', '1', '10', '2', '01', '4294967294', '4294967295', '__proto__x', '-1'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, true, false, 0, -0, 1.5, 1e21, Number.NaN, undefined),
        fc.string({ unit: 'binary' }),
        fc.integer(),
        fc.double(),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 5 }),
      ),
    })).node;
    // Callers pass objects or arrays: a bare undefined has no JSON text at all.
    const document = fc.oneof(fc.dictionary(key, value, { maxKeys: 6 }), fc.array(value, { maxLength: 4 }));
    fc.assert(fc.property(document, (v) => {
        expect(toStableJson(v)).toBe(reference(v));
        expect(`${JSON.stringify(stableCopy(v), null, 2)}\n`).toBe(reference(v));
      }), { numRuns: 400 });
  });

  it('lists keys in the order toStableJson writes them, array-index keys first', () => {
    expect(stableKeyOrder({ b: 1, 10: 'x', 9: 'y', a: 2, '01': 3, '-0': 4, 4294967295: 5, 4294967294: 6 })).toEqual(['9', '10', '4294967294', '-0', '01', '4294967295', 'a', 'b']);
    const key = fc.oneof(fc.string(), fc.constantFrom('0', '1', '10', '2', '01', '-0', '1e3', '4294967294', '4294967295', '__proto__x', '-1'));
    fc.assert(
      fc.property(fc.dictionary(key, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 8 }), (v) => {
        expect(stableKeyOrder(v)).toEqual(Object.keys(JSON.parse(toStableJson(v))));
      }),
      { numRuns: 400 },
    );
  });
});

