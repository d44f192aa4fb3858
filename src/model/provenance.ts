import type { SettingRef, SourceLocation } from './source.js';

/**
 * Why one plan field has its value (DESIGN §2 "Provenance"). Exactly one of:
 * set by a rule from named input settings, a rule's default with its reason, or an override
 * from the project config or a review answer.
 */
export type FieldProvenance =
  | { rule: string; from: SettingRef[] }
  | { rule: string; default: string }
  | { override: 'config' | 'review'; from: SettingRef[] };

/** Provenance of every plan field, keyed by field path (`executor.memory`, `sparkConf.spark.x`). */
export type Provenance = Record<string, FieldProvenance>;

/** Provenance as written beside each manifest: fields plus where each input ref sits. */
export interface ProvenanceDocument {
  schemaVersion: 1;
  job: string;
  fields: Provenance;
  inputs: Record<SettingRef, SourceLocation & { value?: string }>;
}
