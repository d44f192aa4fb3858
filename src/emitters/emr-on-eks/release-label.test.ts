import { describe, expect, it } from 'vitest';
import { emrOnEksRelease } from './release-label.js';

describe('emrOnEksRelease', () => {
  it.each([
    ['emr-6.15.0', '3.4.1', 'emr-6.15.0-latest', 'same'],
    ['emr-7.13.0', '3.5.6', 'emr-7.13.0-latest', 'same'],
    ['emr-5.36.1', '2.4.8', 'emr-5.36.0-latest', 'patch'],
    ['emr-6.1.0', '3.0.0', 'emr-6.2.0-latest', 'older'],
    ['emr-7.20.0', '3.5.6', 'emr-7.20.0-latest', 'unknown'],
  ])('%s (Spark %s as on EMR) runs on %s', (label, spark, expected, kind) => {
    const release = emrOnEksRelease(label, spark, spark);
    expect(release.label).toBe(expected);
    expect(release.choice.kind).toBe(kind);
  });

  it('follows the plan when the rules moved a Spark 2 job to Spark 3.5', () => {
    const release = emrOnEksRelease('emr-5.30.1', '2.4.5', '3.5.6');
    expect(release.label).toBe('emr-7.13.0-latest');
    expect(release.choice).toEqual({ kind: 'spark-upgrade', from: 'emr-5.30.1', spark: '3.5.6' });
  });

  it('keeps a Spark 2 job on EMR 5 when the plan does (Hive steps have no Spark plan)', () => {
    expect(emrOnEksRelease('emr-5.31.0', '2.4.6', undefined).label).toBe('emr-5.32.0-latest');
  });
});
