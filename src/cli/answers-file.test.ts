import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobAnswer } from '../model/answers.js';
import { answersFileText, loadAnswersFile, saveAnswersFile } from './answers-file.js';
import { UserError } from './errors.js';

const dir = () => mkdtempSync(join(tmpdir(), 'emr2k8s-answers-'));

const ANSWERS: Record<string, JobAnswer> = {
  'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q': {
    decision: 'rejected',
    note: 'Stays on EMR until the Q3 migration: needs the Glue catalog\nand a second line.',
    inputHash: '0000000000000123',
  },
  'j-2AXXXXXXGAPLF/s-0C7XK2M3N4P5Q': {
    inputHash: '57dd41282d5bf35a',
    decision: 'accepted',
    fields: { 'executor.instances': 4, 'dynamicAllocation.enabled': false, 'executor.coreRequest': '3500m', 'labels.version': '012' },
    sparkConf: { 'spark.sql.shuffle.partitions': '800', 'spark.executor.memory': '8g', 'spark.x.flag': 'true' },
  },
};

async function loadError(path: string): Promise<string> {
  try {
    await loadAnswersFile(path);
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('saveAnswersFile and loadAnswersFile', () => {
  it('round-trips: save then load gives the same answers, with lines of every entry', async () => {
    const file = join(dir(), 'emr2k8s-answers.yaml');
    await saveAnswersFile(file, ANSWERS);
    const loaded = await loadAnswersFile(file);
    expect(loaded.answers).toEqual(ANSWERS);
    const text = readFileSync(file, 'utf8').split('\n');
    for (const [key, line] of Object.entries(loaded.lines)) {
      const name = key.includes('#') ? (key.split('.').slice(1).join('.') as string) : key;
      expect(text[line - 1], key).toContain(name);
    }
    expect(Object.keys(loaded.lines)).toHaveLength(2 + 4 + 3);
  });

  it('writes deterministic YAML: header, ids sorted, keys in a fixed order, look-alike strings quoted', () => {
    const text = answersFileText(ANSWERS);
    expect(text.startsWith('# emr2k8s review answers')).toBe(true);
    expect(text).toContain('--answers');
    expect(text.indexOf('s-0C7XK2M3N4P5Q')).toBeLessThan(text.indexOf('s-1K4N2D6OZ8P9Q'));
    const first = text.slice(text.indexOf('s-0C7XK2M3N4P5Q'), text.indexOf('s-1K4N2D6OZ8P9Q'));
    const order = ['decision:', 'inputHash:', 'sparkConf:', 'fields:'].map((k) => first.indexOf(k));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(first.indexOf('spark.executor.memory')).toBeLessThan(first.indexOf('spark.sql.shuffle.partitions'));
    expect(text).toContain("spark.x.flag: 'true'");
    expect(text).toContain("labels.version: '012'");
    expect(text).toContain("inputHash: '0000000000000123'");
    expect(answersFileText(Object.fromEntries(Object.entries(ANSWERS).reverse()))).toBe(text);
  });

  it('writes atomically, leaving no temporary file behind', async () => {
    const folder = dir();
    const file = join(folder, 'answers.yaml');
    writeFileSync(file, 'old');
    await saveAnswersFile(file, ANSWERS);
    expect(readdirSync(folder)).toEqual(['answers.yaml']);
    expect(readFileSync(file, 'utf8')).toBe(answersFileText(ANSWERS));
  });

  it('refuses to save a secret literal', async () => {
    const file = join(dir(), 'answers.yaml');
    const secret = { 'c/s': { inputHash: '0000000000000000', sparkConf: { 'spark.hadoop.fs.s3a.secret.key': 'hunter2' } } };
    await expect(saveAnswersFile(file, secret)).rejects.toThrow(/holds a secret/);
    expect(readdirSync(join(file, '..'))).toEqual([]);
  });
});

describe('loadAnswersFile errors', () => {
  it('gives empty answers for a missing file with missingOk, else a one-line error', async () => {
    const file = join(dir(), 'nope.yaml');
    expect(await loadAnswersFile(file, { missingOk: true })).toMatchObject({ answers: {}, lines: {} });
    expect(await loadError(file)).toMatch(/nope\.yaml: no such answers file/);
  });

  it('names file and line for a schema problem, an unknown key and bad YAML', async () => {
    const folder = dir();
    const write = (name: string, text: string) => {
      writeFileSync(join(folder, name), text);
      return join(folder, name);
    };
    const base = 'schemaVersion: 1\nanswers:\n  c/s-1:\n    inputHash: 0000000000000000\n';
    expect(await loadError(write('a.yaml', `${base}    decision: maybe\n`))).toMatch(/a\.yaml:5: answers\["c\/s-1"\]\.decision: /);
    expect(await loadError(write('b.yaml', `${base}    decison: accepted\n`))).toMatch(/b\.yaml:5: unknown key "decison"/);
    expect(await loadError(write('c.yaml', 'schemaVersion: 1\nanswers:\n  c/s-1:\n    decision: accepted\n'))).toMatch(/c\.yaml:3: .*inputHash/);
    expect(await loadError(write('d.yaml', `${base}    fields: [1\n`))).toMatch(/d\.yaml:\d+: /);
    expect(await loadError(write('e.json', '{"schemaVersion": 2, "answers": {}}'))).toMatch(/e\.json:1: schemaVersion: /);
    expect(await loadError(write('g.yaml', '# nothing yet\n'))).toMatch(/g\.yaml:1: the answers file is empty/);
    expect(await loadError(write('f.yaml', `${base}    sparkConf:\n      spark.jdbc.password: hunter2\n`))).toMatch(/f\.yaml:6: spark\.jdbc\.password holds a secret/);
  });

  it('reads unquoted numbers and booleans of Spark settings as the text written', async () => {
    const file = join(dir(), 'answers.yaml');
    writeFileSync(file, 'schemaVersion: 1\nanswers:\n  c/s-1:\n    inputHash: 0000000000000000\n    sparkConf:\n      spark.sql.shuffle.partitions: 0800\n      spark.speculation: true\n    fields:\n      executor.instances: 4\n');
    const loaded = await loadAnswersFile(file);
    expect(loaded.answers['c/s-1']).toEqual({
      inputHash: '0000000000000000',
      sparkConf: { 'spark.sql.shuffle.partitions': '0800', 'spark.speculation': 'true' },
      fields: { 'executor.instances': 4 },
    });
    expect(loaded.lines).toEqual({ 'c/s-1': 3, 'c/s-1#sparkConf.spark.sql.shuffle.partitions': 6, 'c/s-1#sparkConf.spark.speculation': 7, 'c/s-1#fields.executor.instances': 9 });
  });
});
