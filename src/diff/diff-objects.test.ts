import { describe, expect, it } from 'vitest';
import { diffObjects, DuplicateObjectError, identityOf } from './diff-objects.js';
import type { ManifestObject } from './parse-manifests.js';

function app(name: string, spec: Record<string, unknown> = {}, namespace: string | null = 'default', apiVersion = 'sparkoperator.k8s.io/v1beta2') {
  return { apiVersion, kind: 'SparkApplication', metadata: { name, ...(namespace === null ? {} : { namespace }) }, spec };
}

function at(file: string, ...objects: Array<Record<string, unknown>>): ManifestObject[] {
  return objects.map((object, i) => ({ object, file, line: 1 + 10 * i }));
}

describe('diffObjects', () => {
  it('matches by apiVersion, kind, namespace and name and lists what changed', () => {
    const result = diffObjects(
      [...at('old/a.yaml', app('a', { image: 'x:1' })), ...at('old/b.yaml', app('b')), ...at('old/c.yaml', app('c'))],
      [...at('new/c.yaml', app('c')), ...at('new/a.yaml', app('a', { image: 'x:2' })), ...at('new/d.yaml', app('d'))],
    );
    expect(result).toEqual({
      schemaVersion: 1,
      same: false,
      added: [{ apiVersion: 'sparkoperator.k8s.io/v1beta2', kind: 'SparkApplication', namespace: 'default', name: 'd', file: 'new/d.yaml' }],
      removed: [{ apiVersion: 'sparkoperator.k8s.io/v1beta2', kind: 'SparkApplication', namespace: 'default', name: 'b', file: 'old/b.yaml' }],
      changed: [
        {
          apiVersion: 'sparkoperator.k8s.io/v1beta2',
          kind: 'SparkApplication',
          namespace: 'default',
          name: 'a',
          oldFile: 'old/a.yaml',
          newFile: 'new/a.yaml',
          changes: [{ path: 'spec.image', old: 'x:1', new: 'x:2' }],
        },
      ],
      unchanged: 1,
    });
  });

  it('is the same when only files, order and spelling differ', () => {
    const result = diffObjects(at('x.yaml', app('a', { driver: { memory: '4g' } }), app('b')), at('y.yaml', app('b'), app('a', { driver: { memory: 4096 } })));
    expect(result).toMatchObject({ same: true, added: [], removed: [], changed: [], unchanged: 2 });
  });

  it('tells objects apart by namespace and apiVersion', () => {
    const result = diffObjects(at('o.yaml', app('a', {}, null), app('a', {}, 'default', 'sparkoperator.k8s.io/v1beta1')), at('n.yaml', app('a', {}, 'etl'), app('a')));
    expect(result.removed.map((o) => [o.namespace, o.apiVersion])).toEqual([
      ['', 'sparkoperator.k8s.io/v1beta2'],
      ['default', 'sparkoperator.k8s.io/v1beta1'],
    ]);
    expect(result.added.map((o) => [o.namespace, o.apiVersion])).toEqual([
      ['default', 'sparkoperator.k8s.io/v1beta2'],
      ['etl', 'sparkoperator.k8s.io/v1beta2'],
    ]);
  });

  it('orders objects by kind, namespace and name in code-point order', () => {
    const cm = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' } });
    const result = diffObjects([], at('n.yaml', app('b'), cm('z'), app('B'), app('a', {}, 'Zeta'), app('a', {}, 'alpha')));
    expect(result.added.map((o) => `${o.kind} ${o.namespace}/${o.name}`)).toEqual([
      'ConfigMap default/z',
      'SparkApplication Zeta/a',
      'SparkApplication alpha/a',
      'SparkApplication default/B',
      'SparkApplication default/b',
    ]);
  });

  it('refuses an object defined twice on one side, naming both places', () => {
    const twice = [...at('k8s/a.yaml', app('a')), ...at('k8s/all.yaml', { ...app('b') }, app('a', { image: 'other' }))];
    expect(() => diffObjects(twice, [])).toThrow(DuplicateObjectError);
    expect(() => diffObjects([], twice)).toThrow('SparkApplication default/a (sparkoperator.k8s.io/v1beta2) is defined twice: k8s/a.yaml:1 and k8s/all.yaml:11');
  });

  it('reads a missing namespace or name as empty', () => {
    expect(identityOf({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'etl' } })).toEqual({ apiVersion: 'v1', kind: 'Namespace', namespace: '', name: 'etl' });
    expect(identityOf({ apiVersion: 'v1', kind: 'List' })).toEqual({ apiVersion: 'v1', kind: 'List', namespace: '', name: '' });
  });
});
