import type { DocNode, ObjectNode } from '../shared/doc-node.js';
import { parseJson } from '../shared/parse-json.js';
import { parseYaml } from '../shared/parse-yaml.js';

/** A one-key object `{ key: value }` at a position, the JSON form of an intrinsic. */
export function intrinsicNode(key: string, value: DocNode, at: { line: number; column: number }): ObjectNode {
  return { kind: 'object', entries: new Map([[key, value]]), line: at.line, column: at.column };
}

function scalar(value: string, at: { line: number; column: number }): DocNode {
  return { kind: 'string', value, raw: value, line: at.line, column: at.column };
}

/**
 * Turns a YAML short-form intrinsic into its JSON form, as CloudFormation does
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html):
 * `!Ref X` → `{Ref: X}`, `!Condition X` → `{Condition: X}`, `!GetAtt A.B.C` → `{Fn::GetAtt: [A, B.C]}`,
 * any other `!Name v` → `{Fn::Name: v}`. The new node sits at the tag, so values keep their line.
 */
export function expandShortTag(tag: string, node: DocNode, at: { line: number; column: number }): DocNode {
  const name = tag.slice(1);
  if (name === 'Ref' || name === 'Condition') return intrinsicNode(name, node, at);
  if (name === 'GetAtt' && node.kind === 'string') {
    const text = node.value as string;
    const dot = text.indexOf('.');
    const parts = dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
    const list: DocNode = { kind: 'array', items: parts.map((p) => scalar(p, node)), line: node.line, column: node.column };
    return intrinsicNode('Fn::GetAtt', list, at);
  }
  return intrinsicNode(`Fn::${name}`, node, at);
}

/**
 * The template as a tree of JSON-form intrinsics with positions. JSON templates are the
 * document already parsed; YAML ones are parsed again so short tags are kept.
 */
export function parseTemplate(text: string, document: DocNode | undefined): DocNode | undefined {
  const start = text.trimStart()[0];
  if (start === '{') return document ?? parseJson(text);
  return parseYaml(text, { onTag: expandShortTag });
}
