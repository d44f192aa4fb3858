import { describe, expect, it } from 'vitest';
import type { EmrStep } from '../model/emr-snapshot.js';
import { step } from './__fixtures__/snapshots.js';
import { classifyStep } from './classify-step.js';

const kindOf = (s: Partial<EmrStep> & Pick<EmrStep, 'args'>) => classifyStep(step(s)).kind;

describe('classifyStep', () => {
  it('recognises spark-submit through command-runner, by name or path', () => {
    for (const cmd of ['spark-submit', '/usr/bin/spark-submit', '/usr/lib/spark/bin/spark-submit']) {
      const c = classifyStep(step({ id: 's-1K4N2D6OZ8P9Q', args: [cmd, '--deploy-mode', 'cluster', 's3://acme-jobs/etl/app.jar'] }));
      expect(c.kind).toBe('spark');
      if (c.kind !== 'spark') continue;
      expect(c.launcher).toBe('spark-submit');
      expect(c.tokens[0]).toEqual({ value: '--deploy-mode', ref: 'steps/s-1K4N2D6OZ8P9Q/args/1' });
    }
    expect(kindOf({ jar: '/var/lib/aws/emr/step-runner/hadoop-jars/command-runner.jar', args: ['spark-submit', 'app.py'] })).toBe('spark');
  });

  it('recognises spark-example and run-example', () => {
    const c = classifyStep(step({ args: ['spark-example', '--executor-memory', '1g', 'SparkPi', '10'] }));
    expect(c).toMatchObject({ kind: 'spark', launcher: 'spark-example', example: true });
    expect(classifyStep(step({ args: ['/usr/lib/spark/bin/run-example', 'SparkPi'] }))).toMatchObject({ kind: 'spark', launcher: 'run-example' });
  });

  it('splits bash -c strings; every token points at the command string', () => {
    const c = classifyStep(step({ index: 3, args: ['bash', '-c', `spark-submit --conf 'spark.app.name=daily etl' s3://acme-jobs/etl/daily.py --day 1`] }));
    expect(c.kind).toBe('spark');
    if (c.kind !== 'spark') return;
    expect(c.launcher).toBe('bash-c');
    expect(c.tokens.map((t) => t.value)).toEqual(['--conf', 'spark.app.name=daily etl', 's3://acme-jobs/etl/daily.py', '--day', '1']);
    expect(new Set(c.tokens.map((t) => t.ref))).toEqual(new Set(['steps/step-3/args/2']));
    expect(c.diagnostics).toEqual([]);
    expect(kindOf({ args: ['/bin/sh', '-lc', '/usr/lib/spark/bin/spark-submit app.py'] })).toBe('spark');
  });

  it('reports environment assignments, variables and trailing commands of a bash -c string', () => {
    const c = classifyStep(
      step({ args: ['bash', '-c', 'PYSPARK_PYTHON=python3 spark-submit s3://b/job.py --run-date $RUN_DATE && aws s3 cp /tmp/out s3://b/out'] }),
    );
    expect(c.kind).toBe('spark');
    expect(c.diagnostics.map((d) => d.code)).toEqual(['shell-environment-assignment', 'shell-command-truncated', 'shell-variable']);
    expect(c.diagnostics[2]?.message).toContain('$RUN_DATE');
    if (c.kind === 'spark') expect(c.tokens.map((t) => t.value)).toEqual(['s3://b/job.py', '--run-date', '$RUN_DATE']);
  });

  it('classifies shell steps that do not run spark-submit', () => {
    expect(kindOf({ args: ['bash', '-c', 'aws s3 sync s3://acme/raw /mnt/raw'] })).toBe('shell');
    expect(kindOf({ args: ['bash', '/home/hadoop/prepare.sh'] })).toBe('shell');
    expect(kindOf({ args: ['/home/hadoop/prepare.sh', '2024-05-01'] })).toBe('shell');
    const broken = classifyStep(step({ args: ['bash', '-c', 'spark-submit "app.py'] }));
    expect(broken.diagnostics.map((d) => d.code)).toEqual(['shell-syntax-error']);
  });

  it('classifies the other EMR step types (facts §8.4)', () => {
    expect(kindOf({ args: ['hive-script', '--run-hive-script', '--args', '-f', 's3://acme/q.sql'] })).toBe('hive');
    expect(kindOf({ args: ['hive', '-f', 's3://acme/q.sql'] })).toBe('hive');
    expect(kindOf({ args: ['pig-script', '--run-pig-script', '--args', '-f', 's3://acme/p.pig'] })).toBe('pig');
    expect(kindOf({ args: ['hadoop-streaming', '-files', 's3://acme/m.py', '-mapper', 'm.py'] })).toBe('streaming');
    expect(kindOf({ args: ['s3-dist-cp', '--src', 'hdfs:///out', '--dest', 's3://acme/out'] })).toBe('s3-dist-cp');
    expect(kindOf({ args: ['s3distcp', '--src', 'hdfs:///out'] })).toBe('s3-dist-cp');
    expect(kindOf({ jar: 's3://us-east-1.elasticmapreduce/libs/script-runner/script-runner.jar', args: ['s3://acme/setup.sh'] })).toBe('script-runner');
    expect(kindOf({ jar: 's3://acme-jobs/lib/legacy-loader.jar', mainClass: 'com.acme.Loader', args: ['--day', '1'] })).toBe('custom-jar');
  });

  it('treats legacy script-runner spark-submit and a SparkSubmit main class as Spark', () => {
    expect(kindOf({ jar: 's3://eu-west-1.elasticmapreduce/libs/script-runner/script-runner.jar', args: ['/home/hadoop/spark/bin/spark-submit', 'app.jar'] })).toBe('spark');
    const c = classifyStep(step({ jar: 's3://acme-jobs/lib/spark-launcher.jar', mainClass: 'org.apache.spark.deploy.SparkSubmit', args: ['--class', 'com.acme.Main', 'app.jar'] }));
    expect(c).toMatchObject({ kind: 'spark', launcher: 'implicit' });
    if (c.kind === 'spark') expect(c.tokens[0]?.ref).toBe('steps/step-1/args/0');
  });
});
