import type { JobPlan } from '../model/job-plan.js';
import type { SparkJob } from '../model/spark-job.js';
import {
  emrExecutorsPerNode,
  executorNodeTypes,
  executorPodSize,
  fitPods,
  daemonSetOverhead,
  nodeAllocatable,
  podMemoryMiB,
  type PackingConfig,
} from '../packing/index.js';
import type { ResourcesView } from './types.js';

type Packing = NonNullable<ResourcesView['packing']>;

/**
 * How executors of a job fit one node of the cluster's core (else task) instance type, for the
 * Resources pane, with the packing of src/packing (the one the report uses): on EMR from the
 * baseline plan (the EMR container), on EKS from the current plan (the pod, answers applied).
 * Undefined when the input names no core or task type; figures are left out when neither the
 * catalog nor `packing.allocatable` knows the type, or the plan lacks the sizes.
 */
export function nodePacking(job: SparkJob, baseline: JobPlan, current: JobPlan, packing: PackingConfig): Packing | undefined {
  const [type] = executorNodeTypes(job.facts);
  if (type === undefined) return undefined;
  const name = type.instanceType;
  const allocatable = nodeAllocatable(type, packing);
  if (allocatable === undefined) return { instanceType: name, note: `${name} is not in the instance catalog: no packing figures` };
  const notes: string[] = [];
  const packed: Packing = { instanceType: name };

  const container = podMemoryMiB(baseline, 'executor', job.facts.sparkVersion);
  if (container === undefined || container <= 0) notes.push('EMR: executor container size unknown');
  else {
    const emr = emrExecutorsPerNode(job.classifications, type, container, baseline.executor.cores);
    if (emr.perNode !== undefined) packed.emrExecutorsPerNode = emr.perNode;
    notes.push(
      emr.yarnMemoryMiB === undefined
        ? `EMR: no YARN memory known for ${name}`
        : emr.from.some((f) => f.classification === 'capacity-scheduler')
          ? 'EMR: DominantResourceCalculator, memory and vCores per node'
          : `EMR: YARN packs by memory only (${emr.yarnMemoryMiB} MiB per node)`,
    );
  }

  const pod = executorPodSize(current, current.sparkVersion ?? job.facts.sparkVersion);
  if (pod === undefined) notes.push('EKS: executor pod size unknown');
  else {
    const overhead = daemonSetOverhead(packing);
    const fit = fitPods(allocatable, overhead, pod);
    packed.eksExecutorsPerNode = fit.perNode;
    packed.eksBoundBy = fit.boundBy;
    const source = allocatable.source === 'config' ? 'measured allocatable (packing.allocatable)' : 'formula allocatable';
    notes.push(`EKS: ${source}, DaemonSets take ${overhead.cpuMilli}m, ${overhead.memoryMiB} MiB and ${overhead.pods} pods`);
  }
  packed.note = notes.join('; ');
  return packed;
}
