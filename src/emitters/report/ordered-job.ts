import type { SourceLocation } from '../../model/source.js';
import { stableCopy } from '../stable-json.js';
import type { ReportDiagnostic, ReportJob, ReportReview } from './report-data.js';

/**
 * An object with a member for every key of `T`, optional ones included (an undefined member is
 * left out by JSON.stringify, as an absent one is): a key added to `T` and not here fails to
 * compile instead of going missing from report.json.
 */
type EveryKey<T> = { [K in keyof Required<T>]: unknown };

function orderedLocation(l: SourceLocation): EveryKey<SourceLocation> {
  return { column: l.column, file: l.file, line: l.line, path: l.path };
}

function orderedDiagnostic(d: ReportDiagnostic): EveryKey<ReportDiagnostic> {
  return {
    code: d.code,
    hint: d.hint,
    location: d.location === undefined ? undefined : orderedLocation(d.location),
    message: d.message,
    severity: d.severity,
  };
}

function orderedDropped(d: ReportJob['dropped'][number]): EveryKey<ReportJob['dropped'][number]> {
  return { detail: d.detail, reason: d.reason, ref: d.ref, rule: d.rule, setting: d.setting };
}

function orderedReview(r: ReportReview): EveryKey<ReportReview> {
  return { decision: r.decision, note: r.note, overrides: r.overrides };
}

/**
 * A report job with its keys, and its members' keys, in code-point order: what `toStableJson`
 * would sort them into, built directly (members in alphabetical order below). The packing,
 * whose shape belongs to src/packing, is sorted generically.
 */
export function orderedJob(job: ReportJob): EveryKey<ReportJob> {
  return {
    cluster: job.cluster,
    diagnostics: job.diagnostics.map(orderedDiagnostic),
    dropped: job.dropped.map(orderedDropped),
    files: job.files,
    foldedRuns: job.foldedRuns,
    id: job.id,
    kind: job.kind,
    packing: job.packing === undefined ? undefined : stableCopy(job.packing),
    review: job.review === undefined ? undefined : orderedReview(job.review),
    status: job.status,
    step: { id: job.step.id, name: job.step.name } satisfies EveryKey<ReportJob['step']>,
  };
}
