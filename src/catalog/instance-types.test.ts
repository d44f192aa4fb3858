import { describe, expect, it } from 'vitest';
import { instanceTypeFacts } from './instance-types.js';

describe('instanceTypeFacts', () => {
  it('combines EC2 specs (facts §9) with EMR YARN memory (facts §8.3)', () => {
    expect(instanceTypeFacts('r5.2xlarge')).toEqual({ type: 'r5.2xlarge', vcpu: 8, memoryMiB: 65536, yarnMemoryMiB: 57344, arch: 'x86_64' });
    expect(instanceTypeFacts('c5.9xlarge')).toMatchObject({ vcpu: 36, memoryMiB: 73728, yarnMemoryMiB: 65536 });
    expect(instanceTypeFacts('i3.large')).toMatchObject({ vcpu: 2, memoryMiB: 15616 });
  });

  it('marks Graviton families arm64', () => {
    expect(instanceTypeFacts('m6g.4xlarge')).toMatchObject({ arch: 'arm64', vcpu: 16, yarnMemoryMiB: 54272 });
    expect(instanceTypeFacts('r6gd.2xlarge')?.arch).toBe('arm64');
    expect(instanceTypeFacts('c6g.xlarge')?.arch).toBe('arm64');
    expect(instanceTypeFacts('m7g.medium')).toMatchObject({ arch: 'arm64', vcpu: 1, memoryMiB: 4096 });
    expect(instanceTypeFacts('m5d.xlarge')?.arch).toBe('x86_64');
  });

  it('leaves fields facts.md does not give undefined', () => {
    const c5n = instanceTypeFacts('c5n.xlarge');
    expect(c5n).toEqual({ type: 'c5n.xlarge', yarnMemoryMiB: 8064, arch: 'x86_64' });
    expect(instanceTypeFacts('m4.large')).toEqual({ type: 'm4.large', vcpu: 2, memoryMiB: 8192, yarnMemoryMiB: 6144, arch: 'x86_64' });
    expect(instanceTypeFacts('r6g.4xlarge')).toEqual({ type: 'r6g.4xlarge', vcpu: 16, memoryMiB: 131072, yarnMemoryMiB: 116736, arch: 'arm64' });
    const m6i = instanceTypeFacts('m6i.32xlarge');
    expect(m6i).toEqual({ type: 'm6i.32xlarge', vcpu: 128, memoryMiB: 524288, arch: 'x86_64' });
    expect(instanceTypeFacts('m5.large')?.yarnMemoryMiB).toBeUndefined();
  });

  it('follows the c5d rows: no 12xlarge or 24xlarge', () => {
    expect(instanceTypeFacts('c5d.4xlarge')?.yarnMemoryMiB).toBe(24576);
    expect(instanceTypeFacts('c5d.12xlarge')).toBeUndefined();
  });

  it('returns undefined for unknown families, sizes and malformed names', () => {
    expect(instanceTypeFacts('r7i.2xlarge')).toBeUndefined();
    expect(instanceTypeFacts('m5.nano')).toBeUndefined();
    expect(instanceTypeFacts('m5')).toBeUndefined();
    expect(instanceTypeFacts('')).toBeUndefined();
  });
});
