import { answerRef, type JobAnswer, type LoadedAnswers } from '../model/answers.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { JobPlan } from '../model/job-plan.js';
import { compareStrings, sortedKeys } from '../model/order.js';
import type { SourceLocation } from '../model/source.js';
import type { ConfEntry, SparkJob } from '../model/spark-job.js';
import { jobInputHash } from './job-fingerprint.js';
import { checkOverride, planValue, type OverrideKind, type OverrideValue } from './overridable-fields.js';
import { writeField } from './plan-fields.js';

/**
 * Replaying review answers (`convert --answers`, docs/answers.md), in two halves around the
 * rules: Spark settings become the job's `review` conf layer before planning, so derived
 * values follow them; plan fields are written after planning. An answer is applied whole or
 * not at all: a stale one (its job changed) is reported and skipped, an invalid override makes
 * the job an error.
 */

/** One override of an answer, checked, with where it sits in the answers file. */
interface CheckedOverride {
  key: string;
  value: OverrideValue;
  ref: string;
  location: SourceLocation;
}

/** An answer that passed every check and will be applied to its job. */
export interface ApplicableAnswer {
  answer: JobAnswer;
  sparkConf: CheckedOverride[];
  fields: CheckedOverride[];
}

/** What {@link prepareAnswers} hands to planning and then to {@link finishAnswers}. */
export interface PreparedAnswers {
  /** Jobs with the `review` conf layer and the answers' locations added; the others unchanged. */
  jobs: SparkJob[];
  /** Answers to finish after planning, by job id. */
  applicable: Map<string, ApplicableAnswer>;
  /** Stale, unknown and invalid answers; job findings carry their `jobId`. */
  diagnostics: Diagnostic[];
}

function locate(answers: LoadedAnswers, lineKey: string, fallbackKey: string): SourceLocation {
  const line = answers.lines[lineKey] ?? answers.lines[fallbackKey];
  return line === undefined ? { file: answers.file } : { file: answers.file, line };
}

/** Check every override of one answer; the overrides and the diagnostics of those that fail. */
function checkAnswer(jobId: string, answer: JobAnswer, answers: LoadedAnswers): { checked: ApplicableAnswer; errors: Diagnostic[] } {
  const checked: ApplicableAnswer = { answer, sparkConf: [], fields: [] };
  const errors: Diagnostic[] = [];
  const overrides: Array<[OverrideKind, Record<string, OverrideValue> | undefined]> = [
    ['sparkConf', answer.sparkConf],
    ['fields', answer.fields],
  ];
  for (const [kind, record] of overrides) {
    for (const key of sortedKeys(record ?? {})) {
      const ref = answerRef(jobId, kind, key);
      const location = locate(answers, `${jobId}#${kind}.${key}`, jobId);
      const result = checkOverride(kind, key, (record ?? {})[key] as OverrideValue);
      if ('error' in result) {
        errors.push({
          code: 'answer-invalid-override',
          severity: 'error',
          message: `review override ${kind}.${key} is not applied: ${result.error}`,
          jobId,
          refs: [ref],
          location,
          hint: `Fix or remove the override in ${answers.file}; the job is not converted until then, since half a review is not applied.`,
        });
      } else {
        checked[kind].push({ key, value: result.value, ref, location });
      }
    }
  }
  return { checked, errors };
}

/** The job with the answer's Spark settings as its highest conf layer (DESIGN §2) and their locations. */
function withReviewLayer(job: SparkJob, answer: ApplicableAnswer): SparkJob {
  const conf = { ...job.conf };
  const locations = { ...job.locations };
  for (const override of answer.sparkConf) {
    const previous = conf[override.key];
    const entry: ConfEntry = {
      key: override.key,
      value: String(override.value),
      layer: 'review',
      ref: override.ref,
      shadowed: previous ? [...previous.shadowed, { value: previous.value, layer: previous.layer, ref: previous.ref }] : [],
    };
    conf[override.key] = entry;
    locations[override.ref] = override.location;
  }
  for (const override of answer.fields) locations[override.ref] = override.location;
  const sortedConf = Object.fromEntries(sortedKeys(conf).map((key) => [key, conf[key] as ConfEntry]));
  return { ...job, conf: sortedConf, locations };
}

/**
 * The first half, before the rules run: match each answer to its job, report unknown and stale
 * answers, check every override, and add the Spark settings of the answers that pass as the
 * `review` layer of their jobs.
 */
export function prepareAnswers(jobs: readonly SparkJob[], answers: LoadedAnswers | undefined): PreparedAnswers {
  const prepared: PreparedAnswers = { jobs: [...jobs], applicable: new Map(), diagnostics: [] };
  if (!answers) return prepared;
  const byId = new Map(jobs.map((job, index) => [job.id, index]));
  for (const jobId of sortedKeys(answers.answers)) {
    const answer = answers.answers[jobId] as JobAnswer;
    const location = locate(answers, jobId, jobId);
    const index = byId.get(jobId);
    if (index === undefined) {
      prepared.diagnostics.push({
        code: 'answer-unknown-job',
        severity: 'warning',
        message: `the answer for job ${jobId} is not applied: no such job in this conversion`,
        refs: [],
        location,
        hint: 'Check the input paths given to convert, or remove the entry if the step is gone.',
      });
      continue;
    }
    const job = prepared.jobs[index] as SparkJob;
    const current = jobInputHash(job);
    if (answer.inputHash !== current) {
      prepared.diagnostics.push({
        code: 'answer-stale',
        severity: 'warning',
        message: `the review answer for this job was made on different input (inputHash ${answer.inputHash}, now ${current}); nothing of it is applied`,
        jobId,
        refs: [],
        location,
        hint: 'Review the job again with emr2k8s review and save, so the answer matches the current input.',
      });
      continue;
    }
    const { checked, errors } = checkAnswer(jobId, answer, answers);
    if (errors.length > 0) {
      prepared.diagnostics.push(...errors);
      continue;
    }
    prepared.jobs[index] = withReviewLayer(job, checked);
    prepared.applicable.set(jobId, checked);
  }
  return prepared;
}

/**
 * The second half, after the rules and unique names: write the answers' plan fields with
 * `review` provenance and record each decision on its plan. A review name that collides with
 * another job's name is an error, since both would be written to the same file.
 */
export function finishAnswers(plans: JobPlan[], applicable: ReadonlyMap<string, ApplicableAnswer>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const plan of plans) {
    const checked = applicable.get(plan.jobId);
    if (!checked) continue;
    for (const field of checked.fields) {
      writeField(plan, field.key, planValue(field.key, field.value));
      plan.provenance[field.key] = { override: 'review', from: [field.ref] };
    }
    const { decision, note } = checked.answer;
    plan.review = {
      ...(decision !== undefined && { decision }),
      ...(note !== undefined && { note }),
      overrides: checked.sparkConf.length + checked.fields.length,
    };
    diagnostics.push(...nameCollisions(plan, plans, checked));
  }
  return diagnostics;
}

function nameCollisions(plan: JobPlan, plans: readonly JobPlan[], checked: ApplicableAnswer): Diagnostic[] {
  const renamed = checked.fields.filter((f) => f.key === 'name' || f.key === 'namespace');
  if (renamed.length === 0 || plan.status !== 'converted' || plan.review?.decision === 'rejected') return [];
  const other = plans
    .filter((p) => p !== plan && p.status === 'converted' && p.review?.decision !== 'rejected')
    .filter((p) => p.namespace === plan.namespace && p.name === plan.name)
    .sort((a, b) => compareStrings(a.jobId, b.jobId))[0];
  if (!other) return [];
  const field = renamed[0] as CheckedOverride;
  return [
    {
      code: 'answer-invalid-override',
      severity: 'error',
      message: `review override fields.${field.key} names the job ${plan.namespace}/${plan.name}, which job ${other.jobId} is already named; it would overwrite that job's files.`,
      jobId: plan.jobId,
      refs: [field.ref],
      location: field.location,
      hint: 'Pick a name no other job in the namespace has.',
    },
  ];
}
