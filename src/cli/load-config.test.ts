import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultProjectConfig } from '../config/project-config.js';
import { UserError } from './errors.js';
import { loadProjectConfig } from './load-config.js';

/** A project folder holding `emr2k8s.config.yaml` with `text`. */
function project(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'emr2k8s-config-'));
  writeFileSync(join(dir, 'emr2k8s.config.yaml'), text);
  return dir;
}

async function failure(text: string): Promise<string> {
  const error = await loadProjectConfig(project(text)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).message;
}

/** The example of docs/config.md: every key family of the schema. */
const FULL_EXAMPLE = `
target: [spark-operator, spark-submit]
namespace: data-eng
serviceAccount: spark-etl
iamRoleArn: arn:aws:iam::123456789012:role/spark-etl
image: { flavor: apache, region: eu-west-1 }
scheduler:
  name: yunikorn
  queues: { etl: root.data.etl }
emrOnEks:
  executionRoleArn: arn:aws:iam::123456789012:role/emr-eks-job
  virtualClusterId: abcdefghij1234567890klmno
placement:
  labels: { capacityType: eks.amazonaws.com/capacityType }
  capacityTypes: { onDemand: ON_DEMAND, spot: SPOT }
  instanceTypes: type
  tolerations:
    - { key: dedicated, operator: Equal, value: spark, effect: NoSchedule }
  spotTolerations:
    - { key: spot, operator: Exists, effect: NoSchedule }
packing:
  daemonSetOverhead: { cpu: 300m, memory: 768Mi }
  allocatable:
    r5.2xlarge: { cpu: 7910m, memory: 63000Mi, pods: 58 }
  coreRequest: emr-density
rules:
  master-local-paths: off
`;

describe('loadProjectConfig', () => {
  it('reads every key of the schema, nested defaults filled in', async () => {
    const dir = project(FULL_EXAMPLE);
    const { config, file } = await loadProjectConfig(join(dir));
    expect(file).toBe('emr2k8s.config.yaml');
    expect(config.iamRoleArn).toBe('arn:aws:iam::123456789012:role/spark-etl');
    expect(config.emrOnEks).toEqual({ executionRoleArn: 'arn:aws:iam::123456789012:role/emr-eks-job', virtualClusterId: 'abcdefghij1234567890klmno' });
    // A partly given nested object keeps the defaults of the keys it leaves out.
    expect(config.placement.labels).toEqual({ ...defaultProjectConfig().placement.labels, capacityType: 'eks.amazonaws.com/capacityType' });
    expect(config.packing.allocatable['r5.2xlarge']).toEqual({ cpu: '7910m', memory: '63000Mi', pods: 58 });
    expect(config.packing.daemonSetOverhead).toEqual({ cpu: '300m', memory: '768Mi' });
  });

  it('finds the file upward from the working folder', async () => {
    const dir = project('namespace: data-eng\n');
    const nested = join(dir, 'exports', 'j-1');
    mkdirSync(nested, { recursive: true });
    const { config, file } = await loadProjectConfig(nested);
    expect(config.namespace).toBe('data-eng');
    expect(file).toBe(join('..', '..', 'emr2k8s.config.yaml'));
  });

  it.each([
    ['namespaces: x\n', 'unknown key "namespaces"'],
    ['placement:\n  labelz: {}\n', 'unknown key "placement.labelz"'],
    ['placement:\n  labels: { zone: topology.kubernetes.io/zone }\n', 'unknown key "placement.labels.zone"'],
    ['placement:\n  tolerations: [{ key: a, effects: NoSchedule }]\n', 'unknown key "placement.tolerations.0.effects"'],
    ['packing:\n  daemonSetOverhead: { cpu: 500m, mem: 1Gi }\n', 'unknown key "packing.daemonSetOverhead.mem"'],
    ['packing:\n  allocatable: { m5.xlarge: { cpu: 3920m, memory: 14Gi, maxPods: 58 } }\n', 'unknown key "packing.allocatable.m5.xlarge.maxPods"'],
    ['emrOnEks: { executionRole: x }\n', 'unknown key "emrOnEks.executionRole"'],
  ])('names an unknown key, nested or not, and the file: %j', async (text, expected) => {
    expect(await failure(text)).toBe(`emr2k8s.config.yaml: ${expected}`);
  });

  it.each([
    ['iamRoleArn: spark-etl\n', /^emr2k8s\.config\.yaml: iamRoleArn: expected an IAM role ARN/],
    ['packing:\n  daemonSetOverhead: { memory: lots }\n', /^emr2k8s\.config\.yaml: packing\.daemonSetOverhead\.memory: expected a memory quantity/],
    ['target: argo\n', /^emr2k8s\.config\.yaml: target: /],
  ])('names a bad value with its path: %j', async (text, expected) => {
    expect(await failure(text)).toMatch(expected);
  });

  it('loads the example of docs/config.md, whose table documents every key the example reaches', async () => {
    const docs = readFileSync(fileURLToPath(new URL('../../docs/config.md', import.meta.url)), 'utf8');
    const example = /## Example\n\n```yaml\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(example).toBeDefined();
    const { config } = await loadProjectConfig(project(example!));
    expect(config.iamRoleArn).toMatch(/^arn:aws:iam::/);
    const documented = new Set([...docs.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!));
    // Maps with user-chosen keys are documented as a whole (`packing.allocatable.<instance type>`).
    const maps = new Set(['scheduler.queues', 'packing.allocatable', 'rules']);
    const paths = (obj: object, prefix: string): string[] =>
      Object.entries(obj).flatMap(([k, v]) => {
        const path = prefix + k;
        if (maps.has(path) || v === null || typeof v !== 'object' || Array.isArray(v)) return [path];
        return paths(v as object, `${path}.`);
      });
    for (const path of paths(config, '')) {
      const row = path === 'packing.allocatable' ? 'packing.allocatable.<instance type>' : path;
      expect(documented, path).toContain(row);
    }
  });
});
