import { describe, expect, it } from 'vitest';
import { nodeAt as get, type DocNode } from '../shared/doc-node.js';
import { parseTemplate } from './short-tags.js';

/** The node as plain data, positions left out. */
function plain(node: DocNode | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'object') return Object.fromEntries([...node.entries].map(([k, v]) => [k, plain(v)]));
  if (node.kind === 'array') return node.items.map(plain);
  return node.value;
}

describe('parseTemplate', () => {
  const yaml = [
    'Resources:',
    '  Step:',
    '    Properties:',
    '      JobFlowId: !Ref EtlCluster',
    '      Topic: !GetAtt AuditTopic.Endpoint.Address',
    '      Uri: !Sub',
    "        - 's3://${Bucket}/jobs/'",
    '        - Bucket: !ImportValue shared-Bucket',
    '      Size: !If',
    '        - IsProd',
    '        - r5.4xlarge',
    '        - !Ref AWS::NoValue',
    '      Same: !Equals [!Condition IsProd, true]',
    '      Plain: !!str 5',
    '',
  ].join('\n');
  const doc = parseTemplate(yaml, undefined);
  const props = get(doc, 'Resources', 'Step', 'Properties');

  it('turns short tags into their JSON form', () => {
    expect(plain(props)).toEqual({
      JobFlowId: { Ref: 'EtlCluster' },
      Topic: { 'Fn::GetAtt': ['AuditTopic', 'Endpoint.Address'] },
      Uri: { 'Fn::Sub': ['s3://${Bucket}/jobs/', { Bucket: { 'Fn::ImportValue': 'shared-Bucket' } }] },
      Size: { 'Fn::If': ['IsProd', 'r5.4xlarge', { Ref: 'AWS::NoValue' }] },
      Same: { 'Fn::Equals': [{ Condition: 'IsProd' }, true] },
      Plain: '5',
    });
  });

  it('places each intrinsic at its tag, so values keep the line they are written on', () => {
    expect(get(props, 'JobFlowId')).toMatchObject({ line: 4, column: 18 });
    expect(get(props, 'Uri')).toMatchObject({ line: 6, column: 12 });
    expect(get(props, 'Size', 'Fn::If', 2)).toMatchObject({ line: 12, column: 11 });
  });

  it('reads JSON templates as they are', () => {
    const json = '{\n  "Resources": {"C": {"Type": "AWS::EMR::Cluster", "Properties": {"Name": {"Fn::Sub": "etl-${Env}"}}}}\n}';
    expect(plain(get(parseTemplate(json, undefined), 'Resources', 'C', 'Properties', 'Name'))).toEqual({ 'Fn::Sub': 'etl-${Env}' });
  });
});
