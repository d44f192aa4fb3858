import Handlebars from 'handlebars';
import { formatLocation } from '../../model/source.js';
import type { EmittedFile } from '../emitted-file.js';
import { toStableJson } from '../stable-json.js';
import { MARKDOWN_HELPERS } from './markdown-helpers.js';
import { buildReportData, type ReportData, type ReportDiagnostic, type ReportInput } from './report-data.js';
import { DIAGNOSTICS_TABLE_PARTIAL, REPORT_TEMPLATE } from './report-template.js';

export { buildReportData, type ReportData, type ReportInput } from './report-data.js';

let compiled: Handlebars.TemplateDelegate | undefined;

function template(): Handlebars.TemplateDelegate {
  if (!compiled) {
    // A private environment: helpers registered here cannot leak into, or be replaced by, other templates.
    const hbs = Handlebars.create();
    for (const [name, helper] of Object.entries(MARKDOWN_HELPERS)) hbs.registerHelper(name, helper);
    hbs.registerHelper('gt', (a: number, b: number) => a > b);
    hbs.registerPartial('diagnosticsTable', DIAGNOSTICS_TABLE_PARTIAL);
    compiled = hbs.compile(REPORT_TEMPLATE, { strict: true, noEscape: true });
  }
  return compiled;
}

/** Diagnostics with every optional field present, as strict mode requires, and a one-line place. */
function forTemplate(d: ReportDiagnostic) {
  return { ...d, where: d.location ? formatLocation(d.location) || null : null, hint: d.hint ?? null };
}

/** `report.md` text for report data. */
export function renderReportMarkdown(data: ReportData): string {
  return template()({
    ...data,
    jobs: data.jobs.map((j) => ({ ...j, diagnostics: j.diagnostics.map(forTemplate) })),
    diagnostics: data.diagnostics.map(forTemplate),
  });
}

/**
 * The conversion report at the top of the output folder (DESIGN §5): `report.md` for people
 * (summary table, a section per job with its files, folded runs, diagnostics and dropped
 * settings with reasons, then batch diagnostics) and `report.json` for scripts. No
 * timestamps, so an unchanged conversion rewrites nothing.
 */
export function emitReport(input: ReportInput): EmittedFile[] {
  const data = buildReportData(input);
  return [
    { path: 'report.json', content: toStableJson(data), kind: 'report' },
    { path: 'report.md', content: renderReportMarkdown(data), kind: 'report' },
  ];
}
