import type { JobPlan } from '../model/job-plan.js';

/**
 * Plan fields that are string maps: a field path `sparkConf.spark.sql.x` writes key
 * `spark.sql.x` of `sparkConf`. Longest prefix first, so `driver.env` wins over `driver`.
 */
const MAP_FIELDS = [
  'driver.annotations',
  'driver.env',
  'driver.labels',
  'driver.nodeSelector',
  'executor.annotations',
  'executor.env',
  'executor.labels',
  'executor.nodeSelector',
  'annotations',
  'hadoopConf',
  'labels',
  'sparkConf',
] as const;

/**
 * Field paths already split. Rules write the same few hundred paths for every job, and a
 * split depends on nothing but the path, so each is split once; the parts are frozen because
 * every caller shares them.
 */
const splitCache = new Map<string, { container: string[]; key: string }>();

function splitUncached(field: string): { container: string[]; key: string } {
  for (const map of MAP_FIELDS) {
    if (field.length > map.length + 1 && field.startsWith(map) && field[map.length] === '.') {
      return { container: map.split('.'), key: field.slice(map.length + 1) };
    }
  }
  const parts = field.split('.');
  const key = parts.pop() as string;
  return { container: parts, key };
}

/** Split a field path into the container path and the final key. */
export function splitFieldPath(field: string): { container: string[]; key: string } {
  let split = splitCache.get(field);
  if (split === undefined) {
    const fresh = splitUncached(field);
    split = Object.freeze({ container: Object.freeze(fresh.container) as string[], key: fresh.key });
    splitCache.set(field, split);
  }
  return split;
}

/** Write `value` at `field` in the plan, creating intermediate objects. */
export function writeField(plan: JobPlan, field: string, value: unknown): void {
  const { container, key } = splitFieldPath(field);
  let target = plan as unknown as Record<string, unknown>;
  for (const part of container) {
    const next = target[part];
    if (next === undefined || next === null || typeof next !== 'object') {
      target[part] = {};
    }
    target = target[part] as Record<string, unknown>;
  }
  target[key] = value;
}

/** Read a plan field by the same path syntax rules write with (`sparkConf.spark.x` is key `spark.x` of `sparkConf`). */
export function readField(plan: JobPlan, field: string): unknown {
  const { container, key } = splitFieldPath(field);
  let target: unknown = plan;
  for (const part of [...container, key]) {
    if (target === null || typeof target !== 'object') return undefined;
    target = (target as Record<string, unknown>)[part];
  }
  return target;
}

/** Whether `field` matches a `writes`/`reads` pattern (exact, or prefix with a trailing `*`). */
export function matchesPattern(pattern: string, field: string): boolean {
  return pattern.endsWith('*') ? field.startsWith(pattern.slice(0, -1)) : pattern === field;
}
