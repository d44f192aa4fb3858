import { describe, expect, it } from 'vitest';
import { defaultProjectConfig, projectConfigSchema, targetList } from './project-config.js';

describe('defaultProjectConfig', () => {
  it('is exactly what the schema makes of an empty config file, key order included', () => {
    // The default is written out so that a run without a config file never loads zod.
    expect(JSON.stringify(defaultProjectConfig())).toBe(JSON.stringify(projectConfigSchema().parse({})));
  });

  it('gives a fresh copy each time, so a caller that changes it changes no other run', () => {
    const first = defaultProjectConfig();
    first.placement.tolerations.push({ key: 'x' });
    expect(defaultProjectConfig().placement.tolerations).toEqual([]);
  });
});

describe('targetList', () => {
  it('lists the targets in a fixed order whatever order they were given in', () => {
    expect(targetList(['spark-submit', 'spark-operator'])).toEqual(['spark-operator', 'spark-submit']);
  });
});
