import { lineStarts, ParseError, type DocNode } from './doc-node.js';
import { MAX_VALUES, tooManyValues } from './parse-limits.js';

/**
 * A position-aware JSON parser (RFC 8259, https://www.rfc-editor.org/rfc/rfc8259) that
 * records where each value starts. `JSON.parse` gives no positions, and importers need a
 * line and column for every leaf. Duplicate keys keep the last value, as `JSON.parse` does.
 * Past {@link MAX_VALUES} values it stops with an {@link InputLimitError}; `//` and `/*`
 * comments fail with a {@link JsonCommentError}.
 */
export function parseJson(text: string): DocNode {
  const parser = new JsonParser(text);
  parser.skipSpace();
  const root = parser.value(0);
  parser.skipSpace();
  if (parser.pos < text.length) {
    parser.failIfComment();
    parser.fail('unexpected content after the JSON value');
  }
  sources.set(root, new JsonSource(text));
  return root;
}

/** The documents {@link parseJson} made, with their text. */
const sources = new WeakMap<DocNode, JsonSource>();

/**
 * The text of a document {@link parseJson} read, from which any of its values can be parsed
 * again by position: importers keep a position instead of a parsed subtree they may never
 * need again (a step's locations, location-table.ts).
 */
export class JsonSource {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  /** The value that starts at `line`:`column` (a position this text's parse gave), as parsed the first time. */
  valueAt(line: number, column: number): DocNode {
    this.starts ??= lineStarts(this.text);
    const lineStart = this.starts[line - 1] as number;
    const parser = new JsonParser(this.text, lineStart + column - 1, line, lineStart);
    return parser.value(0);
  }
}

/** Where `document` was parsed from, when {@link parseJson} parsed it. */
export function jsonSourceOf(document: DocNode | undefined): JsonSource | undefined {
  return document && sources.get(document);
}

const MAX_DEPTH = 512;

/** A `//` or `/*` comment where JSON expects a value or a property name. */
export class JsonCommentError extends ParseError {}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class JsonParser {
  private values = 0;

  constructor(
    private readonly text: string,
    public pos = 0,
    private line = 1,
    private lineStart = 0,
  ) {}

  fail(reason: string, at = this.pos): never {
    throw new ParseError(reason, this.line, at - this.lineStart + 1);
  }

  skipSpace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 10) {
        pos++;
        this.line++;
        this.lineStart = pos;
      } else if (c === 32 || c === 9 || c === 13) pos++;
      else break;
    }
    this.pos = pos;
  }

  value(depth: number): DocNode {
    if (depth > MAX_DEPTH) this.fail('too deeply nested');
    const line = this.line;
    const column = this.pos - this.lineStart + 1;
    if (++this.values > MAX_VALUES) throw tooManyValues('JSON', line, column);
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.object(line, column, depth);
      case '[':
        return this.array(line, column, depth);
      case '"': {
        const value = this.string();
        return { kind: 'string', value, raw: value, line, column };
      }
      case undefined:
        return this.fail('unexpected end of input (truncated file?)');
      default:
        return this.literal(line, column);
    }
  }

  private object(line: number, column: number, depth: number): DocNode {
    const entries = new Map<string, DocNode>();
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'object', entries, line, column };
    }
    for (;;) {
      if (this.text[this.pos] !== '"') this.expected('a property name in double quotes');
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.expected("':' after a property name");
      this.pos++;
      this.skipSpace();
      entries.set(key, this.value(depth + 1));
      this.skipSpace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === '}') return { kind: 'object', entries, line, column };
      if (next !== ',') {
        this.pos--;
        this.expected("',' or '}'");
      }
      this.skipSpace();
    }
  }

  private array(line: number, column: number, depth: number): DocNode {
    const items: DocNode[] = [];
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', items, line, column };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skipSpace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === ']') return { kind: 'array', items, line, column };
      if (next !== ',') {
        this.pos--;
        this.expected("',' or ']'");
      }
      this.skipSpace();
    }
  }

  /** Comments are the commonest hand edit that breaks JSON: say so instead of "unexpected /". */
  failIfComment(): void {
    if (this.text.startsWith('//', this.pos) || this.text.startsWith('/*', this.pos)) {
      throw new JsonCommentError('JSON does not allow comments', this.line, this.pos - this.lineStart + 1);
    }
  }

  private expected(what: string): never {
    this.failIfComment();
    const found = this.text[this.pos];
    if (found === undefined) this.fail(`unexpected end of input, expected ${what} (truncated file?)`);
    this.fail(`expected ${what}, found ${JSON.stringify(found)}`);
  }

  /** Reads a string literal starting at the opening quote; the fast path has no escapes. */
  private string(): string {
    const text = this.text;
    const start = this.pos + 1;
    let pos = start;
    let out = '';
    let chunk = start;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 34) {
        this.pos = pos + 1;
        return out + text.slice(chunk, pos);
      }
      if (c === 92) {
        out += text.slice(chunk, pos);
        const e = text[pos + 1];
        if (e === 'u') {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape in a string', pos);
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
        } else {
          const decoded = e === undefined ? undefined : ESCAPES[e];
          if (decoded === undefined) this.fail('invalid escape in a string', pos);
          out += decoded;
          pos += 2;
        }
        chunk = pos;
        continue;
      }
      if (Number.isNaN(c)) this.fail('unterminated string (truncated file?)', start - 1);
      if (c < 32) this.fail('control character or line break inside a string', pos);
      pos++;
    }
  }

  private literal(line: number, column: number): DocNode {
    const text = this.text;
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return { kind: value === null ? 'null' : 'boolean', value, raw: word, line, column };
      }
    }
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(text);
    if (!match) this.failIfComment();
    if (!match) this.fail(`unexpected ${JSON.stringify(text[this.pos])}, expected a JSON value`);
    this.pos += match[0].length;
    return { kind: 'number', value: Number(match[0]), raw: match[0], line, column };
  }
}
