import { DEFAULT_DOCKERFILE_TEMPLATE } from '../images/dockerfile-template-text.js';
import { DIAGNOSTICS_TABLE_PARTIAL, REPORT_HEAD_TEMPLATE, REPORT_JOB_TEMPLATE, REPORT_TAIL_TEMPLATE } from '../report/report-template.js';

/**
 * Every built-in Handlebars template, by the name the generated module exports it under.
 * scripts/precompile-templates.mjs precompiles them at build time (into
 * src/emitters/generated/templates.js) so that no run pays for Handlebars' compiler; a
 * template given in the project config is still compiled at run time.
 */
export const BUILT_IN_TEMPLATES = {
  reportHead: REPORT_HEAD_TEMPLATE,
  reportJob: REPORT_JOB_TEMPLATE,
  reportTail: REPORT_TAIL_TEMPLATE,
  diagnosticsTable: DIAGNOSTICS_TABLE_PARTIAL,
  dockerfile: DEFAULT_DOCKERFILE_TEMPLATE,
} as const;

export { TEMPLATE_OPTIONS } from './options.js';
