import type { DroppedSetting, JobPlan } from '../../model/job-plan.js';
import { compareStrings } from '../../model/order.js';
import type { ProvenanceDocument } from '../../model/provenance.js';
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
