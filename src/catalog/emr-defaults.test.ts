import { describe, expect, it } from 'vitest';
import { compareStrings } from '../model/order.js';
import { emrDefaults } from './emr-defaults.js';

const keysOf = (major: number, minor: number) => emrDefaults({ major, minor, patch: 0 }).map((d) => d.key);

describe('emrDefaults', () => {
  it('lists EMR implicit Spark defaults in code-point order, each with a source', () => {
    const all = emrDefaults({ major: 6, minor: 15, patch: 0 });
    expect(all.map((d) => d.key)).toEqual([...all.map((d) => d.key)].sort(compareStrings));
    for (const d of all) expect(d.source).toMatch(/facts §/);
    const byKey = Object.fromEntries(all.map((d) => [d.key, d.value]));
    expect(byKey).toMatchObject({
      'spark.dynamicAllocation.enabled': 'true',
      'spark.shuffle.service.enabled': 'true',
      'spark.yarn.executor.memoryOverheadFactor': '0.1875',
      'spark.driver.memory': '2048M',
      'spark.master': 'yarn',
      'spark.executor.memory': '4743M',
      'spark.executor.cores': '4',
      'spark.decommissioning.timeout.threshold': '20s',
    });
  });

  it('marks only the executor size as assumed', () => {
    const assumed = emrDefaults({ major: 7, minor: 13, patch: 0 }).filter((d) => d.assumed).map((d) => d.key);
    expect(assumed).toEqual(['spark.executor.cores', 'spark.executor.memory']);
  });

  it('applies release thresholds', () => {
    expect(keysOf(5, 10)).not.toContain('spark.decommissioning.timeout.threshold');
    expect(keysOf(5, 11)).toContain('spark.decommissioning.timeout.threshold');
    expect(keysOf(4, 3)).not.toContain('spark.dynamicAllocation.enabled');
    expect(keysOf(4, 3)).not.toContain('spark.shuffle.service.enabled');
    expect(keysOf(4, 4)).toContain('spark.shuffle.service.enabled');
  });
});
