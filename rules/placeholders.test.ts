import { describe, expect, it } from 'vitest';
import { buildJob, checkRule, runRuleCase } from '../src/rule-api.js';
import rule from './placeholders.js';

const arg = (value: string, i: number) => ({ value, ref: `steps/step-1/args/${i}` });

describe('placeholders', () => {
  it('follows its table', () => {
    checkRule(rule, [
      {
        name: 'an Airflow-templated argument',
        job: buildJob({ submit: { appArgs: [arg('--run-date', 4), arg('{{ ds }}', 5)] } }),
        messages: ['placeholder-kept'],
      },
      {
        name: 'a CloudFormation parameter in a conf value and a !Ref kept as text in a classification',
        job: buildJob({
          conf: { 'spark.eventLog.dir': 's3://${LogBucket}/spark/' },
          classifications: [{ classification: 'hive-site', properties: { 'hive.metastore.uris': '!Ref MetastoreUri' }, configurations: [] }],
        }),
        messages: ['placeholder-kept', 'placeholder-kept'],
      },
      {
        name: 'a non-Spark step whose argument list is one run-time value',
        job: buildJob({ kind: 'custom-jar', step: { args: ['${$.exportArgs}'] } }),
        messages: ['placeholder-kept'],
      },
      {
        name: 'Jinja inside a bash -c command line is still an Airflow placeholder',
        job: buildJob({ submit: { launcher: 'bash-c', appArgs: [arg('--run-date', 2), arg('{{ ds }}', 2)] } }),
        messages: ['placeholder-kept'],
      },
      {
        name: 'a LogUri templated by Terraform, where the event logs will go',
        job: buildJob({ cluster: { logUri: '${aws_s3_bucket.emr_logs.id}' } }),
        messages: ['placeholder-kept'],
      },
      {
        name: 'Step Functions JSONata expressions, in an argument and as the whole argument list',
        job: buildJob({ submit: { appArgs: [arg('--date', 4), arg('{% $states.input.runDate %}', 5)] } }),
        messages: ['placeholder-kept'],
      },
      {
        name: 'a non-Spark step whose JSONata argument list is one run-time value',
        job: buildJob({ kind: 'custom-jar', step: { args: ['{% $states.input.exportArgs %}'] } }),
        messages: ['placeholder-kept'],
      },
      {
        name: 'ordinary values, a Scala object name with $ and a bash -c string are not reported',
        job: buildJob({
          conf: { 'spark.sql.extensions': 'io.delta.sql.DeltaSparkSessionExtension', 'spark.kryo.classesToRegister': 'com.acme.Key$', 'spark.app.note': '50% {done} %' },
          submit: { launcher: 'bash-c', appArgs: [arg('${RUN_DATE}', 2)] },
        }),
        messages: [],
      },
    ]);
  });

  it('names the argument and the placeholder, and points at the input', () => {
    const plan = runRuleCase(rule, { name: 'x', job: buildJob({ submit: { appArgs: [arg('--window', 4), arg('{{ params.window }}', 5)] } }) });
    expect(plan.diagnostics[0]).toMatchObject({ message: expect.stringContaining('application argument 2 holds the placeholder {{ params.window }}'), refs: ['steps/step-1/args/5'] });
  });

  it('reports a Step Functions run-time value whole, intrinsic function braces included', () => {
    const job = buildJob({ submit: { appArgs: [arg("${States.Format('s3://acme/{}/out', $.date)}", 4), arg('${$.exportArgs}', 5)] } });
    const plan = runRuleCase(rule, { name: 'sfn', job });
    expect(plan.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining("holds the placeholder ${States.Format('s3://acme/{}/out', $.date)}, kept"),
      expect.stringContaining('holds the placeholder ${$.exportArgs}, kept'),
    ]);
  });

  it('never echoes the value of a secret setting', () => {
    const plan = runRuleCase(rule, { name: 's', job: buildJob({ conf: { 'spark.jdbc.password': '${DbPassword}' } }) });
    expect(plan.diagnostics.filter((d) => d.code === 'placeholder-kept')).toEqual([]);
  });
});
