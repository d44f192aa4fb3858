import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { defaultProjectConfig } from '../../config/project-config.js';
import type { SparkJob } from '../../model/spark-job.js';
import { emitYuniKornQueues, YUNIKORN_CONFIG_PATH } from './index.js';
import type { YuniKornConfig, YuniKornQueue } from './queues-yaml.js';
import { clusterJob, planFor, role, typeFacts, yunikornConfig } from './test-support.js';
import { YUNIKORN_QUEUES_FILE } from '../../../rules/_classifications.js';

/** A three-level YARN queue tree as a platform team writes it in the capacity-scheduler classification. */
const NESTED = {
  'yarn.scheduler.capacity.root.queues': 'data,adhoc,default',
  'yarn.scheduler.capacity.root.data.capacity': '60',
  'yarn.scheduler.capacity.root.adhoc.capacity': '30',
  'yarn.scheduler.capacity.root.default.capacity': '10',
  'yarn.scheduler.capacity.root.data.queues': 'etl,reporting',
  'yarn.scheduler.capacity.root.data.etl.capacity': '66.7',
  'yarn.scheduler.capacity.root.data.reporting.capacity': '33.3',
  'yarn.scheduler.capacity.root.data.etl.queues': 'daily,backfill',
  'yarn.scheduler.capacity.root.data.etl.daily.capacity': '75',
  'yarn.scheduler.capacity.root.data.etl.backfill.capacity': '25',
  'yarn.scheduler.capacity.root.data.etl.backfill.maximum-capacity': '50',
  'yarn.scheduler.capacity.root.data.etl.daily.maximum-applications': '20',
  'yarn.scheduler.capacity.root.adhoc.maximum-capacity': '50',
  'yarn.scheduler.capacity.root.adhoc.ordering-policy': 'fair',
  'yarn.scheduler.capacity.root.adhoc.user-limit-factor': '2',
  'yarn.scheduler.capacity.root.adhoc.acl_submit_applications': 'analysts',
  'yarn.scheduler.capacity.root.default.state': 'RUNNING',
};

const ROLES = [role('MASTER', ['m5.xlarge'], 1), role('CORE', ['m5.4xlarge'], 6), role('TASK', ['r5.2xlarge'], 4, 'SPOT')];

/** The cluster's YARN capacity computed from the catalog, independently of the emitter. */
function expectedTotal(): { memoryMiB: number; vcores: number } {
  const core = typeFacts('m5.4xlarge');
  const task = typeFacts('r5.2xlarge');
  return { memoryMiB: 6 * (core.yarnMemoryMiB as number) + 4 * (task.yarnMemoryMiB as number), vcores: 6 * core.vcpu + 4 * task.vcpu };
}

function mib(q: string | undefined): number {
  const m = /^(\d+)Mi$/.exec(q ?? '');
  if (!m) throw new Error(`not a MiB quantity: ${q}`);
  return Number(m[1]);
}

function millicores(q: string | undefined): number {
  const m = /^(\d+)(m?)$/.exec(q ?? '');
  if (!m) throw new Error(`not a vcore quantity: ${q}`);
  return m[2] === 'm' ? Number(m[1]) : Number(m[1]) * 1000;
}

function emitted(jobs: SparkJob[], queues: Record<string, string | undefined> = {}) {
  const plans = jobs.map((j) => planFor(j, queues[j.id]));
  const result = emitYuniKornQueues(plans, { jobs: new Map(jobs.map((j) => [j.id, j])), config: yunikornConfig() });
  const file = result.files.find((f) => f.path === YUNIKORN_CONFIG_PATH);
  const configMap = file ? (load(file.content) as { metadata: { name: string; namespace: string }; data: Record<string, string> }) : undefined;
  const queuesYaml = configMap ? (load(configMap.data['queues.yaml'] as string) as YuniKornConfig) : undefined;
  return { result, file, configMap, queuesYaml, root: queuesYaml?.partitions[0]?.queues[0] };
}

function find(root: YuniKornQueue | undefined, path: string): YuniKornQueue | undefined {
  let at = root;
  for (const name of path.split('.').slice(1)) at = at?.queues?.find((q) => q.name === name);
  return at;
}

describe('YuniKorn queues from the capacity-scheduler classification', () => {
  it('gives nested queues guaranteed resources that add up to the cluster capacity at every level', () => {
    const { root, configMap } = emitted([clusterJob('j-NESTED', NESTED, ROLES)]);
    expect(configMap?.metadata).toMatchObject({ name: 'yunikorn-configs', namespace: 'yunikorn' });
    expect(root?.name).toBe('root');
    expect(root?.resources).toBeUndefined();
    const total = expectedTotal();
    const sum = (queues: YuniKornQueue[]) => ({
      memoryMiB: queues.reduce((a, q) => a + mib(q.resources?.guaranteed.memory), 0),
      vcoreMillis: queues.reduce((a, q) => a + millicores(q.resources?.guaranteed.vcore), 0),
    });
    expect(sum(root?.queues ?? [])).toEqual({ memoryMiB: total.memoryMiB, vcoreMillis: total.vcores * 1000 });
    let parentsChecked = 0;
    const check = (queue: YuniKornQueue) => {
      if (!queue.queues) return;
      expect(sum(queue.queues), queue.name).toEqual({ memoryMiB: mib(queue.resources?.guaranteed.memory), vcoreMillis: millicores(queue.resources?.guaranteed.vcore) });
      parentsChecked += 1;
      queue.queues.forEach(check);
    };
    root?.queues?.forEach(check);
    expect(parentsChecked).toBe(2); // root.data and root.data.etl
    expect(find(root, 'root.data.etl.daily')).toBeDefined();
  });

  it('computes each guarantee as the product of the percentages down the path', () => {
    const { root } = emitted([clusterJob('j-NESTED', NESTED, ROLES)]);
    const total = expectedTotal();
    const daily = find(root, 'root.data.etl.daily');
    // 60% × 66.7% × 75% of the cluster, within the one MiB that whole-unit splitting may move.
    expect(Math.abs(mib(daily?.resources?.guaranteed.memory) - total.memoryMiB * 0.6 * 0.667 * 0.75)).toBeLessThanOrEqual(1);
    expect(mib(find(root, 'root.default')?.resources?.guaranteed.memory)).toBe(Math.round(total.memoryMiB * 0.1));
  });

  it('writes maximums, application limits and ordering policies where YARN set them', () => {
    const { root } = emitted([clusterJob('j-NESTED', NESTED, ROLES)]);
    const total = expectedTotal();
    expect(find(root, 'root.adhoc')?.resources?.max).toEqual({ memory: `${total.memoryMiB / 2}Mi`, vcore: `${total.vcores / 2}` });
    expect(find(root, 'root.adhoc')?.properties).toEqual({ 'application.sort.policy': 'fair' });
    // backfill may use 50% of its parent's maximum, which is the whole cluster.
    expect(find(root, 'root.data.etl.backfill')?.resources?.max?.memory).toBe(`${Math.floor(total.memoryMiB / 2)}Mi`);
    expect(find(root, 'root.data')?.resources?.max).toBeUndefined();
    expect(find(root, 'root.data.etl.daily')?.maxapplications).toBe(20);
    expect(root?.submitacl).toBe('*');
  });

  it('reports what the YuniKorn configuration cannot express, at the setting', () => {
    const job = clusterJob('j-NESTED', NESTED, ROLES, {
      locations: { 'cluster/configurations/capacity-scheduler/yarn.scheduler.capacity.root.adhoc.user-limit-factor': { file: 'describe-cluster.json', line: 40 } },
    });
    const { result } = emitted([job]);
    const notExpressed = result.diagnostics.filter((d) => d.code === 'yunikorn-setting-not-expressed');
    expect(notExpressed.map((d) => d.message.split(' (')[0])).toEqual([
      'j-NESTED: capacity-scheduler acl_submit_applications',
      'j-NESTED: capacity-scheduler user-limit-factor',
    ]);
    expect(notExpressed.every((d) => d.jobId === undefined && d.severity === 'warning')).toBe(true);
    expect(notExpressed[1]?.location).toEqual({ file: 'describe-cluster.json', line: 40 });
  });

  it('writes nothing without the classification, or when the scheduler is not YuniKorn', () => {
    expect(emitted([clusterJob('j-PLAIN', undefined, ROLES)]).result).toEqual({ files: [], diagnostics: [] });
    const job = clusterJob('j-NESTED', NESTED, ROLES);
    const volcano = { ...defaultProjectConfig(), scheduler: { name: 'volcano' as const, queues: {} } };
    expect(emitYuniKornQueues([planFor(job)], { jobs: new Map([[job.id, job]]), config: volcano })).toEqual({ files: [], diagnostics: [] });
  });

  it('warns about jobs whose queue is not a leaf of the generated configuration', () => {
    const jobs = [clusterJob('j-NESTED', NESTED, ROLES)];
    const ok = emitted(jobs, { [jobs[0]!.id]: 'root.data.etl.daily' });
    expect(ok.result.diagnostics.filter((d) => d.code === 'yunikorn-queue-missing')).toEqual([]);
    const parent = emitted(jobs, { [jobs[0]!.id]: 'root.data' }).result.diagnostics.find((d) => d.code === 'yunikorn-queue-missing');
    expect(parent?.message).toContain('parent queue');
    const missing = emitted(jobs, { [jobs[0]!.id]: 'root.data.nightly' }).result.diagnostics.find((d) => d.code === 'yunikorn-queue-missing');
    expect(missing?.jobId).toBe(jobs[0]!.id);
    expect(missing?.hint).toContain('root.data.etl.daily');
  });

  it('merges several clusters into one tree whose root is the sum of their capacities', () => {
    const a = clusterJob('j-A', NESTED, ROLES);
    const b = clusterJob('j-B', { 'yarn.scheduler.capacity.root.queues': 'data,ml', 'yarn.scheduler.capacity.root.data.capacity': '50', 'yarn.scheduler.capacity.root.ml.capacity': '50' }, [role('CORE', ['m5.2xlarge'], 2)]);
    const { root, configMap } = emitted([b, a]);
    const total = expectedTotal();
    const bMemory = 2 * (typeFacts('m5.2xlarge').yarnMemoryMiB as number);
    const top = (root?.queues ?? []).reduce((s, q) => s + mib(q.resources?.guaranteed.memory), 0);
    expect(top).toBe(total.memoryMiB + bMemory);
    expect(root?.queues?.map((q) => q.name)).toEqual(['data', 'adhoc', 'default', 'ml']);
    expect(configMap?.metadata).toMatchObject({ annotations: { 'emr2k8s.io/source-clusters': 'j-A,j-B' } });
  });

  it('says where clusters disagree about a queue', () => {
    const a = clusterJob('j-A', { 'yarn.scheduler.capacity.root.queues': 'data', 'yarn.scheduler.capacity.root.data.capacity': '100' }, [role('CORE', ['m5.2xlarge'], 2)]);
    const b = clusterJob('j-B', { 'yarn.scheduler.capacity.root.queues': 'data', 'yarn.scheduler.capacity.root.data.queues': 'etl', 'yarn.scheduler.capacity.root.data.etl.capacity': '100' }, [role('CORE', ['m5.2xlarge'], 2)]);
    const conflict = emitted([a, b]).result.diagnostics.find((d) => d.code === 'yunikorn-queue-conflict');
    expect(conflict?.message).toBe('root.data is a leaf queue on j-A but a parent queue on j-B; YuniKorn runs applications only in leaf queues, so jobs of j-A cannot use it');
  });

  it('writes the queues without guarantees when the cluster resources are unknown', () => {
    const unknown = { role: 'CORE' as const, instanceTypes: [], unknownTypes: ['x9.mega'], count: 3, market: 'ON_DEMAND' as const };
    const { root, result } = emitted([clusterJob('j-X', { 'yarn.scheduler.capacity.root.queues': 'a,b' }, [unknown])]);
    expect(root?.queues).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['yunikorn-capacity-estimated', 'yunikorn-no-capacity']));
  });

  it('completes capacities YARN would refuse and says so', () => {
    const job = clusterJob('j-PARTIAL', { 'yarn.scheduler.capacity.root.queues': 'default,etl,adhoc', 'yarn.scheduler.capacity.root.etl.capacity': '70' }, [role('CORE', ['m5.4xlarge'], 6)]);
    const { root, result } = emitted([job]);
    const memory = (root?.queues ?? []).map((q) => mib(q.resources?.guaranteed.memory));
    expect(memory.reduce((a, m) => a + m, 0)).toBe(6 * (typeFacts('m5.4xlarge').yarnMemoryMiB as number));
    // default and adhoc share the 30% etl leaves, within the one MiB whole-unit splitting moves.
    expect(Math.abs((memory[0] as number) - (memory[2] as number))).toBeLessThanOrEqual(1);
    expect(memory[1]).toBe(Math.round(6 * (typeFacts('m5.4xlarge').yarnMemoryMiB as number) * 0.7));
    expect(result.diagnostics.map((d) => d.code)).toContain('yunikorn-capacity-adjusted');
  });

  it('refuses queue names YuniKorn would reject instead of writing a configuration that does not load', () => {
    const job = clusterJob('j-BAD', { 'yarn.scheduler.capacity.root.queues': 'etl team', 'yarn.scheduler.capacity.root.etl team.capacity': '100' }, [role('CORE', ['m5.4xlarge'], 1)]);
    const { result } = emitted([job]);
    expect(result.files).toEqual([]);
    expect(result.diagnostics.find((d) => d.code === 'invalid-manifest')?.message).toContain('root.etl team');
  });
});

describe('YUNIKORN_CONFIG_PATH', () => {
  it('is the file the rules name when they drop capacity-scheduler settings', () => {
    expect(YUNIKORN_QUEUES_FILE).toBe(YUNIKORN_CONFIG_PATH);
  });
});
