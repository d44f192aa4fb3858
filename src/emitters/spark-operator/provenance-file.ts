import type { DroppedSetting, JobPlan } from '../../model/job-plan.js';
import { compareStrings, sortedKeys } from '../../model/order.js';
import type { FieldProvenance, ProvenanceDocument } from '../../model/provenance.js';
import type { SettingRef, SourceLocation } from '../../model/source.js';

/** The provenance file written beside each manifest: why every field has its value, and what was dropped. */
export type ProvenanceFile = ProvenanceDocument & { dropped: DroppedSetting[] };

/**
 * Every input setting the plan's fields and drops name, each once, in code-point order. (An
 * object lists array-index keys such as `10` first whatever order they were added in, so an
 * object built in this order is in the order stable JSON writes.)
 */
function usedRefs(plan: JobPlan): SettingRef[] {
  const used = new Set<SettingRef>();
  for (const field of Object.values(plan.provenance)) if ('from' in field) for (const ref of field.from) used.add(ref);
  for (const drop of plan.dropped) used.add(drop.ref);
  return [...used].sort(compareStrings);
}

function sortedDrops(plan: JobPlan): DroppedSetting[] {
  return [...plan.dropped].sort((a, b) => compareStrings(a.setting, b.setting) || compareStrings(a.ref, b.ref));
}

/**
 * Provenance for one plan (DESIGN §2 "Provenance"). `inputs` lists every input setting the
 * fields and drops name, with where it sits in the input (an empty location when unknown).
 * It records places, never values, so secret settings cannot leak through it.
 * This is the document's definition; {@link provenanceText} writes the same document.
 */
export function buildProvenanceFile(plan: JobPlan, locations: Record<SettingRef, SourceLocation>): ProvenanceFile {
  const inputs: Record<SettingRef, SourceLocation> = {};
  for (const ref of usedRefs(plan)) {
    const loc = locations[ref];
    inputs[ref] = loc ? { file: loc.file, line: loc.line, column: loc.column, path: loc.path } : {};
  }
  return { schemaVersion: 1, job: plan.jobId, fields: plan.provenance, dropped: sortedDrops(plan), inputs };
}

/** A field's provenance with its keys in code-point order, whichever of the three kinds it is. */
function orderedField(field: FieldProvenance): FieldProvenance {
  if ('default' in field) return { default: field.default, rule: field.rule };
  if ('override' in field) return { from: field.from, override: field.override };
  return { from: field.from, rule: field.rule };
}

/**
 * The provenance file's text: {@link buildProvenanceFile} as stable JSON (keys in code-point
 * order, 2-space indent, trailing newline). The document is built once with every key already
 * in that order, so that plain JSON.stringify writes it: at fleet scale these files are 60 MB
 * for 3,400 jobs, and sorting a built document again cost more than writing it. A test holds
 * the text equal to `toStableJson(buildProvenanceFile(…))` on generated plans.
 */
export function provenanceText(plan: JobPlan, locations: Record<SettingRef, SourceLocation>): string {
  const fields: Record<string, FieldProvenance> = {};
  for (const key of sortedKeys(plan.provenance)) fields[key] = orderedField(plan.provenance[key] as FieldProvenance);
  const inputs: Record<SettingRef, SourceLocation> = {};
  for (const ref of usedRefs(plan)) {
    const loc = locations[ref];
    inputs[ref] = loc ? { column: loc.column, file: loc.file, line: loc.line, path: loc.path } : {};
  }
  const dropped = sortedDrops(plan).map(({ detail, reason, ref, rule, setting }) => ({ detail, reason, ref, rule, setting }));
  return `${JSON.stringify({ dropped, fields, inputs, job: plan.jobId, schemaVersion: 1 }, null, 2)}\n`;
}
