import { describe, expect, it } from 'vitest';
import { closestMatches } from './closest.js';

const IDS = ['j-2AXXXXXXGAPLF/s-0C7XK2M3N4P5Q', 'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q', 'other-cluster/step-1'];

describe('closestMatches', () => {
  it('finds the full id from a bare step id', () => {
    expect(closestMatches('s-1K4N2D6OZ8P9Q', IDS)).toEqual(['j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q']);
  });

  it('ranks a one-letter typo first, ignoring case', () => {
    expect(closestMatches('j-2axxxxxxgaplf/s-1K4N2D6OZ8P9X', IDS)[0]).toBe('j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q');
  });

  it('suggests nothing for an unrelated name', () => {
    expect(closestMatches('nope', IDS)).toEqual([]);
  });

  it('lists fields containing a fragment in a deterministic order, at most limit', () => {
    const fields = ['executor.memoryOverhead', 'driver.memory', 'executor.memory', 'driver.memoryOverhead', 'name'];
    expect(closestMatches('memory', fields, 3)).toEqual(['driver.memory', 'executor.memory', 'driver.memoryOverhead']);
  });
});
