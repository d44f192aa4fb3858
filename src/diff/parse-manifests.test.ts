import { describe, expect, it } from 'vitest';
import { ManifestParseError, parseManifests } from './parse-manifests.js';

describe('parseManifests', () => {
  it('reads every Kubernetes object of a multi-document file with the line it starts on', () => {
    const text = [
      '# generated',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: a}',
      '---',
      '',
      'apiVersion: sparkoperator.k8s.io/v1beta2',
      'kind: SparkApplication',
      'metadata:',
      '  name: b',
      '---',
      '',
    ].join('\n');
    const objects = parseManifests(text, 'k8s/all.yaml');
    expect(objects.map((o) => [o.object.kind, o.file, o.line])).toEqual([
      ['ConfigMap', 'k8s/all.yaml', 2],
      ['SparkApplication', 'k8s/all.yaml', 7],
    ]);
  });

  it('skips documents that are not Kubernetes objects', () => {
    expect(parseManifests('{"schemaVersion": 1, "jobs": []}', 'report.json')).toEqual([]);
    expect(parseManifests('- a\n- b\n', 'list.yaml')).toEqual([]);
    expect(parseManifests('apiVersion: v1\nkind: 3\n', 'odd.yaml')).toEqual([]);
    expect(parseManifests('', 'empty.yaml')).toEqual([]);
  });

  it('reads JSON, tab-indented too', () => {
    const objects = parseManifests('{\n\t"apiVersion": "v1",\n\t"kind": "Namespace",\n\t"metadata": {"name": "etl"}\n}\n', 'ns.json');
    expect(objects[0]?.object).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'etl' } });
  });

  it('reads scalars as Kubernetes does (YAML 1.1, timestamps stay strings)', () => {
    const [found] = parseManifests('apiVersion: v1\nkind: ConfigMap\ndata:\n  a: yes\n  b: 2026-11-19\n  c: "on"\n', 'cm.yaml');
    expect(found?.object.data).toEqual({ a: true, b: '2026-11-19', c: 'on' });
  });

  it('names the file and line of a syntax error, in any document', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: Secret\ndata:\n  a: [1\n';
    expect(() => parseManifests(text, 'bad.yaml')).toThrow(ManifestParseError);
    try {
      parseManifests(text, 'bad.yaml');
    } catch (error) {
      expect((error as ManifestParseError).message).toMatch(/^bad\.yaml:8: not valid YAML: /);
    }
    expect(() => parseManifests('apiVersion: v1\nkind: A\nkind: B\n', 'dup.yaml')).toThrow(/^dup\.yaml:3: not valid YAML: duplicated mapping key/);
  });
});
