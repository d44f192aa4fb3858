import { describe, expect, it } from 'vitest';
import type { DocNode, ObjectNode } from '../shared/doc-node.js';
import { TemplateResolver } from './intrinsics.js';
import { readParameters } from './parameters.js';
import { parseTemplate } from './short-tags.js';

const TEMPLATE = `
Parameters:
  Env: {Type: String, Default: dev}
  Bucket: {Type: String, Default: acme-datalake-dev}
  RunDate: {Type: String}
  Zones: {Type: CommaDelimitedList, Default: "us-east-1a, us-east-1b"}
  AmiParam: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /emr/golden-ami}
Mappings:
  Sizes:
    dev: {Core: r5.xlarge, Count: 2}
    prod: {Core: r5.4xlarge, Count: 6}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  HasDate: !Not [!Equals [!Ref RunDate, '']]
  ProdWithDate: !And [!Condition IsProd, !Condition HasDate]
  DevOrDate: !Or [!Not [!Condition IsProd], !Condition HasDate]
Resources:
  Cluster: {Type: 'AWS::EMR::Cluster'}
`;

function resolver(given: Record<string, string> = {}, region?: string): TemplateResolver {
  const root = parseTemplate(TEMPLATE, undefined) as ObjectNode;
  const section = (k: string) => root.entries.get(k) as ObjectNode;
  return new TemplateResolver({
    parameters: readParameters(section('Parameters'), given),
    mappings: section('Mappings'),
    conditions: section('Conditions'),
    resources: new Set(section('Resources').entries.keys()),
    given,
    region,
  });
}

/** Resolves a YAML value (short tags allowed) and returns it as plain data. */
function resolve(r: TemplateResolver, yaml: string): unknown {
  const node = (parseTemplate(`v: ${yaml}\n`, undefined) as ObjectNode).entries.get('v') as DocNode;
  return plain(r.value(node, 'Resources.Cluster.Properties.V'));
}

function plain(node: DocNode | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'object') return Object.fromEntries([...node.entries].map(([k, v]) => [k, plain(v)]));
  if (node.kind === 'array') return node.items.map(plain);
  return node.value;
}

describe('TemplateResolver', () => {
  it('resolves parameters from Default, and from given values first', () => {
    expect(resolve(resolver(), '!Sub "s3://${Bucket}/${Env}/"')).toBe('s3://acme-datalake-dev/dev/');
    expect(resolve(resolver({ Env: 'prod' }), '!Sub "s3://${Bucket}/${Env}/"')).toBe('s3://acme-datalake-dev/prod/');
  });

  it('handles both Fn::Sub forms and the ${!Literal} escape', () => {
    const r = resolver();
    expect(resolve(r, "!Sub ['${Host}:${!Port}', {Host: !Ref Bucket}]")).toBe('acme-datalake-dev:${Port}');
  });

  it('joins, selects and splits lists, including list parameters', () => {
    const r = resolver();
    expect(resolve(r, "!Join ['/', [s3:/, !Ref Bucket, jobs]]")).toBe('s3://acme-datalake-dev/jobs');
    expect(resolve(r, '!Select [1, !Ref Zones]')).toBe('us-east-1b');
    expect(resolve(r, "!Split [',', 'a,b,,c']")).toEqual(['a', 'b', '', 'c']);
    expect(resolve(r, "!Join [',', !Ref Zones]")).toBe('us-east-1a,us-east-1b');
  });

  it('looks up Mappings, with a DefaultValue when the key is missing', () => {
    const r = resolver({ Env: 'prod' });
    expect(resolve(r, '!FindInMap [Sizes, !Ref Env, Core]')).toBe('r5.4xlarge');
    expect(resolve(r, '!FindInMap [Sizes, !Ref Env, Gpu, {DefaultValue: none}]')).toBe('none');
    expect(resolve(r, '!FindInMap [Sizes, staging, Core]')).toBe('${Fn::FindInMap}');
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['invalid-intrinsic', 'error']]);
  });

  it('chooses Fn::If branches and drops AWS::NoValue', () => {
    expect(resolve(resolver(), '[a, !If [IsProd, b, !Ref AWS::NoValue], c]')).toEqual(['a', 'c']);
    expect(resolve(resolver({ Env: 'prod' }), '{K: !If [IsProd, !FindInMap [Sizes, prod, Count], 1]}')).toEqual({ K: 6 });
  });

  it('evaluates conditions in three-valued logic', () => {
    const r = resolver();
    // RunDate is unknown, but IsProd is false: And is false, Or is true.
    expect(r.condition('HasDate')).toMatchObject({ value: undefined, why: 'parameter RunDate has no Default and no --param value' });
    expect(r.condition('ProdWithDate').value).toBe(false);
    expect(r.condition('DevOrDate').value).toBe(true);
    expect(resolver({ Env: 'prod' }).condition('ProdWithDate').value).toBeUndefined();
    expect(resolver({ Env: 'prod', RunDate: '2024-05-01' }).condition('ProdWithDate').value).toBe(true);
    expect(r.problems).toEqual([]);
  });

  it('keeps what only deployment knows as placeholders, recording why and where', () => {
    const r = resolver();
    expect(resolve(r, '!Sub "${RunDate}/${Cluster.MasterPublicDNS}"')).toBe('${RunDate}/${Cluster.MasterPublicDNS}');
    expect(resolve(r, '!ImportValue shared-CatalogHost')).toBe('${ImportValue:shared-CatalogHost}');
    expect(resolve(r, '!Ref Cluster')).toBe('${Cluster}');
    expect(resolve(r, '!Ref AmiParam')).toBe('${AmiParam}');
    expect(resolve(r, '!If [HasDate, a, b]')).toBe('${If:HasDate}');
    expect(r.problems.map((p) => [p.code, p.placeholder, p.path, p.at.line])).toEqual([
      ['unresolved-reference', '${RunDate}', 'Resources.Cluster.Properties.V', 1],
      ['unresolved-reference', '${Cluster.MasterPublicDNS}', 'Resources.Cluster.Properties.V', 1],
      ['unresolved-reference', '${ImportValue:shared-CatalogHost}', 'Resources.Cluster.Properties.V', 1],
      ['unresolved-reference', '${Cluster}', 'Resources.Cluster.Properties.V', 1],
      ['unresolved-reference', '${AmiParam}', 'Resources.Cluster.Properties.V', 1],
      ['unresolved-condition', '${If:HasDate}', 'Resources.Cluster.Properties.V', 1],
    ]);
    expect(r.problems[4]?.reason).toMatch(/SSM Parameter Store/);
  });

  it('resolves pseudo parameters from the region, never guessing the account or stack', () => {
    const pseudo = "!Sub '${AWS::Region} ${AWS::Partition} ${AWS::URLSuffix} ${AWS::AccountId}'";
    expect(resolve(resolver({}, 'cn-north-1'), pseudo)).toBe('cn-north-1 aws-cn amazonaws.com.cn ${AWS::AccountId}');
    expect(resolve(resolver({}, 'us-gov-west-1'), "!Sub '${AWS::Partition}'")).toBe('aws-us-gov');
    expect(resolve(resolver(), "!Sub '${AWS::Partition}'")).toBe('${AWS::Partition}');
    expect(resolve(resolver({ 'AWS::StackName': 'etl-prod' }), '!Ref AWS::StackName')).toBe('etl-prod');
  });

  it('reports unknown names and functions instead of guessing', () => {
    const r = resolver();
    expect(resolve(r, '!Ref Nowhere')).toBe('${Ref}');
    expect(resolve(r, "!Cidr ['10.0.0.0/16', 4, 8]")).toBe('${Fn::Cidr}');
    expect(r.problems.map((p) => p.code)).toEqual(['invalid-intrinsic', 'unsupported-intrinsic']);
  });
});
