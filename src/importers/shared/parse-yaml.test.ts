import { describe, expect, it } from 'vitest';
import { nodeAt as get, ParseError } from './doc-node.js';
import { InputLimitError, MAX_VALUES, MAX_YAML_CHARS } from './parse-limits.js';
import { parseYaml } from './parse-yaml.js';

function failure(text: string): ParseError {
  try {
    parseYaml(text);
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a parse error');
}

describe('parseYaml', () => {
  const doc = parseYaml(
    [
      'Name: "daily-{{ ds }}"',
      'StepConcurrencyLevel: 2',
      'Flags: [true, null, 1.0]',
      'Quoted: "2"',
      'Steps:',
      '  - &step',
      '    Name: first',
      '  - *step',
      'Ref: !Ref ClusterName',
      '',
    ].join('\n'),
  );

  it('resolves scalars as the YAML 1.2 core schema does and keeps the written form', () => {
    expect(get(doc, 'StepConcurrencyLevel')).toMatchObject({ kind: 'number', value: 2 });
    expect(get(doc, 'Flags', 0)).toMatchObject({ kind: 'boolean', value: true });
    expect(get(doc, 'Flags', 1)).toMatchObject({ kind: 'null' });
    expect(get(doc, 'Flags', 2)).toMatchObject({ kind: 'number', raw: '1.0' });
    expect(get(doc, 'Quoted')).toMatchObject({ kind: 'string', value: '2' });
  });

  it('keeps placeholders and custom tags verbatim', () => {
    expect(get(doc, 'Name')).toMatchObject({ kind: 'string', value: 'daily-{{ ds }}' });
    expect(get(doc, 'Ref')).toMatchObject({ kind: 'string', value: 'ClusterName' });
  });

  it('records positions; a quoted scalar starts at its quote', () => {
    expect(get(doc, 'Name')).toMatchObject({ line: 1, column: 7 });
    expect(get(doc, 'StepConcurrencyLevel')).toMatchObject({ line: 2, column: 23 });
    expect(get(doc, 'Steps', 0, 'Name')).toMatchObject({ line: 7, column: 11 });
  });

  it('resolves aliases to the anchored node', () => {
    expect(get(doc, 'Steps', 1, 'Name')).toMatchObject({ value: 'first' });
  });

  it('rejects duplicate keys at the second key', () => {
    const error = failure('Name: a\nSteps: []\nName: b\n');
    expect(error.reason).toMatch(/duplicated mapping key "Name"/);
    expect([error.line, error.column]).toEqual([3, 1]);
  });

  it('reports syntax errors with 1-based positions', () => {
    const error = failure('Steps:\n  - Name: a\n   Args: [x\n');
    expect(error.line).toBeGreaterThanOrEqual(3);
    expect(error.column).toBeGreaterThanOrEqual(1);
  });

  it('rejects several documents and reads an empty one as nothing', () => {
    expect(failure('a: 1\n---\nb: 2\n').reason).toMatch(/one YAML document, found 2/);
    expect(parseYaml('# only a comment\n')).toBeUndefined();
  });

  it(`refuses text over ${MAX_YAML_CHARS} characters before parsing it`, () => {
    const error = failure(`a: ${'x'.repeat(MAX_YAML_CHARS)}\n`);
    expect(error).toBeInstanceOf(InputLimitError);
    expect(error.reason).toBe('YAML over 4 MiB (4.0 MiB); YAML input is limited to 4 MiB');
  });

  it(`refuses more than ${MAX_VALUES.toLocaleString('en-US')} values at the first one past the limit`, () => {
    // The mapping, its key and list, then MAX_VALUES - 3 items: exactly at the limit.
    expect(parseYaml(`a: [${'1,'.repeat(MAX_VALUES - 4)}1]`)?.kind).toBe('object');
    const error = failure(`a:\n  - [${'1,'.repeat(MAX_VALUES - 3)}1]`);
    expect(error).toBeInstanceOf(InputLimitError);
    expect(error.reason).toMatch(/^more than 1,000,000 YAML values/);
    expect([error.line, error.column]).toEqual([2, 6 + 2 * (MAX_VALUES - 4)]);
  });
});
