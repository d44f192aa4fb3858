import type { MergedQueue } from './merge-queues.js';
import type { Resources } from './queue-resources.js';

/**
 * The YuniKorn partition and queue configuration (`queues.yaml`), as documented in
 * https://yunikorn.apache.org/docs/user_guide/queue_config: partitions → `default` → queues.
 */
export interface YuniKornQueue {
  name: string;
  submitacl?: string;
  maxapplications?: number;
  properties?: Record<string, string>;
  resources?: { guaranteed: Record<string, string>; max?: Record<string, string> };
  queues?: YuniKornQueue[];
}

export interface YuniKornConfig {
  partitions: Array<{ name: string; queues: YuniKornQueue[] }>;
}

/** Memory in MiB (`Mi`, powers of two); vcores whole when they are, else millicores (`m`). */
export function resourceMap(r: Resources): Record<string, string> {
  return {
    memory: `${r.memoryMiB}Mi`,
    vcore: r.vcoreMillis % 1000 === 0 ? `${r.vcoreMillis / 1000}` : `${r.vcoreMillis}m`,
  };
}

function same(a: Resources, b: Resources): boolean {
  return a.memoryMiB === b.memoryMiB && a.vcoreMillis === b.vcoreMillis;
}

function toQueue(queue: MergedQueue, total: Resources, sized: boolean): YuniKornQueue {
  const out: YuniKornQueue = { name: queue.name };
  if (queue.maxApplications !== undefined) out.maxapplications = queue.maxApplications;
  if (queue.sortPolicy !== undefined) out.properties = { 'application.sort.policy': queue.sortPolicy };
  if (sized) {
    // A maximum equal to the whole partition says nothing: YuniKorn caps every queue at the cluster size anyway.
    out.resources = { guaranteed: resourceMap(queue.guaranteed), ...(!same(queue.max, total) && { max: resourceMap(queue.max) }) };
  }
  if (queue.children.length > 0) out.queues = queue.children.map((c) => toQueue(c, total, sized));
  return out;
}

/**
 * The configuration for a merged queue tree. The root queue carries no resources (YuniKorn
 * refuses them there: its maximum is the cluster size) and `submitacl: '*'`, YARN's default for
 * root (`acl_submit_applications` = `*`), since YuniKorn denies access where no ACL allows it.
 * Without known cluster resources (`sized` false) the tree is written without resources.
 */
export function buildQueuesYaml(root: MergedQueue, sized: boolean): YuniKornConfig {
  const rootQueue: YuniKornQueue = { name: 'root', submitacl: '*' };
  if (root.children.length > 0) rootQueue.queues = root.children.map((c) => toQueue(c, root.guaranteed, sized));
  return { partitions: [{ name: 'default', queues: [rootQueue] }] };
}

/** YuniKorn's queue name rule: 1–64 of letters, digits and `_ : # / @ -`. */
const QUEUE_NAME = /^[a-zA-Z0-9_:#/@-]{1,64}$/;

const QUANTITY = /^(\d+)(Mi|m)?$/;

function parse(map: Record<string, string> | undefined): Resources | undefined {
  if (!map) return undefined;
  const [, mem = '0'] = QUANTITY.exec(map.memory ?? '') ?? [];
  const [, cpu = '0', unit] = QUANTITY.exec(map.vcore ?? '') ?? [];
  return { memoryMiB: Number(mem), vcoreMillis: unit === 'm' ? Number(cpu) : Number(cpu) * 1000 };
}

function exceeds(a: Resources, b: Resources): boolean {
  return a.memoryMiB > b.memoryMiB || a.vcoreMillis > b.vcoreMillis;
}

/**
 * The checks YuniKorn makes when it loads a queue configuration and that a generated one could
 * fail (queue_config.md "Queues" and "Resources"): queue names, no resources on root, a guarantee
 * within the maximum, children's guarantees within the parent's, a child's maximum within its
 * parent's, maxapplications at least 1 and within the parent's. One line per problem.
 */
export function checkQueuesYaml(config: YuniKornConfig): string[] {
  const errors: string[] = [];
  const walk = (queue: YuniKornQueue, path: string, parentMax: Resources | undefined, parentApps: number | undefined) => {
    if (!QUEUE_NAME.test(queue.name)) errors.push(`${path}: YuniKorn queue names are 1-64 letters, digits and _ : # / @ -`);
    if (path === 'root' && queue.resources) errors.push('root: the root queue cannot have resources');
    const guaranteed = parse(queue.resources?.guaranteed);
    const max = parse(queue.resources?.max) ?? parentMax;
    if (guaranteed && max && exceeds(guaranteed, max)) errors.push(`${path}: guaranteed resources exceed the maximum`);
    if (parentMax && max && exceeds(max, parentMax)) errors.push(`${path}: maximum resources exceed the parent's maximum`);
    if (queue.maxapplications !== undefined && (queue.maxapplications < 1 || (parentApps !== undefined && queue.maxapplications > parentApps))) {
      errors.push(`${path}: maxapplications must be at least 1 and at most the parent's`);
    }
    const children = queue.queues ?? [];
    const names = children.map((c) => c.name);
    if (new Set(names).size !== names.length) errors.push(`${path}: child queue names must be unique`);
    const childSum = children.map((c) => parse(c.resources?.guaranteed)).reduce<Resources>((a, r) => ({ memoryMiB: a.memoryMiB + (r?.memoryMiB ?? 0), vcoreMillis: a.vcoreMillis + (r?.vcoreMillis ?? 0) }), { memoryMiB: 0, vcoreMillis: 0 });
    if (guaranteed && exceeds(childSum, guaranteed)) errors.push(`${path}: the children's guaranteed resources exceed the queue's`);
    for (const child of children) walk(child, `${path}.${child.name}`, max, queue.maxapplications ?? parentApps);
  };
  for (const partition of config.partitions) for (const queue of partition.queues) walk(queue, queue.name, undefined, undefined);
  return errors;
}
