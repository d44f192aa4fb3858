import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refs } from '../../model/emr-snapshot.js';
import { emrCliImporter } from '../emr-cli/index.js';
import { importPaths } from '../index.js';
import { runJobFlowImporter } from '../run-job-flow/index.js';
import { parseText } from '../shared/parse-document.js';
import type { ImportContext } from '../types.js';
import { cloudFormationImporter } from './index.js';

const HERE = fileURLToPath(new URL('./', import.meta.url));
const fixture = (name: string) => join(HERE, '__fixtures__', name);

async function importFile(name: string, ctx: Partial<ImportContext> = {}) {
  const file = fixture(name);
  const text = await readFile(file, 'utf8');
  const { document } = parseText(file, text);
  return { file, ...cloudFormationImporter.import({ file, text, ...(document && { document }) }, { stepIndexBase: 0, ...ctx }) };
}

async function head(path: string) {
  const text = await readFile(path, 'utf8');
  const { document } = parseText(path, text);
  return { text, ...(document && { document }) };
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'emr2k8s-cfn-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('detection', () => {
  it('claims templates, and only templates', async () => {
    const templates = ['emr-nightly-etl.yaml', 'emr-fleet-cluster.json', 'add-steps-existing-cluster.yaml'].map(fixture);
    const others = [
      join(HERE, '../emr-cli/__fixtures__/j-2AXXXXXXGAPLF/describe-cluster.json'),
      join(HERE, '../emr-cli/__fixtures__/steps.json'),
      join(HERE, '../emr-cli/__fixtures__/list-instance-groups.json'),
      join(HERE, '../run-job-flow/__fixtures__/run-job-flow.json'),
      join(HERE, '../run-job-flow/__fixtures__/job-flow-overrides.yaml'),
      join(HERE, '../run-job-flow/__fixtures__/add-job-flow-steps.json'),
    ];
    for (const path of templates) {
      const h = await head(path);
      expect([path, cloudFormationImporter.detect(path, h)]).toEqual([path, true]);
      expect([path, emrCliImporter.detect(path, h), runJobFlowImporter.detect(path, h)]).toEqual([path, false, false]);
    }
    for (const path of others) expect([path, cloudFormationImporter.detect(path, await head(path))]).toEqual([path, false]);
  });

  it('needs AWSTemplateFormatVersion or a Resources map with an AWS:: type', () => {
    const detect = (json: string) => cloudFormationImporter.detect('t.json', { text: json, ...parseText('t.json', json) });
    expect(detect('{"Resources": {"C": {"Type": "AWS::EMR::Cluster"}}}')).toBe(true);
    expect(detect('{"Resources": {"C": {"Type": "Custom::Thing"}}}')).toBe(false);
    expect(detect('{"Resources": ["AWS::EMR::Cluster"]}')).toBe(false);
  });
});

describe('a cluster template with steps', () => {
  it('resolves parameters, mappings and conditions into one snapshot per cluster', async () => {
    const { snapshots } = await importFile('emr-nightly-etl.yaml');
    expect(snapshots).toHaveLength(1);
    const s = snapshots[0]!;
    expect(s.importer).toBe('cloudformation');
    expect(s.cluster).toMatchObject({ name: 'nightly-etl-prod', releaseLabel: 'emr-6.15.0', stepConcurrencyLevel: 1, jobFlowRole: 'EMR_EC2_DefaultRole' });
    expect(s.cluster.tags).toEqual({ team: 'data-platform', environment: 'prod' });
    expect(s.configurations[0]?.properties).toEqual({
      'spark.executor.memory': '18g',
      'spark.executor.cores': '4',
      'spark.dynamicAllocation.enabled': 'true',
      'spark.sql.shuffle.partitions': '800',
    });
    expect(s.configurations[1]?.configurations[0]?.properties).toEqual({ PYSPARK_PYTHON: '/usr/bin/python3' });
    expect(s.instances.map((i) => [i.role, i.instanceTypes.join(','), i.count, i.market])).toEqual([
      ['MASTER', 'm5.xlarge', 1, 'ON_DEMAND'],
      ['CORE', 'r5.4xlarge', 6, 'ON_DEMAND'],
      ['TASK', 'r5.2xlarge', 4, 'SPOT'],
    ]);
    expect(s.bootstrapActions[0]?.path).toBe('s3://acme-datalake-prod/bootstrap/install-deps.sh');
    expect(s.steps.map((st) => [st.index, st.name])).toEqual([
      [1, 'sessionize-clickstream'],
      [2, 'daily-aggregates'],
    ]);
    expect(s.steps[1]?.properties).toEqual({ 'etl.run.owner': 'data-platform' });
    expect(s.hasClusterContext).toBe(true);
  });

  it('follows --param values through Mappings and Conditions', async () => {
    const s = (await importFile('emr-nightly-etl.yaml', { params: { Environment: 'dev', RunDate: '2024-05-01' } })).snapshots[0]!;
    expect(s.instances.map((i) => [i.role, i.instanceTypes[0], i.count])).toEqual([
      ['MASTER', 'm5.xlarge', 1],
      ['CORE', 'r5.xlarge', 2],
    ]);
    expect(s.configurations[0]?.properties['spark.sql.shuffle.partitions']).toBe('64');
    expect(s.steps[0]?.args[7]).toBe('2024-05-01');
  });

  it('locates every leaf at its line with the logical id and property path', async () => {
    const { snapshots, file } = await importFile('emr-nightly-etl.yaml');
    const s = snapshots[0]!;
    const text = (await readFile(file, 'utf8')).split('\n');
    const line = (ref: string) => text[(s.locations[ref]?.line ?? 0) - 1];
    expect(line(refs.classification(['spark-defaults'], 'spark.executor.memory'))).toContain('spark.executor.memory: !FindInMap');
    expect(line(refs.instances('CORE', 'count'))).toContain('InstanceCount: !FindInMap');
    expect(line(refs.step(s.steps[0]!, 'args/7'))).toContain('- !Ref RunDate');
    expect(s.locations[refs.step(s.steps[0]!, 'args/7')]?.path).toBe('Resources.SessionizeStep.Properties.HadoopJarStep.Args[7]');
    expect(s.locations[refs.cluster('logUri')]?.path).toBe('Resources.EtlCluster.Properties.LogUri');
  });

  it('keeps deployment-time values as placeholders with a warning at their line', async () => {
    const { snapshots, diagnostics, file } = await importFile('emr-nightly-etl.yaml');
    const s = snapshots[0]!;
    expect(s.cluster.logUri).toBe('s3://acme-emr-logs-us-east-1/emr/${AWS::StackName}/');
    expect(s.steps[0]?.args[7]).toBe('${RunDate}');
    expect(s.steps[1]?.args.slice(9)).toEqual(['https://${ImportValue:shared-catalog-CatalogHost}/v1', '--audit-topic', '${AuditTopic.TopicName}']);
    const text = (await readFile(file, 'utf8')).split('\n');
    expect(diagnostics.map((d) => [d.code, d.severity, d.refs, text[(d.location?.line ?? 0) - 1]?.trim()])).toEqual([
      ['unresolved-reference', 'warning', ['cluster/logUri'], "LogUri: !Sub 's3://${LogBucket}/emr/${AWS::StackName}/'"],
      ['unresolved-reference', 'warning', ['steps/step-1/args/7'], '- !Ref RunDate'],
      ['unresolved-reference', 'warning', ['steps/step-2/args/9'], '- Endpoint: !ImportValue shared-catalog-CatalogHost'],
      ['unresolved-reference', 'warning', ['steps/step-2/args/11'], '- !GetAtt AuditTopic.TopicName'],
    ]);
    expect(diagnostics[0]?.message).toMatch(/^.*emr-nightly-etl\.yaml:47:15: EtlCluster: AWS::StackName is only known/);
    // The subnet parameter resolves and is not read; nothing is said about it.
    expect(diagnostics.some((d) => d.message.includes('SubnetId'))).toBe(false);
  });
});

describe('a JSON template with fleets and child resources', () => {
  it('attaches steps and fleets by Ref, in DependsOn order, and skips resources whose condition is false', async () => {
    const { snapshots, diagnostics } = await importFile('emr-fleet-cluster.json');
    expect(snapshots).toHaveLength(1);
    const s = snapshots[0]!;
    expect(s.cluster.name).toBe('feature-store-staging');
    expect(s.instances.map((i) => [i.role, i.instanceTypes, i.count, i.market])).toEqual([
      ['MASTER', ['m6g.xlarge'], 1, 'ON_DEMAND'],
      ['CORE', ['r6g.2xlarge', 'r5.2xlarge'], 10, 'SPOT'],
      ['TASK', ['r6g.xlarge', 'r5.xlarge'], 6, 'SPOT'],
    ]);
    expect(s.steps.map((st) => [st.index, st.name, st.actionOnFailure])).toEqual([
      [1, 'warm-up-catalog', 'CONTINUE'],
      [2, 'backfill-features', 'CONTINUE'],
      [3, 'backfill-embeddings', 'CANCEL_AND_WAIT'],
    ]);
    expect(s.steps[0]?.properties).toEqual({ 'features.env': 'staging' });
    expect(s.steps[1]?.args).toEqual(['spark-submit', 's3://acme-artifacts/jobs/features-staging.py', '--since', '2024-01-01', '2024-03-31']);
    expect(s.steps[2]?.args[3]).toBe('s3://acme-artifacts/jobs/embeddings.py');
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['skipped-resource', 'info']]);
    expect(diagnostics[0]?.message).toContain('GpuTaskFleet: condition WantGpu is false');
  });

  it('drops the whole cluster and its children when the cluster condition is false', async () => {
    const { snapshots, diagnostics } = await importFile('emr-fleet-cluster.json', { params: { Env: 'dev' } });
    expect(snapshots).toEqual([]);
    expect(diagnostics.map((d) => d.message.replace(/^.*?: /, ''))).toEqual([
      'FeatureCluster: condition IsProdOrStaging is false, so the stack does not create it (at Resources.FeatureCluster)',
      'GpuTaskFleet: condition WantGpu is false, so the stack does not create it (at Resources.GpuTaskFleet)',
    ]);
  });
});

describe('steps for clusters outside the stack', () => {
  it('groups steps by their JobFlowId, literal or placeholder, into steps-only snapshots', async () => {
    const { snapshots, diagnostics } = await importFile('add-steps-existing-cluster.yaml', { region: 'eu-west-1' });
    expect(snapshots.map((s) => [s.cluster.id, s.hasClusterContext, s.steps.map((st) => st.name)])).toEqual([
      ['${SharedClusterId}', false, ['weekly-revenue-report']],
      ['j-2AXXXXXXGAPLF', false, ['legacy-export']],
    ]);
    expect(snapshots[0]?.steps[0]?.args.slice(-2)).toEqual(['--region', 'eu-west-1']);
    expect(snapshots[1]?.steps[0]?.args).toEqual(['spark-submit', 's3://acme-reports/jobs/legacy_export.py', 'arn:aws:sns:eu-west-1:${AWS::AccountId}:exports']);
    expect(diagnostics.map((d) => [d.code, d.refs])).toEqual([
      ['unresolved-reference', ['cluster/id']],
      ['unresolved-reference', ['steps/step-1/args/2']],
    ]);
  });
});

describe('importPaths', () => {
  it('keeps each cluster of a template apart and passes --param and --region through', async () => {
    const dir = join(root, 'two-clusters');
    await mkdir(dir, { recursive: true });
    const step = (id: string, cluster: string) =>
      `  ${id}:\n    Type: AWS::EMR::Step\n    Properties:\n      Name: ${id}\n      ActionOnFailure: CONTINUE\n      JobFlowId: !Ref ${cluster}\n      HadoopJarStep:\n        Jar: command-runner.jar\n        Args: [spark-submit, !Sub 's3://\${Bucket}/${id}.py', !Ref AWS::Region]\n`;
    const cluster = (id: string) =>
      `  ${id}:\n    Type: AWS::EMR::Cluster\n    Properties:\n      Name: ${id.toLowerCase()}\n      ReleaseLabel: emr-7.1.0\n      Instances:\n        CoreInstanceGroup: {InstanceType: m5.2xlarge, InstanceCount: 3}\n`;
    const template = `Parameters:\n  Bucket: {Type: String}\nResources:\n${cluster('Etl')}${cluster('Reporting')}${step('Load', 'Etl')}${step('Report', 'Reporting')}`;
    await writeFile(join(dir, 'stack.yaml'), template);
    await writeFile(join(dir, 'describe-cluster.json'), '{"Cluster": {"Id": "j-1K4N2D6OZ8P9Q", "Name": "adhoc", "ReleaseLabel": "emr-6.15.0"}}');

    const { snapshots, diagnostics } = await importPaths([dir], { params: { Bucket: 'acme-jobs' }, region: 'us-west-2' });
    expect(snapshots.map((s) => [s.importer, s.cluster.id ?? s.cluster.name, s.steps.map((st) => st.args.slice(1))])).toEqual([
      ['emr-cli', 'j-1K4N2D6OZ8P9Q', []],
      ['cloudformation', 'etl', [['s3://acme-jobs/Load.py', 'us-west-2']]],
      ['cloudformation', 'reporting', [['s3://acme-jobs/Report.py', 'us-west-2']]],
    ]);
    expect(diagnostics).toEqual([]);

    const without = await importPaths([join(dir, 'stack.yaml')]);
    expect(without.snapshots[0]?.steps[0]?.args.slice(1)).toEqual(['s3://${Bucket}/Load.py', '${AWS::Region}']);
    expect(without.diagnostics.map((d) => d.code)).toEqual(['unresolved-reference', 'unresolved-reference', 'unresolved-reference', 'unresolved-reference']);
  });
});
