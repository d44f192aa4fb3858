import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { refs } from '../../model/emr-snapshot.js';
import { parseText } from '../shared/parse-document.js';
import { emrCliImporter } from './index.js';

function importText(text: string, file = 'steps.json', stepIndexBase = 0) {
  const { document } = parseText(file, text);
  const out = emrCliImporter.import({ file, text, ...(document && { document }) }, { stepIndexBase });
  return { snapshot: out.snapshots[0]!, diagnostics: out.diagnostics };
}

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

describe('--steps JSON expansion (aws-cli steputils.py)', () => {
  const { snapshot, diagnostics } = importText(fixture('steps.json'), 'steps.json');
  const [spark, custom, untyped, streaming, hive, pig] = snapshot.steps;

  it('reads every step without findings and without cluster context', () => {
    expect(diagnostics).toEqual([]);
    expect(snapshot.steps.map((s) => s.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(snapshot.hasClusterContext).toBe(false);
  });

  it('Type=Spark runs spark-submit through command-runner.jar', () => {
    expect(spark).toMatchObject({ name: 'sessionize-clicks', actionOnFailure: 'CONTINUE', jar: 'command-runner.jar' });
    expect(spark?.args).toEqual([
      'spark-submit',
      '--deploy-mode',
      'cluster',
      '--conf',
      'spark.executor.memory=6g',
      's3://acme-emr-artifacts/jobs/sessionize.py',
      '--input',
      's3://acme-raw/clicks/{{ ds }}/',
    ]);
  });

  it('CUSTOM_JAR keeps Jar, MainClass and Args, and splits the Properties string', () => {
    expect(custom).toMatchObject({
      jar: 's3://acme-emr-artifacts/jars/compactor-0.9.jar',
      mainClass: 'com.acme.compactor.Main',
      args: ['--table', 'events'],
      actionOnFailure: 'TERMINATE_CLUSTER',
      properties: { 'mapreduce.map.memory.mb': '3072', 'mapreduce.job.queuename': 'etl' },
    });
  });

  it('an item without Type is a CUSTOM_JAR with the CLI default name and action', () => {
    expect(untyped).toMatchObject({ name: 'Custom JAR', actionOnFailure: 'CONTINUE', jar: 'command-runner.jar' });
    expect(untyped?.args).toEqual(['spark-example', 'SparkPi', '10']);
  });

  it('STREAMING, HIVE and PIG get their runner prefixes and default names', () => {
    expect(streaming).toMatchObject({ name: 'Streaming program', jar: 'command-runner.jar' });
    expect(streaming?.args.slice(0, 2)).toEqual(['hadoop-streaming', '-files']);
    expect(hive).toMatchObject({ name: 'refresh-partitions', jar: 'command-runner.jar' });
    expect(hive?.args).toEqual(['hive-script', '--run-hive-script', '--args', '-f', 's3://acme-emr-artifacts/hive/msck.q', '-d', 'TABLE=events']);
    expect(pig).toMatchObject({ name: 'Pig program' });
    expect(pig?.args).toEqual(['pig-script', '--run-pig-script', '--args', '-f', 's3://acme-emr-artifacts/pig/dedupe.pig']);
  });

  it('locates user arguments at their value and generated ones at Type', () => {
    const loc = (ref: string) => snapshot.locations[ref];
    expect(loc(refs.stepArg(spark!, 0))).toMatchObject({ file: 'steps.json', line: 3, column: 13, path: '[0].Type' });
    expect(loc(refs.stepArg(spark!, 1))).toMatchObject({ line: 7, column: 7, path: '[0].Args[0]' });
    expect(loc(refs.step(custom!, 'mainClass'))).toMatchObject({ line: 18, column: 18 });
    expect(loc(refs.step(custom!, 'properties/mapreduce.job.queuename'))).toMatchObject({ line: 20, column: 19 });
    expect(loc(refs.step(untyped!, 'name'))).toMatchObject({ line: 22, column: 3, path: '[2]' });
  });
});

describe('--steps problems', () => {
  it('an unknown Type is one invalid-step error; the other steps are kept', () => {
    const text = '[\n  {"Type": "Spark", "Args": ["a.py"]},\n  {"Type": "Flink", "Args": ["x"]},\n  {"Type": "PIG", "Args": ["-f", "b.pig"]}\n]\n';
    const { snapshot, diagnostics } = importText(text);
    expect(snapshot.steps.map((s) => s.index)).toEqual([1, 3]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'invalid-step', severity: 'error', location: { line: 3, column: 12 } });
    expect(diagnostics[0]?.message).toBe('steps.json:3:12: step 2 is invalid: unknown step Type Flink (at [1].Type)');
    expect(diagnostics[0]?.hint).toBeTruthy();
  });

  it('rejects what the CLI rejects: CUSTOM_JAR without Jar, Spark without Args, IMPALA, unknown keys', () => {
    const text = JSON.stringify([
      { Type: 'CUSTOM_JAR', Args: ['x'] },
      { Type: 'Spark', Args: [] },
      { Type: 'STREAMING', Args: [' '] },
      { Type: 'IMPALA', Args: ['q'] },
      { Type: 'Spark', Arg: ['a.py'] },
    ]);
    const { snapshot, diagnostics } = importText(text);
    expect(snapshot.steps).toEqual([]);
    expect(diagnostics.map((d) => d.message.replace(/^steps\.json:1:\d+: /, ''))).toEqual([
      'step 1 is invalid: Jar is missing (required for a CUSTOM_JAR step) (at [0])',
      'step 2 is invalid: Args is required for a Spark step (at [1].Args)',
      'step 3 is invalid: Args is required for a STREAMING step (at [2].Args)',
      'step 4 is invalid: IMPALA steps exist only on AMI-version clusters (at [3].Type)',
      'step 5 is invalid: unknown parameter Arg (at [4].Arg)',
    ]);
  });

  it('reports fields the CLI ignores for a Type instead of dropping them silently', () => {
    const { snapshot, diagnostics } = importText('[{"Type": "Spark", "Jar": "s3://b/app.jar", "Args": ["a.py"]}]');
    expect(snapshot.steps[0]?.jar).toBe('command-runner.jar');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'ignored-step-field', severity: 'warning', location: expect.objectContaining({ line: 1, column: 27, path: '[0].Jar' }) })]);
  });

  it('accepts Properties as an API list, and Type in any case', () => {
    const { snapshot } = importText('[{"Type": "custom_jar", "Jar": "x.jar", "Properties": [{"Key": "k", "Value": "v"}]}]');
    expect(snapshot.steps[0]?.properties).toEqual({ k: 'v' });
  });

  it('numbers indexes after the steps already read for the cluster', () => {
    const { snapshot } = importText('[{"Type": "Spark", "Args": ["a.py"]}]', 'more.json', 4);
    expect(snapshot.steps[0]?.index).toBe(5);
    expect(Object.keys(snapshot.locations)).toContain('steps/step-5/args/1');
  });
});

describe('--steps shorthand files', () => {
  const { snapshot, diagnostics } = importText(fixture('steps.txt'), 'steps.txt');

  it('reads one step per shell word, across lines and continuations', () => {
    expect(diagnostics).toEqual([]);
    expect(snapshot.steps.map((s) => [s.index, s.name, s.actionOnFailure])).toEqual([
      [1, 'Spark Program', 'CONTINUE'],
      [2, 'nightly report', 'CONTINUE'],
      [3, 'Custom JAR', 'CANCEL_AND_WAIT'],
    ]);
    expect(snapshot.steps[0]?.args).toEqual([
      'spark-submit',
      '--class',
      'org.apache.spark.examples.SparkPi',
      '/usr/lib/spark/examples/jars/spark-examples.jar',
      '10',
    ]);
  });

  it('keeps commas inside shorthand quotes and escaped commas', () => {
    expect(snapshot.steps[1]?.args[2]).toBe('spark.driver.extraJavaOptions=-Dregion=us-east-1,-Dtier=gold');
    expect(snapshot.steps[2]).toMatchObject({ jar: 's3://acme-emr-artifacts/jars/tool.jar', args: ['--tables', 'events,sessions'] });
  });

  it('locates values in the text file', () => {
    expect(snapshot.locations[refs.step(snapshot.steps[0]!, 'name')]).toMatchObject({ file: 'steps.txt', line: 2, column: 18 });
    expect(snapshot.locations[refs.stepArg(snapshot.steps[1]!, 2)]).toMatchObject({ line: 3, column: 46 });
    expect(snapshot.locations[refs.step(snapshot.steps[2]!, 'jar')]).toMatchObject({ line: 4, column: 23 });
  });

  it('a malformed word is one diagnostic at its position; the other words are kept', () => {
    const bad = importText('Type=Spark,Args=[a.py]\nType=Spark,Args=[b.py\nType=PIG,Args=[-f,c.pig]\n', 'steps.txt');
    expect(bad.snapshot.steps.map((s) => s.index)).toEqual([1, 3]);
    expect(bad.diagnostics).toHaveLength(1);
    expect(bad.diagnostics[0]).toMatchObject({ code: 'invalid-step', location: { file: 'steps.txt', line: 2, column: 22 } });
  });

  it('an unterminated shell quote is one diagnostic at the quote', () => {
    const bad = importText("Type=Spark,Args=[a.py]\n'Type=Spark,Args=[b.py]\n", 'steps.txt');
    expect(bad.snapshot.steps).toEqual([]);
    expect(bad.diagnostics.map((d) => [d.code, d.message])).toEqual([['invalid-shorthand', 'steps.txt:2:1: unterminated single quote']]);
  });
});
