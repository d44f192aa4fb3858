import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSparkSizeBytes } from './spark-size.js';

const MiB = 1024n * 1024n;

describe('parseSparkSizeBytes', () => {
  it('reads every unit Spark accepts, case-insensitively, in binary multiples', () => {
    expect(parseSparkSizeBytes('4g', 'm')).toBe(4096n * MiB);
    expect(parseSparkSizeBytes('4096M', 'm')).toBe(4096n * MiB);
    expect(parseSparkSizeBytes('4096mb', 'm')).toBe(4096n * MiB);
    expect(parseSparkSizeBytes('2GB', 'm')).toBe(2048n * MiB);
    expect(parseSparkSizeBytes('512k', 'm')).toBe(512n * 1024n);
    expect(parseSparkSizeBytes('1t', 'm')).toBe(1024n * 1024n * MiB);
    expect(parseSparkSizeBytes('1p', 'm')).toBe(1024n ** 5n);
    expect(parseSparkSizeBytes('100b', 'm')).toBe(100n);
  });

  it('gives a bare integer the setting\'s own unit', () => {
    expect(parseSparkSizeBytes('4743', 'm')).toBe(4743n * MiB);
    expect(parseSparkSizeBytes(4743, 'm')).toBe(4743n * MiB);
    expect(parseSparkSizeBytes('64', 'k')).toBe(64n * 1024n);
    expect(parseSparkSizeBytes('134217728', 'b')).toBe(128n * MiB);
  });

  it('trims like Spark and accepts a sign like bytesConf', () => {
    expect(parseSparkSizeBytes(' 4g ', 'm')).toBe(4096n * MiB);
    expect(parseSparkSizeBytes('-1', 'b')).toBe(-1n);
  });

  it('rejects what Spark rejects: fractions, unknown units, spaces inside, non-numbers', () => {
    for (const bad of ['1.5g', '4gib', '4 g', 'g', '', 'lots', '4Gi', '0x10']) expect(parseSparkSizeBytes(bad, 'm')).toBeUndefined();
    expect(parseSparkSizeBytes(1.5, 'm')).toBeUndefined();
    expect(parseSparkSizeBytes(true, 'm')).toBeUndefined();
  });

  it('is exact beyond 2^53 bytes', () => {
    expect(parseSparkSizeBytes('9007199254740993b', 'm')).toBe(9007199254740993n);
    expect(parseSparkSizeBytes('8p', 'm')).not.toBe(parseSparkSizeBytes('9007199254740993b', 'm'));
  });

  it('NNNNm and (NNNN/1024)g are the same size whenever the division is whole', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (gib) => {
        expect(parseSparkSizeBytes(`${gib * 1024}m`, 'm')).toBe(parseSparkSizeBytes(`${gib}g`, 'm'));
        expect(parseSparkSizeBytes(`${gib * 1024}`, 'm')).toBe(parseSparkSizeBytes(`${gib}G`, 'm'));
      }),
    );
  });
});
