import Handlebars from 'handlebars';
import { formatLocation } from '../../model/source.js';
import type { EmittedFile } from '../emitted-file.js';
import { toStableJson } from '../stable-json.js';
import { MARKDOWN_HELPERS } from './markdown-helpers.js';
import { buildReportData, type ReportData, type ReportDiagnostic, type ReportInput, type ReportJob } from './report-data.js';
import { daemonSetPhrase, packingRows, rightSizeLines } from './packing-rows.js';
import { DIAGNOSTICS_TABLE_PARTIAL, REPORT_TEMPLATE } from './report-template.js';

export { buildReportData, type ReportData, type ReportInput, type ReportJob, type ReportPackingInput, type ReportReview } from './report-data.js';

let compiled: Handlebars.TemplateDelegate | undefined;

function template(): Handlebars.TemplateDelegate {
  if (!compiled) {
    // A private environment: helpers registered here cannot leak into, or be replaced by, other templates.
    const hbs = Handlebars.create();
    for (const [name, helper] of Object.entries(MARKDOWN_HELPERS)) hbs.registerHelper(name, helper);
    hbs.registerHelper('gt', (a: number, b: number) => a > b);
    hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    hbs.registerPartial('diagnosticsTable', DIAGNOSTICS_TABLE_PARTIAL);
    compiled = hbs.compile(REPORT_TEMPLATE, { strict: true, noEscape: true });
  }
  return compiled;
}

/** Diagnostics with every optional field present, as strict mode requires, and a one-line place. */
function forTemplate(d: ReportDiagnostic) {
  return { ...d, where: d.location ? formatLocation(d.location) || null : null, hint: d.hint ?? null };
}

/** A job with every optional field present, as strict mode requires. */
function jobForTemplate(job: ReportJob) {
  const review = job.review ? { decision: job.review.decision ?? null, note: job.review.note ?? null, overrides: job.review.overrides } : null;
  return { ...job, review, diagnostics: job.diagnostics.map(forTemplate) };
}

/** `report.md` text for report data. */
export function renderReportMarkdown(data: ReportData): string {
  const jobs = data.jobs.map(jobForTemplate);
  return template()({
    ...data,
    answersFile: data.answersFile ?? null,
    jobs,
    rejectedJobs: jobs.filter((j) => j.review?.decision === 'rejected'),
    packingRows: packingRows(data.jobs),
    daemonSets: daemonSetPhrase(data.jobs),
    rightSizeLines: rightSizeLines(data.jobs),
    sparkVersions: data.sparkVersions.map((v) => ({ ...v, images: v.images.map((i) => ({ ...i, scaffold: i.scaffold ?? null })) })),
    diagnostics: data.diagnostics.map(forTemplate),
  });
}

/**
 * The conversion report at the top of the output folder (DESIGN §5): `report.md` for people
 * (summary table, a section per job with its files, folded runs, review decision, diagnostics
 * and dropped settings with reasons, then batch diagnostics; with an answers file, also the
 * rejected jobs and their notes) and `report.json` for scripts. No timestamps, so an unchanged
 * conversion rewrites nothing.
 */
export function emitReport(input: ReportInput): EmittedFile[] {
  const data = buildReportData(input);
  return [
    { path: 'report.json', content: toStableJson(data), kind: 'report' },
    { path: 'report.md', content: renderReportMarkdown(data), kind: 'report' },
  ];
}
