import { checkOverride, parseOverride } from '../engine/overridable-fields.js';
import { jobInputHash } from '../engine/job-fingerprint.js';
import { explainField, listFields } from '../explain/explain-field.js';
import type { JobAnswer } from '../model/answers.js';
import { mustWithhold, REDACTED } from '../model/secrets.js';
import { splitFieldPath } from '../engine/plan-fields.js';
import { findJob, omit } from './job-view.js';
import type { ReviewState } from './types.js';

/**
 * Recording review decisions in the answers: accept, reject with a note, override a setting.
 * Each returns new answers (never edits the old ones) or an error the status line shows.
 */

type Answers = Record<string, JobAnswer>;

/**
 * The fingerprint an answer records: of the job as the input has it, from the baseline
 * conversion (no answers applied), so that an answer stays valid across its own overrides.
 */
function inputHashOf(state: ReviewState, jobId: string): string | undefined {
  const job = findJob(state.baseline, jobId).job ?? findJob(state.conversion, jobId).job;
  return job && jobInputHash(job);
}

/** `jobId` accepted, keeping its overrides and note. */
export function acceptJob(state: ReviewState, jobId: string): { answers: Answers } | { error: string } {
  const inputHash = inputHashOf(state, jobId);
  if (inputHash === undefined) return { error: `${jobId} is not in the conversion.` };
  return { answers: { ...state.answers, [jobId]: { ...state.answers[jobId], decision: 'accepted', inputHash } } };
}

/** `jobId` rejected with `note` (an empty note leaves no note key), keeping its overrides. */
export function rejectJob(state: ReviewState, jobId: string, note: string): { answers: Answers } | { error: string } {
  const inputHash = inputHashOf(state, jobId);
  if (inputHash === undefined) return { error: `${jobId} is not in the conversion.` };
  const previous: Partial<JobAnswer> = state.answers[jobId] ?? {};
  const rest = omit(previous, 'note');
  const text = note.trim();
  return { answers: { ...state.answers, [jobId]: { ...rest, decision: 'rejected', inputHash, ...(text !== '' && { note: text }) } } };
}

/**
 * The override typed as `key=value` recorded for `jobId`: a `spark.*` key as a Spark setting,
 * anything else as a plan field, checked by the same rules `convert --answers` applies.
 */
export function overrideJob(state: ReviewState, jobId: string, text: string): { answers: Answers; summary: string } | { error: string } {
  const parsed = parseOverride(text);
  if ('error' in parsed) return parsed;
  const checked = checkOverride(parsed.kind, parsed.key, parsed.value);
  if ('error' in checked) return checked;
  const inputHash = inputHashOf(state, jobId);
  if (inputHash === undefined) return { error: `${jobId} is not in the conversion.` };
  const previous = state.answers[jobId];
  const value = parsed.kind === 'sparkConf' ? String(checked.value) : checked.value;
  const answer: JobAnswer =
    parsed.kind === 'sparkConf'
      ? { ...previous, inputHash, sparkConf: { ...previous?.sparkConf, [parsed.key]: String(value) } }
      : { ...previous, inputHash, fields: { ...previous?.fields, [parsed.key]: value } };
  return { answers: { ...state.answers, [jobId]: answer }, summary: `${parsed.key}=${String(value)}` };
}

/** A plan value as the override prompt shows it: env entries by their value, objects not at all. */
function promptValue(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && value !== null && typeof (value as { value?: unknown }).value === 'string') {
    return (value as { value: string }).value;
  }
  return '';
}

/**
 * The override prompt's starting text: `<field>=<current value>` for the field selected in the
 * Why pane, else empty. A secret's value is never put in the prompt.
 */
export function overridePrefill(state: ReviewState, jobId: string): string {
  if (state.pane !== 'why') return '';
  const { plan, job } = findJob(state.conversion, jobId);
  if (!plan || !job) return '';
  const field = listFields(plan)[state.fieldIndex];
  if (field === undefined) return '';
  const value = promptValue(explainField(job, plan, field)?.value);
  const secret = value === REDACTED || mustWithhold(splitFieldPath(field).key, value);
  return `${field}=${secret ? '' : value}`;
}
