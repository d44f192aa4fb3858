import type { DocNode, ObjectNode } from '../shared/doc-node.js';

/** A shorthand syntax error at an index of the parsed word. */
export class ShorthandError extends Error {
  constructor(
    readonly reason: string,
    readonly index: number,
  ) {
    super(reason);
  }
}

/** Where a character of the word sits in the file (1-based line and column). */
export type PositionOf = (index: number) => { line: number; column: number };

// Character classes of aws-cli's ShorthandParser (_START_WORD, _FIRST_FOLLOW_CHARS, _SECOND_FOLLOW_CHARS).
const START = String.raw`!#-&(-+\--<>-Z\\-z|-\uffff`;
const FIRST_VALUE = new RegExp(String.raw`(?:\\,|[${START}])(?:\\,|[\s!#-&(-+\--\\^-|~-\uffff])*`, 'y');
const SECOND_VALUE = new RegExp(String.raw`(?:\\,|[${START}])(?:\\,|[\s!#-&(-+\--<>-\uffff])*`, 'y');
const SINGLE_QUOTED = /'(?:\\\\|\\'|[^'])*'/y;
const DOUBLE_QUOTED = /"(?:\\\\|\\"|[^"])*"/y;
const KEY_CHAR = /[A-Za-z0-9\-_.#/:]/;
const WHITESPACE = ' \t\n\r\v\f';

/**
 * Parses AWS CLI shorthand syntax (`Type=Spark,Name=x,Args=[a,b]`) into located nodes,
 * following aws-cli `awscli/shorthand.py` `ShorthandParser` rule for rule: csv values with
 * backtracking (`a=b,c,d=e`), explicit lists `[...]`, hashes `{k=v}`, single/double quoted
 * values with `\'` `\"` `\\` escapes, `\,` for a literal comma, trailing blanks trimmed.
 */
export function parseShorthand(input: string, positionOf: PositionOf): ObjectNode {
  return new ShorthandParser(input, positionOf).parameter();
}

class ShorthandParser {
  private i = 0;

  constructor(
    private readonly s: string,
    private readonly positionOf: PositionOf,
  ) {}

  parameter(): ObjectNode {
    const node: ObjectNode = { kind: 'object', entries: new Map(), ...this.positionOf(0) };
    this.keyval(node);
    while (this.i < this.s.length) {
      this.expect(',', true);
      this.keyval(node);
    }
    return node;
  }

  private keyval(into: ObjectNode): void {
    const start = this.i;
    const key = this.key();
    this.expect('=', true);
    if (into.entries.has(key)) throw new ShorthandError(`the key ${key} is given twice`, start);
    into.entries.set(key, this.values());
  }

  private key(): string {
    const start = this.i;
    while (this.i < this.s.length && KEY_CHAR.test(this.s[this.i] as string)) this.i++;
    return this.s.slice(start, this.i);
  }

  private values(): DocNode {
    const c = this.s[this.i];
    if (c === undefined) return this.scalar('', this.i);
    if (c === '[') return this.explicitList();
    if (c === '{') return this.hash();
    return this.csvValue();
  }

  private csvValue(): DocNode {
    const first = this.firstValue();
    this.whitespace();
    if (this.i >= this.s.length || this.s[this.i] !== ',') return first;
    this.expect(',', true);
    const list: DocNode[] = [first];
    for (;;) {
      try {
        const current = this.secondValue();
        this.whitespace();
        if (this.i >= this.s.length) {
          list.push(current);
          break;
        }
        this.expect(',', true);
        list.push(current);
      } catch (error) {
        // `a=b,c=d`: `c` is the next key, not a second value; step back to its comma.
        if (!(error instanceof ShorthandError) || this.i >= this.s.length) throw error;
        while (this.i >= 0 && this.s[this.i] !== ',') this.i--;
        break;
      }
    }
    if (list.length === 1) return first;
    return { kind: 'array', items: list, line: first.line, column: first.column };
  }

  private explicitList(): DocNode {
    const start = this.i;
    this.expect('[', true);
    const items: DocNode[] = [];
    while (this.s[this.i] !== ']') {
      items.push(this.explicitValue());
      this.whitespace();
      if (this.s[this.i] !== ']') {
        this.expect(',');
        this.whitespace();
      }
    }
    this.expect(']');
    return { kind: 'array', items, ...this.positionOf(start) };
  }

  private explicitValue(): DocNode {
    const c = this.s[this.i];
    if (c === '[') return this.explicitList();
    if (c === '{') return this.hash();
    return this.firstValue();
  }

  private hash(): DocNode {
    const start = this.i;
    this.expect('{', true);
    const node: ObjectNode = { kind: 'object', entries: new Map(), ...this.positionOf(start) };
    while (this.s[this.i] !== '}') {
      const key = this.key();
      this.expect('=', true);
      const value = this.explicitValue();
      this.whitespace();
      if (this.s[this.i] !== '}') {
        this.expect(',');
        this.whitespace();
      }
      node.entries.set(key, value);
    }
    this.expect('}');
    return node;
  }

  private firstValue(): DocNode {
    const c = this.s[this.i];
    if (c === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (c === '"') return this.quoted(DOUBLE_QUOTED, '"');
    const start = this.i;
    const match = this.match(FIRST_VALUE);
    return this.scalar(match === undefined ? '' : unescapeComma(match), start);
  }

  private secondValue(): DocNode {
    const c = this.s[this.i];
    if (c === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (c === '"') return this.quoted(DOUBLE_QUOTED, '"');
    const start = this.i;
    const match = this.match(SECOND_VALUE);
    if (match === undefined) throw new ShorthandError('expected a value', this.i);
    return this.scalar(unescapeComma(match), start);
  }

  private quoted(regex: RegExp, quote: string): DocNode {
    const start = this.i;
    const match = this.match(regex);
    if (match === undefined) throw new ShorthandError(`unterminated ${quote === '"' ? 'double' : 'single'}-quoted value`, start);
    const value = match.slice(1, -1).replaceAll(`\\${quote}`, quote).replaceAll('\\\\', '\\');
    return this.scalar(value, start);
  }

  private match(regex: RegExp): string | undefined {
    regex.lastIndex = this.i;
    const m = regex.exec(this.s);
    if (!m) return undefined;
    this.i += m[0].length;
    return m[0];
  }

  private scalar(value: string, start: number): DocNode {
    return { kind: 'string', value, raw: value, ...this.positionOf(start) };
  }

  private expect(ch: string, skipWhitespace = false): void {
    if (skipWhitespace) this.whitespace();
    const actual = this.s[this.i];
    if (actual === undefined) throw new ShorthandError(`expected '${ch}' but the value ended`, this.i);
    if (actual !== ch) throw new ShorthandError(`expected '${ch}', found '${actual}'`, this.i);
    this.i++;
    if (skipWhitespace) this.whitespace();
  }

  private whitespace(): void {
    while (this.i < this.s.length && WHITESPACE.includes(this.s[this.i] as string)) this.i++;
  }
}

/** aws-cli turns `\,` into `,` and trims trailing blanks of unquoted values. */
function unescapeComma(value: string): string {
  return value.replaceAll('\\,', ',').trimEnd();
}
