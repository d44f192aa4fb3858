import type { DocNode, ObjectNode, ScalarNode } from '../shared/doc-node.js';
import { parseEmbeddedJson } from '../shared/embedded-json.js';

function isDefinition(node: DocNode | undefined): node is ObjectNode {
  return node?.kind === 'object' && node.entries.get('States')?.kind === 'object' && node.entries.get('StartAt')?.kind === 'string';
}

function describeOutputDefinition(document: DocNode | undefined): (ScalarNode & { value: string }) | undefined {
  if (document?.kind !== 'object' || !document.entries.has('stateMachineArn')) return undefined;
  const definition = document.entries.get('definition');
  return definition?.kind === 'string' ? (definition as ScalarNode & { value: string }) : undefined;
}

/**
 * Whether a document is an Amazon States Language state machine
 * (https://states-language.net/spec.html: `StartAt` and `States`), or the output of
 * `aws stepfunctions describe-state-machine`
 * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeStateMachine.html),
 * whose `definition` is the state machine as a JSON string.
 */
export function isStateMachine(document: DocNode | undefined): boolean {
  return isDefinition(document) || describeOutputDefinition(document)?.value.trimStart().startsWith('{') === true;
}

/**
 * The state machine definition: the document itself, or the parsed `definition` string of a
 * describe-state-machine output with positions in the outer file. Throws the embedded JSON's
 * `ParseError`; undefined when the definition is JSON but not a state machine.
 */
export function definitionRoot(text: string, document: DocNode | undefined): { node: ObjectNode; path: string } | undefined {
  if (isDefinition(document)) return { node: document, path: '' };
  const embedded = describeOutputDefinition(document);
  if (!embedded) return undefined;
  const node = parseEmbeddedJson(text, embedded);
  return isDefinition(node) ? { node, path: 'definition' } : undefined;
}
