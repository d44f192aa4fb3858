import type { Classification } from '../model/emr-snapshot.js';
import type { ExecutorNodeType } from './node-capacity.js';

/** How EMR's YARN packed executor containers on one node, and why. */
export interface EmrNodeFit {
  /** Executors per node; absent when the node's YARN memory is unknown. */
  perNode?: number;
  /** `memory`: the default memory-only calculator; `vcores`: DominantResourceCalculator and vCores were the limit. */
  boundBy?: 'memory' | 'vcores';
  /** NodeManager memory of the node, MiB. */
  yarnMemoryMiB?: number;
  /** The inputs that decided it, as `classification/key` names, for provenance. */
  from: Array<{ classification: string; key: string }>;
}

const NODE_MEMORY = { classification: 'yarn-site', key: 'yarn.nodemanager.resource.memory-mb' };
const NODE_VCORES = { classification: 'yarn-site', key: 'yarn.nodemanager.resource.cpu-vcores' };
const CALCULATOR = { classification: 'capacity-scheduler', key: 'yarn.scheduler.capacity.resource-calculator' };

function property(classifications: readonly Classification[], which: { classification: string; key: string }): string | undefined {
  return classifications.find((c) => c.classification === which.classification)?.properties[which.key];
}

function positiveInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d+\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n > 0 ? n : undefined;
}

/**
 * Executors per node on EMR: YARN's CapacityScheduler with the DefaultResourceCalculator counts
 * memory only (facts §3), so `floor(NodeManager memory / container)`, the NodeManager memory
 * being a `yarn-site` value or EMR's default for the type (facts §8.3). With a
 * DominantResourceCalculator in `capacity-scheduler`, `floor(vCores / executor cores)` bounds
 * it too (vCores from `yarn-site`, else the type's vCPUs).
 */
export function emrExecutorsPerNode(
  classifications: readonly Classification[],
  type: Pick<ExecutorNodeType, 'facts'>,
  containerMiB: number,
  cores: number | undefined,
): EmrNodeFit {
  const configuredMemory = positiveInt(property(classifications, NODE_MEMORY));
  const yarnMemory = configuredMemory ?? type.facts?.yarnMemoryMiB;
  const from = configuredMemory === undefined ? [] : [NODE_MEMORY];
  if (yarnMemory === undefined || containerMiB <= 0) return { from };
  const byMemory = Math.floor(yarnMemory / containerMiB);
  const calculator = property(classifications, CALCULATOR) ?? '';
  if (!calculator.includes('DominantResourceCalculator') || cores === undefined || cores <= 0) {
    return { perNode: byMemory, boundBy: 'memory', yarnMemoryMiB: yarnMemory, from };
  }
  const configuredVcores = positiveInt(property(classifications, NODE_VCORES));
  const vcores = configuredVcores ?? type.facts?.vcpu;
  const drcFrom = [...from, CALCULATOR, ...(configuredVcores === undefined ? [] : [NODE_VCORES])];
  if (vcores === undefined) return { perNode: byMemory, boundBy: 'memory', yarnMemoryMiB: yarnMemory, from: drcFrom };
  const byVcores = Math.floor(vcores / cores);
  return byVcores < byMemory
    ? { perNode: byVcores, boundBy: 'vcores', yarnMemoryMiB: yarnMemory, from: drcFrom }
    : { perNode: byMemory, boundBy: 'memory', yarnMemoryMiB: yarnMemory, from: drcFrom };
}
