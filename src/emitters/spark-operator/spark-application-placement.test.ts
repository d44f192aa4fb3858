import { describe, expect, it } from 'vitest';
import { emptyPodPlan } from '../../model/job-plan.js';
import { validateSparkApplication } from '../../validate/validate-spark-application.js';
import { nightlyEtlPlan } from '../plan-fixture.js';
import { toYaml } from '../yaml-writer.js';
import { buildSparkApplication } from './spark-application.js';

type Pod = Record<string, unknown> & { affinity?: Record<string, unknown>; tolerations?: Array<Record<string, unknown>> };

function pods(plan: ReturnType<typeof nightlyEtlPlan>): { manifest: Record<string, unknown>; driver: Pod; executor: Pod } {
  const { manifest } = buildSparkApplication(plan);
  const spec = manifest.spec as { driver: Pod; executor: Pod };
  return { manifest, driver: spec.driver, executor: spec.executor };
}

const SPOT_AFFINITY = {
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchExpressions: [{ values: ['m6g', 'r6g'], operator: 'In' as const, key: 'karpenter.k8s.aws/instance-family' }] }],
    },
    preferredDuringSchedulingIgnoredDuringExecution: [
      { preference: { matchExpressions: [{ operator: 'Exists' as const, key: 'example.com/local-nvme' }] }, weight: 20 },
    ],
  },
};

describe('SparkApplication placement fields', () => {
  it('writes affinity and tolerations after the node selector, with fields in the Kubernetes order', () => {
    const plan = nightlyEtlPlan();
    plan.executor.affinity = SPOT_AFFINITY;
    plan.executor.tolerations = [{ effect: 'NoSchedule', value: 'spot', operator: 'Equal', key: 'karpenter.sh/capacity-type' }, { operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }];
    plan.driver.tolerations = [{ key: 'workload', operator: 'Equal', value: 'spark', effect: 'NoSchedule' }];
    const { manifest, driver, executor } = pods(plan);

    expect(validateSparkApplication(manifest)).toEqual({ valid: true, errors: [] });
    const keys = Object.keys(executor);
    expect(keys.slice(keys.indexOf('nodeSelector'), keys.indexOf('nodeSelector') + 3)).toEqual(['nodeSelector', 'affinity', 'tolerations']);
    expect(executor.tolerations?.map((t) => Object.keys(t))).toEqual([
      ['key', 'operator', 'value', 'effect'],
      ['operator', 'effect', 'tolerationSeconds'],
    ]);
    const nodeAffinity = executor.affinity?.nodeAffinity as Record<string, unknown>;
    expect(Object.keys(nodeAffinity)).toEqual(['requiredDuringSchedulingIgnoredDuringExecution', 'preferredDuringSchedulingIgnoredDuringExecution']);
    const required = nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution as { nodeSelectorTerms: Array<{ matchExpressions: object[] }> };
    expect(Object.keys(required.nodeSelectorTerms[0]!.matchExpressions[0]!)).toEqual(['key', 'operator', 'values']);
    const preferred = nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution as Array<Record<string, unknown>>;
    expect(Object.keys(preferred[0]!)).toEqual(['weight', 'preference']);
    expect(driver.tolerations).toEqual([{ key: 'workload', operator: 'Equal', value: 'spark', effect: 'NoSchedule' }]);
    expect(driver.affinity).toBeUndefined();
  });

  it('writes the same YAML whatever order the plan objects were built in', () => {
    const a = nightlyEtlPlan();
    a.executor.affinity = SPOT_AFFINITY;
    const b = nightlyEtlPlan();
    b.executor.affinity = JSON.parse(JSON.stringify(SPOT_AFFINITY, ['nodeAffinity', 'preferredDuringSchedulingIgnoredDuringExecution', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms', 'matchExpressions', 'preference', 'weight', 'values', 'key', 'operator'])) as typeof SPOT_AFFINITY;
    expect(toYaml([pods(b).manifest])).toBe(toYaml([pods(a).manifest]));
  });

  it('leaves out empty tolerations and an affinity without terms', () => {
    const plan = nightlyEtlPlan({ driver: { ...emptyPodPlan(), cores: 1, memory: '2048m' } });
    plan.executor.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] }, preferredDuringSchedulingIgnoredDuringExecution: [] } };
    const { driver, executor } = pods(plan);
    expect(driver).not.toHaveProperty('tolerations');
    expect(driver).not.toHaveProperty('affinity');
    expect(executor).not.toHaveProperty('affinity');
    expect(executor).not.toHaveProperty('tolerations');
  });
});
