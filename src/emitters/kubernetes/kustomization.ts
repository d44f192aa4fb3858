import { posix } from 'node:path';
import { compareStrings } from '../../model/order.js';
import type { EmittedFile } from '../emitted-file.js';
import { toYaml } from '../yaml-writer.js';

/** The folder platform emitters write batch-wide objects under (NodePools, queue configuration). */
export const PLATFORM_FOLDER = 'platform';

export const KUSTOMIZATION_FILE_NAME = 'kustomization.yaml';

/**
 * A YAML file that holds Kubernetes objects, which `resources:` may list: a manifest (not
 * provenance, report, EMR on EKS JSON or a scaffold) whose documents have top-level
 * `apiVersion` and `kind`, as the canonical YAML writer puts them.
 */
export function isObjectYaml(file: EmittedFile): boolean {
  if (file.kind !== 'manifest' || !/\.ya?ml$/.test(file.path)) return false;
  if (posix.basename(file.path) === KUSTOMIZATION_FILE_NAME) return false;
  return /^apiVersion: /m.test(file.content) && /^kind: /m.test(file.content);
}

/** `path` relative to `folder` when it lies inside it (`''` is the whole output), else undefined. */
function inside(folder: string, path: string): string | undefined {
  if (folder === '') return path;
  return path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : undefined;
}

function kustomization(folder: string, resources: string[]): EmittedFile {
  const doc = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [...resources].sort(compareStrings) };
  return { path: posix.join(folder, KUSTOMIZATION_FILE_NAME), content: toYaml([doc]), kind: 'manifest' };
}

/**
 * The final pass of a conversion: a `kustomization.yaml` in each target root (`''` when one
 * target was written, each target's folder when several were) listing every Kubernetes-object
 * YAML under it, so that `kubectl apply -k <root>` applies one target
 * (https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/resource/).
 * Batch-wide objects under `platform/` get their own kustomization, which every target root
 * lists as a directory (`platform`, or `../platform` from a target's folder: kustomize loads
 * directories outside the root, only files must be inside it). A root without objects (EMR on
 * EKS writes JSON requests) gets no kustomization. Pure: the paths of every written file that
 * {@link isObjectYaml} in, the new files out.
 */
export function emitKustomizations(objects: readonly string[], targetRoots: readonly string[]): EmittedFile[] {
  const out: EmittedFile[] = [];

  const platform = objects.map((p) => inside(PLATFORM_FOLDER, p)).filter((p): p is string => p !== undefined);
  if (platform.length > 0) out.push(kustomization(PLATFORM_FOLDER, platform));

  for (const root of targetRoots) {
    const own = objects
      .filter((p) => inside(PLATFORM_FOLDER, p) === undefined)
      .map((p) => inside(root, p))
      .filter((p): p is string => p !== undefined);
    if (own.length === 0) continue;
    const up = root === '' ? '' : '../'.repeat(root.split('/').length);
    const platformRef = platform.length === 0 ? [] : [`${up}${PLATFORM_FOLDER}`];
    out.push(kustomization(root, [...own, ...platformRef]));
  }
  return out;
}
