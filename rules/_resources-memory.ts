import type { ConfEntry, From, RuleContext, Sourced, SparkJob } from '../src/rule-api.js';
import { formatMiB, parseSparkMemoryMiB } from '../src/rule-api.js';
import { classificationProperty, sparkAtLeast } from './_resources-common.js';

/**
 * EMR container memory → explicit Kubernetes overhead, shared by `executor-resources` and
 * `driver-resources` (facts §2). Spark on Kubernetes requests exactly
 * `memory + memoryOverhead (+ off-heap + PySpark memory)` MiB for a pod, so an explicit
 * overhead equal to "YARN container − heap − extras" gives the pod the memory EMR gave the
 * container, whatever factor Spark on Kubernetes would otherwise pick (0.1, or 0.4 for PySpark).
 */

/** Messages both resource rules declare, with the same meaning. */
export const MEMORY_MESSAGES = {
  'invalid-value': '{key} = "{value}" is not {expected}, so Spark would reject it; {field} is left unset',
  'pyspark-overhead':
    'Spark on Kubernetes would give this PySpark {role} a 0.4 overhead factor; the explicit memoryOverhead {overhead} keeps the EMR container size instead',
} as const;

/** `MEMORY_OVERHEAD_MIN_MIB` in Spark up to 3.5; the default of `spark.*.minMemoryOverhead` from 4.0. */
const MIN_OVERHEAD_MIB = 384;
/** Spark's overhead factor when no key sets one (YARN ≤3.2 hard-coded, 3.3+ config default). */
const DEFAULT_FACTOR = 0.1;
/** EMR's `yarn.scheduler.minimum-allocation-mb` on every current instance family (facts §2.2). */
const EMR_YARN_STEP_MIB = 32;
/** Legacy families on which EMR sets a 256 MiB minimum allocation (facts §2.2). */
const LEGACY_256_FAMILIES = new Set(['m1', 'm2', 'c1', 'cc2', 'cg1', 'g2', 'hs1']);

/** Spark's `doubleConf` (`toDouble`); overhead factors must also be > 0. */
export function parseFactor(text: string): number | undefined {
  if (!/^\s*\+?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text)) return undefined;
  const n = Number(text.trim());
  return n > 0 && Number.isFinite(n) ? n : undefined;
}

/**
 * The YARN allocation step: CapacityScheduler's DefaultResourceCalculator rounds a request up
 * to a multiple of `yarn.scheduler.minimum-allocation-mb` (apache/hadoop
 * `DefaultResourceCalculator.normalize`). The ResourceManager runs on the master node, so its
 * instance type decides EMR's default; a `yarn-site` classification value beats it.
 */
export function yarnAllocationStep(job: Readonly<SparkJob>): { step: number; from?: Sourced } {
  const configured = classificationProperty(job, 'yarn-site', 'yarn.scheduler.minimum-allocation-mb');
  const n = configured === undefined ? NaN : Number(configured.value.trim());
  if (configured !== undefined && Number.isInteger(n) && n > 0) return { step: n, from: configured };
  const master = job.facts.roles.find((r) => r.role === 'MASTER');
  const types = [...(master?.instanceTypes.map((t) => t.type) ?? []), ...(master?.unknownTypes ?? [])];
  const legacy = types.some((t) => LEGACY_256_FAMILIES.has(t.split('.')[0] ?? ''));
  return { step: legacy ? 256 : EMR_YARN_STEP_MIB };
}

/** Round `mib` up to a multiple of `step` (YARN's `roundUp`). */
export function roundUpTo(mib: number, step: number): number {
  return Math.ceil(mib / step) * step;
}

/** Memory that Spark adds to the pod besides heap and overhead (off-heap, PySpark). */
export interface MemoryExtra {
  mib: number;
  from: ConfEntry[];
}

export interface PodMemorySpec {
  role: 'executor' | 'driver';
  heapKey: string;
  overheadKey: string;
  /** Deprecated alternate of `overheadKey` (SparkConf `configsWithAlternatives`); the new key wins. */
  yarnOverheadKey: string;
  /** Factor keys in precedence order; `since` is the first Spark version that reads the key. */
  factorKeys: Array<{ key: string; since?: [number, number] }>;
  minOverheadKey: string;
  extras: MemoryExtra[];
  /** YARN rounding of the container; absent when no YARN container held this JVM. */
  rounding?: { step: number; from?: Sourced };
}

type Parsed = { entry: ConfEntry; mib: number } | undefined;

/**
 * Set `<role>.memory` and `<role>.memoryOverhead` so that the pod gets the EMR container
 * memory (facts §2.1–2.3), and consume or drop every overhead setting that the explicit
 * overhead replaces. Returns the container (= pod) MiB, undefined when a size is invalid.
 */
export function planPodMemory(job: Readonly<SparkJob>, ctx: RuleContext, spec: PodMemorySpec): number | undefined {
  const field = `${spec.role}.memory`;
  const overheadField = `${spec.role}.memoryOverhead`;
  const readSize = (key: string, target: string): Parsed | 'invalid' => {
    const entry = job.conf[key];
    if (entry === undefined) return undefined;
    const mib = parseSparkMemoryMiB(entry.value);
    if (mib !== undefined) return { entry, mib };
    ctx.report('invalid-value', { key, value: entry.value, expected: 'a whole size such as 4743m or 4g', field: target }, { refs: [entry] });
    ctx.consume(entry);
    return 'invalid';
  };

  const heap = readSize(spec.heapKey, field);
  const explicitNew = readSize(spec.overheadKey, overheadField);
  const explicitOld = readSize(spec.yarnOverheadKey, overheadField);
  const explicit = explicitNew ?? explicitOld;
  if (explicitNew !== undefined && explicitOld !== undefined && explicitOld !== 'invalid') {
    ctx.drop(explicitOld.entry, 'superseded', `${spec.overheadKey} is also set and wins over this deprecated alternate`);
  }

  const factor = chooseFactor(job, ctx, spec, explicit !== undefined);
  const min = chooseMinimum(job, ctx, spec, explicit !== undefined);

  if (heap === 'invalid') return undefined;
  const heapMiB = heap?.mib ?? 1024;
  if (heap) ctx.set(field, formatMiB(heapMiB), heap.entry);
  else ctx.setDefault(field, formatMiB(heapMiB), `Spark's default ${spec.heapKey} is 1g`);
  if (explicit === 'invalid' || factor === 'invalid' || min === 'invalid') return undefined;

  const base = explicit?.mib ?? Math.max(Math.floor((factor?.value ?? DEFAULT_FACTOR) * heapMiB), min?.mib ?? MIN_OVERHEAD_MIB);
  const extrasMiB = spec.extras.reduce((sum, e) => sum + e.mib, 0);
  const container = heapMiB + base + extrasMiB;
  const pod = spec.rounding ? roundUpTo(container, spec.rounding.step) : container;
  const overhead = pod - heapMiB - extrasMiB;

  const from: From[] = [
    ...(heap ? [heap.entry] : []),
    ...(explicit ? [explicit.entry] : []),
    ...(factor?.entry ? [factor.entry] : []),
    ...(min ? [min.entry] : []),
    ...spec.extras.flatMap((e) => e.from),
    ...(spec.rounding?.from ? [spec.rounding.from] : []),
  ];
  if (from.length > 0) ctx.set(overheadField, formatMiB(overhead), ...from);
  else
    ctx.setDefault(
      overheadField,
      formatMiB(overhead),
      `max(${DEFAULT_FACTOR} × ${heapMiB}, ${MIN_OVERHEAD_MIB}) MiB, Spark's YARN overhead with no overhead setting`,
    );
  if (job.submit?.appType === 'Python') {
    ctx.report('pyspark-overhead', { role: spec.role, overhead: formatMiB(overhead) }, { refs: from });
  }
  return pod;
}

/** The overhead factor EMR's Spark used, dropping the factor keys it did not use. */
function chooseFactor(
  job: Readonly<SparkJob>,
  ctx: RuleContext,
  spec: PodMemorySpec,
  explicitOverhead: boolean,
): { value: number; entry?: ConfEntry } | 'invalid' | undefined {
  let chosen: { value: number; entry?: ConfEntry } | 'invalid' | undefined;
  let chosenKey = '';
  for (const { key, since } of spec.factorKeys) {
    const entry = job.conf[key];
    if (entry === undefined) continue;
    if (since && !sparkAtLeast(job, since[0], since[1])) {
      ctx.drop(entry, 'not-applicable', `Spark ${job.facts.sparkVersion} does not read it (added in ${since.join('.')})`);
      continue;
    }
    if (explicitOverhead) {
      ctx.drop(entry, 'superseded', `${spec.overheadKey} sets the overhead explicitly, so no factor applies`);
      continue;
    }
    if (chosen !== undefined) {
      ctx.drop(entry, 'superseded', `${chosenKey} is set and takes precedence`);
      continue;
    }
    chosenKey = key;
    const value = parseFactor(entry.value);
    if (value === undefined) {
      ctx.report('invalid-value', { key, value: entry.value, expected: 'a number greater than 0', field: `${spec.role}.memoryOverhead` }, { refs: [entry] });
      ctx.consume(entry);
      chosen = 'invalid';
    } else {
      chosen = { value, entry };
    }
  }
  return chosen;
}

/** `spark.*.minMemoryOverhead` (Spark 4.0+); before 4.0 the minimum is a fixed 384 MiB. */
function chooseMinimum(
  job: Readonly<SparkJob>,
  ctx: RuleContext,
  spec: PodMemorySpec,
  explicitOverhead: boolean,
): Parsed | 'invalid' {
  const entry = job.conf[spec.minOverheadKey];
  if (entry === undefined) return undefined;
  if (!sparkAtLeast(job, 4, 0)) {
    ctx.drop(entry, 'not-applicable', `Spark ${job.facts.sparkVersion} uses a fixed 384 MiB minimum (configurable from 4.0)`);
    return undefined;
  }
  if (explicitOverhead) {
    ctx.drop(entry, 'superseded', `${spec.overheadKey} sets the overhead explicitly, so no minimum applies`);
    return undefined;
  }
  const mib = parseSparkMemoryMiB(entry.value);
  if (mib !== undefined) return { entry, mib };
  ctx.report('invalid-value', { key: spec.minOverheadKey, value: entry.value, expected: 'a whole size such as 384m', field: `${spec.role}.memoryOverhead` }, { refs: [entry] });
  ctx.consume(entry);
  return 'invalid';
}
