import { describe, expect, it } from 'vitest';
import type { SourceLocation } from '../../model/source.js';
import { addStepLocations, createLocations, locatedFields, mergeLocations, type StepLocationEntries } from './location-table.js';

/** mulberry32: the same "random" histories on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const loc = (line: number, path = `p${line}`): SourceLocation => ({ file: 'f.json', line, column: 3, path });

/** The old, eager way: every entry written at once, a step key already located keeps its first. */
function eagerStep(record: Record<string, SourceLocation>, prefix: string, entries: StepLocationEntries): void {
  if (`${prefix}jar` in record) return;
  for (const [field, l] of entries) if (l) record[prefix + field] = l;
}

function eagerMerge(into: Record<string, SourceLocation>, from: Record<string, SourceLocation>, excluded: string[]): void {
  for (const [ref, l] of Object.entries(from)) {
    if (ref in into || excluded.some((p) => ref.startsWith(p))) continue;
    into[ref] = l;
  }
}

type Op = { kind: 'plain'; ref: string; loc: SourceLocation } | { kind: 'step'; prefix: string; entries: StepLocationEntries };

/** A history of cluster refs and steps, with repeated refs, repeated step ids, unlocated fields and repeated property keys. */
function history(next: () => number, size: number): Op[] {
  const ops: Op[] = [];
  for (let i = 0; i < size; i++) {
    const line = Math.floor(next() * 1000) + 1;
    if (next() < 0.4) {
      ops.push({ kind: 'plain', ref: `cluster/${['tags', 'instances/MASTER', 'bootstrapActions/0'][Math.floor(next() * 3)]}/k${Math.floor(next() * 6)}`, loc: loc(line) });
      continue;
    }
    const entries: StepLocationEntries = [
      ['id', next() < 0.5 ? loc(line) : undefined],
      ['name', loc(line + 1)],
      ['actionOnFailure', next() < 0.5 ? loc(line + 2) : undefined],
      ['jar', loc(line + 3)],
    ];
    const args = Math.floor(next() * 5);
    for (let a = 0; a < args; a++) entries.push([`args/${a}`, loc(line + 4 + a)]);
    for (let p = 0; p < Math.floor(next() * 3); p++) entries.push([`properties/k${Math.floor(next() * 2)}`, loc(line + 10 + p)]);
    ops.push({ kind: 'step', prefix: `steps/s-${Math.floor(next() * 8)}/`, entries });
  }
  return ops;
}

/** The same history written eagerly into a plain record and lazily into a location table; `reads` counts the lazy reads. */
function both(ops: Op[]): { eager: Record<string, SourceLocation>; lazy: Record<string, SourceLocation>; reads: { count: number } } {
  const eager: Record<string, SourceLocation> = {};
  const lazy = createLocations();
  const reads = { count: 0 };
  for (const op of ops) {
    if (op.kind === 'plain') {
      if (!(op.ref in eager)) eager[op.ref] = op.loc;
      if (!(op.ref in lazy)) lazy[op.ref] = op.loc;
    } else {
      eagerStep(eager, op.prefix, op.entries);
      addStepLocations(lazy, op.prefix, locatedFields(op.entries), () => {
        reads.count++;
        return op.entries;
      });
    }
  }
  return { eager, lazy, reads };
}

describe('location table', () => {
  it('lists the same refs in the same order as the eager record, without reading a step', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const { eager, lazy, reads } = both(history(random(seed), 40));
      expect(Object.keys(lazy), `seed ${seed}`).toEqual(Object.keys(eager));
      for (const ref of [...Object.keys(eager), 'steps/s-1/args/9', 'steps/nope/jar', 'cluster/none', 'steps/']) {
        expect(ref in lazy, `seed ${seed} ${ref}`).toBe(ref in eager);
      }
      expect(reads.count).toBe(0);
    }
  });

  it('gives the same values, entries, spread and JSON as the eager record', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const { eager, lazy } = both(history(random(seed), 40));
      expect(lazy['steps/s-3/name'], `seed ${seed}`).toEqual(eager['steps/s-3/name']);
      expect(lazy['steps/s-3/missing']).toBeUndefined();
      expect(Object.entries(lazy), `seed ${seed}`).toEqual(Object.entries(eager));
      expect(JSON.stringify({ ...lazy })).toBe(JSON.stringify(eager));
      expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
      expect(lazy).toEqual(eager);
    }
  });

  it('reads a step once, when one of its refs is first asked for', () => {
    const { lazy, reads } = both([
      { kind: 'step', prefix: 'steps/s-1/', entries: [['name', loc(1)], ['jar', loc(2)], ['args/0', loc(3)]] },
      { kind: 'step', prefix: 'steps/s-2/', entries: [['name', loc(5)], ['jar', loc(6)]] },
    ]);
    expect('steps/s-1/args/0' in lazy).toBe(true);
    expect(reads.count).toBe(0);
    expect(lazy['steps/s-1/args/0']).toEqual(loc(3));
    expect(lazy['steps/s-1/jar']).toEqual(loc(2));
    expect(reads.count).toBe(1);
    expect(lazy['steps/s-2/jar']).toEqual(loc(6));
    expect(reads.count).toBe(2);
  });

  it('answers a kept location without reading the step, and the read one once read', () => {
    const lazy = createLocations();
    let reads = 0;
    const entries: StepLocationEntries = [['name', loc(1)], ['jar', loc(2)]];
    addStepLocations(lazy, 'steps/s-1/', locatedFields(entries), () => (reads++, entries), [['name', loc(1)]]);
    expect(lazy['steps/s-1/name']).toEqual(loc(1));
    expect(reads).toBe(0);
    lazy['steps/s-1/name'] = loc(5);
    expect(lazy['steps/s-1/name']).toEqual(loc(5));
    expect(Object.entries(lazy)).toEqual([['steps/s-1/name', loc(5)], ['steps/s-1/jar', loc(2)]]);
  });

  it('keeps the first locations of a step key given twice, as the eager record did', () => {
    const { eager, lazy } = both([
      { kind: 'step', prefix: 'steps/s-1/', entries: [['name', loc(1)], ['jar', loc(2)]] },
      { kind: 'step', prefix: 'steps/s-1/', entries: [['name', loc(7)], ['jar', loc(8)], ['args/0', loc(9)]] },
    ]);
    expect(lazy).toEqual(eager);
    expect(lazy['steps/s-1/name']).toEqual(loc(1));
    expect('steps/s-1/args/0' in lazy).toBe(false);
  });

  it('writes a step whose key holds a slash at once, where a ref could not find it again', () => {
    const { eager, lazy, reads } = both([{ kind: 'step', prefix: 'steps/a/b/', entries: [['name', loc(1)], ['jar', loc(2)]] }]);
    expect(reads.count).toBe(1);
    expect(Object.entries(lazy)).toEqual(Object.entries(eager));
    expect(lazy['steps/a/b/jar']).toEqual(loc(2));
  });

  it('overwrites a step location in place, as assigning into the eager record did', () => {
    const { eager, lazy } = both(history(random(7), 30));
    const ref = Object.keys(eager).find((r) => r.startsWith('steps/'))!;
    eager[ref] = loc(999);
    lazy[ref] = loc(999);
    eager['cluster/new'] = loc(998);
    lazy['cluster/new'] = loc(998);
    expect(Object.entries(lazy)).toEqual(Object.entries(eager));
  });

  it('becomes the plain record, in order, when frozen or when an entry is deleted', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const { eager, lazy } = both(history(random(seed), 30));
      const victim = Object.keys(eager)[3];
      if (victim === undefined) continue;
      delete eager[victim];
      delete lazy[victim];
      expect(Object.entries(lazy), `seed ${seed}`).toEqual(Object.entries(eager));
      Object.freeze(lazy);
      expect(Object.isFrozen(lazy)).toBe(true);
      expect(Object.entries(lazy)).toEqual(Object.entries(eager));
      expect(() => {
        'use strict';
        lazy['cluster/x'] = loc(1);
      }).toThrow(TypeError);
    }
  });

  it('merges as the eager loop did: first wins, excluded prefixes left out, steps moved unread', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const next = random(seed);
      const first = both(history(next, 25));
      const second = both(history(next, 25));
      const excluded = next() < 0.5 ? ['cluster/instances/'] : ['cluster/bootstrapActions/', 'steps/s-2/'];
      eagerMerge(first.eager, second.eager, excluded);
      mergeLocations(first.lazy, second.lazy, excluded);
      expect(Object.keys(first.lazy), `seed ${seed}`).toEqual(Object.keys(first.eager));
      expect(Object.entries(first.lazy), `seed ${seed}`).toEqual(Object.entries(first.eager));
    }
  });

  it('merges into and from plain records too', () => {
    const { eager, lazy } = both(history(random(3), 30));
    const plain: Record<string, SourceLocation> = { 'cluster/tags/k0': loc(1), 'steps/s-9/jar': loc(2) };
    const expected = { ...plain };
    eagerMerge(expected, eager, []);
    mergeLocations(plain, lazy, []);
    expect(Object.entries(plain)).toEqual(Object.entries(expected));
  });
});
