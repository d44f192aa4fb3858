import { convertInputs } from '../../engine/conversion.js';
import { closestMatches } from '../../explain/closest.js';
import { explainField, explainJob, listFields } from '../../explain/explain-field.js';
import { formatFieldExplanation, formatJobExplanation } from '../../explain/format-explain.js';
import type { FieldExplanation, JobExplanation } from '../../explain/types.js';
import type { JobPlan } from '../../model/job-plan.js';
import type { SparkJob } from '../../model/spark-job.js';
import { loadConversionInputs, type LoadInputsOptions } from '../conversion.js';
import { loadAnswersFile } from '../answers-file.js';
import { EXIT, UserError } from '../errors.js';
import type { CliIo } from '../io.js';

/** Options of `explain` as main.ts parses them. */
export interface ExplainOptions extends LoadInputsOptions {
  job: string;
  field?: string;
  /** `--answers FILE`: review decisions to apply first, as `convert --answers` does. */
  answers?: string;
  format: 'text' | 'json';
}

/** `--format json` of `explain --job`: versioned like every JSON document on stdout (DESIGN §5). */
export interface ExplainJobJson {
  schemaVersion: 1;
  job: JobExplanation;
}

/** `--format json` of `explain --job --field`. */
export interface ExplainFieldJson {
  schemaVersion: 1;
  jobId: string;
  field: FieldExplanation;
}

/** How many field paths (job ids) an unknown `--field` (`--job`) error lists. */
const FIELD_HINTS = 5;
const JOB_HINTS = 3;

function findJob(jobs: SparkJob[], plans: JobPlan[], id: string, paths: string[]): { job: SparkJob; plan: JobPlan } {
  const job = jobs.find((j) => j.id === id);
  const plan = plans.find((p) => p.jobId === id);
  if (job && plan) return { job, plan };
  const ids = plans.map((p) => p.jobId);
  const near = closestMatches(id, ids);
  const listed = near.length > 0 ? `did you mean ${near.join(', ')}?` : `jobs include ${ids.slice(0, JOB_HINTS).join(', ')}.`;
  throw new UserError(
    `no job "${id}" in ${paths.join(' ')} (${ids.length} job${ids.length === 1 ? '' : 's'} found)`,
    `${ids.length > 0 ? `${listed} ` : ''}Job ids are <cluster>/<step>; \`emr2k8s convert ${paths.join(' ')} --check --format json\` lists them and writes nothing.`,
  );
}

function unknownField(plan: JobPlan, field: string): UserError {
  const fields = listFields(plan);
  const near = closestMatches(field, fields, FIELD_HINTS);
  const shown = near.length > 0 ? near : fields.slice(0, FIELD_HINTS);
  return new UserError(
    `job ${plan.jobId} has no field "${field}"`,
    `fields with provenance include ${shown.join(', ')} (${fields.length} in all; run explain without --field to list them).`,
  );
}

/**
 * `emr2k8s explain <path...> --job ID [--field PATH]`: convert in memory (nothing is written)
 * and print why the job's fields have their values. Exit 0 whatever the job's status: an
 * unsupported or failed job is explained too, its status in the header.
 */
export async function runExplain(paths: string[], options: ExplainOptions, io: CliIo): Promise<number> {
  const loaded = await loadConversionInputs(paths, options, io);
  const answers = options.answers === undefined ? undefined : await loadAnswersFile(options.answers, { cwd: io.cwd });
  const { batch } = convertInputs(loaded, answers);
  const { job, plan } = findJob(batch.jobs, batch.plans, options.job, loaded.inputs);

  if (options.field !== undefined) {
    const field = explainField(job, plan, options.field);
    if (!field) throw unknownField(plan, options.field);
    if (options.format === 'json') {
      const doc: ExplainFieldJson = { schemaVersion: 1, jobId: plan.jobId, field };
      io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
    } else {
      io.stdout(`${formatFieldExplanation(field).join('\n')}\n`);
    }
    return EXIT.ok;
  }

  const explanation = explainJob(job, plan);
  if (options.format === 'json') {
    const doc: ExplainJobJson = { schemaVersion: 1, job: explanation };
    io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    io.stdout(formatJobExplanation(explanation));
  }
  return EXIT.ok;
}
