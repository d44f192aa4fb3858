import { compareStrings } from './order.js';
import type { SettingRef, SourceLocation } from './source.js';

export type Severity = 'error' | 'warning' | 'info';

/**
 * Why an input setting did not reach the output. A closed list: every dropped setting
 * names one of these, so reviewers can filter by reason.
 */
export const DROP_REASONS = [
  'yarn-only',
  'emr-only',
  'no-k8s-equivalent',
  'superseded',
  'unresolvable-placeholder',
  'master-local-path',
  'not-applicable',
  'disabled-by-config',
] as const;
export type DropReason = (typeof DROP_REASONS)[number];

/**
 * A finding about the input or the conversion. Diagnostics are data: a bad step or file
 * becomes one of these and the rest of the batch is still converted.
 */
export interface Diagnostic {
  /** Stable kebab-case code, e.g. `unsupported-step`, `invalid-json`. */
  code: string;
  severity: Severity;
  /** One line, complete on its own. */
  message: string;
  /** The job this is about, when it is about one. */
  jobId?: string;
  /** The input settings it concerns. */
  refs: SettingRef[];
  /** Where in the input, when known (bad files always carry this). */
  location?: SourceLocation;
  /** What to do about it. */
  hint?: string;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Total order used wherever diagnostics are listed, so output is deterministic. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareStrings(a.jobId ?? '', b.jobId ?? '') ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.message, b.message)
  );
}
