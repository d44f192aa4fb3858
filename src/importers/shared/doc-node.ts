/**
 * A parsed JSON or YAML document in which every value remembers where it starts, so that
 * importers can give each leaf a `file:line:column` (DESIGN §2, SourceLocation).
 */
interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export interface ObjectNode extends Position {
  kind: 'object';
  entries: Map<string, DocNode>;
}

export interface ArrayNode extends Position {
  kind: 'array';
  items: DocNode[];
}

export interface ScalarNode extends Position {
  kind: 'string' | 'number' | 'boolean' | 'null';
  value: string | number | boolean | null;
  /**
   * The scalar as text: numbers keep their written form (`1.0`, `08`) for settings, which are
   * strings on EMR; for strings it is the decoded value.
   */
  raw: string;
}

export type DocNode = ObjectNode | ArrayNode | ScalarNode;

/** A parse failure at a position, turned into one diagnostic by the caller. */
export class ParseError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(reason);
  }
}

/** Offsets of line starts, for turning an offset into a 1-based line and column. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function positionAt(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Property path in the style of `Steps[2].HadoopJarStep.Args[4]`; odd keys are quoted. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (IDENTIFIER.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

/** What a node is, in words, for messages. */
export function describeKind(node: DocNode): string {
  switch (node.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
    case 'null':
      return 'null';
    default:
      return `a ${node.kind}`;
  }
}

/** The node at a path of object keys and array indexes, if there is one. */
export function nodeAt(node: DocNode | undefined, ...keys: Array<string | number>): DocNode | undefined {
  let at = node;
  for (const key of keys) {
    if (at?.kind === 'object' && typeof key === 'string') at = at.entries.get(key);
    else if (at?.kind === 'array' && typeof key === 'number') at = at.items[key];
    else return undefined;
  }
  return at;
}
