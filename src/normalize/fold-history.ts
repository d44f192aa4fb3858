import type { Diagnostic } from '../model/diagnostic.js';
import type { EmrStep } from '../model/emr-snapshot.js';
import { refs, stepKey } from '../model/emr-snapshot.js';

/** A step ready to fold: its identity decides which steps are runs of the same job. */
export interface FoldItem {
  step: EmrStep;
  /** Spark: name, jar and primary resource; other kinds: name, jar and args. */
  identity: string[];
}

/** One job after folding: the newest definition and every run it stands for, oldest first. */
export interface Folded<T extends FoldItem> {
  item: T;
  runs: T[];
}

function timestamp(step: EmrStep): number {
  return step.createdAt === undefined ? Number.NaN : Date.parse(step.createdAt);
}

/**
 * A group's runs, oldest first: by `createdAt` when every run has a readable one (ties keep
 * input order), else in input order, so the last is the newest definition. ListSteps lists
 * newest first, but its importer gives `createdAt`; other inputs list in submission order.
 */
function oldestFirst<T extends FoldItem>(group: T[]): T[] {
  const times = group.map((g) => timestamp(g.step));
  if (times.some((t) => Number.isNaN(t))) return group;
  return group
    .map((item, i) => ({ item, i, t: times[i] as number }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.item);
}

/**
 * Folds the step history of a long-running cluster: list-steps repeats the same job once per
 * run, and each job is converted once, from its newest definition. Groups come out in the
 * input order of their newest run.
 */
export function foldHistory<T extends FoldItem>(items: T[]): Array<Folded<T>> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = JSON.stringify(item.identity);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  // Input positions looked up once, not by indexOf in the comparator (quadratic for long histories).
  const position = new Map(items.map((item, i) => [item, i]));
  return [...groups.values()]
    .map((group) => {
      const runs = oldestFirst(group);
      return { item: runs[runs.length - 1] as T, runs };
    })
    .sort((a, b) => (position.get(a.item) as number) - (position.get(b.item) as number));
}

/** The info diagnostic of a job that stands for several runs (`step-history-folded`). */
export function foldedDiagnostic(jobId: string, runs: FoldItem[], kept: EmrStep): Diagnostic {
  return {
    code: 'step-history-folded',
    severity: 'info',
    message: `${runs.length} runs of step "${kept.name}" were folded into one job, converted from the newest (${stepKey(kept)})`,
    jobId,
    refs: runs.map((r) => refs.step(r.step, 'name')),
  };
}
