import { describe, expect, it } from 'vitest';
import { isoTimestamp } from './timestamps.js';

describe('isoTimestamp', () => {
  it('converts epoch seconds, fractional or not, numbers or text', () => {
    expect(isoTimestamp(1714615320.481)).toBe('2024-05-02T02:02:00.481Z');
    expect(isoTimestamp('1714615320')).toBe('2024-05-02T02:02:00.000Z');
  });

  it('normalizes ISO strings with an offset to UTC', () => {
    expect(isoTimestamp('2024-05-02T03:58:02.117000+02:00')).toBe('2024-05-02T01:58:02.117Z');
  });

  it('reads a time without an offset as UTC, whatever the local zone', () => {
    expect(isoTimestamp('2024-05-02T01:58:02')).toBe('2024-05-02T01:58:02.000Z');
  });

  it('returns undefined for text that is not a time', () => {
    expect(isoTimestamp('yesterday')).toBeUndefined();
  });
});
