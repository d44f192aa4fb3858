import { describe, expect, it } from 'vitest';
import type { DocNode } from '../shared/doc-node.js';
import { ShorthandError, parseShorthand } from './shorthand.js';
import { shellWords } from './shell-words.js';

const at = (index: number) => ({ line: 1, column: index + 1 });

function plain(node: DocNode): unknown {
  if (node.kind === 'object') return Object.fromEntries([...node.entries].map(([k, v]) => [k, plain(v)]));
  if (node.kind === 'array') return node.items.map(plain);
  return node.value;
}

const parse = (text: string) => plain(parseShorthand(text, at));

function failure(text: string): ShorthandError {
  try {
    parseShorthand(text, at);
  } catch (error) {
    if (error instanceof ShorthandError) return error;
    throw error;
  }
  throw new Error('expected a shorthand error');
}

describe('parseShorthand (aws-cli ShorthandParser)', () => {
  it('reads the EMR documentation example', () => {
    expect(
      parse('Type=Spark,Name=Spark Program,ActionOnFailure=CONTINUE,Args=[--class,org.apache.spark.examples.SparkPi,/usr/lib/spark/examples/jars/spark-examples.jar,10]'),
    ).toEqual({
      Type: 'Spark',
      Name: 'Spark Program',
      ActionOnFailure: 'CONTINUE',
      Args: ['--class', 'org.apache.spark.examples.SparkPi', '/usr/lib/spark/examples/jars/spark-examples.jar', '10'],
    });
  });

  it('keeps commas, brackets and equals signs inside quotes', () => {
    expect(parse(`Args=["a,b",'c]d',"k=v"],Name="x, y"`)).toEqual({ Args: ['a,b', 'c]d', 'k=v'], Name: 'x, y' });
  });

  it('unescapes quotes and backslashes in quoted values, and \\, in plain ones', () => {
    expect(parse(String.raw`Name="say \"hi\"",Jar='it\'s',Args=[a\,b,c]`)).toEqual({ Name: 'say "hi"', Jar: "it's", Args: ['a,b', 'c'] });
  });

  it('reads an unbracketed csv list and backtracks before the next key', () => {
    expect(parse('Args=a,b,c,Name=n')).toEqual({ Args: ['a', 'b', 'c'], Name: 'n' });
    expect(parse('Properties=a=1,Name=n')).toEqual({ Properties: 'a=1', Name: 'n' });
  });

  it('reads nested lists, hashes, empty values and trims trailing blanks', () => {
    expect(parse('Args=[[a,b],{k=v}],Name=,Jar=x.jar  ')).toEqual({ Args: [['a', 'b'], { k: 'v' }], Name: '', Jar: 'x.jar' });
  });

  it('locates each value at its first character', () => {
    const node = parseShorthand('Type=Spark,Args=[x,"y"]', at);
    const args = node.entries.get('Args');
    expect(node.entries.get('Type')).toMatchObject({ column: 6 });
    expect(args?.kind === 'array' && args.items.map((i) => i.column)).toEqual([18, 20]);
  });

  it('fails with the index of the problem', () => {
    expect(failure('Type=Spark,Args=[a,b')).toMatchObject({ index: 20 });
    expect(failure('Args=[a]x')).toMatchObject({ reason: "expected ',', found 'x'", index: 8 });
    expect(failure('Spark')).toMatchObject({ reason: "expected '=' but the value ended", index: 5 });
    expect(failure('Name=a,Name=b').reason).toMatch(/given twice/);
  });
});

describe('shellWords', () => {
  it('splits on blanks and removes quotes as a shell does', () => {
    const words = shellWords(`a 'b c' "d \\"e\\"" f\\ g\n# comment\nh\\\ni`).map((w) => w.text);
    expect(words).toEqual(['a', 'b c', 'd "e"', 'f g', 'hi']);
  });

  it('maps every character back to its offset in the file', () => {
    const [word] = shellWords(`  'Name=x,y'`);
    expect(word?.text).toBe('Name=x,y');
    expect(word?.offsets.slice(0, 2)).toEqual([3, 4]);
  });

  it('keeps $VAR and ${var} verbatim', () => {
    expect(shellWords('Args=[$DATE,${run_date}]').map((w) => w.text)).toEqual(['Args=[$DATE,${run_date}]']);
  });

  it('reports an unterminated quote at the quote', () => {
    expect(() => shellWords(`ok\n  'Type=Spark`)).toThrow(expect.objectContaining({ line: 2, column: 3 }));
  });
});
