import { eksAllocatable, maxPods } from '../catalog/eks-allocatable.js';
import type { ProjectConfig } from '../config/project-config.js';
import type { ClusterFacts, InstanceTypeFacts } from '../model/spark-job.js';
import { cpuMillicores, memoryMiB } from './quantities.js';

/** The `packing` section of the project config (docs/placement.md "Packing"). */
export type PackingConfig = ProjectConfig['packing'];

/**
 * Pod slots kept free for DaemonSets when counting executors per node: aws-node (VPC CNI) and
 * kube-proxy run on every EKS node, and clusters usually add a CSI node plugin and a log or
 * metrics agent. Their CPU and memory come from `packing.daemonSetOverhead`.
 */
export const DAEMONSET_PODS = 4;

/** What one node offers to pods (facts §9), and where the figures came from. */
export interface NodeAllocatable {
  cpuMilli: number;
  memoryMiB: number;
  pods: number;
  /** `formula`: the EKS AMI's kube-reserved and eviction formulas on nominal sizes; `config`: `packing.allocatable`. */
  source: 'formula' | 'config';
}

/** What DaemonSets take from every node before executors are packed. */
export interface NodeOverhead {
  cpuMilli: number;
  memoryMiB: number;
  pods: number;
}

/** One instance type executors of a cluster ran on, with the role group that had it. */
export interface ExecutorNodeType {
  instanceType: string;
  role: 'CORE' | 'TASK';
  /** Catalog facts; absent for a type the catalog does not know. */
  facts?: InstanceTypeFacts;
}

/**
 * The instance types executors ran on: every core type, then every task type not already
 * listed, in the order the cluster lists them. The first is the job's target type (facts §9:
 * packing is computed per node type); more than one comes from fleets or several groups.
 */
export function executorNodeTypes(facts: ClusterFacts): ExecutorNodeType[] {
  const seen = new Set<string>();
  const out: ExecutorNodeType[] = [];
  for (const role of ['CORE', 'TASK'] as const) {
    for (const group of facts.roles.filter((r) => r.role === role)) {
      for (const known of group.instanceTypes) {
        if (seen.has(known.type)) continue;
        seen.add(known.type);
        out.push({ instanceType: known.type, role, facts: known });
      }
      for (const name of group.unknownTypes) {
        if (seen.has(name)) continue;
        seen.add(name);
        out.push({ instanceType: name, role });
      }
    }
  }
  return out;
}

/**
 * Node allocatable of an instance type: the measured values of `packing.allocatable` when the
 * config has them (pods default to the ENI-based maxPods), else capacity − kube-reserved −
 * evictionHard from the type's nominal vCPU and memory (facts §9, src/catalog/eks-allocatable.ts).
 * Undefined when neither is known.
 */
export function nodeAllocatable(type: Pick<ExecutorNodeType, 'instanceType' | 'facts'>, packing: PackingConfig): NodeAllocatable | undefined {
  const measured = Object.hasOwn(packing.allocatable, type.instanceType) ? packing.allocatable[type.instanceType] : undefined;
  if (measured !== undefined) {
    const cpu = cpuMillicores(measured.cpu);
    const memory = memoryMiB(measured.memory);
    if (cpu !== undefined && memory !== undefined) {
      return { cpuMilli: cpu, memoryMiB: memory, pods: measured.pods ?? maxPods(type.instanceType), source: 'config' };
    }
  }
  if (type.facts === undefined) return undefined;
  const formula = eksAllocatable(type.facts);
  return { cpuMilli: formula.cpuMilli, memoryMiB: formula.memoryMiB, pods: formula.maxPods, source: 'formula' };
}

/** `packing.daemonSetOverhead` in millicores and MiB, plus the {@link DAEMONSET_PODS} pod slots. */
export function daemonSetOverhead(packing: PackingConfig): NodeOverhead {
  return {
    cpuMilli: cpuMillicores(packing.daemonSetOverhead.cpu) ?? 0,
    memoryMiB: memoryMiB(packing.daemonSetOverhead.memory) ?? 0,
    pods: DAEMONSET_PODS,
  };
}
