import type { From, JobPlan, RuleContext, SparkJob } from '../src/rule-api.js';
import { compareStrings, defineRule, refs } from '../src/rule-api.js';
import type { CapacityKind, InstanceName, KubeArch, RoleFacts } from './_placement-capacity.js';
import { capacityArch, capacityKind, distinctSorted, executorRoles, instanceNames } from './_placement-capacity.js';

type Pod = 'driver' | 'executor';
type Toleration = JobPlan['driver']['tolerations'][number];
type Affinity = NonNullable<JobPlan['driver']['affinity']>;

/** One node label the pods must match: a node selector when one value, node affinity `In` when several. */
interface Constraint {
  label: string;
  values: string[];
  from: From[];
}

/**
 * Where an instance role's types sit in the input: one located ref per listed type when the
 * importer recorded them (fleets list several), else the role's type list as a whole. Probed
 * index by index rather than found by listing the locations record, which also holds every
 * step argument of the cluster (a thousand refs for 50 steps).
 */
function instanceTypeRefs(job: Readonly<SparkJob>, role: RoleFacts): From[] {
  const prefix = refs.instances(role.role, 'instanceTypes/');
  const listed = role.instanceTypes.length + role.unknownTypes.length;
  const located: string[] = [];
  for (let i = 0; i < listed || `${prefix}${i}` in job.locations; i++) if (`${prefix}${i}` in job.locations) located.push(`${prefix}${i}`);
  return located.length > 0 ? located : [refs.instances(role.role, 'instanceTypes')];
}

/**
 * Who already chose a node label for a pod: the job's own `spark.kubernetes.*node.selector.*`
 * setting, or another rule (the YARN node-label mapping) that wrote one. Theirs is the more
 * specific intent, and two values for one label would leave the pod unschedulable.
 */
function labelClaim(job: Readonly<SparkJob>, ctx: RuleContext, pod: Pod, label: string): { source: string; refs: From[] } | undefined {
  for (const key of [`spark.kubernetes.${pod}.node.selector.${label}`, `spark.kubernetes.node.selector.${label}`]) {
    const entry = job.conf[key];
    if (entry !== undefined) return { source: key, refs: [entry] };
    const owner = ctx.fieldOwner(`sparkConf.${key}`);
    if (owner !== undefined) return { source: `${key}, written by rule ${owner}`, refs: [] };
  }
  return undefined;
}

/** Write a pod's constraints: single values as node selectors, the others as one required node-affinity term. */
function place(job: Readonly<SparkJob>, ctx: RuleContext, pod: Pod, constraints: Constraint[]): void {
  const expressions: Array<{ key: string; operator: 'In'; values: string[] }> = [];
  const affinityFrom: From[] = [];
  for (const c of constraints) {
    const claim = labelClaim(job, ctx, pod, c.label);
    if (claim !== undefined) {
      ctx.report('node-selector-kept', { pod, label: c.label, source: claim.source }, { refs: claim.refs });
      continue;
    }
    if (c.values.length === 1) ctx.set(`${pod}.nodeSelector.${c.label}`, c.values[0], ...c.from);
    else {
      expressions.push({ key: c.label, operator: 'In', values: c.values });
      affinityFrom.push(...c.from);
    }
  }
  if (expressions.length === 0) return;
  expressions.sort((a, b) => compareStrings(a.key, b.key));
  const affinity: Affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: expressions }] } } };
  ctx.set(`${pod}.affinity`, affinity, ...new Set(affinityFrom));
}

/** Config tolerations, then spot ones, without exact repeats, in the order the config lists them. */
function mergeTolerations(lists: Toleration[][]): Toleration[] {
  const seen = new Set<string>();
  const out: Toleration[] = [];
  for (const t of lists.flat()) {
    const id = JSON.stringify([t.key, t.operator, t.value, t.effect, t.tolerationSeconds]);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ ...t });
  }
  return out;
}

function setTolerations(ctx: RuleContext, pod: Pod, spot: boolean, marketRefs: From[]): void {
  const { tolerations, spotTolerations } = ctx.config.placement;
  const useSpot = spot && spotTolerations.length > 0;
  const merged = mergeTolerations(useSpot ? [tolerations, spotTolerations] : [tolerations]);
  if (merged.length === 0) return;
  const from: From[] = [
    ...(tolerations.length > 0 ? [refs.config('placement.tolerations')] : []),
    ...(useSpot ? [refs.config('placement.spotTolerations'), ...marketRefs] : []),
  ];
  ctx.set(`${pod}.tolerations`, merged, ...from);
}

/** What the executor capacity says about the architecture: one to constrain to, or why there is none. */
type ArchReading =
  | { kind: 'none' }
  | { kind: 'mixed'; types: string }
  | { kind: 'unknown'; types: string }
  | { kind: 'one'; arch: KubeArch; types: string };

function readArch(names: InstanceName[], unresolved: string[]): ArchReading {
  if (names.length === 0 || unresolved.length > 0) return { kind: 'none' };
  const arch = capacityArch(names);
  const types = distinctSorted(names.map((n) => n.type)).join(', ');
  if (arch === 'mixed') return { kind: 'mixed', types };
  if (arch === 'unknown') return { kind: 'unknown', types: distinctSorted(names.filter((n) => !n.arch).map((n) => n.type)).join(', ') };
  return { kind: 'one', arch, types };
}

/** The architecture constraint for both pods (one image serves both), or undefined with the reason reported. */
function archConstraint(ctx: RuleContext, reading: ArchReading, typeRefs: From[]): Constraint | undefined {
  if (reading.kind === 'none') return undefined;
  if (reading.kind === 'mixed') {
    ctx.report('mixed-arch', { types: reading.types }, { refs: typeRefs });
    return undefined;
  }
  if (reading.kind === 'unknown') {
    ctx.report('arch-unknown', { types: reading.types }, { refs: typeRefs });
    return undefined;
  }
  if (reading.arch === 'arm64') ctx.report('image-multi-arch', { types: reading.types }, { refs: typeRefs, hint: 'The official Apache Spark images include linux/arm64; a custom or derived image must be built for linux/arm64 too (docker buildx --platform linux/arm64,linux/amd64).' });
  return { label: ctx.config.placement.labels.arch, values: [reading.arch], from: [...typeRefs, refs.config('placement.labels.arch')] };
}

/** Instance family or type of the executors, as `placement.instanceTypes` asks. */
function instanceConstraint(ctx: RuleContext, names: InstanceName[], unresolved: string[], typeRefs: From[]): Constraint | undefined {
  const mode = ctx.config.placement.instanceTypes;
  if (mode === 'any' || names.length === 0 || unresolved.length > 0) return undefined;
  const byFamily = mode === 'family';
  const { labels } = ctx.config.placement;
  return {
    label: byFamily ? labels.instanceFamily : labels.instanceType,
    values: distinctSorted(names.map((n) => (byFamily ? n.family : n.type))),
    from: [...typeRefs, refs.config('placement.instanceTypes'), refs.config(byFamily ? 'placement.labels.instanceFamily' : 'placement.labels.instanceType')],
  };
}

/** What the cluster's capacity says, before any job's settings or the config come in. */
interface CapacityReading {
  roles: RoleFacts[];
  capacity: CapacityKind;
  marketRefs: string[];
  typeRefs: From[];
  names: InstanceName[];
  unresolved: string[];
  arch: ArchReading;
}

/**
 * Capacity readings per cluster facts and locations. The jobs of a cluster share both records,
 * which nothing changes after normalization, so the reading is the same for each of them.
 */
const readings = new WeakMap<object, WeakMap<object, CapacityReading>>();

function readCapacity(job: Readonly<SparkJob>): CapacityReading {
  let byLocations = readings.get(job.facts);
  if (byLocations === undefined) {
    byLocations = new WeakMap();
    readings.set(job.facts, byLocations);
  }
  let reading = byLocations.get(job.locations);
  if (reading === undefined) {
    const roles = executorRoles(job.facts.roles);
    const read = roles.map(instanceNames);
    const names = read.flatMap((r) => r.names);
    const unresolved = distinctSorted(read.flatMap((r) => r.unresolved));
    reading = {
      roles,
      capacity: capacityKind(roles),
      marketRefs: distinctSorted(roles.map((r) => refs.instances(r.role, 'market'))),
      typeRefs: [...new Set(roles.flatMap((r) => instanceTypeRefs(job, r)))],
      names,
      unresolved,
      arch: readArch(names, unresolved),
    };
    byLocations.set(job.locations, reading);
  }
  return reading;
}

/**
 * Driver on on-demand capacity; executors where EMR's core and task capacity was (spot,
 * on-demand or either), on its architecture and instance families; tolerations from the
 * config. See docs/rules/placement.md and docs/placement.md for the reasoning.
 */
export default defineRule({
  id: 'placement',
  meta: {
    description: 'Driver on on-demand nodes, executors on the capacity type, architecture and instance families of the EMR core and task capacity; tolerations from the config',
    category: 'platform',
    reads: ['cluster/instances/*', 'config/placement.*', 'spark.kubernetes.node.selector.*', 'spark.kubernetes.driver.node.selector.*', 'spark.kubernetes.executor.node.selector.*'],
    writes: ['driver.nodeSelector.*', 'executor.nodeSelector.*', 'driver.tolerations', 'executor.tolerations', 'executor.affinity'],
    messages: {
      'image-multi-arch': 'Driver and executors run on arm64 nodes because the EMR capacity ({types}) was AWS Graviton: the container image must be built for linux/arm64',
      'mixed-arch':
        'The executor capacity mixes x86_64 and Graviton types ({types}): pods get no architecture constraint, so the image must be multi-arch (linux/amd64 and linux/arm64) and executors per node differ between node types',
      'arch-unknown': 'The architecture of {types} is known neither to the catalog nor from its name: pods get no architecture constraint',
      'instance-type-unresolved': 'Instance type {types} is not an EC2 instance type name: executors get no instance type, family or architecture constraint',
      'mixed-capacity':
        'The executor capacity mixed spot ({spot}) and on-demand ({onDemand}) nodes: executors get no capacity-type constraint and tolerate spot taints, so they may run on either',
      'no-instance-facts': 'The input has no instance groups or fleets: driver and executors get no node placement from EMR',
      'node-selector-kept': 'The job already selects {pod} nodes by {label} ({source}); placement leaves that label alone',
    },
    severities: {
      'image-multi-arch': 'info',
      'mixed-arch': 'warning',
      'arch-unknown': 'info',
      'instance-type-unresolved': 'warning',
      'mixed-capacity': 'info',
      'no-instance-facts': 'info',
      'node-selector-kept': 'info',
    },
    docs: 'docs/rules/placement.md',
  },
  apply(job, ctx) {
    const placement = ctx.config.placement;
    if (job.facts.roles.length === 0) {
      ctx.report('no-instance-facts', {}, { hint: 'Convert the steps together with describe-cluster (or list-instance-groups / list-instance-fleets) output.' });
      setTolerations(ctx, 'driver', false, []);
      setTolerations(ctx, 'executor', false, []);
      return;
    }
    const { roles, capacity, marketRefs, typeRefs, names, unresolved, arch: archReading } = readCapacity(job);
    if (unresolved.length > 0) ctx.report('instance-type-unresolved', { types: unresolved.join(', ') }, { refs: typeRefs });
    if (capacity === 'mixed') {
      const which = (market: RoleFacts['market']) => distinctSorted(roles.filter((r) => r.market === market).map((r) => r.role)).join(', ');
      ctx.report('mixed-capacity', { spot: which('SPOT'), onDemand: which('ON_DEMAND') }, { refs: marketRefs });
    }

    const { labels, capacityTypes } = placement;
    const arch = archConstraint(ctx, archReading, typeRefs);
    const driver: Constraint[] = [
      { label: labels.capacityType, values: [capacityTypes.onDemand], from: [refs.config('placement.labels.capacityType'), refs.config('placement.capacityTypes.onDemand')] },
    ];
    const executor: Constraint[] = [];
    if (capacity !== 'mixed') {
      const spot = capacity === 'spot';
      executor.push({
        label: labels.capacityType,
        values: [spot ? capacityTypes.spot : capacityTypes.onDemand],
        from: [...marketRefs, refs.config('placement.labels.capacityType'), refs.config(spot ? 'placement.capacityTypes.spot' : 'placement.capacityTypes.onDemand')],
      });
    }
    if (arch) {
      driver.push(arch);
      executor.push(arch);
    }
    const instance = instanceConstraint(ctx, names, unresolved, typeRefs);
    if (instance) executor.push(instance);

    place(job, ctx, 'driver', driver);
    place(job, ctx, 'executor', executor);
    setTolerations(ctx, 'driver', false, []);
    setTolerations(ctx, 'executor', capacity !== 'on-demand', marketRefs);
  },
});
