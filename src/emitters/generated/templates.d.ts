// Types of the module scripts/precompile-templates.mjs generates (the .js is git-ignored and
// written by `npm run build`): one precompiled Handlebars template per built-in template.
import type { TemplateSpecification } from 'handlebars';

export declare const reportHead: TemplateSpecification;
export declare const reportJob: TemplateSpecification;
export declare const reportTail: TemplateSpecification;
export declare const diagnosticsTable: TemplateSpecification;
export declare const dockerfile: TemplateSpecification;
