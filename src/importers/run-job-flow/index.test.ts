import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { refs } from '../../model/emr-snapshot.js';
import { emrCliImporter } from '../emr-cli/index.js';
import { parseText } from '../shared/parse-document.js';
import { runJobFlowImporter } from './index.js';

function importText(file: string, text: string) {
  const { document, error } = parseText(file, text);
  expect(error).toBeUndefined();
  const head = { text, ...(document && { document }) };
  expect(runJobFlowImporter.detect(file, head)).toBe(true);
  expect(emrCliImporter.detect(file, head)).toBe(false);
  const out = runJobFlowImporter.import({ file, text, ...(document && { document }) }, { stepIndexBase: 0 });
  return { snapshot: out.snapshots[0]!, diagnostics: out.diagnostics };
}

const importFixture = (name: string) => importText(name, readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'));

describe('RunJobFlow JSON request', () => {
  const { snapshot, diagnostics } = importFixture('run-job-flow.json');

  it('reads the cluster, groups, configurations and bootstrap actions', () => {
    expect(diagnostics).toEqual([]);
    expect(snapshot.importer).toBe('run-job-flow');
    expect(snapshot.cluster).toEqual({
      name: 'clickstream-nightly',
      releaseLabel: 'emr-7.2.0',
      logUri: 's3://acme-emr-logs/clickstream/',
      stepConcurrencyLevel: 1,
      applications: ['Spark', 'Hadoop'],
      tags: { team: 'web-analytics' },
      serviceRole: 'EMR_DefaultRole',
      jobFlowRole: 'EMR_EC2_DefaultRole',
    });
    expect(snapshot.instances.map((i) => [i.role, i.instanceTypes[0], i.count, i.market])).toEqual([
      ['MASTER', 'm6g.xlarge', 1, 'ON_DEMAND'],
      ['CORE', 'r6g.2xlarge', 3, 'ON_DEMAND'],
      ['TASK', 'r6g.2xlarge', 8, 'SPOT'],
    ]);
    expect(snapshot.configurations[0]?.properties).toEqual({
      'spark.executor.memory': '18971M',
      'spark.executor.cores': '4',
      'spark.sql.shuffle.partitions': '600',
    });
    expect(snapshot.bootstrapActions).toEqual([
      { name: 'install-deps', path: 's3://acme-emr-artifacts/bootstrap/install-deps.sh', args: ['--python', '3.11'] },
    ]);
  });

  it('reads HadoopJarStep steps, turning the Properties list into a map', () => {
    const [sessionize, exporter] = snapshot.steps;
    expect(sessionize).toMatchObject({ index: 1, name: 'sessionize', actionOnFailure: 'TERMINATE_CLUSTER', jar: 'command-runner.jar' });
    expect(sessionize?.args.at(-1)).toBe('${RUN_DATE}');
    expect(exporter).toMatchObject({
      index: 2,
      actionOnFailure: 'CONTINUE',
      mainClass: 'com.acme.export.Redshift',
      properties: { 'mapreduce.job.queuename': 'export', 'redshift.password': 'do-not-print-me' },
    });
  });

  it('locates leaves', () => {
    const steps = snapshot.steps;
    expect(snapshot.locations[refs.cluster('releaseLabel')]).toEqual({ file: 'run-job-flow.json', line: 4, column: 19, path: 'ReleaseLabel' });
    expect(snapshot.locations[refs.classification(['spark-defaults'], 'spark.executor.cores')]).toMatchObject({ line: 21, column: 33 });
    expect(snapshot.locations[refs.instances('CORE', 'count')]).toMatchObject({ line: 9, column: 120 });
    expect(snapshot.locations[refs.stepArg(steps[0]!, 7)]).toMatchObject({ line: 44, column: 67, path: 'Steps[0].HadoopJarStep.Args[7]' });
    expect(snapshot.locations[refs.step(steps[1]!, 'properties/redshift.password')]).toMatchObject({ line: 55, column: 50 });
  });
});

describe('Airflow JOB_FLOW_OVERRIDES in YAML', () => {
  const { snapshot, diagnostics } = importFixture('job-flow-overrides.yaml');

  it('unwraps the overrides and reads fleets, nested configurations and placeholders verbatim', () => {
    expect(diagnostics).toEqual([]);
    expect(snapshot.cluster.name).toBe('daily-features-{{ ds_nodash }}');
    expect(snapshot.instances.map((i) => [i.role, i.instanceTypes, i.count, i.market])).toEqual([
      ['MASTER', ['m5.xlarge'], 1, 'ON_DEMAND'],
      ['CORE', ['r5.4xlarge', 'r5d.4xlarge'], 8, 'SPOT'],
    ]);
    expect(snapshot.configurations[0]?.properties['spark.executor.instances']).toBe('12');
    expect(snapshot.configurations[1]?.configurations[0]?.properties).toEqual({ PYSPARK_PYTHON: '/usr/bin/python3.11' });
    expect(snapshot.steps[0]?.args).toEqual(['spark-submit', '--deploy-mode', 'cluster', 's3://acme-emr-artifacts/jobs/features.py', '{{ ds }}']);
  });

  it('locates YAML leaves', () => {
    expect(snapshot.locations[refs.classification(['spark-env', 'export'], 'PYSPARK_PYTHON')]).toMatchObject({
      file: 'job-flow-overrides.yaml',
      line: 35,
      column: 29,
      path: 'JOB_FLOW_OVERRIDES.Configurations[1].Configurations[0].Properties.PYSPARK_PYTHON',
    });
    expect(snapshot.locations[refs.instances('CORE', 'instanceTypes/1')]).toMatchObject({ line: 22, column: 27 });
    expect(snapshot.locations[refs.instances('CORE', 'market')]).toMatchObject({ line: 18, column: 29 });
    expect(snapshot.locations[refs.stepArg(snapshot.steps[0]!, 4)]).toMatchObject({ line: 46, column: 13 });
  });
});

describe('other request shapes', () => {
  it('reads AddJobFlowSteps as steps of a known cluster without cluster context', () => {
    const { snapshot } = importFixture('add-job-flow-steps.json');
    expect(snapshot.cluster.id).toBe('j-3KZ9T0EXAMPLE');
    expect(snapshot.hasClusterContext).toBe(false);
    expect(snapshot.steps.map((s) => [s.index, s.name, s.args[0]])).toEqual([[1, 'backfill-2024-04', 'spark-submit']]);
  });

  it('reads the uniform MasterInstanceType / SlaveInstanceType / InstanceCount form', () => {
    const { snapshot } = importText(
      'uniform.json',
      JSON.stringify({ Name: 'adhoc', ReleaseLabel: 'emr-5.36.1', Instances: { MasterInstanceType: 'm5.xlarge', SlaveInstanceType: 'm5.2xlarge', InstanceCount: 5 } }),
    );
    expect(snapshot.instances.map((i) => [i.role, i.instanceTypes[0], i.count])).toEqual([
      ['MASTER', 'm5.xlarge', 1],
      ['CORE', 'm5.2xlarge', 4],
    ]);
  });

  it('reads a bare list of StepConfigs', () => {
    const { snapshot } = importText('steps.yaml', '- Name: one\n  HadoopJarStep:\n    Jar: command-runner.jar\n    Args: [spark-submit, a.py]\n');
    expect(snapshot.steps.map((s) => [s.name, s.actionOnFailure, s.args])).toEqual([['one', 'CONTINUE', ['spark-submit', 'a.py']]]);
  });

  it('a bad step is one diagnostic that never quotes property values; the rest is kept', () => {
    const text = JSON.stringify(
      {
        Name: 'c',
        ReleaseLabel: 'emr-7.2.0',
        Steps: [
          { Name: 'ok', HadoopJarStep: { Jar: 'a.jar' } },
          { Name: 'bad', HadoopJarStep: { Jar: 'b.jar', Properties: [{ Key: 'db.password', Value: { secret: 'hunter2' } }] } },
        ],
      },
      null,
      2,
    );
    const { snapshot, diagnostics } = importText('req.json', text);
    expect(snapshot.steps.map((s) => s.name)).toEqual(['ok']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'invalid-step', location: { line: 18, column: 22 } });
    expect(diagnostics[0]?.message).not.toContain('hunter2');
  });
});
