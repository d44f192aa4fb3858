import type { DroppedSetting, JobPlan } from '../../model/job-plan.js';
import { compareStrings } from '../../model/order.js';
import type { FieldProvenance, ProvenanceDocument } from '../../model/provenance.js';
import { stableKeyOrder } from '../stable-json.js';
import type { SettingRef, SourceLocation } from '../../model/source.js';

/** The provenance file written beside each manifest: why every field has its value, and what was dropped. */
export type ProvenanceFile = ProvenanceDocument & { dropped: DroppedSetting[] };

/**
 * Provenance for one plan (DESIGN §2 "Provenance"). `inputs` lists every input setting the
 * fields and drops name, with where it sits in the input (an empty location when unknown).
 * It records places, never values, so secret settings cannot leak through it.
 */
export function buildProvenanceFile(plan: JobPlan, locations: Record<SettingRef, SourceLocation>): ProvenanceFile {
  const used = new Set<SettingRef>();
  for (const field of Object.values(plan.provenance)) if ('from' in field) for (const ref of field.from) used.add(ref);
  for (const drop of plan.dropped) used.add(drop.ref);
  const inputs: Record<SettingRef, SourceLocation> = {};
  for (const ref of [...used].sort(compareStrings)) {
    const loc = locations[ref];
    inputs[ref] = loc
      ? { file: loc.file, line: loc.line, column: loc.column, path: loc.path }
      : {};
  }
  const dropped = [...plan.dropped].sort(
    (a, b) => compareStrings(a.setting, b.setting) || compareStrings(a.ref, b.ref),
  );
  return { schemaVersion: 1, job: plan.jobId, fields: plan.provenance, dropped, inputs };
}

/** A field's provenance with its keys in code-point order, whichever of the three kinds it is. */
function orderedField(field: FieldProvenance): FieldProvenance {
  if ('default' in field) return { default: field.default, rule: field.rule };
  if ('override' in field) return { from: field.from, override: field.override };
  return { from: field.from, rule: field.rule };
}

/**
 * The provenance file's text: {@link buildProvenanceFile} as stable JSON (keys in code-point
 * order, 2-space indent). Built with its keys already in that order, so that plain
 * JSON.stringify writes it: at fleet scale the generic key-sorting serializer spent more on
 * these files (60 MB for 3,400 jobs) than on everything else it wrote. A test holds the text
 * equal to `toStableJson(buildProvenanceFile(…))` for every kind of field.
 */
export function provenanceText(plan: JobPlan, locations: Record<SettingRef, SourceLocation>): string {
  const file = buildProvenanceFile(plan, locations);
  const fields: Record<string, FieldProvenance> = {};
  for (const key of stableKeyOrder(file.fields)) fields[key] = orderedField(file.fields[key] as FieldProvenance);
  const inputs: Record<string, SourceLocation> = {};
  for (const ref of stableKeyOrder(file.inputs)) {
    const loc = file.inputs[ref] as SourceLocation;
    inputs[ref] = { column: loc.column, file: loc.file, line: loc.line, path: loc.path };
  }
  const dropped = file.dropped.map(({ detail, reason, ref, rule, setting }) => ({ detail, reason, ref, rule, setting }));
  return `${JSON.stringify({ dropped, fields, inputs, job: file.job, schemaVersion: file.schemaVersion }, null, 2)}\n`;
}
