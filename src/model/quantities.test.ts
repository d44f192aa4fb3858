import { describe, expect, it } from 'vitest';
import { parseSparkDurationMs, parseSparkMemoryMiB } from './quantities.js';

describe('parseSparkMemoryMiB (JavaUtils.byteStringAs)', () => {
  it.each([
    ['4743M', 4743],
    ['4743', 4743],
    ['18g', 18432],
    ['2GB', 2048],
    ['1t', 1048576],
    ['1536k', 1],
    ['1048576b', 1],
  ])('%s is %i MiB', (text, mib) => {
    expect(parseSparkMemoryMiB(text)).toBe(mib);
  });

  it.each(['1.5g', '2 g', 'abc', '', '-1g', '4x'])('rejects %j as Spark does', (text) => {
    expect(parseSparkMemoryMiB(text)).toBeUndefined();
  });
});

describe('parseSparkDurationMs (JavaUtils.timeStringAs)', () => {
  it('reads units and falls back to the default unit', () => {
    expect(parseSparkDurationMs('120s', 'ms')).toBe(120_000);
    expect(parseSparkDurationMs('2min', 's')).toBe(120_000);
    expect(parseSparkDurationMs('60', 's')).toBe(60_000);
    expect(parseSparkDurationMs('1h', 's')).toBe(3_600_000);
    expect(parseSparkDurationMs('5 s', 's')).toBeUndefined();
  });
});
