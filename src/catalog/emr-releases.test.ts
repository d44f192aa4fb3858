import { describe, expect, it } from 'vitest';
import { compareReleases, NEWEST_EMR7, newestReleaseOfMajor, parseReleaseLabel, releaseFacts, stripAmznSuffix } from './emr-releases.js';

describe('releaseFacts', () => {
  it('gives the versions facts §8.1 lists for a release', () => {
    expect(releaseFacts('emr-6.15.0')).toEqual({ label: 'emr-6.15.0', spark: '3.4.1', hadoop: '3.3.6', scala: '2.12', java: '8', python: '3.7' });
    expect(releaseFacts('emr-7.4.0')).toMatchObject({ spark: '3.5.2', hadoop: '3.4.0', java: '17' });
    expect(releaseFacts('emr-5.36.1')).toMatchObject({ spark: '2.4.8', scala: '2.11.12' });
    expect(releaseFacts(NEWEST_EMR7)).toMatchObject({ spark: '3.5.6', hadoop: '3.4.2', scala: '2.12.18', python: '3.11' });
  });

  it('covers every minor release from 5.30 to 7.13', () => {
    const labels = [
      ...Array.from({ length: 7 }, (_, i) => `emr-5.${30 + i}.0`),
      ...Array.from({ length: 16 }, (_, i) => `emr-6.${i}.0`),
      ...Array.from({ length: 14 }, (_, i) => `emr-7.${i}.0`),
    ];
    for (const label of labels) expect(releaseFacts(label), label).toBeDefined();
  });

  it('resolves a patch label only where the table says X.Y.x', () => {
    expect(releaseFacts('emr-6.9.1')?.spark).toBe('3.3.0');
    expect(releaseFacts('emr-5.30.2')?.spark).toBe('2.4.5');
    expect(releaseFacts('emr-6.15.1')).toBeUndefined();
    expect(releaseFacts('emr-7.2.1')).toBeUndefined();
  });

  it('knows nothing outside the table', () => {
    expect(releaseFacts('emr-5.29.0')).toBeUndefined();
    expect(releaseFacts('emr-7.14.0')).toBeUndefined();
    expect(releaseFacts('${ReleaseLabel}')).toBeUndefined();
    expect(releaseFacts('3.11.0')).toBeUndefined();
  });
});

describe('release helpers', () => {
  it('parses and orders labels numerically', () => {
    const a = parseReleaseLabel('emr-6.9.0');
    const b = parseReleaseLabel('emr-6.10.0');
    expect(a && b && compareReleases(a, b)).toBeLessThan(0);
    expect(parseReleaseLabel('emr-7.9.0-20250425')).toBeUndefined();
  });

  it('names the newest release of a major', () => {
    expect(newestReleaseOfMajor(5)).toBe('emr-5.36.0');
    expect(newestReleaseOfMajor(6)).toBe('emr-6.15.0');
    expect(newestReleaseOfMajor(7)).toBe(NEWEST_EMR7);
    expect(newestReleaseOfMajor(4)).toBeUndefined();
  });

  it('strips both forms of the -amzn suffix', () => {
    expect(stripAmznSuffix('3.5.6-amzn-2')).toBe('3.5.6');
    expect(stripAmznSuffix('3.3.0-amzn-0.1')).toBe('3.3.0');
    expect(stripAmznSuffix('3.4.1')).toBe('3.4.1');
  });
});
