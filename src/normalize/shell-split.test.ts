import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellSplit } from './shell-split.js';

const words = (text: string) => shellSplit(text).tokens.map((t) => t.text);

/** POSIX single-quoting, as a user would write a `bash -c` string. */
function quote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

describe('shellSplit', () => {
  it('splits a realistic bash -c spark-submit string', () => {
    const text = `spark-submit --deploy-mode cluster --conf "spark.driver.extraJavaOptions=-Dlog4j.configuration=file:log4j.properties -XX:+UseG1GC" s3://acme-jobs/etl/daily.py --date '2024-05-01' --where "region = 'eu'"`;
    expect(words(text)).toEqual([
      'spark-submit', '--deploy-mode', 'cluster', '--conf',
      'spark.driver.extraJavaOptions=-Dlog4j.configuration=file:log4j.properties -XX:+UseG1GC',
      's3://acme-jobs/etl/daily.py', '--date', '2024-05-01', '--where', "region = 'eu'",
    ]);
  });

  it('applies backslash rules outside and inside double quotes', () => {
    expect(words('a\\ b "c\\"d" "e\\f" \'g\\h\'')).toEqual(['a b', 'c"d', 'e\\f', 'g\\h']);
    expect(words('spark-submit \\\n  --verbose')).toEqual(['spark-submit', '--verbose']);
  });

  it('keeps empty quoted words and adjacent quoting in one word', () => {
    expect(words(`x '' "" a'b'"c"`)).toEqual(['x', '', '', 'abc']);
  });

  it('keeps expansions verbatim and lists them', () => {
    const split = shellSplit('spark-submit --conf spark.app.name=$JOB_NAME "s3://b/${ENV}/app.jar" $(date +%F) \'$LITERAL\'');
    expect(split.tokens.map((t) => t.text)).toEqual([
      'spark-submit', '--conf', 'spark.app.name=$JOB_NAME', 's3://b/${ENV}/app.jar', '$(date +%F)', '$LITERAL',
    ]);
    expect(split.expansions).toEqual(['$JOB_NAME', '${ENV}', '$(date +%F)']);
  });

  it('treats a lone $ and a $ before a non-name as literal', () => {
    const split = shellSplit('echo $ 5$ a$.b');
    expect(split.tokens.map((t) => t.text)).toEqual(['echo', '$', '5$', 'a$.b']);
    expect(split.expansions).toEqual([]);
  });

  it('separates unquoted operators and comments', () => {
    const split = shellSplit('spark-submit app.py>out.log 2>&1 && aws s3 cp out.log s3://b/ # upload');
    expect(split.tokens).toEqual([
      { text: 'spark-submit', operator: false },
      { text: 'app.py', operator: false },
      { text: '>', operator: true },
      { text: 'out.log', operator: false },
      { text: '2', operator: false },
      { text: '>&', operator: true },
      { text: '1', operator: false },
      { text: '&&', operator: true },
      { text: 'aws', operator: false },
      { text: 's3', operator: false },
      { text: 'cp', operator: false },
      { text: 'out.log', operator: false },
      { text: 's3://b/', operator: false },
    ]);
    expect(words('a#b "x;y"')).toEqual(['a#b', 'x;y']);
  });

  it('reports unterminated quotes and a trailing backslash', () => {
    expect(shellSplit("spark-submit 'app.py").error).toBe('unterminated-single-quote');
    expect(shellSplit('spark-submit "app.py').error).toBe('unterminated-double-quote');
    expect(shellSplit('spark-submit app.py \\').error).toBe('trailing-backslash');
  });

  it('reads back any list of words quoted POSIX-style', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 8 }), (list) => {
        const split = shellSplit(list.map(quote).join(' '));
        expect(split.error).toBeUndefined();
        expect(split.tokens.map((t) => t.text)).toEqual(list);
        expect(split.expansions).toEqual([]);
      }),
    );
  });

  it('splits plain words on any run of blanks', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9_./:=,@%+-]+$/);
    const blanks = fc.stringMatching(/^[ \t\n]+$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(word, blanks), { minLength: 1, maxLength: 8 }), (pairs) => {
        expect(words(pairs.map(([w, b]) => w + b).join(''))).toEqual(pairs.map(([w]) => w));
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => void shellSplit(text)));
  });
});
