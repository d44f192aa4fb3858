import type { TemplateDelegate } from 'handlebars';
import { formatLocation } from '../../model/source.js';
import { fileText, type EmittedFile, type StreamedFile } from '../emitted-file.js';
import { reportJsonPieces } from './report-json.js';
import { MARKDOWN_HELPERS } from './markdown-helpers.js';
import { buildReportData, type ReportData, type ReportDiagnostic, type ReportInput, type ReportJob } from './report-data.js';
import { daemonSetPhrase, packingRows, rightSizeLines } from './packing-rows.js';
import { builtInTemplate } from '../templates/runtime.js';

export { buildReportData, type ReportData, type ReportInput, type ReportJob, type ReportPackingInput, type ReportReview } from './report-data.js';

type ReportPart = 'reportHead' | 'reportJob' | 'reportTail';
let compiled: Record<ReportPart, TemplateDelegate> | undefined;

function templates(): Record<ReportPart, TemplateDelegate> {
  const helpers = { ...MARKDOWN_HELPERS, gt: (a: number, b: number) => a > b, eq: (a: unknown, b: unknown) => a === b };
  const part = (name: ReportPart) => builtInTemplate(name, helpers, ['diagnosticsTable']);
  compiled ??= { reportHead: part('reportHead'), reportJob: part('reportJob'), reportTail: part('reportTail') };
  return compiled;
}

/**
 * What a template sees of `T`: every member, optional ones as `null` when absent, as strict mode
 * requires. Written out member by member rather than spread: tens of thousands of diagnostics
 * of several shapes made the spread copies a tenth of the fleet's report.md.
 */
type ForTemplate<T> = { [K in keyof Required<T>]: unknown };

/** A diagnostic for templates, with its place on one line (`where`). */
function forTemplate(d: ReportDiagnostic): ForTemplate<ReportDiagnostic> & { where: string | null } {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    location: d.location ?? null,
    hint: d.hint ?? null,
    where: d.location ? formatLocation(d.location) || null : null,
  };
}

/** A job for templates. */
function jobForTemplate(job: ReportJob): ForTemplate<ReportJob> {
  return {
    id: job.id,
    cluster: job.cluster,
    step: job.step,
    kind: job.kind,
    status: job.status,
    files: job.files,
    foldedRuns: job.foldedRuns,
    diagnostics: job.diagnostics.map(forTemplate),
    dropped: job.dropped,
    review: job.review ? { decision: job.review.decision ?? null, note: job.review.note ?? null, overrides: job.review.overrides } : null,
    packing: job.packing ?? null,
  };
}

/** `report.md` for report data, in pieces: the head, one piece per job, the tail. */
export function* reportMarkdownPieces(data: ReportData): Generator<string> {
  const render = templates();
  const jobs = data.jobs.map(jobForTemplate);
  const whole = {
    ...data,
    answersFile: data.answersFile ?? null,
    jobs,
    rejectedJobs: jobs.filter((_, i) => data.jobs[i]?.review?.decision === 'rejected'),
    packingRows: packingRows(data.jobs),
    daemonSets: daemonSetPhrase(data.jobs),
    rightSizeLines: rightSizeLines(data.jobs),
    sparkVersions: data.sparkVersions.map((v) => ({ ...v, images: v.images.map((i) => ({ ...i, scaffold: i.scaffold ?? null })) })),
    diagnostics: data.diagnostics.map(forTemplate),
  };
  yield render.reportHead(whole);
  for (const job of jobs) yield render.reportJob(job);
  yield render.reportTail(whole);
}

/** `report.md` text for report data. */
export function renderReportMarkdown(data: ReportData): string {
  return [...reportMarkdownPieces(data)].join('');
}

/**
 * The conversion report at the top of the output folder (DESIGN §5): `report.md` for people
 * (summary table, a section per job with its files, folded runs, review decision, diagnostics
 * and dropped settings with reasons, then batch diagnostics; with an answers file, also the
 * rejected jobs and their notes) and `report.json` for scripts. No timestamps, so an unchanged
 * conversion rewrites nothing.
 */
export function emitReport(input: ReportInput): EmittedFile[] {
  return reportFiles(buildReportData(input)).map((file) => ({ path: file.path, kind: file.kind, content: fileText(file) }));
}

/**
 * `report.json` and `report.md` for report data already built, each in pieces, one job at a
 * time: a fleet's are tens of MB (the JSON on stdout is made the same way).
 */
export function reportFiles(data: ReportData): StreamedFile[] {
  return [
    { path: 'report.json', pieces: () => reportJsonPieces(data), kind: 'report' },
    { path: 'report.md', pieces: () => reportMarkdownPieces(data), kind: 'report' },
  ];
}

