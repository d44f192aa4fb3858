import { lineStarts, ParseError, positionAt, type DocNode, type ScalarNode } from './doc-node.js';
import { parseJson } from './parse-json.js';

/**
 * For each UTF-16 unit of a JSON string literal's decoded value, the offset in `text` of the
 * escape or character that produced it, plus one entry for the closing quote. Undefined when
 * `start` is not the opening quote of a literal.
 */
function literalOffsets(text: string, start: number): number[] | undefined {
  if (text[start] !== '"') return undefined;
  const offsets: number[] = [];
  let pos = start + 1;
  while (pos < text.length && text[pos] !== '"') {
    offsets.push(pos);
    if (text[pos] !== '\\') pos += 1;
    else pos += text[pos + 1] === 'u' ? 6 : 2;
  }
  offsets.push(pos);
  return offsets;
}

function walk(node: DocNode, visit: (n: DocNode) => void): void {
  visit(node);
  if (node.kind === 'object') for (const child of node.entries.values()) walk(child, visit);
  else if (node.kind === 'array') for (const child of node.items) walk(child, visit);
}

/**
 * Parses JSON held in a string value of the outer document (a Step Functions `definition`,
 * Terraform's `configurations_json`) and moves every position to the place in the outer file
 * where that character is written, escapes included, so locations point at the real file.
 * When the string was not written as a JSON literal (a YAML block scalar), every position is
 * the string's own. A syntax error is thrown as a {@link ParseError} at its outer position.
 */
export function parseEmbeddedJson(outerText: string, node: ScalarNode & { value: string }): DocNode {
  const outerStarts = lineStarts(outerText);
  const start = (outerStarts[node.line - 1] ?? 0) + node.column - 1;
  const offsets = literalOffsets(outerText, start);
  const exact = offsets !== undefined && offsets.length === node.value.length + 1;
  const innerStarts = lineStarts(node.value);
  const outer = (line: number, column: number) => {
    if (!exact) return { line: node.line, column: node.column };
    const inner = Math.min((innerStarts[line - 1] ?? 0) + column - 1, node.value.length);
    return positionAt(outerStarts, offsets[inner] as number);
  };
  let document: DocNode;
  try {
    document = parseJson(node.value);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const at = outer(error.line, error.column);
    throw new ParseError(error.reason, at.line, at.column);
  }
  walk(document, (n) => Object.assign(n, outer(n.line, n.column)));
  return document;
}
