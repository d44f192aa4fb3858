import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { YuniKornConfig, YuniKornQueue } from './queues-yaml.js';
import { typeFacts } from './test-support.js';

/**
 * The reviewed output of fixtures/yunikorn-queues (which test/golden.test.ts keeps equal to
 * what the binary writes): the acceptance criterion of the issue, checked on the real pipeline's
 * output rather than on a unit's.
 */
const SCENARIO = join(import.meta.dirname, '../../../fixtures/yunikorn-queues');

function quantity(q: string | undefined, unit: 'Mi' | 'vcore'): number {
  if (unit === 'Mi') return Number(/^(\d+)Mi$/.exec(q ?? '')?.[1] ?? NaN);
  const m = /^(\d+)(m?)$/.exec(q ?? '');
  return m ? Number(m[1]) * (m[2] === 'm' ? 1 : 1000) : NaN;
}

function guaranteed(q: YuniKornQueue): [number, number] {
  return [quantity(q.resources?.guaranteed.memory, 'Mi'), quantity(q.resources?.guaranteed.vcore, 'vcore')];
}

function sum(queues: YuniKornQueue[]): [number, number] {
  return queues.map(guaranteed).reduce(([m, v], [a, b]) => [m + a, v + b], [0, 0]);
}

describe('fixtures/yunikorn-queues', () => {
  const configMap = load(readFileSync(join(SCENARIO, 'expected/platform/yunikorn-configs.yaml'), 'utf8')) as { data: Record<string, string> };
  const root = (load(configMap.data['queues.yaml'] as string) as YuniKornConfig).partitions[0]?.queues[0] as YuniKornQueue;

  it('has a nested queue tree three levels deep', () => {
    const depth = (q: YuniKornQueue): number => 1 + Math.max(0, ...(q.queues ?? []).map(depth));
    expect(depth(root) - 1).toBe(3);
  });

  it('gives guaranteed resources that add up to the cluster capacity (6 × m5.4xlarge core + 4 × r5.2xlarge task nodes)', () => {
    const core = typeFacts('m5.4xlarge');
    const task = typeFacts('r5.2xlarge');
    const cluster: [number, number] = [6 * (core.yarnMemoryMiB as number) + 4 * (task.yarnMemoryMiB as number), (6 * core.vcpu + 4 * task.vcpu) * 1000];
    expect(sum(root.queues ?? [])).toEqual(cluster);
    const check = (q: YuniKornQueue) => {
      if (!q.queues) return;
      expect(sum(q.queues), q.name).toEqual(guaranteed(q));
      q.queues.forEach(check);
    };
    (root.queues ?? []).forEach(check);
  });
});
