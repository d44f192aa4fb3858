import { readField, splitFieldPath } from '../engine/plan-fields.js';
import { compareDiagnostics } from '../model/diagnostic.js';
import type { JobPlan } from '../model/job-plan.js';
import { compareStrings } from '../model/order.js';
import { mustWithhold, REDACTED } from '../model/secrets.js';
import type { SparkJob } from '../model/spark-job.js';
import { explainInput, indexConfRefs, locateRef, type ConfRefIndex } from './input-values.js';
import type { FieldExplanation, InputExplanation, JobExplanation } from './types.js';

/** Plan fields that have provenance, in code-point order: what `explain --field` accepts. */
export function listFields(plan: JobPlan): string[] {
  return Object.keys(plan.provenance).sort(compareStrings);
}

/**
 * Plans hold secrets only as Secret references or `${env:…}` values; this guards a map entry
 * that a rule or an override left raw, since explain prints what it finds.
 */
function safeFieldValue(field: string, value: unknown): unknown {
  const { key } = splitFieldPath(field);
  return typeof value === 'string' && mustWithhold(key, value) ? REDACTED : value;
}

function explainWith(job: SparkJob, plan: JobPlan, confRefs: ConfRefIndex, field: string): FieldExplanation | undefined {
  const provenance = plan.provenance[field];
  if (!provenance) return undefined;
  const value = safeFieldValue(field, readField(plan, field));
  if ('default' in provenance) {
    return { field, value, kind: 'default', rule: provenance.rule, reason: provenance.default, inputs: [] };
  }
  const refs = new Set(provenance.from);
  const context = { refs, key: splitFieldPath(field).key };
  const inputs = provenance.from.map((ref) => explainInput(job, confRefs, ref, context));
  if ('override' in provenance) return { field, value, kind: 'override', override: provenance.override, inputs };
  return { field, value, kind: 'rule', rule: provenance.rule, inputs };
}

/**
 * Why one plan field has its value: the rule (or default, or override), and for each input
 * setting it names, where that sits, the value it had, its layer and what it shadowed.
 * Undefined when the field has no provenance. Secret values are never returned.
 */
export function explainField(job: SparkJob, plan: JobPlan, field: string): FieldExplanation | undefined {
  return explainWith(job, plan, indexConfRefs(job), field);
}

/**
 * Everything `explain --job` shows: identity and status, every field with provenance (in
 * field-path order), the dropped settings and the job's diagnostics, each located in the input.
 */
export function explainJob(job: SparkJob, plan: JobPlan): JobExplanation {
  const confRefs = indexConfRefs(job);
  const fields = listFields(plan).map((field) => explainWith(job, plan, confRefs, field) as FieldExplanation);
  const dropped = [...plan.dropped]
    .sort((a, b) => compareStrings(a.setting, b.setting) || compareStrings(a.ref, b.ref))
    .map(({ setting, ref, reason, detail, rule }) => {
      const location = locateRef(job, ref);
      return { setting, ref, reason, detail, rule, ...(location && { location }) };
    });
  const diagnostics = [...plan.diagnostics].sort(compareDiagnostics).map((d) => {
    // Rules' findings often carry refs but no place: the first ref with a place stands in.
    const location = d.location ?? d.refs.map((ref) => locateRef(job, ref)).find((l) => l !== undefined);
    return {
      code: d.code,
      severity: d.severity,
      message: d.message,
      ...(location && { location }),
      ...(d.hint !== undefined && { hint: d.hint }),
    };
  });
  return {
    jobId: plan.jobId,
    cluster: plan.source.cluster.key,
    step: { id: plan.source.step.key, name: plan.source.step.name },
    status: plan.status,
    fields,
    dropped,
    diagnostics,
  };
}

/**
 * The inputs worth listing for a field: an input that is already a shadowed value of another
 * input of the same field (a rule names both the winner and the values it beat) is left out,
 * since it shows under that winner.
 */
export function listedInputs(field: FieldExplanation): InputExplanation[] {
  const shownAsShadowed = new Set(field.inputs.flatMap((i) => i.shadowed.map((s) => s.ref)));
  return field.inputs.filter((i) => !shownAsShadowed.has(i.ref));
}
