import { describe, expect, it } from 'vitest';
import type { Toleration } from '../../model/kubernetes.js';
import { nightlyEtlPlan } from '../plan-fixture.js';
import { placePods } from './pod-templates.js';

const SPOT: Toleration = { key: 'karpenter.sh/capacity-type', operator: 'Equal', value: 'spot', effect: 'NoSchedule' };
const ARM_AFFINITY = {
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchExpressions: [{ key: 'karpenter.k8s.aws/instance-family', operator: 'In' as const, values: ['m7g', 'r7g'] }] }],
    },
  },
};

describe('placePods', () => {
  it('needs no template when node selectors say everything (Spark 3.3+ role keys)', () => {
    const placement = placePods(nightlyEtlPlan());
    expect(placement).toEqual({ selectorStyle: 'role', templates: {}, diagnostics: [] });
  });

  it('puts tolerations and affinity in a template for the role that has them, with Spark\'s container name', () => {
    const plan = nightlyEtlPlan();
    plan.executor.tolerations = [SPOT];
    plan.executor.affinity = ARM_AFFINITY;
    const { templates } = placePods(plan);
    expect(templates.driver).toBeUndefined();
    expect(templates.executor).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      spec: { containers: [{ name: 'spark-kubernetes-executor' }], tolerations: [SPOT], affinity: ARM_AFFINITY },
    });
    // The template must not share structure with the plan: the plan stays the plan.
    expect((templates.executor!.spec as { affinity: unknown }).affinity).not.toBe(plan.executor.affinity);
  });

  it('writes tolerations and affinity in the Kubernetes field order, whatever order the plan built them in', () => {
    const plan = nightlyEtlPlan();
    plan.driver.tolerations = [{ effect: 'NoSchedule', value: 'spark', operator: 'Equal', key: 'dedicated' }];
    plan.driver.affinity = { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, preference: { matchExpressions: [{ values: ['r6g'], operator: 'In', key: 'family' }] } }] } };
    const spec = placePods(plan).templates.driver!.spec as { tolerations: object[]; affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: Array<{ preference: { matchExpressions: object[] } }> } } };
    expect(Object.keys(spec.tolerations[0]!)).toEqual(['key', 'operator', 'value', 'effect']);
    expect(Object.keys(spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]!.preference.matchExpressions[0]!)).toEqual(['key', 'operator', 'values']);
  });

  it('uses the global selector key before Spark 3.3 when both pods want the same labels, and templates when they differ', () => {
    const same = nightlyEtlPlan({ sparkVersion: '3.1.2' });
    same.driver.nodeSelector = { 'kubernetes.io/arch': 'amd64' };
    expect(placePods(same)).toMatchObject({ selectorStyle: 'global', templates: {} });

    const different = nightlyEtlPlan({ sparkVersion: '3.2.1' });
    different.driver.nodeSelector = { 'karpenter.sh/capacity-type': 'on-demand' };
    const placement = placePods(different);
    expect(placement.selectorStyle).toBe('template');
    expect(placement.templates.driver?.spec).toEqual({ containers: [{ name: 'spark-kubernetes-driver' }], nodeSelector: { 'karpenter.sh/capacity-type': 'on-demand' } });
    expect(placement.templates.executor?.spec).toEqual({ containers: [{ name: 'spark-kubernetes-executor' }], nodeSelector: { 'kubernetes.io/arch': 'amd64' } });
  });

  it('reports placement it cannot apply before Spark 3.0 instead of dropping it silently', () => {
    const plan = nightlyEtlPlan({ sparkVersion: '2.4.8', jobId: 'c/s-1' });
    plan.executor.tolerations = [SPOT];
    const placement = placePods(plan);
    expect(placement.templates).toEqual({});
    expect(placement.diagnostics).toEqual([
      expect.objectContaining({ code: 'placement-not-applied', severity: 'warning', jobId: 'c/s-1', message: expect.stringContaining('executor nodeSelector, tolerations') }),
    ]);
  });
});
