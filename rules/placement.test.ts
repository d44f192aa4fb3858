import { describe, expect, it } from 'vitest';
import type { ClusterFacts } from '../src/rule-api.js';
import { buildJob, checkRule, defaultProjectConfig, runRuleCase } from '../src/rule-api.js';
import { allRules } from './index.js';
import rule from './placement.js';

type Role = ClusterFacts['roles'][number];

const CAPACITY = 'karpenter.sh/capacity-type';
const ARCH = 'kubernetes.io/arch';
const FAMILY = 'karpenter.k8s.aws/instance-family';
const TYPE = 'node.kubernetes.io/instance-type';

/** A role as normalization builds it; arch and sizes matter only as the catalog would give them. */
function role(r: Role['role'], market: Role['market'], types: string[], unknownTypes: string[] = [], count = 2): Role {
  return {
    role: r,
    market,
    count,
    unknownTypes,
    instanceTypes: types.map((type) => ({ type, vcpu: 8, memoryMiB: 65536, arch: /^[a-z]+\d+gd?\./.test(type) ? 'arm64' : 'x86_64' })),
  };
}

const MASTER = role('MASTER', 'ON_DEMAND', ['m6g.xlarge'], [], 1);
const job = (...roles: Role[]) => buildJob({ facts: { roles } });

function placementConfig(overrides: Partial<ReturnType<typeof defaultProjectConfig>['placement']>) {
  return { placement: { ...defaultProjectConfig().placement, ...overrides } };
}

const affinityIn = (key: string, values: string[]) => ({
  nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'In', values }] }] } },
});

const TAINT = { key: 'workload', operator: 'Equal' as const, value: 'spark', effect: 'NoSchedule' as const };
const SPOT_TAINT = { key: CAPACITY, operator: 'Equal' as const, value: 'spot', effect: 'NoSchedule' as const };

describe('placement', () => {
  it('follows its case table', () => {
    checkRule(rule, [
      {
        name: 'spot Graviton core and task fleets: driver on on-demand, executors on spot arm64 families',
        job: job(MASTER, role('CORE', 'SPOT', ['r6g.2xlarge'], ['r7g.2xlarge']), role('TASK', 'SPOT', ['m6g.4xlarge', 'm7g.4xlarge'])),
        fields: {
          [`driver.nodeSelector.${CAPACITY}`]: 'on-demand',
          [`driver.nodeSelector.${ARCH}`]: 'arm64',
          [`executor.nodeSelector.${CAPACITY}`]: 'spot',
          [`executor.nodeSelector.${ARCH}`]: 'arm64',
          [`executor.nodeSelector.${FAMILY}`]: undefined,
          'executor.affinity': affinityIn(FAMILY, ['m6g', 'm7g', 'r6g', 'r7g']),
          'driver.affinity': undefined,
        },
        messages: ['image-multi-arch'],
      },
      {
        name: 'one on-demand x86 instance group: node selectors only, no affinity, no diagnostics',
        job: job(role('MASTER', 'ON_DEMAND', ['m5.xlarge'], [], 1), role('CORE', 'ON_DEMAND', ['r5.4xlarge'])),
        fields: {
          [`driver.nodeSelector.${CAPACITY}`]: 'on-demand',
          [`driver.nodeSelector.${ARCH}`]: 'amd64',
          [`executor.nodeSelector.${CAPACITY}`]: 'on-demand',
          [`executor.nodeSelector.${ARCH}`]: 'amd64',
          [`executor.nodeSelector.${FAMILY}`]: 'r5',
          'executor.affinity': undefined,
        },
        messages: [],
      },
      {
        name: 'on-demand core and spot task: no capacity type for executors, spot tolerations added',
        job: job(MASTER, role('CORE', 'ON_DEMAND', ['r5.2xlarge']), role('TASK', 'SPOT', ['r5.2xlarge'])),
        config: placementConfig({ tolerations: [TAINT], spotTolerations: [SPOT_TAINT] }),
        fields: {
          [`driver.nodeSelector.${CAPACITY}`]: 'on-demand',
          [`executor.nodeSelector.${CAPACITY}`]: undefined,
          [`executor.nodeSelector.${FAMILY}`]: 'r5',
          'driver.tolerations': [TAINT],
          'executor.tolerations': [TAINT, SPOT_TAINT],
        },
        messages: ['mixed-capacity'],
      },
      {
        name: 'a fleet mixing Graviton and x86: no architecture constraint, a warning',
        job: job(MASTER, role('CORE', 'SPOT', ['m5.2xlarge', 'm6g.2xlarge'])),
        fields: {
          [`driver.nodeSelector.${ARCH}`]: undefined,
          [`executor.nodeSelector.${ARCH}`]: undefined,
          [`executor.nodeSelector.${CAPACITY}`]: 'spot',
          'executor.affinity': affinityIn(FAMILY, ['m5', 'm6g']),
        },
        messages: ['mixed-arch'],
      },
      {
        name: 'instanceTypes: type pins exact types; one type is a node selector',
        job: job(MASTER, role('CORE', 'ON_DEMAND', ['r6g.2xlarge'])),
        config: placementConfig({ instanceTypes: 'type' }),
        fields: { [`executor.nodeSelector.${TYPE}`]: 'r6g.2xlarge', [`executor.nodeSelector.${FAMILY}`]: undefined },
        messages: ['image-multi-arch'],
      },
      {
        name: 'instanceTypes: any leaves types free but keeps capacity type and architecture',
        job: job(MASTER, role('CORE', 'SPOT', ['r6g.2xlarge', 'r6gd.2xlarge'])),
        config: placementConfig({ instanceTypes: 'any', spotTolerations: [SPOT_TAINT] }),
        fields: {
          'executor.affinity': undefined,
          [`executor.nodeSelector.${CAPACITY}`]: 'spot',
          [`executor.nodeSelector.${ARCH}`]: 'arm64',
          'executor.tolerations': [SPOT_TAINT],
        },
        messages: ['image-multi-arch'],
      },
      {
        name: 'labels and capacity values of an EKS managed node group cluster',
        job: job(MASTER, role('CORE', 'SPOT', ['c5.4xlarge'])),
        config: placementConfig({
          labels: { ...defaultProjectConfig().placement.labels, capacityType: 'eks.amazonaws.com/capacityType' },
          capacityTypes: { onDemand: 'ON_DEMAND', spot: 'SPOT' },
          instanceTypes: 'type',
        }),
        fields: {
          'driver.nodeSelector.eks.amazonaws.com/capacityType': 'ON_DEMAND',
          'executor.nodeSelector.eks.amazonaws.com/capacityType': 'SPOT',
          [`executor.nodeSelector.${TYPE}`]: 'c5.4xlarge',
        },
        messages: [],
      },
      {
        name: 'a placeholder instance type: no type, family or architecture constraint',
        job: job(MASTER, role('CORE', 'ON_DEMAND', [], ['${var.core_instance_type}'])),
        fields: {
          [`executor.nodeSelector.${CAPACITY}`]: 'on-demand',
          [`executor.nodeSelector.${ARCH}`]: undefined,
          [`executor.nodeSelector.${FAMILY}`]: undefined,
          [`driver.nodeSelector.${CAPACITY}`]: 'on-demand',
        },
        messages: ['instance-type-unresolved'],
      },
      {
        name: 'a family outside the EC2 naming scheme: no architecture constraint',
        job: job(MASTER, role('CORE', 'ON_DEMAND', [], ['u-6tb1.metal'])),
        fields: { [`executor.nodeSelector.${ARCH}`]: undefined, [`executor.nodeSelector.${FAMILY}`]: 'u-6tb1' },
        messages: ['arch-unknown'],
      },
      {
        name: 'steps only: no placement, config tolerations still apply',
        job: job(),
        config: placementConfig({ tolerations: [TAINT], spotTolerations: [SPOT_TAINT] }),
        fields: {
          [`driver.nodeSelector.${CAPACITY}`]: undefined,
          [`executor.nodeSelector.${CAPACITY}`]: undefined,
          'driver.tolerations': [TAINT],
          'executor.tolerations': [TAINT],
        },
        messages: ['no-instance-facts'],
      },
      {
        name: "the job's own executor node selector on the capacity label wins",
        job: buildJob({
          conf: { [`spark.kubernetes.executor.node.selector.${CAPACITY}`]: { value: 'on-demand', layer: 'conf' } },
          facts: { roles: [MASTER, role('CORE', 'SPOT', ['r6g.2xlarge'])] },
        }),
        fields: { [`executor.nodeSelector.${CAPACITY}`]: undefined, [`executor.nodeSelector.${ARCH}`]: 'arm64', [`driver.nodeSelector.${CAPACITY}`]: 'on-demand' },
        messages: ['node-selector-kept', 'image-multi-arch'],
      },
    ]);
  });

  it('places executors on the master of a single-node cluster', () => {
    const plan = runRuleCase(rule, { name: 'single node', job: job(role('MASTER', 'SPOT', ['m5.2xlarge'], [], 1)) });
    expect(plan.executor.nodeSelector).toEqual({ [CAPACITY]: 'spot', [ARCH]: 'amd64', [FAMILY]: 'm5' });
    expect(plan.driver.nodeSelector).toEqual({ [CAPACITY]: 'on-demand', [ARCH]: 'amd64' });
  });

  it('ignores a task fleet with no capacity', () => {
    const plan = runRuleCase(rule, { name: 'empty task fleet', job: job(MASTER, role('CORE', 'SPOT', ['r5.2xlarge']), role('TASK', 'ON_DEMAND', ['c5.xlarge'], [], 0)) });
    expect(plan.executor.nodeSelector).toEqual({ [CAPACITY]: 'spot', [ARCH]: 'amd64', [FAMILY]: 'r5' });
  });

  it('names the instance roles and the config keys behind every field', () => {
    const j = job(MASTER, role('CORE', 'SPOT', ['r6g.2xlarge', 'r7g.2xlarge']), role('TASK', 'SPOT', ['m6g.4xlarge']));
    // Fleets located per listed type: provenance points at each one.
    j.locations['cluster/instances/CORE/instanceTypes/0'] = { file: 'describe-cluster.json', line: 10 };
    j.locations['cluster/instances/CORE/instanceTypes/1'] = { file: 'describe-cluster.json', line: 14 };
    const plan = runRuleCase(rule, { name: 'provenance', job: j, config: placementConfig({ spotTolerations: [SPOT_TAINT] }) });
    expect(plan.provenance[`executor.nodeSelector.${CAPACITY}`]).toEqual({
      rule: 'placement',
      from: ['cluster/instances/CORE/market', 'cluster/instances/TASK/market', 'config/placement.labels.capacityType', 'config/placement.capacityTypes.spot'],
    });
    expect(plan.provenance[`driver.nodeSelector.${CAPACITY}`]).toEqual({
      rule: 'placement',
      from: ['config/placement.labels.capacityType', 'config/placement.capacityTypes.onDemand'],
    });
    expect(plan.provenance['executor.affinity']).toEqual({
      rule: 'placement',
      from: [
        'cluster/instances/CORE/instanceTypes/0',
        'cluster/instances/CORE/instanceTypes/1',
        'cluster/instances/TASK/instanceTypes',
        'config/placement.instanceTypes',
        'config/placement.labels.instanceFamily',
      ],
    });
    expect(plan.provenance['executor.tolerations']).toEqual({
      rule: 'placement',
      from: ['config/placement.spotTolerations', 'cluster/instances/CORE/market', 'cluster/instances/TASK/market'],
    });
    const multiArch = plan.diagnostics.find((d) => d.code === 'image-multi-arch');
    expect(multiArch?.message).toContain('m6g.4xlarge, r6g.2xlarge, r7g.2xlarge');
    expect(multiArch?.location).toEqual({ file: 'describe-cluster.json', line: 10 });
  });

  it('writes the same plan whatever order the roles and types come in', () => {
    const a = runRuleCase(rule, { name: 'a', job: job(MASTER, role('CORE', 'SPOT', ['r7g.2xlarge', 'r6g.2xlarge']), role('TASK', 'SPOT', ['m7g.4xlarge', 'm6g.4xlarge'])) });
    const b = runRuleCase(rule, { name: 'b', job: job(role('TASK', 'SPOT', ['m6g.4xlarge', 'm7g.4xlarge']), role('CORE', 'SPOT', ['r6g.2xlarge', 'r7g.2xlarge']), MASTER) });
    expect(a.executor).toEqual(b.executor);
    expect(a.driver).toEqual(b.driver);
  });

  it('does not repeat a toleration listed both for all pods and for spot pods', () => {
    const plan = runRuleCase(rule, {
      name: 'dedupe',
      job: job(MASTER, role('CORE', 'SPOT', ['r5.2xlarge'])),
      config: placementConfig({ tolerations: [TAINT], spotTolerations: [{ ...TAINT }, SPOT_TAINT] }),
    });
    expect(plan.executor.tolerations).toEqual([TAINT, SPOT_TAINT]);
  });

  it('runs after yarn-settings, whose node-label selectors it must not contradict', () => {
    const ids = allRules.map((r) => r.id);
    expect(ids.indexOf('placement')).toBeGreaterThan(ids.indexOf('yarn-settings'));
  });
});
