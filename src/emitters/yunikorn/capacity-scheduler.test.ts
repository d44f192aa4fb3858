import { describe, expect, it } from 'vitest';
import { readCapacityScheduler } from './capacity-scheduler.js';
import { yarnCapacity } from './cluster-resources.js';
import { clusterJob, role, typeFacts } from './test-support.js';

const P = 'yarn.scheduler.capacity.';

function read(properties: Record<string, string>) {
  return readCapacityScheduler(clusterJob('j-1', properties, []));
}

describe('readCapacityScheduler', () => {
  it('builds the queue tree from the queues lists, with each queue\'s own settings', () => {
    const config = read({
      [`${P}root.queues`]: ' data , default ',
      [`${P}root.data.queues`]: 'etl',
      [`${P}root.data.capacity`]: '80',
      [`${P}root.data.etl.capacity`]: '100',
      [`${P}root.data.etl.maximum-capacity`]: '-1',
      [`${P}root.data.etl.ordering-policy`]: 'fair',
      [`${P}root.default.capacity`]: '20',
      [`${P}root.default.maximum-applications`]: '5',
    });
    const data = config?.root.children[0];
    expect(config?.root.children.map((c) => c.path)).toEqual(['root.data', 'root.default']);
    expect(data).toMatchObject({ capacity: 80, children: [{ path: 'root.data.etl', capacity: 100, maximumCapacity: 100, orderingPolicy: 'fair' }] });
    expect(config?.root.children[1]).toMatchObject({ capacity: 20, maximumApplications: 5 });
    expect(data?.children[0]?.refs.capacity).toBe(`cluster/configurations/capacity-scheduler/${P}root.data.etl.capacity`);
    expect(config?.unexpressed).toEqual([]);
  });

  it('is undefined without the classification or without a root queues list', () => {
    expect(readCapacityScheduler(clusterJob('j-1', undefined, []))).toBeUndefined();
    expect(read({ [`${P}resource-calculator`]: 'org.apache.hadoop.yarn.util.resource.DominantResourceCalculator' })).toBeUndefined();
  });

  it('lists what YuniKorn cannot express, with the queue and the reason', () => {
    const config = read({
      [`${P}root.queues`]: 'a,b',
      [`${P}root.a.user-limit-factor`]: '2',
      [`${P}root.a.acl_administer_queue`]: 'ops',
      [`${P}root.a.state`]: 'STOPPED',
      [`${P}root.b.capacity`]: '[memory=4096,vcores=2]',
      [`${P}root.b.accessible-node-labels.gpu.capacity`]: '100',
      [`${P}root.ordering-policy`]: 'priority-utilization',
      [`${P}maximum-am-resource-percent`]: '0.5',
    });
    expect(config?.unexpressed.map((u) => [u.queue ?? '(scheduler)', u.attribute])).toEqual([
      ['(scheduler)', 'maximum-am-resource-percent'],
      ['root.a', 'acl_administer_queue'],
      ['root.a', 'state'],
      ['root.a', 'user-limit-factor'],
      ['root.b', 'accessible-node-labels.gpu.capacity'],
      ['root.b', 'capacity'],
      ['root', 'ordering-policy'],
    ]);
    expect(config?.unexpressed.find((u) => u.attribute === 'state')?.why).toContain('STOPPED');
    expect(config?.root.children[1]?.capacity).toBeUndefined();
  });

  it('sets apart settings of queues that no queues list declares', () => {
    const config = read({ [`${P}root.queues`]: 'a', [`${P}root.a.capacity`]: '100', [`${P}root.old.capacity`]: '50', [`${P}root.a.gone.capacity`]: '10' });
    expect(config?.undeclared.map((u) => u.key)).toEqual([`${P}root.a.gone.capacity`, `${P}root.old.capacity`]);
  });
});

describe('yarnCapacity', () => {
  it('sums count × YARN memory and vCPU over core and task nodes, not the primary node', () => {
    const job = clusterJob('j-1', undefined, [role('MASTER', ['m5.xlarge'], 1), role('CORE', ['m5.4xlarge'], 3), role('TASK', ['r5.xlarge'], 2)]);
    const m5 = typeFacts('m5.4xlarge');
    const r5 = typeFacts('r5.xlarge');
    expect(yarnCapacity(job)).toMatchObject({
      memoryMiB: 3 * (m5.yarnMemoryMiB as number) + 2 * (r5.yarnMemoryMiB as number),
      vcoreMillis: (3 * m5.vcpu + 2 * r5.vcpu) * 1000,
      estimates: [],
    });
  });

  it('lets a cluster-wide yarn-site value win over the catalog', () => {
    const base = clusterJob('j-1', undefined, [role('CORE', ['m5.4xlarge'], 2)]);
    const job = { ...base, classifications: [{ classification: 'yarn-site', properties: { 'yarn.nodemanager.resource.memory-mb': '50000', 'yarn.nodemanager.resource.cpu-vcores': '32' }, configurations: [] }] };
    expect(yarnCapacity(job)).toMatchObject({ memoryMiB: 100000, vcoreMillis: 64000 });
    expect(yarnCapacity(job).refs).toContain('cluster/configurations/yarn-site/yarn.nodemanager.resource.memory-mb');
  });

  it('counts a fleet as its smallest type and says it is an estimate; leaves out unknown types', () => {
    const fleet = role('TASK', ['r5.2xlarge', 'r5.xlarge'], 4, 'SPOT');
    const unknown = { role: 'CORE' as const, instanceTypes: [], unknownTypes: ['x9.mega'], count: 2, market: 'ON_DEMAND' as const };
    const capacity = yarnCapacity(clusterJob('j-1', undefined, [unknown, fleet]));
    expect(capacity.memoryMiB).toBe(4 * (typeFacts('r5.xlarge').yarnMemoryMiB as number));
    expect(capacity.estimates).toHaveLength(2);
    expect(capacity.estimates[0]).toContain('x9.mega');
    expect(capacity.estimates[1]).toContain('r5.xlarge');
  });
});
