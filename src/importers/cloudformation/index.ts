import type { Diagnostic } from '../../model/diagnostic.js';
import { ParseError } from '../shared/doc-node.js';
import { fileDiagnostic } from '../shared/diagnostics.js';
import type { Importer, ImportContext, ImportInput, ImportOutput } from '../types.js';
import { isTemplate } from './detect.js';
import { parseTemplate } from './short-tags.js';
import { readTemplate } from './template.js';

export { isTemplate } from './detect.js';
export { readTemplate, type TemplateOptions } from './template.js';

function read(input: ImportInput, ctx: ImportContext): ImportOutput {
  let root;
  try {
    root = parseTemplate(input.text, input.document);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const diagnostic: Diagnostic = fileDiagnostic(
      'invalid-yaml',
      'error',
      { file: input.file, line: error.line, column: error.column },
      `invalid template: ${error.reason}`,
      'Fix the template at that position.',
    );
    return { snapshots: [], diagnostics: [diagnostic], standalone: true };
  }
  if (!root) return { snapshots: [], diagnostics: [], standalone: true };
  // Each cluster of a template is a cluster of its own; its step numbering starts at 1.
  return { ...readTemplate(input.file, root, { params: ctx.params, region: ctx.region }), standalone: true };
}

/**
 * CloudFormation templates, JSON or YAML with short tags: AWS::EMR::Cluster, AWS::EMR::Step,
 * AWS::EMR::InstanceGroupConfig and AWS::EMR::InstanceFleetConfig, with parameters, mappings,
 * conditions and intrinsic functions resolved as far as they can be. See ./readme.md.
 */
export const cloudFormationImporter: Importer = {
  id: 'cloudformation',
  detect: (_path, head) => isTemplate(head.document),
  import: read,
};
