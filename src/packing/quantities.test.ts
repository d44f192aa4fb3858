import { describe, expect, it } from 'vitest';
import { cpuMillicores, memoryMiB } from './quantities.js';

describe('packing quantities', () => {
  it('reads CPU quantities as millicores, rounding down', () => {
    expect([cpuMillicores('2'), cpuMillicores('0.5'), cpuMillicores('500m'), cpuMillicores('.25'), cpuMillicores('1.0005')]).toEqual([2000, 500, 500, 250, 1000]);
    expect(cpuMillicores('two')).toBeUndefined();
    expect(cpuMillicores('-1')).toBeUndefined();
  });

  it('reads memory quantities as MiB, rounding down', () => {
    expect([memoryMiB('512Mi'), memoryMiB('2Gi'), memoryMiB('61255840Ki'), memoryMiB('1G'), memoryMiB('1048576')]).toEqual([512, 2048, 59820, 953, 1]);
    expect(memoryMiB('lots')).toBeUndefined();
  });
});
