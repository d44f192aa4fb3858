import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SubmitToken } from './spark-submit-parser.js';
import { appTypeOf, EXAMPLES_JAR, parseSparkSubmit } from './spark-submit-parser.js';

/** Tokens as classify-step makes them from `Args` (index 0 is `spark-submit`). */
const tokens = (...args: string[]): SubmitToken[] => args.map((value, i) => ({ value, ref: `steps/s-1K4N2D6OZ8P9Q/args/${i + 1}` }));
const parse = (...args: string[]) => parseSparkSubmit(tokens(...args), { launcher: 'spark-submit' });
const codes = (r: ReturnType<typeof parse>) => r.diagnostics.map((d) => d.code);

describe('parseSparkSubmit', () => {
  it('parses a typical EMR Spark step', () => {
    const { submit, diagnostics } = parse(
      '--deploy-mode', 'cluster', '--class', 'com.acme.etl.DailyAggregates', '--executor-memory=8g',
      '--conf', 'spark.sql.shuffle.partitions=400', '--jars', 's3://acme-jobs/lib/deequ-2.0.7.jar',
      's3://acme-jobs/etl/daily-aggregates-1.4.2.jar', '--date', '2024-05-01',
    );
    expect(diagnostics).toEqual([]);
    expect(submit.mainClass).toEqual({ value: 'com.acme.etl.DailyAggregates', ref: 'steps/s-1K4N2D6OZ8P9Q/args/4' });
    expect(submit.options['deploy-mode']?.value).toBe('cluster');
    expect(submit.options['executor-memory']).toEqual({ value: '8g', ref: 'steps/s-1K4N2D6OZ8P9Q/args/5' });
    expect(submit.options.jars?.value).toBe('s3://acme-jobs/lib/deequ-2.0.7.jar');
    expect(submit.confs).toEqual([{ key: 'spark.sql.shuffle.partitions', value: '400', ref: 'steps/s-1K4N2D6OZ8P9Q/args/7' }]);
    expect(submit.primaryResource).toEqual({ value: 's3://acme-jobs/etl/daily-aggregates-1.4.2.jar', ref: 'steps/s-1K4N2D6OZ8P9Q/args/10' });
    expect(submit.appArgs.map((a) => a.value)).toEqual(['--date', '2024-05-01']);
    expect(submit.appArgs[1]?.ref).toBe('steps/s-1K4N2D6OZ8P9Q/args/12');
    expect(submit.appType).toBe('Java');
  });

  it('splits --conf at the first = and keeps later ones in the value', () => {
    const { submit } = parse('-c', 'spark.driver.extraJavaOptions=-Da=b -Dc=d', '--conf=spark.x.y=1=2', 'app.py');
    expect(submit.confs.map((c) => [c.key, c.value])).toEqual([
      ['spark.driver.extraJavaOptions', '-Da=b -Dc=d'],
      ['spark.x.y', '1=2'],
    ]);
  });

  it('reports a --conf without = and ignores non-Spark keys like Spark does', () => {
    const r = parse('--conf', 'spark.executor.memory', '--conf', 'hive.exec.dynamic.partition=true', 'app.jar');
    expect(codes(r)).toEqual(['spark-conf-without-equals', 'non-spark-conf-ignored']);
    expect(r.diagnostics[1]?.message).toContain('Ignoring non-Spark config property: hive.exec.dynamic.partition');
    expect(r.submit.confs).toEqual([]);
  });

  it('treats --name= (empty value) as an unknown option, as the regex does not match', () => {
    const r = parse('--name=', 'app.jar');
    expect(codes(r)).toEqual(['spark-submit-unrecognized-option']);
    expect(r.submit.options.name).toBeUndefined();
    expect(r.submit.primaryResource?.value).toBe('app.jar');
  });

  it('does not echo text that may hold a secret value', () => {
    const r = parse('--conf', 'spark.hadoop.fs.s3a.secret.key:wJalrXUtnFEMI', '-Dstore.password=hunter2', 'app.jar');
    expect(codes(r)).toEqual(['spark-conf-without-equals', 'spark-submit-unrecognized-option']);
    for (const d of r.diagnostics) expect(d.message).not.toMatch(/wJalrXUtnFEMI|hunter2/);
  });

  it('records switches and their aliases', () => {
    const { submit } = parse('-v', '--supervise', '--verbose=yes', 'app.jar');
    expect(Object.keys(submit.switches).sort()).toEqual(['supervise', 'verbose']);
    expect(submit.switches.verbose).toBe('steps/s-1K4N2D6OZ8P9Q/args/3');
  });

  it('reports an unknown option before the primary resource and goes on', () => {
    const r = parse('--executor-memroy', '4g', 'app.jar');
    expect(codes(r)).toEqual(['spark-submit-unrecognized-option']);
    expect(r.diagnostics[0]?.severity).toBe('error');
    // Spark would stop; here the next token becomes the resource, as the command is broken anyway.
    expect(r.submit.primaryResource?.value).toBe('4g');
  });

  it('keeps --properties-file as a reference and notes repeated options', () => {
    const r = parse('--properties-file', 's3://acme/conf/job.conf', '--queue', 'etl', '--queue', 'adhoc', 'app.jar');
    expect(r.submit.propertiesFile?.value).toBe('s3://acme/conf/job.conf');
    expect(r.submit.options.queue?.value).toBe('adhoc');
    expect(r.diagnostics).toMatchObject([{ code: 'spark-submit-repeated-option', severity: 'info', refs: ['steps/s-1K4N2D6OZ8P9Q/args/4', 'steps/s-1K4N2D6OZ8P9Q/args/6'] }]);
  });

  it('reports a missing value, a bad deploy mode and a missing resource', () => {
    expect(codes(parse('app.jar', '--x')).length).toBe(0);
    expect(codes(parse('--master'))).toEqual(['spark-submit-missing-value', 'spark-submit-no-primary-resource']);
    expect(codes(parse('--deploy-mode', 'yarn-cluster', 'app.jar'))).toEqual(['invalid-deploy-mode']);
    expect(codes(parse('--status', 'driver-20240501'))).toEqual(['spark-submit-action']);
  });

  it('infers the application type from the primary resource', () => {
    expect(parse('s3://b/job.py').submit.appType).toBe('Python');
    expect(parse('s3://b/job.R').submit.appType).toBe('R');
    expect(parse('s3://b/job.r').submit.appType).toBe('R');
    expect(parse('s3://b/job.jar').submit.appType).toBe('Java');
    expect(appTypeOf('pyspark-shell')).toBe('Python');
    expect(appTypeOf('sparkr-shell')).toBe('R');
    expect(codes(parse('pyspark-shell'))).toEqual(['spark-shell-resource']);
  });

  it('reads run-example arguments: the first unknown token names the example', () => {
    const { submit } = parseSparkSubmit(tokens('--executor-memory', '2g', 'SparkPi', '100'), { launcher: 'spark-example', example: true });
    expect(submit.mainClass).toEqual({ value: 'org.apache.spark.examples.SparkPi', ref: 'steps/s-1K4N2D6OZ8P9Q/args/3' });
    expect(submit.primaryResource?.value).toBe(EXAMPLES_JAR);
    expect(submit.appArgs.map((a) => a.value)).toEqual(['100']);
    const full = parseSparkSubmit(tokens('org.apache.spark.examples.sql.SparkSQLExample'), { launcher: 'run-example', example: true });
    expect(full.submit.mainClass?.value).toBe('org.apache.spark.examples.sql.SparkSQLExample');
  });
});

const optionName = fc.constantFrom('--executor-memory', '--driver-memory', '--queue', '--name', '--jars', '--class', '--num-executors');
const safeValue = fc.string({ minLength: 1 }).filter((s) => !/[\n\r\u0085\u2028\u2029]/.test(s));
const resource = fc.stringMatching(/^s3:\/\/[a-z0-9-]{3,12}\/[a-z0-9_/-]{1,20}\.(jar|py)$/);

describe('parseSparkSubmit properties', () => {
  it('passes everything after the primary resource through verbatim', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(optionName, safeValue), { maxLength: 4 }), resource, fc.array(fc.string(), { maxLength: 8 }), (opts, res, args) => {
        const { submit } = parse(...opts.flat(), res, ...args);
        expect(submit.primaryResource?.value).toBe(res);
        expect(submit.appArgs.map((a) => a.value)).toEqual(args);
      }),
    );
  });

  it('reads --opt=value exactly like --opt value', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(optionName, safeValue), { minLength: 1, maxLength: 5 }), resource, (opts, res) => {
        const spaced = parse(...opts.flat(), res).submit;
        const joined = parse(...opts.map(([o, v]) => `${o}=${v}`), res).submit;
        const strip = (s: typeof spaced) => JSON.stringify({ ...s, options: Object.fromEntries(Object.entries(s.options).map(([k, v]) => [k, v.value])), mainClass: s.mainClass?.value, primaryResource: s.primaryResource?.value, appArgs: [] });
        expect(strip(joined)).toBe(strip(spaced));
      }),
    );
  });

  it('keeps every --conf in order; the last value of a key is the last entry for it', () => {
    const key = fc.constantFrom('spark.executor.memory', 'spark.sql.shuffle.partitions', 'spark.app.name');
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.string()), { minLength: 1, maxLength: 6 }), (pairs) => {
        const { submit } = parse(...pairs.flatMap(([k, v]) => ['--conf', `${k}=${v}`]), 'app.jar');
        expect(submit.confs.map((c) => [c.key, c.value])).toEqual(pairs);
        const last = new Map(pairs);
        const fromConfs = new Map(submit.confs.map((c) => [c.key, c.value]));
        expect(fromConfs).toEqual(last);
      }),
    );
  });

  it('never throws on arbitrary token arrays', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), optionName, fc.constantFrom('--conf', '-c', '--verbose', '--name=', '-x')), { maxLength: 12 }), fc.boolean(), (args, example) => {
        const r = parseSparkSubmit(tokens(...args), { launcher: 'spark-submit', example });
        expect(r.submit.appArgs.length).toBeLessThanOrEqual(args.length);
      }),
    );
  });
});
