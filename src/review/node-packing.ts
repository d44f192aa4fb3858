import { eksAllocatable } from '../catalog/eks-allocatable.js';
import type { JobPlan } from '../model/job-plan.js';
import type { InstanceTypeFacts, SparkJob } from '../model/spark-job.js';
import { cpuMillicores, cpuRequest, podMemoryMiB } from './pod-memory.js';
import type { ResourcesView } from './types.js';

/**
 * Pod slots kept free for DaemonSets when counting executors per EKS node: aws-node (VPC CNI)
 * and kube-proxy run on every node, and clusters usually add a CSI node plugin and a log or
 * metrics agent. Their CPU and memory requests are not known here, so the CPU and memory
 * figures are upper bounds (facts §9: subtract DaemonSet requests before bin-packing).
 */
export const DAEMONSET_PODS = 4;

type Packing = NonNullable<ResourcesView['packing']>;

/** The core role's first instance type, else the task role's; unknown types are returned by name only. */
function executorNodeType(job: SparkJob): { known?: InstanceTypeFacts; name: string } | undefined {
  for (const role of ['CORE', 'TASK'] as const) {
    for (const group of job.facts.roles.filter((r) => r.role === role)) {
      const known = group.instanceTypes[0];
      if (known) return { known, name: known.type };
      const unknown = group.unknownTypes[0];
      if (unknown !== undefined) return { name: unknown };
    }
  }
  return undefined;
}

function classificationValue(job: SparkJob, classification: string, key: string): string | undefined {
  return job.classifications.find((c) => c.classification === classification)?.properties[key];
}

function positiveInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d+\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n > 0 ? n : undefined;
}

/**
 * Executors per node on EMR: YARN's CapacityScheduler with the DefaultResourceCalculator
 * counts memory only (facts §3), so `floor(NodeManager memory / container)`; with a
 * DominantResourceCalculator in `capacity-scheduler`, vCores bound it too.
 */
function emrPerNode(job: SparkJob, type: InstanceTypeFacts, containerMiB: number, cores: number | undefined): { count?: number; note: string } {
  const yarnMemory = positiveInt(classificationValue(job, 'yarn-site', 'yarn.nodemanager.resource.memory-mb')) ?? type.yarnMemoryMiB;
  if (yarnMemory === undefined) return { note: `EMR: no YARN memory known for ${type.type}` };
  const byMemory = Math.floor(yarnMemory / containerMiB);
  const calculator = classificationValue(job, 'capacity-scheduler', 'yarn.scheduler.capacity.resource-calculator') ?? '';
  if (!calculator.includes('DominantResourceCalculator') || cores === undefined) {
    return { count: byMemory, note: `EMR: YARN packs by memory only (${yarnMemory} MiB per node)` };
  }
  const vcores = positiveInt(classificationValue(job, 'yarn-site', 'yarn.nodemanager.resource.cpu-vcores')) ?? type.vcpu;
  return {
    count: Math.min(byMemory, Math.floor(vcores / cores)),
    note: `EMR: DominantResourceCalculator, memory and ${vcores} vCores per node`,
  };
}

/**
 * Executors per EKS node of the same instance type: the smallest of allocatable CPU / pod CPU
 * request, allocatable memory / pod memory and the pod slots left after
 * {@link DAEMONSET_PODS}; `boundBy` names the smallest (CPU first on a tie).
 */
function eksPerNode(type: InstanceTypeFacts, podMiB: number, requestMilli: number): Pick<Packing, 'eksExecutorsPerNode' | 'eksBoundBy'> {
  const node = eksAllocatable(type);
  const limits: Array<[NonNullable<Packing['eksBoundBy']>, number]> = [
    ['cpu', Math.floor(node.cpuMilli / requestMilli)],
    ['memory', Math.floor(node.memoryMiB / podMiB)],
    ['pods', node.maxPods - DAEMONSET_PODS],
  ];
  let best = limits[0] as [NonNullable<Packing['eksBoundBy']>, number];
  for (const limit of limits) if (limit[1] < best[1]) best = limit;
  return { eksExecutorsPerNode: Math.max(0, best[1]), eksBoundBy: best[0] };
}

/**
 * How executors of a job fit one node of the cluster's core (else task) instance type, on EMR
 * (from the baseline plan: the EMR container) and on EKS (from the current plan: the pod).
 * Undefined when the input names no core or task type; figures are left out when the
 * catalog does not know the type or the plan lacks the sizes.
 */
export function nodePacking(job: SparkJob, baseline: JobPlan, current: JobPlan): Packing | undefined {
  const nodeType = executorNodeType(job);
  if (nodeType === undefined) return undefined;
  const { known, name } = nodeType;
  if (known === undefined) return { instanceType: name, note: `${name} is not in the instance catalog: no packing figures` };
  const notes: string[] = [];
  const packing: Packing = { instanceType: name };

  const container = podMemoryMiB(baseline, 'executor', job.facts.sparkVersion);
  if (container === undefined || container <= 0) notes.push('EMR: executor container size unknown');
  else {
    const emr = emrPerNode(job, known, container, baseline.executor.cores);
    if (emr.count !== undefined) packing.emrExecutorsPerNode = emr.count;
    notes.push(emr.note);
  }

  const pod = podMemoryMiB(current, 'executor', current.sparkVersion ?? job.facts.sparkVersion);
  const request = cpuRequest(current.executor);
  const requestMilli = request === undefined ? undefined : cpuMillicores(request);
  if (pod === undefined || pod <= 0 || requestMilli === undefined || requestMilli <= 0) notes.push('EKS: executor pod size unknown');
  else {
    Object.assign(packing, eksPerNode(known, pod, requestMilli));
    notes.push(`EKS: nominal allocatable, ${DAEMONSET_PODS} pods kept for DaemonSets`);
  }
  packing.note = notes.join('; ');
  return packing;
}
