import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../index.js';
import { importCdkApp } from './index.js';

const APP = 'src/importers/cdk/__fixtures__/app';
const read = (file: string) => readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');

/** The 1-based line of `file` holding `needle`, so tests do not hard-code line numbers. */
function lineOf(file: string, needle: string): number {
  const index = read(file).split('\n').findIndex((l) => l.includes(needle));
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

/** Imports an app written inline, one text per file. */
function importInline(files: Record<string, string>) {
  return importCdkApp({ source: '/app', files: Object.entries(files).map(([file, text]) => ({ file, text })) }, { stepIndexBase: 0 });
}

describe('cdk importer on a Step Functions app spread over four files', () => {
  it('reads the EmrCreateCluster with values from consts of another file and the InstanceRoleType enum', async () => {
    const { snapshots } = await importPaths([APP]);
    const cluster = snapshots.find((s) => s.cluster.name === 'fraud-scoring')!;
    expect(cluster.importer).toBe('cdk');
    expect(cluster.cluster.releaseLabel).toBe('emr-7.1.0');
    expect(cluster.instances.map((g) => [g.role, g.instanceTypes[0], g.count])).toEqual([
      ['MASTER', 'm6g.xlarge', 1],
      ['CORE', 'r6g.2xlarge', 3],
    ]);
    expect(cluster.configurations[0]?.properties).toEqual({ 'spark.executor.memory': '9g', 'spark.executor.cores': '3' });
    const loc = cluster.locations['cluster/configurations/spark-defaults/spark.executor.memory']!;
    expect([loc.file, loc.line]).toEqual([`${APP}/lib/settings.ts`, lineOf(`${APP}/lib/settings.ts`, "memory: '9g'")]);
  });

  it('links the EmrAddStep through $.ClusterId and keeps calls, lets and JsonPath as located placeholders', async () => {
    const { snapshots, diagnostics } = await importPaths([APP]);
    const [step] = snapshots.find((s) => s.cluster.name === 'fraud-scoring')!.steps;
    expect(step?.name).toBe('score-transactions');
    expect(step?.actionOnFailure).toBe('CONTINUE');
    expect(step?.args).toEqual([
      'spark-submit',
      '--deploy-mode',
      'cluster',
      '--conf',
      'spark.sql.shuffle.partitions=${unresolved:partitionsFor(7)}',
      's3://acme-risk-models/jobs/score.py',
      '--model',
      's3://acme-risk-models/models/${unresolved:settings.modelVersion}/',
      '--date',
      "${sfn.JsonPath.stringAt('$.date')}",
    ]);
    const jobs = `${APP}/lib/jobs.ts`;
    const unresolved = diagnostics.filter((d) => d.code === 'unresolved-value').map((d) => [d.location?.file, d.location?.line]);
    expect(unresolved).toEqual([
      [jobs, lineOf(jobs, 'partitionsFor(7)}')],
      [jobs, lineOf(jobs, 'settings.modelVersion')],
    ]);
    const runtime = diagnostics.find((d) => d.code === 'runtime-value')!;
    expect(runtime.location?.line).toBe(lineOf(`${APP}/lib/pipeline-stack.ts`, "stringAt('$.date')"));
    // Durations and other props the snapshot does not hold are not evaluated.
    expect(diagnostics.some((d) => d.message.includes(`pipeline-stack.ts:${lineOf(`${APP}/lib/pipeline-stack.ts`, 'Duration.hours')}:`))).toBe(false);
  });

  it('keeps a CfnStep on a written cluster id as a cluster of its own', async () => {
    const { snapshots, diagnostics } = await importPaths([APP]);
    const other = snapshots.find((s) => s.cluster.id === 'j-2AXXXXXXGAPLF')!;
    expect(other.hasClusterContext).toBe(false);
    expect(other.steps.map((s) => [s.index, s.name, s.args[1]])).toEqual([[1, 'refresh-features', 's3://acme-risk-models/jobs/features.py']]);
    expect(diagnostics.filter((d) => d.code === 'unlinked-step')).toHaveLength(1);
  });
});

describe('static evaluation', () => {
  it('evaluates templates, +, element access, spreads and a CfnStep linked by cluster.ref', () => {
    const out = importInline({
      '/app/lib/values.ts': [
        "export const parts = ['a', 'b'] as const;",
        'export const base = { jar: "command-runner.jar", args: ["spark-submit"] };',
        "export const DAY = 'date=' + '2024-06-01';",
      ].join('\n'),
      '/app/lib/stack.ts': [
        "import { aws_emr as emr } from 'aws-cdk-lib';",
        "import { parts, base, DAY } from './values';",
        "const cluster = new emr.CfnCluster(this, 'C', { name: 'adhoc', releaseLabel: 'emr-6.10.0', instances: {} });",
        "new emr.CfnStep(this, 'S', { jobFlowId: cluster.ref, name: `run-${parts[1]}`, hadoopJarStep: { ...base, args: [...base.args, `s3://b/${DAY}/x.py`, -1] } });",
      ].join('\n'),
    });
    expect(out.snapshots).toHaveLength(1);
    const [step] = out.snapshots[0]!.steps;
    expect(step?.name).toBe('run-b');
    expect(step?.jar).toBe('command-runner.jar');
    expect(step?.args).toEqual(['spark-submit', 's3://b/date=2024-06-01/x.py', '-1']);
    expect(out.diagnostics).toEqual([]);
  });

  it('reads the tasks the JSONPath and JSONata factories make (aws-cdk-lib 2.178+) and links JSONata steps through assign', () => {
    const out = importInline({
      '/app/lib/nightly-stack.ts': [
        "import * as sfn from 'aws-cdk-lib/aws-stepfunctions';",
        "import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';",
        "const create = tasks.EmrCreateCluster.jsonPath(this, 'CreateNightly', {",
        "  name: 'nightly', releaseLabel: 'emr-6.15.0', resultPath: '$.Cluster',",
        "  instances: { instanceGroups: [{ instanceRole: tasks.EmrCreateCluster.InstanceRoleType.CORE, instanceType: 'r5.2xlarge', instanceCount: 4 }] },",
        '});',
        "const orders = tasks.EmrAddStep.jsonPath(this, 'Orders', {",
        "  clusterId: sfn.JsonPath.stringAt('$.Cluster.ClusterId'), name: 'orders', jar: 'command-runner.jar',",
        "  args: ['spark-submit', 's3://acme-etl/jobs/orders.py'],",
        '});',
        "const refunds = tasks.EmrAddStep.jsonata(this, 'Refunds', {",
        "  clusterId: '{% $states.input.clusterId %}', name: 'refunds', jar: 'command-runner.jar',",
        "  args: ['spark-submit', 's3://acme-etl/jobs/refunds.py'], outputs: { stepId: '{% $states.result.StepId %}' },",
        '});',
        "const adhoc = tasks.EmrCreateCluster.jsonata(this, 'CreateAdhoc', {",
        "  name: 'adhoc', releaseLabel: 'emr-7.1.0', assign: { adhocId: '{% $states.result.ClusterId %}' },",
        "  instances: { instanceGroups: [{ instanceRole: tasks.EmrCreateCluster.InstanceRoleType.CORE, instanceType: 'm5.xlarge', instanceCount: 2 }] },",
        '});',
        "const explore = tasks.EmrAddStep.jsonata(this, 'Explore', {",
        "  clusterId: '{% $adhocId %}', name: 'explore', jar: 'command-runner.jar', args: ['spark-submit', 's3://acme-etl/jobs/explore.py'],",
        '});',
        // Other calls named like a factory are not constructs.
        "const path = sfn.JsonPath.stringAt('$.Cluster');",
      ].join('\n'),
    });
    const nightly = out.snapshots.find((s) => s.cluster.name === 'nightly')!;
    expect(nightly.instances.map((g) => [g.role, g.instanceTypes[0], g.count])).toEqual([['CORE', 'r5.2xlarge', 4]]);
    expect(nightly.steps.map((st) => [st.name, st.args[1]])).toEqual([['orders', 's3://acme-etl/jobs/orders.py']]);
    const unlinked = out.snapshots.find((s) => s.cluster.id === '{% $states.input.clusterId %}')!;
    expect(unlinked.steps.map((st) => [st.name, st.args[1]])).toEqual([['refunds', 's3://acme-etl/jobs/refunds.py']]);
    const adhoc = out.snapshots.find((s) => s.cluster.name === 'adhoc')!;
    expect(adhoc.steps.map((st) => st.name)).toEqual(['explore']);
    expect(out.snapshots).toHaveLength(3);
    // JSONata's outputs are the state machine's data flow, not EMR settings: not read, not reported.
    expect(out.diagnostics.filter((d) => d.message.includes('outputs'))).toEqual([]);
  });

  it('stops on a cycle of consts with a placeholder instead of overflowing', () => {
    const out = importInline({
      '/app/stack.ts': [
        "import { CfnCluster } from 'aws-cdk-lib/aws-emr';",
        'const a: string[] = [...b];',
        'const b: string[] = [...a];',
        "new CfnCluster(this, 'C', { name: 'loop', instances: {}, steps: [{ name: 's', hadoopJarStep: { jar: 'x.jar', args: a } }] });",
      ].join('\n'),
    });
    expect(out.snapshots[0]?.steps[0]?.args.join(' ')).toContain('${unresolved:');
    expect(out.diagnostics.some((d) => d.code === 'unresolved-value')).toBe(true);
  });

  it('warns when the app declares no EMR construct', () => {
    const out = importInline({ '/app/bin/app.ts': "import { App } from 'aws-cdk-lib';\nnew App();" });
    expect(out.snapshots).toEqual([]);
    expect(out.diagnostics.map((d) => d.code)).toEqual(['no-emr-constructs']);
  });
});
