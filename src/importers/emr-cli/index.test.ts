import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { refs } from '../../model/emr-snapshot.js';
import { parseText } from '../shared/parse-document.js';
import { emrCliImporter } from './index.js';

/** Imports one fixture file on its own, as the CLI would when given that file. */
function importFixture(name: string) {
  const text = readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
  const { document } = parseText(name, text);
  const head = { text, ...(document && { document }) };
  expect(emrCliImporter.detect(name, head)).toBe(true);
  const out = emrCliImporter.import({ file: name, text, ...(document && { document }) }, { stepIndexBase: 0 });
  return { snapshot: out.snapshots[0]!, diagnostics: out.diagnostics };
}

describe('describe-cluster', () => {
  const { snapshot, diagnostics } = importFixture('j-2AXXXXXXGAPLF/describe-cluster.json');
  const at = (ref: string) => snapshot.locations[ref];

  it('reads the cluster facts', () => {
    expect(diagnostics).toEqual([]);
    expect(snapshot.importer).toBe('emr-cli');
    expect(snapshot.cluster).toEqual({
      id: 'j-2AXXXXXXGAPLF',
      name: 'nightly-etl',
      releaseLabel: 'emr-6.15.0',
      logUri: 's3n://acme-emr-logs/j-2AXXXXXXGAPLF/',
      stepConcurrencyLevel: 2,
      applications: ['Hadoop', 'Spark'],
      tags: { team: 'data-platform', 'cost-center': 'cc-4410' },
      serviceRole: 'EMR_DefaultRole',
      jobFlowRole: 'EMR_EC2_DefaultRole',
    });
    expect(snapshot.hasClusterContext).toBe(true);
  });

  it('reads nested configurations such as spark-env → export', () => {
    expect(snapshot.configurations.map((c) => c.classification)).toEqual(['spark-defaults', 'spark-env']);
    expect(snapshot.configurations[0]?.properties['spark.executor.memory']).toBe('9486M');
    expect(snapshot.configurations[1]?.configurations[0]).toEqual({
      classification: 'export',
      properties: { PYSPARK_PYTHON: '/usr/bin/python3' },
      configurations: [],
    });
  });

  it('reads the embedded instance groups and bootstrap actions', () => {
    expect(snapshot.instances.map((i) => [i.role, i.instanceTypes, i.count, i.market])).toEqual([
      ['MASTER', ['m5.xlarge'], 1, 'ON_DEMAND'],
      ['CORE', ['r5.2xlarge'], 4, 'ON_DEMAND'],
      ['TASK', ['r5.2xlarge'], 6, 'SPOT'],
    ]);
    expect(snapshot.instances[1]?.configurations[0]?.properties).toEqual({ 'yarn.nodemanager.resource.memory-mb': '57344' });
    expect(snapshot.bootstrapActions).toEqual([
      {
        name: 'install-python-deps',
        path: 's3://acme-emr-artifacts/bootstrap/install-deps.sh',
        args: ['--requirements', 's3://acme-emr-artifacts/bootstrap/requirements.txt'],
      },
    ]);
  });

  it('locates each leaf', () => {
    expect(at(refs.cluster('releaseLabel'))).toEqual({
      file: 'j-2AXXXXXXGAPLF/describe-cluster.json',
      line: 23,
      column: 25,
      path: 'Cluster.ReleaseLabel',
    });
    expect(at(refs.classification(['spark-env', 'export'], 'PYSPARK_PYTHON'))).toMatchObject({ line: 66, column: 47 });
    expect(at(refs.cluster('tags/team'))).toMatchObject({ line: 40, column: 26 });
    expect(at(refs.instances('CORE', 'instanceType'))).toMatchObject({ line: 91, column: 33 });
    expect(at(refs.instances('CORE', 'configurations/yarn-site/yarn.nodemanager.resource.memory-mb'))).toMatchObject({ line: 98 });
  });
});

describe('list-steps and describe-step', () => {
  it('reads steps newest first, with the Properties map, state and ISO creation times', () => {
    const { snapshot, diagnostics } = importFixture('j-2AXXXXXXGAPLF/list-steps.json');
    expect(diagnostics).toEqual([]);
    expect(snapshot.hasClusterContext).toBe(false);
    expect(snapshot.steps.map((s) => [s.id, s.index, s.state, s.createdAt])).toEqual([
      ['s-1K4N2D6OZ8P9Q', 1, 'COMPLETED', '2024-05-02T02:02:00.481Z'],
      ['s-3VZ0XQ1B7TUMW', 2, 'COMPLETED', '2024-05-02T01:58:02.117Z'],
    ]);
    const [spark, loader] = snapshot.steps;
    expect(spark?.args.at(-1)).toBe('${run_date}');
    expect(loader).toMatchObject({
      name: 'load-raw-events',
      jar: 's3://acme-emr-artifacts/jars/loader-1.4.jar',
      mainClass: 'com.acme.loader.Main',
      actionOnFailure: 'CANCEL_AND_WAIT',
      properties: { 'mapreduce.job.queuename': 'etl' },
    });
    expect(snapshot.locations[refs.stepArg(spark!, 9)]).toMatchObject({ line: 19, column: 21, path: 'Steps[0].Config.Args[9]' });
    expect(snapshot.locations[refs.step(loader!, 'properties/mapreduce.job.queuename')]).toMatchObject({ line: 39, column: 48 });
  });

  it('reads describe-step as one step', () => {
    const { snapshot } = importFixture('j-2AXXXXXXGAPLF/describe-step.json');
    expect(snapshot.steps).toHaveLength(1);
    expect(snapshot.steps[0]).toMatchObject({ id: 's-1K4N2D6OZ8P9Q', name: 'daily-aggregates', jar: 'command-runner.jar' });
  });
});

describe('instance, bootstrap and configuration lists', () => {
  it('reads list-instance-groups', () => {
    const { snapshot } = importFixture('list-instance-groups.json');
    expect(snapshot.instances.map((i) => [i.role, i.name, i.count, i.market])).toEqual([
      ['TASK', 'Task - 3', 10, 'SPOT'],
      ['MASTER', 'Master - 1', 1, 'ON_DEMAND'],
    ]);
  });

  it('reads list-instance-fleets: all types, target capacity, spot when spot outweighs on-demand', () => {
    const { snapshot, diagnostics } = importFixture('list-instance-fleets.json');
    expect(diagnostics).toEqual([]);
    expect(snapshot.instances.map((i) => [i.role, i.instanceTypes, i.count, i.market])).toEqual([
      ['MASTER', ['m5.xlarge'], 1, 'ON_DEMAND'],
      ['CORE', ['r5.2xlarge', 'r5a.2xlarge'], 10, 'SPOT'],
    ]);
    expect(snapshot.instances[1]?.configurations.map((c) => c.classification)).toEqual(['yarn-site']);
    expect(snapshot.locations[refs.instances('CORE', 'market')]).toMatchObject({ line: 30, column: 35 });
    expect(snapshot.locations[refs.instances('CORE', 'instanceTypes/1')]).toMatchObject({ path: 'InstanceFleets[1].InstanceTypeSpecifications[1].InstanceType' });
  });

  it('reads list-bootstrap-actions', () => {
    const { snapshot } = importFixture('list-bootstrap-actions.json');
    expect(snapshot.bootstrapActions.map((b) => [b.name, b.args.length])).toEqual([
      ['install-python-deps', 2],
      ['tune-os', 0],
    ]);
  });

  it('reads a bare configurations list', () => {
    const { snapshot } = importFixture('j-2AXXXXXXGAPLF/configurations.json');
    expect(snapshot.configurations.map((c) => c.classification)).toEqual(['spark-defaults', 'spark-hive-site']);
    expect(snapshot.locations[refs.classification(['spark-defaults'], 'spark.sql.adaptive.enabled')]).toMatchObject({ line: 6, column: 37 });
  });
});

describe('shape problems inside a good file', () => {
  const run = (text: string) => {
    const { document } = parseText('x.json', text);
    return emrCliImporter.import({ file: 'x.json', text, document: document! }, { stepIndexBase: 0 });
  };

  it('a step of the wrong type is one diagnostic and the other steps stay', () => {
    const out = run('{"Steps": [\n {"Id": "s-1", "Name": "a", "Config": {"Jar": "x.jar", "Args": "oops"}},\n {"Id": "s-2", "Name": "b", "Config": {"Jar": "y.jar", "Args": [1, {"k": 1}]}}\n]}');
    expect(out.snapshots[0]?.steps.map((s) => [s.id, s.args])).toEqual([['s-1', ['oops']]]);
    expect(out.diagnostics).toEqual([
      expect.objectContaining({ code: 'invalid-step', message: 'x.json:3:68: step 2 is invalid: expected a string, found an object (at Steps[1].Config.Args[1])' }),
    ]);
  });

  it('a bad field of describe-cluster is one diagnostic and the others are read', () => {
    const out = run('{"Cluster": {"Id": "j-1", "StepConcurrencyLevel": "two", "ReleaseLabel": "emr-7.1.0"}}');
    expect(out.snapshots[0]?.cluster).toMatchObject({ id: 'j-1', releaseLabel: 'emr-7.1.0' });
    expect(out.diagnostics.map((d) => [d.code, d.location?.column])).toEqual([['invalid-value', 51]]);
  });
});
