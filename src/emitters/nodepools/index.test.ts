import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { defaultProjectConfig, type ProjectConfig } from '../../config/project-config.js';
import type { SparkJob } from '../../model/spark-job.js';
import { group, jobOn } from '../../packing/packing-fixture.js';
import { nightlyEtlPlan } from '../plan-fixture.js';
import type { EmitContext } from '../emitter.js';
import { emitNodePools, NODEPOOLS_PATH } from './index.js';
import { nodePoolName } from './node-pool.js';
import { nodePoolProblems, type NodePoolManifest } from './schema.js';

const CLUSTER = 'j-2AXXXXXXGAPLF';

function context(jobs: SparkJob[], config: ProjectConfig = defaultProjectConfig(), nodePools = true): EmitContext {
  return { jobs: new Map(jobs.map((j) => [j.id, j])), config, outRoot: '', options: { rightSize: false, nodePools } };
}

/** Spot m5 core nodes, a Graviton task fleet of two types, an on-demand master. */
function mixedCluster(): { job: SparkJob; plan: ReturnType<typeof nightlyEtlPlan> } {
  const plan = nightlyEtlPlan();
  const job = {
    ...jobOn([group('MASTER', ['m5.xlarge'], 'ON_DEMAND', 1), group('CORE', ['m5.4xlarge'], 'SPOT', 4), group('TASK', ['r6g.4xlarge', 'm6g.4xlarge'], 'SPOT', 10)]),
    id: plan.jobId,
  };
  return { job: { ...job, cluster: { ...job.cluster, key: CLUSTER } }, plan };
}

function pools(text: string): NodePoolManifest[] {
  return text.split(/^---\n/m).map((doc) => load(doc) as NodePoolManifest);
}

describe('emitNodePools', () => {
  it('writes one NodePool per role group at platform/nodepools.yaml', () => {
    const { job, plan } = mixedCluster();
    const result = emitNodePools([plan], context([job]));
    expect(result.diagnostics).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual([NODEPOOLS_PATH]);
    const [master, core, task] = pools(result.files[0]!.content);
    expect([master, core, task].map((p) => p?.metadata.name)).toEqual(['emr-j-2axxxxxxgaplf-master', 'emr-j-2axxxxxxgaplf-core', 'emr-j-2axxxxxxgaplf-task']);
    expect(core).toMatchObject({
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      spec: {
        template: {
          spec: {
            nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: 'default' },
            requirements: [
              { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] },
              { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
              { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
              { key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['m5'] },
            ],
            expireAfter: '720h',
          },
        },
        // 4 × m5.4xlarge (16 vCPU, 64 GiB)
        limits: { cpu: '64', memory: '256Gi' },
        disruption: { consolidationPolicy: 'WhenEmpty', consolidateAfter: '5m' },
      },
    });
    // The Graviton fleet: arm64, both families, limits from its largest type (r6g.4xlarge 128 GiB) × 10 units.
    expect(task?.spec.template.spec.requirements).toContainEqual({ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] });
    expect(task?.spec.template.spec.requirements).toContainEqual({ key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['m6g', 'r6g'] });
    expect(task?.spec.limits).toEqual({ cpu: '160', memory: '1280Gi' });
    expect(master?.spec.template.spec.requirements[0]).toEqual({ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] });
    expect(task?.metadata.annotations).toMatchObject({ 'emr2k8s.io/instance-role': 'TASK', 'emr2k8s.io/instance-types': 'r6g.4xlarge,m6g.4xlarge' });
  });

  it('follows placement.instanceTypes: exact types, or no type requirement', () => {
    const { job, plan } = mixedCluster();
    const byType = { ...defaultProjectConfig(), placement: { ...defaultProjectConfig().placement, instanceTypes: 'type' as const } };
    const task = pools(emitNodePools([plan], context([job], byType)).files[0]!.content)[2];
    expect(task?.spec.template.spec.requirements).toContainEqual({ key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['m6g.4xlarge', 'r6g.4xlarge'] });
    const any = { ...defaultProjectConfig(), placement: { ...defaultProjectConfig().placement, instanceTypes: 'any' as const } };
    const keys = pools(emitNodePools([plan], context([job], any)).files[0]!.content)[2]?.spec.template.spec.requirements.map((r: { key: string }) => r.key);
    expect(keys).toEqual(['karpenter.sh/capacity-type', 'kubernetes.io/os', 'kubernetes.io/arch']);
  });

  it('numbers several groups of one role and is the same whatever the plan order', () => {
    const plan = nightlyEtlPlan();
    const other = nightlyEtlPlan({ jobId: `${CLUSTER}/s-2`, source: { ...plan.source, id: `${CLUSTER}/s-2` } });
    const roles = [group('CORE', ['r5.2xlarge']), group('TASK', ['c5.4xlarge'], 'SPOT'), group('TASK', ['i3.2xlarge'], 'SPOT')];
    const base = jobOn(roles);
    const jobs = [plan, other].map((p) => ({ ...base, id: p.jobId, cluster: { ...base.cluster, key: CLUSTER } }));
    const forward = emitNodePools([plan, other], context(jobs));
    expect(pools(forward.files[0]!.content).map((p) => p.metadata.name)).toEqual(['emr-j-2axxxxxxgaplf-core', 'emr-j-2axxxxxxgaplf-task-1', 'emr-j-2axxxxxxgaplf-task-2']);
    expect(emitNodePools([other, plan], context(jobs))).toEqual(forward);
  });

  it('writes nothing without --nodepools, and says so when the input has no instance groups', () => {
    const { job, plan } = mixedCluster();
    expect(emitNodePools([plan], context([job], defaultProjectConfig(), false))).toEqual({ files: [], diagnostics: [] });
    const bare = { ...job, facts: { ...job.facts, roles: [] } };
    expect(emitNodePools([plan], context([bare])).diagnostics.map((d) => d.code)).toEqual(['nodepools-none']);
    expect(emitNodePools([{ ...plan, status: 'unsupported' }], context([job])).files).toEqual([]);
  });

  it('warns when the config selects nodes by other labels than the NodePools give them', () => {
    const { job, plan } = mixedCluster();
    const config = defaultProjectConfig();
    const custom = { ...config, placement: { ...config.placement, labels: { ...config.placement.labels, instanceFamily: 'example.com/family' } } };
    const result = emitNodePools([plan], context([job], custom));
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'nodepool-labels-differ', severity: 'warning', message: expect.stringContaining('placement.labels.instanceFamily') })]);
    expect(result.files).toHaveLength(1);
  });
});

describe('NodePool names and schema', () => {
  it('makes DNS labels of at most 63 characters, shortened with a hash', () => {
    expect(nodePoolName('My Cluster_1', 'TASK', 2)).toBe('emr-my-cluster-1-task-2');
    const long = nodePoolName('x'.repeat(80), 'CORE', undefined);
    expect(long).toHaveLength(63);
    expect(long).toMatch(/^emr-x+-[0-9a-f]{8}$/);
    expect(nodePoolName('y'.repeat(80), 'CORE', undefined)).not.toBe(long);
  });

  it('rejects fields, operators, durations and label domains Karpenter would reject', () => {
    const { job, plan } = mixedCluster();
    const valid = pools(emitNodePools([plan], context([job])).files[0]!.content)[1]!;
    expect(nodePoolProblems(valid)).toEqual([]);
    type Loose = { spec: { disruption: { consolidateAfter: string }; template: { spec: { requirements: object[] } }; extra?: boolean } };
    const broken = structuredClone(valid) as unknown as Loose;
    broken.spec.disruption.consolidateAfter = '5 minutes';
    broken.spec.template.spec.requirements.push({ key: 'kubernetes.io/hostname', operator: 'In', values: ['a'] }, { key: 'x', operator: 'Near' });
    broken.spec.extra = true;
    const problems = nodePoolProblems(broken);
    expect(problems.some((p) => p.startsWith('spec.disruption.consolidateAfter'))).toBe(true);
    expect(problems.some((p) => p.includes('restricted'))).toBe(true);
    expect(problems.some((p) => p.startsWith('spec.template.spec.requirements.5.operator'))).toBe(true);
    expect(problems.some((p) => p.includes('extra'))).toBe(true);
  });
});
