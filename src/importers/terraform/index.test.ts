import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { refs } from '../../model/emr-snapshot.js';
import { emrCliImporter } from '../emr-cli/index.js';
import { runJobFlowImporter } from '../run-job-flow/index.js';
import { parseText } from '../shared/parse-document.js';
import { stepFunctionsImporter } from '../step-functions/index.js';
import { terraformImporter } from './index.js';

function importText(file: string, text: string, stepIndexBase = 0) {
  const { document, error } = parseText(file, text);
  expect(error).toBeUndefined();
  const head = { text: text.slice(0, 4096), ...(document && { document }) };
  expect(terraformImporter.detect(file, head)).toBe(true);
  for (const other of [emrCliImporter, runJobFlowImporter, stepFunctionsImporter]) expect(other.detect(file, head)).toBe(false);
  return terraformImporter.import({ file, text, ...(document && { document }) }, { stepIndexBase });
}

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const lineOf = (text: string, needle: string, from = 0) => text.split('\n').findIndex((l, i) => i >= from && l.includes(needle)) + 1;

describe('terraform show -json plan', () => {
  const text = fixture('plan.json');
  const { snapshots, diagnostics } = importText('plan.json', text);
  const [snapshot] = snapshots;

  it('reads the aws_emr_cluster in EMR API terms', () => {
    expect(snapshots).toHaveLength(1);
    expect(snapshot!.importer).toBe('terraform');
    expect(snapshot!.cluster).toEqual({
      name: 'clickstream-nightly',
      releaseLabel: 'emr-6.15.0',
      logUri: '${aws_s3_bucket.emr_logs.id}',
      serviceRole: 'EMR_DefaultRole',
      jobFlowRole: 'EMR_EC2_DefaultRole',
      stepConcurrencyLevel: 1,
      applications: ['Hadoop', 'Spark'],
      tags: { 'cost-center': 'cc-4410', team: 'web-analytics' },
    });
    expect(snapshot!.bootstrapActions).toEqual([{ name: 'install-deps', path: 's3://acme-emr-artifacts/bootstrap/install-deps.sh', args: ['--python', '3.11'] }]);
    expect(snapshot!.hasClusterContext).toBe(true);
  });

  it('parses configurations_json and locates each property at its column in the plan', () => {
    expect(snapshot!.configurations.map((c) => c.classification)).toEqual(['spark-defaults', 'spark-hive-site']);
    expect(snapshot!.configurations[0]!.properties['spark.executor.memory']).toBe('18971M');
    const loc = snapshot!.locations[refs.classification(['spark-defaults'], 'spark.executor.memory')]!;
    const line = text.split('\n')[loc.line! - 1]!;
    expect(line).toContain('"configurations_json"');
    expect(line.slice(loc.column! - 1).startsWith('\\"18971M\\"')).toBe(true);
  });

  it('attaches the aws_emr_instance_group through the configuration reference, as a SPOT task group', () => {
    expect(snapshot!.instances.map((i) => [i.role, i.name, i.instanceTypes, i.count, i.market])).toEqual([
      ['MASTER', 'primary', ['m5.xlarge'], 1, 'ON_DEMAND'],
      ['CORE', 'core', ['r5.2xlarge'], 4, 'ON_DEMAND'],
      ['TASK', 'task-spot', ['r5.2xlarge'], 6, 'SPOT'],
    ]);
  });

  it('reads step blocks, leaving out the empty main_class the provider stores', () => {
    expect(snapshot!.steps.map((s) => [s.index, s.name, s.actionOnFailure, s.jar, s.mainClass])).toEqual([
      [1, 'sessionize-clicks', 'TERMINATE_CLUSTER', 'command-runner.jar', undefined],
      [2, 'export-redshift', 'CONTINUE', 'command-runner.jar', undefined],
    ]);
    expect(snapshot!.steps[0]!.args.at(-1)).toBe('2024-06-01');
    const argLine = snapshot!.locations[refs.stepArg({ index: 2 }, 3)]!.line!;
    expect(text.split('\n')[argLine - 1]).toContain('export-assembly-1.8.0.jar');
  });

  it('turns the one unknown read value into a reference placeholder with a diagnostic at after_unknown', () => {
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['unknown-at-plan', 'info']]);
    expect(diagnostics[0]!.message).toContain('aws_emr_cluster.clickstream log_uri is unknown until apply; kept as the placeholder ${aws_s3_bucket.emr_logs.id}');
    const afterUnknown = lineOf(text, '"after_unknown"');
    expect(snapshot!.locations[refs.cluster('logUri')]?.line).toBe(lineOf(text, '"log_uri": true', afterUnknown));
  });
});

describe('terraform show -json state', () => {
  const text = fixture('state.json');
  const { snapshots, diagnostics } = importText('state.json', text, 2);
  const [snapshot] = snapshots;

  it('finds the cluster in a child module and links the task fleet by cluster id', () => {
    expect(snapshot!.cluster).toMatchObject({ id: 'j-3KQ7ZP0R8M2VX', name: 'analytics-shared', releaseLabel: 'emr-7.1.0', stepConcurrencyLevel: 4 });
    expect(snapshot!.instances.map((i) => [i.role, i.instanceTypes, i.count, i.market])).toEqual([
      ['MASTER', ['m6i.xlarge'], 1, 'ON_DEMAND'],
      ['CORE', ['r5.4xlarge', 'r5d.4xlarge'], 2, 'ON_DEMAND'],
      ['TASK', ['r5.4xlarge', 'r6i.4xlarge'], 8, 'SPOT'],
    ]);
    expect(snapshot!.instances[1]!.configurations).toEqual([{ classification: 'spark-defaults', properties: { 'spark.executor.memory': '40G' }, configurations: [] }]);
  });

  it('reports a configurations file it cannot read, and nothing else', () => {
    expect(diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['configurations-file-not-read', lineOf(text, '"configurations": "emr-configurations/spark.json"')]]);
    expect(snapshot!.configurations).toEqual([]);
  });
});

describe('unknowns, links and edge cases', () => {
  const plan = JSON.parse(fixture('plan.json'));

  it('uses ${unknown} without a configuration reference, and reports unknown blocks as not imported', () => {
    delete plan.configuration;
    const change = plan.resource_changes[0].change;
    change.after_unknown.step[1] = { hadoop_jar_step: [{ args: [false, false, false, true], properties: {} }] };
    change.after_unknown.core_instance_group = true;
    plan.planned_values.root_module.resources[0].values.core_instance_group = [];
    const { snapshots, diagnostics } = importText('plan-no-config.json', JSON.stringify(plan, null, 2));
    const s = snapshots[0]!;
    expect(s.cluster.logUri).toBe('${unknown}');
    expect(s.steps[1]!.args[3]).toBe('${unknown}');
    expect(s.instances.map((i) => i.role)).toEqual(['MASTER']);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['unknown-at-plan', 'warning'],
      ['unknown-at-plan', 'info'],
      ['unknown-at-plan', 'info'],
      ['unlinked-resource', 'warning'],
    ]);
  });

  it('warns when there is no aws_emr_cluster', () => {
    const state = { format_version: '1.0', terraform_version: '1.7.5', values: { root_module: { resources: [] } } };
    const { snapshots, diagnostics } = importText('empty.json', JSON.stringify(state));
    expect(snapshots).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['no-emr-resources']);
  });

  it('reports broken configurations_json at its place and keeps the rest of the cluster', () => {
    const state = JSON.parse(fixture('state.json'));
    const values = state.values.root_module.child_modules[0].resources[0].values;
    values.configurations = null;
    values.configurations_json = '[{"Classification": "spark-defaults", "Properties": {';
    const { snapshots, diagnostics } = importText('broken.json', JSON.stringify(state, null, 2));
    expect(diagnostics.map((d) => d.code)).toEqual(['invalid-json']);
    expect(snapshots[0]!.cluster.name).toBe('analytics-shared');
  });
});
