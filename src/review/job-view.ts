import type { JobPlan } from '../model/job-plan.js';
import { compareStrings } from '../model/order.js';
import type { SparkJob } from '../model/spark-job.js';
import type { Conversion } from '../engine/conversion.js';
import type { JobMark, ReviewState } from './types.js';

/**
 * Which jobs the review shows and in what order: marks, the filter, the visible list and the
 * job the detail panes are about. Shared by the reducer and the selectors so both agree.
 */

/** The marks in the order `f` cycles through them (after "all"). */
export const MARKS: readonly JobMark[] = ['converted', 'warnings', 'unsupported', 'error'];

/** A job's status mark: its plan status, with converted jobs that carry a warning marked `warnings`. */
export function jobMark(plan: JobPlan): JobMark {
  if (plan.status === 'error') return 'error';
  if (plan.status === 'unsupported') return 'unsupported';
  return plan.diagnostics.some((d) => d.severity === 'warning') ? 'warnings' : 'converted';
}

/** The group label of a job's cluster: its key, with the cluster name when that says more. */
export function clusterLabel(plan: JobPlan): string {
  const { key, name } = plan.source.cluster;
  return name && name !== key ? `${key} ${name}` : key;
}

/** Plans grouped by cluster (clusters in key order), jobs in id order inside a group. */
export function orderedPlans(conversion: Conversion): JobPlan[] {
  return [...conversion.batch.plans].sort(
    (a, b) => compareStrings(a.source.cluster.key, b.source.cluster.key) || compareStrings(a.jobId, b.jobId),
  );
}

/** One term of the filter text: `status:<mark>`, `cluster:<text>` or free text. */
type FilterTerm = { kind: 'status' | 'cluster' | 'text'; value: string };

/** Filter text → terms: space-separated; `status:` and `cluster:` prefixes are case-insensitive. */
export function parseFilterText(text: string): FilterTerm[] {
  return text
    .split(/\s+/)
    .filter((t) => t !== '')
    .map((term): FilterTerm => {
      const m = /^(status|cluster):(.*)$/i.exec(term);
      if (!m) return { kind: 'text', value: term.toLowerCase() };
      return { kind: (m[1] as string).toLowerCase() as 'status' | 'cluster', value: (m[2] ?? '').toLowerCase() };
    });
}

function matchesTerm(plan: JobPlan, term: FilterTerm): boolean {
  const cluster = clusterLabel(plan).toLowerCase();
  switch (term.kind) {
    // A prefix is enough (`status:warn`), so a mark need not be typed in full.
    case 'status':
      return jobMark(plan).startsWith(term.value);
    case 'cluster':
      return cluster.includes(term.value);
    case 'text':
      return [plan.jobId.toLowerCase(), cluster, plan.source.step.name.toLowerCase()].some((s) => s.includes(term.value));
  }
}

/** Whether a job passes the filter: every term, and the mark filter of `f`. */
export function matchesFilter(plan: JobPlan, filter: ReviewState['filter']): boolean {
  if (filter.mark !== undefined && jobMark(plan) !== filter.mark) return false;
  return parseFilterText(filter.text).every((term) => matchesTerm(plan, term));
}

/** The jobs of the list after filtering, in display order. */
export function visiblePlans(state: Pick<ReviewState, 'conversion' | 'filter'>): JobPlan[] {
  return orderedPlans(state.conversion).filter((p) => matchesFilter(p, state.filter));
}

/**
 * The job the detail panes show and `a`/`r`/`e` act on: the open job, else the selected row,
 * so that what is on screen is what a decision applies to.
 */
export function detailJobId(state: ReviewState): string | undefined {
  return state.openJobId ?? visiblePlans(state)[state.selected]?.jobId;
}

/** A job's plan and SparkJob in one conversion. */
export function findJob(conversion: Conversion, jobId: string | undefined): { plan?: JobPlan; job?: SparkJob } {
  if (jobId === undefined) return {};
  const plan = conversion.batch.plans.find((p) => p.jobId === jobId);
  const job = conversion.batch.jobs.find((j) => j.id === jobId);
  return { ...(plan && { plan }), ...(job && { job }) };
}

/** The YAML text of a job's manifest in a conversion, when one was emitted. */
export function manifestText(conversion: Conversion, jobId: string | undefined): string | undefined {
  if (jobId === undefined) return undefined;
  return conversion.files.find((f) => f.kind === 'manifest' && f.jobId === jobId)?.content;
}

/** A copy of `record` without `keys` (absent, not `undefined`: answers and state compare by keys). */
export function omit<T extends object, K extends keyof T>(record: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...record };
  for (const key of keys) delete copy[key];
  return copy;
}
