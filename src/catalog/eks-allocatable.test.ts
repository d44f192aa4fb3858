import { describe, expect, it } from 'vitest';
import type { InstanceTypeFacts } from '../model/spark-job.js';
import {
  EVICTION_HARD_MEMORY_MIB,
  FALLBACK_MAX_PODS,
  eksAllocatable,
  kubeReservedCpuMilli,
  kubeReservedMemoryMiB,
  maxPods,
} from './eks-allocatable.js';
import { instanceTypeFacts } from './instance-types.js';

function facts(type: string): InstanceTypeFacts {
  const known = instanceTypeFacts(type);
  if (known?.vcpu === undefined || known.memoryMiB === undefined) throw new Error(`catalog lacks ${type}`);
  return { type, vcpu: known.vcpu, memoryMiB: known.memoryMiB, arch: known.arch };
}

describe('maxPods', () => {
  it('follows the ENI ladder of facts §9', () => {
    expect(maxPods('m5.large')).toBe(29);
    expect(maxPods('m5.xlarge')).toBe(58);
    expect(maxPods('r5.2xlarge')).toBe(58);
    expect(maxPods('m6g.4xlarge')).toBe(234);
    expect(maxPods('c5.9xlarge')).toBe(234);
    expect(maxPods('r6i.12xlarge')).toBe(234);
    expect(maxPods('c5.18xlarge')).toBe(737);
    expect(maxPods('m5.24xlarge')).toBe(737);
    expect(maxPods('i4i.24xlarge')).toBe(437);
  });

  it('falls back to 110 for types the table does not know', () => {
    expect(maxPods('x2iedn.xlarge')).toBe(FALLBACK_MAX_PODS);
    expect(maxPods('m5.metal')).toBe(FALLBACK_MAX_PODS);
    expect(maxPods('m6g.medium')).toBe(FALLBACK_MAX_PODS);
    expect(maxPods('nonsense')).toBe(FALLBACK_MAX_PODS);
  });
});

describe('kube-reserved', () => {
  it('reserves 11 MiB per pod plus 255 MiB', () => {
    expect(kubeReservedMemoryMiB(58)).toBe(893);
    expect(kubeReservedMemoryMiB(29)).toBe(574);
  });

  it('reserves CPU by the 6% / 1% / 0.5% / 0.25% ladder', () => {
    expect(kubeReservedCpuMilli(1)).toBe(60);
    expect(kubeReservedCpuMilli(2)).toBe(70);
    expect(kubeReservedCpuMilli(4)).toBe(80);
    expect(kubeReservedCpuMilli(8)).toBe(90);
    // 96 vCPU: 60 + 10 + 10 + 92 cores × 2.5m = 310m.
    expect(kubeReservedCpuMilli(96)).toBe(310);
  });
});

describe('eksAllocatable', () => {
  it('reproduces the worked example of facts §9 (m5.2xlarge)', () => {
    expect(eksAllocatable(facts('m5.2xlarge'))).toEqual({
      cpuMilli: 7910,
      memoryMiB: 32768 - 893 - EVICTION_HARD_MEMORY_MIB,
      maxPods: 58,
    });
  });

  it('uses the fallback maxPods for memory when the type is off the table', () => {
    const node = eksAllocatable({ type: 'z9.huge', vcpu: 2, memoryMiB: 4096, arch: 'x86_64' });
    expect(node).toEqual({ cpuMilli: 1930, memoryMiB: 4096 - (11 * 110 + 255) - 100, maxPods: 110 });
  });
});
