import { refs } from '../../model/emr-snapshot.js';
import { compareStrings } from '../../model/order.js';
import type { SettingRef } from '../../model/source.js';
import type { SparkJob } from '../../model/spark-job.js';

/**
 * The `capacity-scheduler` classification read as the YARN CapacityScheduler reads
 * capacity-scheduler.xml (https://hadoop.apache.org/docs/stable/hadoop-yarn/hadoop-yarn-site/CapacityScheduler.html):
 * the queue tree from the `queues` lists, and what each queue sets.
 */

const PREFIX = 'yarn.scheduler.capacity.';
const CLASSIFICATION = 'capacity-scheduler';

/** One YARN queue as configured. Percentages are as written; `undefined` = not set. */
export interface YarnQueue {
  /** Full path as YARN and the batch-queue rule spell it: `root.data.etl`. */
  path: string;
  name: string;
  /** `capacity`: percent of the parent's capacity. */
  capacity?: number;
  /** `maximum-capacity`: percent of the parent's maximum; `-1` is read as 100. */
  maximumCapacity?: number;
  /** `maximum-applications` of a leaf queue. */
  maximumApplications?: number;
  /** `ordering-policy` of a leaf queue when it is `fifo` or `fair`. */
  orderingPolicy?: 'fifo' | 'fair';
  children: YarnQueue[];
  /** The settings each value came from, by attribute (`capacity`, `queues`, …). */
  refs: Record<string, SettingRef>;
}

/** A setting that has no place in a YuniKorn queue configuration, and why. */
export interface UnexpressedSetting {
  /** The attribute (`user-limit-factor`, `acl_submit_applications`) or the global key without the prefix. */
  attribute: string;
  /** The queue it belongs to; absent for scheduler-wide settings. */
  queue?: string;
  value: string;
  ref: SettingRef;
  why: string;
}

export interface CapacitySchedulerConfig {
  root: YarnQueue;
  unexpressed: UnexpressedSetting[];
  /** Settings under a queue path that no `queues` list declares (YARN ignores them too). */
  undeclared: Array<{ key: string; ref: SettingRef }>;
}

const ACL_WHY =
  'YARN ACLs name Linux or Kerberos users and groups, while YuniKorn checks the Kubernetes user and groups of whoever creates the pods (for the Spark Operator, its controller); write submitacl/adminacl with Kubernetes identities';

/** Why the queue attributes YuniKorn cannot express are dropped. */
const QUEUE_WHY: Record<string, string> = {
  'user-limit-factor':
    'YuniKorn has no per-user multiple of the queue capacity; a `limits` entry with users: ["*"] and maxresources caps each user at a fixed amount instead',
  'minimum-user-limit-percent': 'YuniKorn does not split a queue evenly between its active users; fairness is between applications (application.sort.policy: fair)',
  'maximum-am-resource-percent': 'there are no application masters on Kubernetes: the Spark driver is a pod that counts against the queue like the executors',
  'maximum-allocation-mb': 'YuniKorn does not cap the size of one pod; oversized pods stay Pending',
  'maximum-allocation-vcores': 'YuniKorn does not cap the size of one pod; oversized pods stay Pending',
  priority: 'YARN queue priorities order sibling queues; YuniKorn has priority.offset, whose meaning differs (it shifts pod priorities)',
  'default-application-priority': 'YuniKorn takes priorities from the pods\' PriorityClass',
  'disable_preemption': 'YuniKorn preemption is set per queue with preemption.policy, with different semantics',
  'accessible-node-labels': 'node labels become node selectors on the pods (placement), not queue settings',
  'default-node-label-expression': 'node labels become node selectors on the pods (placement), not queue settings',
};

/** Why the scheduler-wide settings YuniKorn cannot express are dropped. */
const GLOBAL_WHY: Record<string, string> = {
  'maximum-applications': 'a scheduler-wide cap on pending and running applications; YuniKorn caps running applications per queue (maxapplications) only',
  'maximum-am-resource-percent': 'there are no application masters on Kubernetes: the Spark driver is a pod that counts against the queue like the executors',
  'resource-calculator': 'Kubernetes and YuniKorn always account both CPU and memory, whichever calculator YARN used (facts §3)',
  'queue-mappings': 'user and group to queue mappings become YuniKorn placement rules (user, group, fixed), which name Kubernetes identities',
  'node-locality-delay': 'there is no HDFS data locality on Kubernetes',
};

/** Queue attributes that contain dots themselves; any other dotted remainder names an undeclared queue. */
const DOTTED_ATTRIBUTES = new Set(['accessible-node-labels', 'ordering-policy', 'leaf-queue-template', 'auto-create-child-queue', 'auto-queue-creation-v2', 'intra-queue-preemption']);

function split(list: string): string[] {
  return [...new Set(list.split(',').map((q) => q.trim()).filter((q) => q !== ''))];
}

/** A percentage as YARN's legacy (percentage) mode writes it; absolute `[memory=…]` and weight `3w` forms are not. */
function percent(value: string): number | undefined {
  const trimmed = value.trim();
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

function buildTree(props: Record<string, string>, path: string, name: string): YarnQueue {
  const key = `${PREFIX}${path}.queues`;
  const queue: YarnQueue = { path, name, children: [], refs: {} };
  const list = props[key];
  if (list !== undefined) {
    queue.refs.queues = refs.classification([CLASSIFICATION], key);
    queue.children = split(list).map((child) => buildTree(props, `${path}.${child}`, child));
  }
  return queue;
}

function allQueues(queue: YarnQueue): YarnQueue[] {
  return [queue, ...queue.children.flatMap(allQueues)];
}

/** Applies one queue attribute; returns why it cannot be expressed, or undefined when it was taken. */
function applyAttribute(queue: YarnQueue, attribute: string, value: string, ref: SettingRef): string | undefined {
  const leaf = queue.children.length === 0;
  switch (attribute) {
    case 'queues':
      return undefined;
    case 'capacity': {
      if (queue.path === 'root') return undefined; // root is always 100%
      const p = percent(value);
      if (p === undefined || p < 0) return 'only percentages are converted, not absolute ([memory=…,vcores=…]) or weight (…w) capacities';
      queue.capacity = p;
      queue.refs.capacity = ref;
      return undefined;
    }
    case 'maximum-capacity': {
      const p = percent(value);
      if (p === undefined || (p < 0 && p !== -1)) return 'only percentages (or -1 for 100) are converted';
      queue.maximumCapacity = p === -1 ? 100 : p;
      queue.refs['maximum-capacity'] = ref;
      return undefined;
    }
    case 'maximum-applications':
      if (!leaf) return 'YuniKorn limits running applications on leaf queues here; YARN ignores it on a parent queue';
      if (!/^\d+$/.test(value.trim()) || Number(value) < 1) return 'not a positive number of applications';
      queue.maximumApplications = Number(value);
      queue.refs['maximum-applications'] = ref;
      return undefined;
    case 'ordering-policy': {
      const policy = value.trim();
      if (leaf && (policy === 'fifo' || policy === 'fair')) {
        queue.orderingPolicy = policy;
        queue.refs['ordering-policy'] = ref;
        return undefined;
      }
      return leaf ? `YuniKorn's application.sort.policy has fifo and fair, not ${policy}` : 'YuniKorn orders sibling queues by their share of the guaranteed resources; parent ordering policies are not configurable';
    }
    case 'state':
      if (value.trim() === 'RUNNING') return undefined;
      return 'a STOPPED queue takes no new applications; YuniKorn queues have no state: remove the queue, or map no job to it';
    default: {
      if (attribute.startsWith('acl_')) return ACL_WHY;
      const base = attribute.split('.')[0] as string;
      return QUEUE_WHY[attribute] ?? QUEUE_WHY[base] ?? 'YuniKorn has no equivalent queue setting';
    }
  }
}

/**
 * Reads the cluster's `capacity-scheduler` classification. Undefined when the cluster has none
 * or it declares no queues (`yarn.scheduler.capacity.root.queues`): the cluster then had EMR's
 * single `default` queue and there is nothing to configure. Pure.
 */
export function readCapacityScheduler(job: Pick<SparkJob, 'classifications'>): CapacitySchedulerConfig | undefined {
  const classification = job.classifications.find((c) => c.classification === CLASSIFICATION);
  if (!classification || classification.properties[`${PREFIX}root.queues`] === undefined) return undefined;
  const props = classification.properties;
  const root = buildTree(props, 'root', 'root');
  // Longest paths first, so that `root.a.b.capacity` belongs to root.a.b, not root.a.
  const queues = allQueues(root).sort((a, b) => b.path.length - a.path.length || compareStrings(a.path, b.path));
  const unexpressed: UnexpressedSetting[] = [];
  const undeclared: CapacitySchedulerConfig['undeclared'] = [];

  for (const key of Object.keys(props).sort(compareStrings)) {
    const value = props[key] as string;
    const ref = refs.classification([CLASSIFICATION], key);
    if (!key.startsWith(PREFIX)) {
      unexpressed.push({ attribute: key, value, ref, why: 'not a CapacityScheduler setting' });
      continue;
    }
    const rest = key.slice(PREFIX.length);
    if (rest !== 'root' && !rest.startsWith('root.')) {
      unexpressed.push({ attribute: rest, value, ref, why: GLOBAL_WHY[rest] ?? 'a scheduler-wide YARN setting with no YuniKorn equivalent' });
      continue;
    }
    const queue = queues.find((q) => rest.startsWith(`${q.path}.`));
    if (!queue) {
      undeclared.push({ key, ref });
      continue;
    }
    const attribute = rest.slice(queue.path.length + 1);
    if (attribute.includes('.') && !DOTTED_ATTRIBUTES.has(attribute.split('.')[0] as string)) {
      // `root.a.x.capacity` where x is not declared under root.a.
      undeclared.push({ key, ref });
      continue;
    }
    const why = applyAttribute(queue, attribute, value, ref);
    if (why !== undefined) unexpressed.push({ attribute, queue: queue.path, value, ref, why });
  }
  return { root, unexpressed, undeclared };
}
