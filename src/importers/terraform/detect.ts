import type { DocNode } from '../shared/doc-node.js';

/**
 * Whether a document is `terraform show -json` output
 * (https://developer.hashicorp.com/terraform/internals/json-format): a plan (`planned_values`)
 * or a state (`values`), both versioned by `format_version` and `terraform_version`.
 */
export function isTerraformJson(document: DocNode | undefined): boolean {
  if (document?.kind !== 'object') return false;
  const has = (key: string, kind: DocNode['kind']) => document.entries.get(key)?.kind === kind;
  return has('format_version', 'string') && (has('planned_values', 'object') || has('values', 'object') || has('terraform_version', 'string'));
}
