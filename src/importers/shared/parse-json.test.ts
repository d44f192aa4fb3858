import { describe, expect, it } from 'vitest';
import { ParseError, type DocNode } from './doc-node.js';
import { JsonCommentError, jsonSourceOf, parseJson } from './parse-json.js';
import { InputLimitError, MAX_VALUES } from './parse-limits.js';

function plain(node: DocNode): unknown {
  if (node.kind === 'object') return Object.fromEntries([...node.entries].map(([k, v]) => [k, plain(v)]));
  if (node.kind === 'array') return node.items.map(plain);
  return node.value;
}

function failure(text: string): ParseError {
  try {
    parseJson(text);
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a parse error');
}

describe('parseJson', () => {
  it('reads the same values as JSON.parse', () => {
    const text = '{"a": [1, -2.5e3, true, false, null], "b": {"c": "x\\"y\\\\z\\u00e9\\n"}, "": 0}';
    expect(plain(parseJson(text))).toEqual(JSON.parse(text));
  });

  it('records the 1-based line and column where each value starts', () => {
    const root = parseJson('{\n  "Steps": [\n    {"Id": "s-1K4N2D6OZ8P9Q"}\n  ]\n}');
    expect(root).toMatchObject({ line: 1, column: 1 });
    const steps = root.kind === 'object' ? root.entries.get('Steps') : undefined;
    expect(steps).toMatchObject({ kind: 'array', line: 2, column: 12 });
    const first = steps?.kind === 'array' ? steps.items[0] : undefined;
    const id = first?.kind === 'object' ? first.entries.get('Id') : undefined;
    expect(id).toMatchObject({ kind: 'string', value: 's-1K4N2D6OZ8P9Q', line: 3, column: 12 });
  });

  it('keeps numbers as written for settings', () => {
    const root = parseJson('{"n": 1.50}');
    expect(root.kind === 'object' && root.entries.get('n')).toMatchObject({ kind: 'number', value: 1.5, raw: '1.50' });
  });

  it('counts CRLF line ends as one line', () => {
    const root = parseJson('{\r\n"a":\r\n  "b"\r\n}');
    expect(root.kind === 'object' && root.entries.get('a')).toMatchObject({ line: 3, column: 3 });
  });

  it('reports a truncated document at its end', () => {
    const error = failure('{\n  "Steps": [\n    {"Id": "s-1');
    expect(error.reason).toMatch(/unterminated string/);
    expect([error.line, error.column]).toEqual([3, 12]);
  });

  it('reports a trailing comma where it is', () => {
    const error = failure('{"a": 1,\n}');
    expect(error.reason).toMatch(/property name/);
    expect([error.line, error.column]).toEqual([2, 1]);
  });

  it('rejects content after the value and bare words', () => {
    expect(failure('{} {}').reason).toMatch(/after the JSON value/);
    expect(failure('[tru]').reason).toMatch(/expected a JSON value/);
  });

  it('names // and /* */ comments at their position', () => {
    for (const [text, at] of [
      ['{\n  // by hand\n  "Steps": []\n}', [2, 3]],
      ['{"Steps": [] /* note */}', [1, 14]],
      ['[1, 2]\n// trailing', [2, 1]],
      ['[/* first */ 1]', [1, 2]],
    ] as const) {
      const error = failure(text);
      expect(error, text).toBeInstanceOf(JsonCommentError);
      expect(error.reason).toBe('JSON does not allow comments');
      expect([error.line, error.column], text).toEqual(at);
    }
    expect(failure('{"a": /1}')).not.toBeInstanceOf(JsonCommentError);
    expect(parseJson('{"url": "s3://b/x//y /* z */"}').kind).toBe('object');
  });

  it(`stops past ${MAX_VALUES.toLocaleString('en-US')} values, where the next one starts`, () => {
    expect(parseJson(`[${'0,'.repeat(MAX_VALUES - 2)}0]`).kind).toBe('array');
    const error = failure(`[${'0,'.repeat(MAX_VALUES - 1)}0]`);
    expect(error).toBeInstanceOf(InputLimitError);
    expect(error.reason).toMatch(/^more than 1,000,000 JSON values/);
    expect([error.line, error.column]).toEqual([1, 2 * MAX_VALUES]);
  });

  it('parses any value again from its position, with the same positions (jsonSourceOf)', () => {
    const text = '{\n  "Steps": [\n    {"Id": "s-1", "Args": ["a\\u00e9", 2, {"k": [true]}]},\n\t{"Id": "é\\n", "Args": []}\n  ],\r\n "n": null}';
    const root = parseJson(text);
    const source = jsonSourceOf(root)!;
    const all: DocNode[] = [];
    const walk = (node: DocNode): void => {
      all.push(node);
      if (node.kind === 'object') node.entries.forEach(walk);
      if (node.kind === 'array') node.items.forEach(walk);
    };
    walk(root);
    expect(all.length).toBeGreaterThan(10);
    for (const node of all) expect(source.valueAt(node.line, node.column)).toEqual(node);
  });

  it('knows the source of the documents it parsed only', () => {
    const root = parseJson('[1]');
    expect(jsonSourceOf(root)).toBeDefined();
    expect(jsonSourceOf(root.kind === 'array' ? root.items[0] : undefined)).toBeUndefined();
    expect(jsonSourceOf({ kind: 'null', value: null, raw: 'null', line: 1, column: 1 })).toBeUndefined();
  });
});
