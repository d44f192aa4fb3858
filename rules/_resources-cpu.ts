import type { ExecutorDensity, From, RuleContext, SparkJob } from '../src/rule-api.js';
import { executorDensity, refs } from '../src/rule-api.js';
import { isCpuQuantity, parseSparkInt } from './_resources-common.js';

/** What {@link planPodCores} decided: the whole cores, and whether the job set its own CPU request. */
export interface PodCores {
  cores?: number;
  explicitRequest: boolean;
}

/**
 * Cores of a driver or executor pod (facts §3). `spark.<role>.cores` is the number of task
 * slots and must be a whole number; the Kubernetes CPU request and limit are carried only when
 * the job set them. YARN did not enforce vCores under EMR's default DefaultResourceCalculator,
 * so inventing a CPU limit would take away CPU the job could use on EMR.
 */
export function planPodCores(job: Readonly<SparkJob>, ctx: RuleContext, role: 'driver' | 'executor'): PodCores {
  const coresKey = `spark.${role}.cores`;
  const cores = job.conf[coresKey];
  let planned: number | undefined;
  if (cores === undefined) {
    ctx.setDefault(`${role}.cores`, 1, `Spark's default ${coresKey} is 1`);
    planned = 1;
  } else {
    const n = parseSparkInt(cores.value, 1);
    if (n === undefined) {
      ctx.report('invalid-value', { key: coresKey, value: cores.value, expected: 'a whole number of cores of at least 1', field: `${role}.cores` }, { refs: [cores] });
      ctx.consume(cores);
    } else {
      ctx.set(`${role}.cores`, n, cores);
      planned = n;
    }
  }
  let explicitRequest = false;
  for (const [kind, field] of [['request', 'coreRequest'], ['limit', 'coreLimit']] as const) {
    const key = `spark.kubernetes.${role}.${kind}.cores`;
    const entry = job.conf[key];
    if (entry === undefined) continue;
    if (kind === 'request') explicitRequest = true;
    if (isCpuQuantity(entry.value)) {
      ctx.set(`${role}.${field}`, entry.value.trim(), entry);
    } else {
      ctx.report('invalid-value', { key, value: entry.value, expected: 'a CPU quantity such as 2, 0.5 or 500m', field: `${role}.${field}` }, { refs: [entry] });
      ctx.consume(entry);
    }
  }
  return { ...(planned !== undefined && { cores: planned }), explicitRequest };
}

/** Messages of {@link planExecutorDensity}, declared by `executor-resources`. */
export const DENSITY_MESSAGES = {
  'executor-density-lower':
    'On EMR, YARN placed {emr} executors on each {type} node (it scheduled by {emrBound}); with a CPU request of {cores} cores Kubernetes fits {eks} ({eksBound}-bound), so the same executors need more nodes',
  'emr-density-request':
    'Executor CPU request {request} (of {cores} cores) keeps the {emr} executors per {type} node EMR had (packing.coreRequest: emr-density): the {cores} task threads of an executor share {share} CPUs as they shared the node on EMR, so CPU-heavy stages run slower than the core count suggests; with no CPU limit an executor still uses idle CPU of the node',
} as const;

/**
 * EMR packed executors by memory; Kubernetes packs by CPU request too (facts §3, §9). On the
 * job's target type (the first core type, else task type): with `packing.coreRequest: cores`
 * (the default) a job that loses density gets a warning; with `emr-density` and no explicit
 * `spark.kubernetes.executor.request.cores`, the executor CPU request becomes
 * floor((allocatable CPU − DaemonSet CPU) / EMR executors per node) millicores, never above the cores.
 */
export function planExecutorDensity(job: Readonly<SparkJob>, ctx: RuleContext, containerMiB: number | undefined, planned: PodCores): void {
  if (containerMiB === undefined || planned.cores === undefined || planned.explicitRequest) return;
  const cores = planned.cores;
  const target: ExecutorDensity | undefined = executorDensity(job, ctx.config.packing, containerMiB, cores);
  if (target === undefined) return;
  const coresEntry = job.conf['spark.executor.cores'];
  const instances = refs.instances(target.role, 'instanceTypes');
  if (ctx.config.packing.coreRequest === 'cores') {
    if (target.eksPerNode >= target.emrPerNode) return;
    const hint =
      target.eksBoundBy === 'cpu'
        ? `Set packing.coreRequest: emr-density in emr2k8s.config.yaml for a fractional CPU request of ${target.densityRequestMilli}m that keeps ${target.emrPerNode} per node, or plan for the extra nodes.`
        : 'Check the node allocatable (packing.allocatable) and DaemonSet overhead (packing.daemonSetOverhead) in emr2k8s.config.yaml.';
    ctx.report(
      'executor-density-lower',
      { emr: target.emrPerNode, type: target.instanceType, emrBound: target.emrBoundBy === 'vcores' ? 'memory and vCores' : 'memory only', cores, eks: target.eksPerNode, eksBound: target.eksBoundBy },
      { refs: [...(coresEntry ? [coresEntry] : []), instances], hint },
    );
    return;
  }
  if (target.densityRequestMilli >= cores * 1000 || target.densityRequestMilli <= 0) return;
  const request = `${target.densityRequestMilli}m`;
  const from: From[] = [
    refs.config('packing.coreRequest'),
    refs.config('packing.daemonSetOverhead.cpu'),
    ...(target.allocatableSource === 'config' ? [refs.config(`packing.allocatable.${target.instanceType}`)] : []),
    instances,
    ...target.from.map((f) => refs.classification([f.classification], f.key)),
    ...(coresEntry ? [coresEntry] : []),
  ];
  ctx.set('executor.coreRequest', request, ...from);
  const share = (target.densityRequestMilli / 1000).toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
  ctx.report('emr-density-request', { request, cores, emr: target.emrPerNode, type: target.instanceType, share }, { refs: from });
}
