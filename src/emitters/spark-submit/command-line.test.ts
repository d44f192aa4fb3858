import { describe, expect, it } from 'vitest';
import { nightlyEtlPlan } from '../plan-fixture.js';
import { buildSubmitArgs, IN_CLUSTER_MASTER } from './command-line.js';
import { placePods } from './pod-templates.js';
import { buildSubmitConf } from './submit-conf.js';
import type { JobPlan } from '../../model/job-plan.js';

function argsOf(plan: JobPlan): string[] {
  return buildSubmitArgs(plan, buildSubmitConf(plan, placePods(plan)).conf);
}

/** The `--conf` values of an argument list, in order. */
function confs(args: string[]): string[] {
  return args.flatMap((a, i) => (args[i - 1] === '--conf' ? [a] : []));
}

describe('buildSubmitArgs', () => {
  it('starts with master, deploy mode, name, class and dependencies, and ends with the application and its arguments', () => {
    const plan = nightlyEtlPlan();
    const args = argsOf(plan);
    expect(args.slice(0, 12)).toEqual([
      '--master', IN_CLUSTER_MASTER, '--deploy-mode', 'cluster', '--name', 'nightly-etl-orders',
      '--class', 'com.example.etl.OrdersJob',
      '--jars', 's3a://acme-etl-artifacts/jars/deequ-2.0.7-spark-3.5.jar',
      '--packages', 'org.apache.hadoop:hadoop-aws:3.3.4',
    ]);
    expect(args.slice(-7)).toEqual([plan.mainApplicationFile, ...plan.arguments]);
  });

  it('is an exec array: one element per argument, values neither quoted nor split', () => {
    const plan = nightlyEtlPlan({
      arguments: ['--where', "region = 'eu' AND day > \"2026-01-01\"", '$HOME', 'a b\nc', ''],
      sparkConf: { 'spark.driver.extraJavaOptions': '-Da=1 -Db="two words"' },
    });
    plan.driver.javaOptions = undefined;
    const args = argsOf(plan);
    expect(args.slice(-5)).toEqual(plan.arguments);
    expect(confs(args)).toContain('spark.driver.extraJavaOptions=-Da=1 -Db="two words"');
  });

  it('writes every dependency list as its flag, comma-joined, in the operator\'s order', () => {
    const plan = nightlyEtlPlan({
      deps: {
        jars: ['j1.jar', 'j2.jar'], packages: ['g:a:1'], excludePackages: ['g:x'], repositories: ['https://repo.example.com'],
        pyFiles: ['p.zip'], files: ['f.conf'], archives: ['e.tar.gz#env'],
      },
      proxyUser: 'etl-user',
    });
    const args = argsOf(plan);
    const flags = args.filter((a) => ['--jars', '--packages', '--exclude-packages', '--repositories', '--py-files', '--files', '--archives', '--proxy-user'].includes(a));
    expect(flags).toEqual(['--jars', '--packages', '--exclude-packages', '--repositories', '--py-files', '--files', '--archives', '--proxy-user']);
    expect(args[args.indexOf('--jars') + 1]).toBe('j1.jar,j2.jar');
    expect(args[args.indexOf('--archives') + 1]).toBe('e.tar.gz#env');
    expect(args[args.indexOf('--proxy-user') + 1]).toBe('etl-user');
  });

  it('gives the same command line whatever order the plan\'s maps were filled in', () => {
    const plan = nightlyEtlPlan();
    const reversed = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).reverse());
    const shuffled = nightlyEtlPlan({ sparkConf: reversed(plan.sparkConf), hadoopConf: reversed(plan.hadoopConf), labels: reversed(plan.labels) });
    shuffled.executor.env = Object.fromEntries(Object.entries(plan.executor.env).reverse());
    expect(argsOf(shuffled)).toEqual(argsOf(plan));
    const sparkConf = confs(argsOf(plan)).filter((c) => c.startsWith('spark.sql.') || c.startsWith('spark.executor.memoryOverheadFactor'));
    expect(sparkConf).toEqual(['spark.executor.memoryOverheadFactor=0.1875', 'spark.sql.adaptive.enabled=true', 'spark.sql.shuffle.partitions=400']);
  });

  it('writes a key once, with the typed field\'s value, when sparkConf sets it too', () => {
    const plan = nightlyEtlPlan({ sparkConf: { 'spark.executor.memory': '1g', 'spark.kubernetes.namespace': 'elsewhere' } });
    const written = confs(argsOf(plan));
    expect(written.filter((c) => c.startsWith('spark.executor.memory='))).toEqual(['spark.executor.memory=9486m']);
    expect(written.filter((c) => c.startsWith('spark.kubernetes.namespace='))).toEqual(['spark.kubernetes.namespace=data-eng']);
  });

  it('never writes a literal secret value, and says which setting it withheld', () => {
    const plan = nightlyEtlPlan({
      sparkConf: { 'spark.hadoop.fs.s3a.secret.key': 'wJalrXUtnFEMI/K7MDENG', 'spark.ssl.keyPassword': '${env:EMR2K8S_SECRET_SSL}' },
      hadoopConf: { 'fs.s3a.access.key': 'AKIAEXAMPLE' },
    });
    plan.driver.env = { JDBC_PASSWORD: { value: 'hunter2' } };
    const { conf, diagnostics } = buildSubmitConf(plan, placePods(plan));
    const text = JSON.stringify(conf);
    for (const secret of ['wJalrXUtnFEMI', 'AKIAEXAMPLE', 'hunter2']) expect(text).not.toContain(secret);
    expect(conf).toContainEqual({ key: 'spark.ssl.keyPassword', value: '${env:EMR2K8S_SECRET_SSL}' });
    expect(diagnostics.map((d) => [d.code, d.message.split(' looks')[0]])).toEqual([
      ['secret-value-withheld', 'The value of sparkConf spark.hadoop.fs.s3a.secret.key'],
      ['secret-value-withheld', 'The value of hadoopConf fs.s3a.access.key'],
      ['secret-value-withheld', 'The value of driver environment variable JDBC_PASSWORD'],
    ]);
  });

  it('writes dynamic allocation off explicitly, and shuffle tracking on by default when it is on', () => {
    const off = confs(argsOf(nightlyEtlPlan({ dynamicAllocation: { enabled: false, maxExecutors: 5 } })));
    expect(off.filter((c) => c.startsWith('spark.dynamicAllocation.'))).toEqual(['spark.dynamicAllocation.enabled=false']);
    const on = confs(argsOf(nightlyEtlPlan({ dynamicAllocation: { enabled: true, maxExecutors: 5, shuffleTrackingTimeout: 60000 } })));
    expect(on.filter((c) => c.startsWith('spark.dynamicAllocation.'))).toEqual([
      'spark.dynamicAllocation.enabled=true', 'spark.dynamicAllocation.maxExecutors=5',
      'spark.dynamicAllocation.shuffleTracking.enabled=true', 'spark.dynamicAllocation.shuffleTracking.timeout=60000',
    ]);
  });

  it('says the batch scheduler and queue as Spark settings', () => {
    const yunikorn = confs(argsOf(nightlyEtlPlan({ batchScheduler: 'yunikorn', batchSchedulerQueue: 'root.data.etl' })));
    expect(yunikorn).toEqual(expect.arrayContaining([
      'spark.kubernetes.scheduler.name=yunikorn',
      'spark.kubernetes.driver.label.queue=root.data.etl',
      'spark.kubernetes.executor.label.queue=root.data.etl',
      'spark.kubernetes.driver.annotation.yunikorn.apache.org/app-id={{APP_ID}}',
    ]));
    const volcano = confs(argsOf(nightlyEtlPlan({ batchScheduler: 'volcano', batchSchedulerQueue: 'etl' })));
    expect(volcano).toEqual(expect.arrayContaining([
      'spark.kubernetes.scheduler.name=volcano',
      'spark.kubernetes.driver.pod.featureSteps=org.apache.spark.deploy.k8s.features.VolcanoFeatureStep',
      'spark.kubernetes.scheduler.volcano.podGroupTemplateFile=/opt/spark/pod-templates/volcano-podgroup.yaml',
    ]));
    const old = nightlyEtlPlan({ sparkVersion: '3.2.1', batchScheduler: 'yunikorn', batchSchedulerQueue: 'q' });
    const result = buildSubmitConf(old, placePods(old));
    expect(result.conf.some((c) => c.key.includes('scheduler'))).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['batch-scheduler-not-applied']);
  });
});
