import { describe, expect, it } from 'vitest';
import { splitDocuments } from './split-documents.js';
import { validateManifestText } from './validate-manifest-text.js';

const APP = `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: nightly-etl-orders
  namespace: data-eng
spec:
  type: Scala
  sparkVersion: '3.5.6'
  mode: cluster
  mainClass: com.example.etl.OrdersJob
  mainApplicationFile: s3a://acme-etl-artifacts/jars/orders-etl-2.4.1.jar
  driver:
    cores: 1
    memory: 2048m
  executor:
    cores: 4
    instances: 10
    memory: 9486m
`;

describe('splitDocuments', () => {
  it('splits at markers and records where each document starts', () => {
    const docs = splitDocuments('# header\na: 1\n---\n\n# note\nb: 2\n...\n--- c: 3\n---\n');
    expect(docs.map((d) => d.line)).toEqual([2, 6, 8]);
    expect(docs.map((d) => d.firstLine)).toEqual([1, 3, 8]);
    expect(docs[2]?.text.trim()).toBe('c: 3');
  });

  it('does not split at an indented --- inside a block scalar', () => {
    const docs = splitDocuments('a: |\n  ---\n  text\nb: 1\n');
    expect(docs).toHaveLength(1);
  });
});

describe('validateManifestText', () => {
  it('finds nothing wrong in a valid SparkApplication', () => {
    expect(validateManifestText(APP, 'k8s/data-eng/nightly-etl-orders.yaml')).toEqual([]);
  });

  it('reports each problem at the line of its document', () => {
    const broken = APP.replace("  sparkVersion: '3.5.6'\n", '').replace('    cores: 4', '    cores: four');
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: spark-conf\n---\n${broken}`;
    const diags = validateManifestText(text, 'out.yaml');
    expect(diags).toEqual([
      expect.objectContaining({ code: 'kind-not-checked', severity: 'info', location: { file: 'out.yaml', line: 1 } }),
      expect.objectContaining({ code: 'validation-failed', severity: 'error', message: 'SparkApplication nightly-etl-orders: spec.sparkVersion: required field missing', location: { file: 'out.yaml', line: 6 } }),
      expect.objectContaining({ code: 'validation-failed', severity: 'error', message: 'SparkApplication nightly-etl-orders: spec.executor.cores: must be integer', location: { file: 'out.yaml', line: 6 } }),
    ]);
  });

  it('reads documents as Kubernetes does (YAML 1.1), so an unquoted yes is a boolean', () => {
    const text = APP.replace('  mode: cluster\n', '  mode: cluster\n  proxyUser: yes\n');
    expect(validateManifestText(text, 'a.yaml').map((d) => d.message)).toEqual([
      'SparkApplication nightly-etl-orders: spec.proxyUser: must be string',
    ]);
  });

  it('reports YAML syntax errors with their source line', () => {
    const text = `${APP}---\napiVersion: v1\nkind: [unclosed\n`;
    const diags = validateManifestText(text, 'bad.yaml');
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ code: 'invalid-yaml', severity: 'error', location: { file: 'bad.yaml' } });
    expect(diags[0]?.location?.line).toBeGreaterThanOrEqual(21);
  });

  it('reports a document that is not an object', () => {
    expect(validateManifestText('- a\n- b\n', 'list.yaml')).toEqual([
      expect.objectContaining({ code: 'not-a-kubernetes-object', location: { file: 'list.yaml', line: 1 } }),
    ]);
  });
});
