import type { DocNode } from '../shared/doc-node.js';

/**
 * Whether a document is a CloudFormation template
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html): it has
 * `AWSTemplateFormatVersion`, or a `Resources` map with at least one `Type: AWS::…`. No EMR API
 * output or request has either key, so the other importers' files are never claimed.
 */
export function isTemplate(document: DocNode | undefined): boolean {
  if (document?.kind !== 'object') return false;
  if (document.entries.has('AWSTemplateFormatVersion')) return true;
  const resources = document.entries.get('Resources');
  if (resources?.kind !== 'object') return false;
  return [...resources.entries.values()].some((r) => {
    const type = r.kind === 'object' ? r.entries.get('Type') : undefined;
    return type?.kind === 'string' && (type.value as string).startsWith('AWS::');
  });
}
