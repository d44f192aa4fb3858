import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { EmittedFile } from '../emitted-file.js';
import { toYaml } from '../yaml-writer.js';
import { emitKustomizations as fromPaths, isObjectYaml } from './kustomization.js';

/** The kustomizations for a set of emitted files, as a conversion collects them. */
const emitKustomizations = (files: readonly EmittedFile[], roots: readonly string[]) => fromPaths(files.filter(isObjectYaml).map((f) => f.path), roots);

const object = (path: string, kind = 'SparkApplication'): EmittedFile => ({
  path,
  content: toYaml([{ apiVersion: 'v1', kind, metadata: { name: 'x' } }]),
  kind: 'manifest',
});
const provenance = (path: string): EmittedFile => ({ path, content: '{}\n', kind: 'provenance' });

function resourcesOf(files: EmittedFile[], path: string): unknown {
  const file = files.find((f) => f.path === path);
  if (!file) return undefined;
  const doc = load(file.content) as { apiVersion: string; kind: string; resources: string[] };
  expect([doc.apiVersion, doc.kind, file.kind, file.jobId]).toEqual(['kustomize.config.k8s.io/v1beta1', 'Kustomization', 'manifest', undefined]);
  return doc.resources;
}

describe('emitKustomizations', () => {
  it('lists every object YAML of a single target at the root, sorted, and nothing else', () => {
    const files = [
      object('default/b.yaml'),
      provenance('default/b.provenance.json'),
      object('default/spark-rbac.yaml', 'ServiceAccount'),
      object('analytics/a.yaml'),
      { path: 'report.md', content: '# report\n', kind: 'report' } as EmittedFile,
      { path: 'report.json', content: '{}\n', kind: 'report' } as EmittedFile,
      // A manifest that is not a Kubernetes object (a scaffold, a queue file) is not a resource.
      { path: 'images/Dockerfile', content: 'FROM apache/spark\n', kind: 'manifest' } as EmittedFile,
      { path: 'notes.yaml', content: 'queues: []\n', kind: 'manifest' } as EmittedFile,
    ];
    const out = emitKustomizations(files, ['']);
    expect(out.map((f) => f.path)).toEqual(['kustomization.yaml']);
    expect(resourcesOf(out, 'kustomization.yaml')).toEqual(['analytics/a.yaml', 'default/b.yaml', 'default/spark-rbac.yaml']);
  });

  it('gives platform/ its own kustomization and references it from the single root', () => {
    const files = [object('default/a.yaml'), object('platform/nodepools/spot.yaml', 'NodePool'), object('platform/yunikorn-queues.yaml', 'ConfigMap')];
    const out = emitKustomizations(files, ['']);
    expect(out.map((f) => f.path)).toEqual(['platform/kustomization.yaml', 'kustomization.yaml']);
    expect(resourcesOf(out, 'platform/kustomization.yaml')).toEqual(['nodepools/spot.yaml', 'yunikorn-queues.yaml']);
    expect(resourcesOf(out, 'kustomization.yaml')).toEqual(['default/a.yaml', 'platform']);
  });

  it('writes one kustomization per target folder with several targets, each reaching ../platform', () => {
    const files = [
      object('spark-operator/default/a.yaml'),
      object('spark-operator/default/spark-rbac.yaml', 'ServiceAccount'),
      object('spark-submit/default/a.yaml', 'Job'),
      { path: 'emr-on-eks/default/a.json', content: '{}\n', kind: 'manifest' } as EmittedFile,
      object('platform/nodepool.yaml', 'NodePool'),
    ];
    const out = emitKustomizations(files, ['spark-operator', 'emr-on-eks', 'spark-submit']);
    // EMR on EKS wrote only JSON requests: no kustomization there.
    expect(out.map((f) => f.path)).toEqual(['platform/kustomization.yaml', 'spark-operator/kustomization.yaml', 'spark-submit/kustomization.yaml']);
    expect(resourcesOf(out, 'spark-operator/kustomization.yaml')).toEqual(['../platform', 'default/a.yaml', 'default/spark-rbac.yaml']);
    expect(resourcesOf(out, 'spark-submit/kustomization.yaml')).toEqual(['../platform', 'default/a.yaml']);
  });

  it('writes nothing when no object was written', () => {
    expect(emitKustomizations([provenance('default/a.provenance.json')], [''])).toEqual([]);
  });

  it('does not depend on the order files arrive in', () => {
    const files = [object('default/b.yaml'), object('default/a.yaml'), object('platform/p.yaml')];
    expect(emitKustomizations([...files].reverse(), [''])).toEqual(emitKustomizations(files, ['']));
  });
});
