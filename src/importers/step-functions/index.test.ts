import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { refs } from '../../model/emr-snapshot.js';
import { emrCliImporter } from '../emr-cli/index.js';
import { runJobFlowImporter } from '../run-job-flow/index.js';
import { parseText } from '../shared/parse-document.js';
import { stepFunctionsImporter } from './index.js';

function importText(file: string, text: string, stepIndexBase = 0) {
  const { document, error } = parseText(file, text);
  expect(error).toBeUndefined();
  const head = { text: text.slice(0, 4096), ...(document && { document }) };
  expect(stepFunctionsImporter.detect(file, head)).toBe(true);
  expect(emrCliImporter.detect(file, head)).toBe(false);
  expect(runJobFlowImporter.detect(file, head)).toBe(false);
  return stepFunctionsImporter.import({ file, text, ...(document && { document }) }, { stepIndexBase });
}

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('state machine with createCluster.sync, two addStep.sync and terminateCluster', () => {
  const text = fixture('nightly-sessions.asl.json');
  const { snapshots, diagnostics } = importText('nightly-sessions.asl.json', text);
  const [snapshot] = snapshots;

  it('makes one snapshot from the createCluster parameters, read as a RunJobFlow request', () => {
    expect(diagnostics).toEqual([]);
    expect(snapshots).toHaveLength(1);
    expect(snapshot!.importer).toBe('step-functions');
    expect(snapshot!.hasClusterContext).toBe(true);
    expect(snapshot!.cluster).toMatchObject({
      name: "${States.Format('clickstream-sessions-{}', $.runDate)}",
      releaseLabel: 'emr-6.15.0',
      logUri: '${$.logUri}',
      applications: ['Spark', 'Hadoop'],
      tags: { team: 'web-analytics', 'cost-center': 'cc-4410' },
      jobFlowRole: 'EMR_EC2_DefaultRole',
    });
    expect(snapshot!.instances.map((i) => [i.role, i.instanceTypes[0], i.count, i.market])).toEqual([
      ['MASTER', 'm5.xlarge', 1, 'ON_DEMAND'],
      ['CORE', 'r5.2xlarge', 4, 'ON_DEMAND'],
      ['TASK', 'r5.2xlarge', 6, 'SPOT'],
    ]);
    expect(snapshot!.configurations.map((c) => c.classification)).toEqual(['spark-defaults', 'spark-env']);
    expect(snapshot!.configurations[1]!.configurations[0]!.properties).toEqual({ PYSPARK_PYTHON: '/usr/bin/python3' });
  });

  it('attaches both addStep tasks through ResultSelector + ResultPath, in execution order', () => {
    expect(snapshot!.steps.map((s) => [s.index, s.name, s.actionOnFailure])).toEqual([
      [1, 'sessionize-clicks', 'TERMINATE_CLUSTER'],
      [2, 'export-daily-aggregates', 'CONTINUE'],
    ]);
    expect(snapshot!.steps[0]!.args).toContain('spark.executor.instances=12');
  });

  it('turns an Args.$ JSONPath into one placeholder argument located at its key', () => {
    expect(snapshot!.steps[1]!.args).toEqual(['${$.exportArgs}']);
    expect(snapshot!.locations[refs.stepArg({ index: 2 }, 0)]).toMatchObject({
      file: 'nightly-sessions.asl.json',
      line: lineOf(text, '"Args.$"'),
    });
    expect(snapshot!.locations[refs.cluster('logUri')]?.line).toBe(lineOf(text, '"LogUri.$"'));
  });

  it('locates every written leaf at its own line', () => {
    expect(snapshot!.locations[refs.classification(['spark-defaults'], 'spark.executor.memory')]?.line).toBe(lineOf(text, '"spark.executor.memory"'));
    expect(snapshot!.locations[refs.step({ index: 1 }, 'name')]?.line).toBe(lineOf(text, '"sessionize-clicks"'));
    expect(snapshot!.locations[refs.stepArg({ index: 1 }, 5)]?.path).toBe('States["Sessionize clicks"].Parameters.Step.HadoopJarStep.Args[5]');
  });

  it('numbers steps after the steps of earlier files of the folder', () => {
    const later = importText('nightly-sessions.asl.json', text, 3).snapshots[0]!;
    expect(later.steps.map((s) => s.index)).toEqual([4, 5]);
  });
});

describe('describe-state-machine output with Parallel and Map states', () => {
  const text = fixture('describe-state-machine.json');
  const { snapshots, diagnostics } = importText('describe-state-machine.json', text);
  const definitionLine = lineOf(text, '"definition"');

  it('finds addStep tasks in branches and item processors, grouped by the cluster they name', () => {
    expect(snapshots.map((s) => [s.cluster.id, s.steps.map((st) => st.name)])).toEqual([
      ['j-2AXXXXXXGAPLF', ['rebuild-user-features']],
      ['${$.clusterId}', ['rebuild-partition']],
    ]);
    expect(snapshots.every((s) => !s.hasClusterContext)).toBe(true);
  });

  it('keeps a States.Array argument list as one placeholder and reports the unlinked cluster', () => {
    expect(snapshots[1]!.steps[0]!.args).toEqual(["${States.Array('spark-submit', 's3://acme-data-jobs/features/partition.py', $.partition)}"]);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['unlinked-step', 'info']]);
    expect(diagnostics[0]!.message).toContain('Rebuild partition');
  });

  it('locates values inside the definition string at their column on the definition line', () => {
    const loc = snapshots[0]!.locations[refs.step({ index: 1 }, 'name')]!;
    expect(loc.line).toBe(definitionLine);
    const line = text.split('\n')[definitionLine - 1]!;
    expect(line.slice(loc.column! - 1).startsWith('\\"rebuild-user-features\\"')).toBe(true);
  });
});

describe('linking and edge cases', () => {
  const machine = (states: object) => JSON.stringify({ StartAt: Object.keys(states)[0], States: states }, null, 2);
  const create = (resultPath: string | null, next?: string) => ({
    Type: 'Task',
    Resource: 'arn:aws:states:::elasticmapreduce:createCluster.sync',
    Parameters: { Name: 'ad-hoc', ReleaseLabel: 'emr-7.1.0', Instances: { KeepJobFlowAliveWhenNoSteps: true, InstanceCount: 3, MasterInstanceType: 'm5.xlarge', SlaveInstanceType: 'm5.2xlarge' } },
    ResultPath: resultPath,
    ...(next ? { Next: next } : { End: true }),
  });
  const step = (clusterId: Record<string, string>, name: string, next?: string) => ({
    Type: 'Task',
    Resource: 'arn:aws:states:::elasticmapreduce:addStep',
    Parameters: { ...clusterId, Step: { Name: name, HadoopJarStep: { Jar: 'command-runner.jar', Args: ['spark-submit', 's3://acme/jobs/a.py'] } } },
    ...(next ? { Next: next } : { End: true }),
  });

  it('links ClusterId.$ to <ResultPath>.ClusterId without a ResultSelector, and each step to the nearest cluster before it', () => {
    const { snapshots, diagnostics } = importText(
      'two-clusters.json',
      machine({
        First: create('$.emr', 'A'),
        A: step({ 'ClusterId.$': '$.emr.ClusterId' }, 'a', 'Second'),
        Second: create('$.emr', 'B'),
        B: step({ 'ClusterId.$': '$.emr.ClusterId' }, 'b'),
      }),
    );
    expect(diagnostics).toEqual([]);
    expect(snapshots.map((s) => s.steps.map((st) => [st.index, st.name, st.actionOnFailure]))).toEqual([[[1, 'a', 'CONTINUE']], [[1, 'b', 'CONTINUE']]]);
    expect(snapshots[0]!.instances.map((i) => [i.role, i.count])).toEqual([['MASTER', 1], ['CORE', 2]]);
  });

  it('does not link through a discarded result (ResultPath null)', () => {
    const { snapshots } = importText('discarded.json', machine({ C: create(null, 'S'), S: step({ 'ClusterId.$': '$.ClusterId' }, 's') }));
    expect(snapshots.map((s) => [s.cluster.id, s.steps.length])).toEqual([
      [undefined, 0],
      ['${$.ClusterId}', 1],
    ]);
  });

  it('reads the AWS SDK integrations runJobFlow and addJobFlowSteps', () => {
    const { snapshots, diagnostics } = importText(
      'sdk.json',
      machine({
        Run: { ...create('$.run', 'Add'), Resource: 'arn:aws:states:::aws-sdk:emr:runJobFlow' },
        Add: {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:emr:addJobFlowSteps',
          Parameters: { 'JobFlowId.$': '$.run.JobFlowId', Steps: [{ Name: 'x', HadoopJarStep: { Jar: 'command-runner.jar', Args: ['spark-submit', 's3://acme/x.py'] } }] },
          End: true,
        },
      }),
    );
    expect(diagnostics).toEqual([]);
    expect(snapshots.map((s) => s.steps.map((st) => st.name))).toEqual([['x']]);
  });

  describe('JSONata states (QueryLanguage JSONata: Arguments, {% … %} expressions, Output and Assign)', () => {
    /**
     * A JSONata version of a task: its Parameters become Arguments, and it has no ResultPath
     * (Output and Assign instead). The machine stays JSONPath, as one being moved to JSONata
     * state by state; the golden scenario step-functions-jsonata sets it for the whole machine.
     */
    const jsonata = (task: Record<string, unknown>, extra: object = {}) => {
      const { Parameters, ...rest } = task;
      delete rest.ResultPath;
      return { ...rest, QueryLanguage: 'JSONata', Arguments: Parameters, ...extra };
    };
    const text = JSON.stringify(
      {
        StartAt: 'Create',
        States: {
          Create: jsonata(create(null, 'Orders'), { Assign: { clusterId: '{% $states.result.ClusterId %}' } }),
          Orders: jsonata(step({ ClusterId: '{% $clusterId %}' }, 'orders', 'Refunds')),
          Refunds: {
            ...jsonata(step({ ClusterId: '{% $states.input.ClusterId %}' }, 'refunds', 'Legacy')),
            Arguments: { ClusterId: '{% $states.input.ClusterId %}', Step: { Name: 'refunds', HadoopJarStep: { Jar: 'command-runner.jar', Args: ['spark-submit', 's3://acme/jobs/refunds.py', '--date', '{% $states.input.runDate %}'] } } },
          },
          Legacy: step({ 'ClusterId.$': '$.legacyCluster' }, 'legacy', 'Elsewhere'),
          Elsewhere: jsonata(step({ ClusterId: '{% $states.input.otherCluster %}' }, 'elsewhere', 'Computed')),
          Computed: { Type: 'Task', QueryLanguage: 'JSONata', Resource: 'arn:aws:states:::elasticmapreduce:addStep', Arguments: '{% $states.input.stepArguments %}', End: true },
        },
      },
      null,
      2,
    );
    const { snapshots, diagnostics } = importText('jsonata.asl.json', text);

    it('links steps through an Assign variable and through the next state input, and keeps expressions verbatim', () => {
      const [created] = snapshots;
      expect(created!.cluster.releaseLabel).toBe('emr-7.1.0');
      expect(created!.steps.map((st) => st.name)).toEqual(['orders', 'refunds']);
      expect(created!.steps[1]!.args).toEqual(['spark-submit', 's3://acme/jobs/refunds.py', '--date', '{% $states.input.runDate %}']);
    });

    it('keeps a cluster read at run time as a cluster of its own, named by the expression as written', () => {
      expect(snapshots.slice(1).map((s) => [s.cluster.id, s.steps.map((st) => st.name)])).toEqual([
        ['${$.legacyCluster}', ['legacy']],
        ['{% $states.input.otherCluster %}', ['elsewhere']],
      ]);
      expect(diagnostics.filter((d) => d.code === 'unlinked-step')).toHaveLength(2);
    });

    it('reports Arguments that are one expression: the step cannot be read without running it', () => {
      const computed = diagnostics.find((d) => d.message.includes('Arguments is one JSONata expression'));
      expect(computed).toMatchObject({ code: 'invalid-value', severity: 'error', location: { line: lineOf(text, '"Arguments": "{% $states.input.stepArguments %}"') } });
    });
  });

  it('reports run-time structured parameters, malformed steps and EMR Serverless tasks, and keeps the rest', () => {
    const { snapshots, diagnostics } = importText(
      'partial.json',
      machine({
        C: { ...create('$.c', 'Bad'), Parameters: { Name: 'x', 'Instances.$': '$.instances', ReleaseLabel: 'emr-7.1.0' } },
        Bad: { ...step({ 'ClusterId.$': '$.c.ClusterId' }, 'bad', 'Good'), Parameters: { 'ClusterId.$': '$.c.ClusterId', Step: { Name: 'bad' } } },
        Good: step({ 'ClusterId.$': '$.c.ClusterId' }, 'good', 'Serverless'),
        Serverless: { Type: 'Task', Resource: 'arn:aws:states:::emr-serverless:startJobRun.sync', Parameters: {}, End: true },
      }),
    );
    expect(diagnostics.map((d) => d.code)).toEqual(['runtime-parameter', 'unsupported-task', 'invalid-step']);
    expect(snapshots[0]!.cluster.releaseLabel).toBe('emr-7.1.0');
    expect(snapshots[0]!.steps.map((s) => [s.index, s.name])).toEqual([[2, 'good']]);
  });

  it('warns when a state machine has no EMR task', () => {
    const { snapshots, diagnostics } = importText('lambda-only.json', machine({ L: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } }));
    expect(snapshots).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['no-emr-tasks']);
  });

  it('reports a broken definition string at its position in the file', () => {
    const text = JSON.stringify({ stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:x', definition: '{"StartAt": "A", "States": {' }, null, 2);
    const { snapshots, diagnostics } = importText('broken.json', text);
    expect(snapshots).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ code: 'invalid-json', location: { line: 3 } });
  });
});
