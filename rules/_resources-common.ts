import type { ConfEntry, Sourced, SparkJob } from '../src/rule-api.js';
import { refs } from '../src/rule-api.js';
import { targetSpark } from './_spark-version.js';

/**
 * Shared reading helpers for the resource, dynamic-allocation and YARN rules: Spark's own
 * parsing of integers and booleans, the deploy mode, version checks and classification
 * properties.
 */

/** Whether the Spark EMR ran (without its `-amzn-N` suffix) is at least `major.minor`: EMR-side semantics. */
export function sparkAtLeast(job: Readonly<SparkJob>, major: number, minor: number): boolean {
  const [maj = 0, min = 0] = job.facts.sparkVersion.split('.').map((p) => Number.parseInt(p, 10) || 0);
  return maj > major || (maj === major && min >= minor);
}

/**
 * Whether the Spark the manifest runs (not the one EMR ran) is at least `major.minor`. They
 * differ for Spark 2 jobs, which the image rule moves to Spark 3; what Kubernetes supports
 * (shuffle tracking, node selectors, renamed keys) depends on the target.
 */
export function targetSparkAtLeast(job: Readonly<SparkJob>, major: number, minor: number): boolean {
  const target = targetSpark(job.facts);
  return target.major > major || (target.major === major && target.minor >= minor);
}

/**
 * Spark's `intConf` reads `Integer.parseInt(value.trim)`: an optional sign and digits only.
 * Returns undefined for anything Spark would reject, or for a value outside `min`.
 */
export function parseSparkInt(text: string, min: number): number | undefined {
  const m = /^\s*([+-]?\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && n >= min ? n : undefined;
}

/** Spark's `booleanConf`: `true`/`false`, case-insensitive, surrounding blanks ignored. */
export function parseSparkBoolean(text: string): boolean | undefined {
  const v = text.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

export interface DeployMode {
  mode: 'client' | 'cluster';
  /** The setting that decided it; absent when Spark's default (client) applied. */
  entry?: ConfEntry;
}

/**
 * Where the driver ran on EMR. spark-submit defaults `spark.submit.deployMode` to `client`
 * (SparkSubmitArguments), and EMR's command-runner steps do not change that, so unless the
 * step says `--deploy-mode cluster` the driver ran on the master node, outside YARN.
 */
export function deployMode(job: Readonly<SparkJob>): DeployMode {
  const entry = job.conf['spark.submit.deployMode'];
  if (entry === undefined) return { mode: 'client' };
  return { mode: entry.value.trim().toLowerCase() === 'cluster' ? 'cluster' : 'client', entry };
}

/** A property of a top-level EMR classification (e.g. `yarn-site`), with its ref. */
export function classificationProperty(
  job: Readonly<SparkJob>,
  classification: string,
  key: string,
): Sourced | undefined {
  const c = job.classifications.find((x) => x.classification === classification);
  const value = c?.properties[key];
  return value === undefined ? undefined : { value, ref: refs.classification([classification], key) };
}

/** A Kubernetes CPU quantity as Spark passes it on (`2`, `0.5`, `500m`). */
export function isCpuQuantity(text: string): boolean {
  return /^(\d+(\.\d+)?|\.\d+|\d+m)$/.test(text.trim()) && !/^0*(\.0*)?m?$/.test(text.trim());
}
