import { explainField, listFields } from '../explain/explain-field.js';
import { locateRef } from '../explain/input-values.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { JobAnswer } from '../model/answers.js';
import { formatLocation } from '../model/source.js';
import { answersDiffer } from './answers-equal.js';
import { detailJobId, findJob, jobMark, manifestText, MARKS, orderedPlans, visiblePlans, clusterLabel } from './job-view.js';
import { KEY_BINDINGS } from './keymap.js';
import { compareResources } from './resources.js';
import type { JobListRow, JobMark, Line, ResourcesView, ReviewState, StatusView, WhyView } from './types.js';
import { PANES } from './types.js';
import { changeLines, explanationLines } from './why-lines.js';
import { tokeniseYaml } from './yaml-lines.js';

/**
 * What each part of the review screen shows, as plain data computed from the state. Pure and
 * total: an empty batch, a job without a manifest or without plan pieces gives empty or
 * explanatory lines, never an exception.
 */

function overrideCount(answer: JobAnswer | undefined): number {
  return Object.keys(answer?.sparkConf ?? {}).length + Object.keys(answer?.fields ?? {}).length;
}

/** The visible job list rows, grouped by cluster in order (the UI prints a header when `cluster` changes). */
export function selectJobRows(state: ReviewState): JobListRow[] {
  return visiblePlans(state).map((plan, index) => {
    const answer = state.answers[plan.jobId];
    return {
      id: plan.jobId,
      cluster: clusterLabel(plan),
      stepName: plan.source.step.name,
      mark: jobMark(plan),
      ...(answer?.decision !== undefined && { decision: answer.decision }),
      overrides: overrideCount(answer),
      selected: index === state.selected,
      open: plan.jobId === state.openJobId,
    };
  });
}

const muted = (text: string): Line => [{ text, tone: 'muted' }];

/** Why a job has no manifest: unsupported, failed or rejected. */
function noManifestLines(state: ReviewState, jobId: string): Line[] {
  const { plan } = findJob(state.conversion, jobId);
  const answer = state.answers[jobId];
  if (answer?.decision === 'rejected') return [muted('Rejected: `convert --answers` writes no manifest for this job.')];
  if (plan?.status === 'unsupported') {
    return [
      muted(`No manifest: ${plan.kind} steps are not converted.`),
      ...plan.diagnostics.filter((d) => d.severity !== 'info').map((d): Line => [{ text: d.message, tone: 'warning' }]),
    ];
  }
  if (plan?.status === 'error') {
    return [
      [{ text: 'No manifest: the conversion of this job failed.', tone: 'error' }],
      ...plan.diagnostics.filter((d) => d.severity === 'error').map((d): Line => [{ text: `${d.code}: ${d.message}`, tone: 'error' }]),
    ];
  }
  return [muted('No manifest was written for this job.')];
}

/** The shown job's manifest YAML, tokenised; or why there is none. */
export function selectManifestLines(state: ReviewState): Line[] {
  const jobId = detailJobId(state);
  if (jobId === undefined) return [muted(state.conversion.batch.plans.length === 0 ? 'No jobs in the input.' : 'No job matches the filter.')];
  const text = manifestText(state.conversion, jobId);
  if (text === undefined) return noManifestLines(state, jobId);
  const answer = state.answers[jobId];
  const header: Line[] = answer?.decision === 'rejected' ? [muted('Rejected: `convert --answers` will not write this manifest.'), []] : [];
  return [...header, ...tokeniseYaml(text)];
}

/** EMR and Kubernetes resources of the shown job; no rows for a job that is not a Spark job. */
export function selectResources(state: ReviewState): ResourcesView {
  const jobId = detailJobId(state);
  const { plan: baselinePlan, job } = findJob(state.baseline, jobId);
  const { plan } = findJob(state.conversion, jobId);
  if (!job || !baselinePlan || !plan || plan.kind !== 'spark' || plan.status === 'unsupported') return { rows: [] };
  return compareResources(job, baselinePlan, plan, state.conversion.config.packing);
}

/** The shown job's fields with provenance, and the selected one's explanation (last override's changes first). */
export function selectWhy(state: ReviewState): WhyView {
  const jobId = detailJobId(state);
  const { plan, job } = findJob(state.conversion, jobId);
  const changes = state.lastChange && state.lastChange.jobId === jobId ? changeLines(state.lastChange.changes) : [];
  if (!plan || !job) return { fields: [], detail: changes };
  const paths = listFields(plan);
  const fields = paths.map((path, index) => ({ path, selected: index === state.fieldIndex }));
  const field = paths[Math.min(state.fieldIndex, paths.length - 1)];
  const explanation = field === undefined ? undefined : explainField(job, plan, field);
  return { fields, detail: [...changes, ...(explanation ? explanationLines(explanation) : [])] };
}

const SEVERITY_TONE = { error: 'error', warning: 'warning', info: 'info' } as const;

/** The shown job's diagnostics: severity and code, message, where in the input, and the hint. */
export function selectDiagnosticLines(state: ReviewState): Line[] {
  const jobId = detailJobId(state);
  const { plan, job } = findJob(state.conversion, jobId);
  if (!plan) return [muted('No job selected.')];
  if (plan.diagnostics.length === 0) return [muted('No diagnostics.')];
  const lines: Line[] = [];
  for (const d of plan.diagnostics as Diagnostic[]) {
    lines.push([{ text: d.severity, tone: SEVERITY_TONE[d.severity] }, { text: ' ' }, { text: d.code, tone: 'key' }]);
    lines.push([{ text: `  ${d.message}` }]);
    // Rules' findings often carry refs without a place: the first ref with a place stands in.
    const location = d.location ?? (job ? d.refs.map((ref) => locateRef(job, ref)).find((l) => l !== undefined) : undefined);
    const where = formatLocation(location);
    if (where) lines.push(muted(`  at ${where}`));
    if (d.hint) lines.push([{ text: '  hint: ', tone: 'muted' }, { text: d.hint, tone: 'info' }]);
  }
  return lines;
}

const PROMPT_LABELS: Record<NonNullable<ReviewState['prompt']>['kind'], string> = {
  filter: 'Filter (text, status:<mark>, cluster:<text>): ',
  'reject-note': 'Reject note (Enter to skip): ',
  override: 'Override key=value: ',
  'confirm-quit': 'Unsaved decisions: quit anyway? y/n ',
};

/** Counts by mark and decision, the unsaved marker, and the prompt or the last message. */
export function selectStatus(state: ReviewState): StatusView {
  const plans = orderedPlans(state.conversion);
  const byMark = new Map<JobMark, number>(MARKS.map((m) => [m, 0]));
  for (const plan of plans) byMark.set(jobMark(plan), (byMark.get(jobMark(plan)) ?? 0) + 1);
  const decisions = Object.values(state.answers);
  const accepted = decisions.filter((a) => a.decision === 'accepted').length;
  const rejected = decisions.filter((a) => a.decision === 'rejected').length;
  const unsaved = answersDiffer(state.answers, state.savedAnswers);
  const shown = visiblePlans(state).length;
  const counts = [
    `${plans.length} jobs`,
    ...(shown !== plans.length ? [`${shown} shown`] : []),
    MARKS.map((m) => `${byMark.get(m)} ${m}`).join(' '),
    `${accepted} accepted ${rejected} rejected`,
    ...(unsaved ? ['unsaved'] : []),
  ].join(' · ');
  return {
    text: state.message ?? counts,
    unsaved,
    ...(state.prompt && { prompt: { label: PROMPT_LABELS[state.prompt.kind], input: state.input } }),
  };
}

/** The help screen, from {@link KEY_BINDINGS}; with a state, also where decisions are saved. */
export function selectHelpLines(state?: ReviewState): Line[] {
  const width = KEY_BINDINGS.reduce((max, b) => Math.max(max, Array.from(b.keys).length), 0);
  return [
    [{ text: 'Keys', tone: 'accent' }],
    ...KEY_BINDINGS.map((b): Line => [{ text: `  ${b.keys.padEnd(width)}  `, tone: 'key' }, { text: b.action }]),
    [],
    ...(state ? [muted(`Decisions are saved to ${state.answersFile}.`)] : []),
    muted('Any key closes this help.'),
  ];
}

const PANE_NAMES = { manifest: 'Manifest', resources: 'Resources', why: 'Why', diagnostics: 'Diagnostics' } as const;

/** `emr2k8s review · <job> · [1 Manifest] 2 Resources 3 Why 4 Diagnostics`: the active pane in brackets. */
export function selectTitle(state: ReviewState): string {
  const jobId = detailJobId(state);
  const panes = PANES.map((p, i) => (p === state.pane ? `[${i + 1} ${PANE_NAMES[p]}]` : `${i + 1} ${PANE_NAMES[p]}`)).join(' ');
  return ['emr2k8s review', ...(jobId !== undefined ? [jobId] : []), panes].join(' · ');
}
