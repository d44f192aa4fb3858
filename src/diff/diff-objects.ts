import { compareStrings } from '../model/order.js';
import { diffValues, type ValueChange } from './diff-values.js';
import type { ManifestObject } from './parse-manifests.js';

/** What identifies a Kubernetes object across two sets of manifests. */
export interface ObjectIdentity {
  apiVersion: string;
  kind: string;
  /** `""` for an object without `metadata.namespace` (cluster-scoped, or the default of kubectl's context). */
  namespace: string;
  name: string;
}

export interface DiffResult {
  schemaVersion: 1;
  same: boolean;
  added: Array<ObjectIdentity & { file: string }>;
  removed: Array<ObjectIdentity & { file: string }>;
  changed: Array<ObjectIdentity & { oldFile: string; newFile: string; changes: ValueChange[] }>;
  unchanged: number;
}

/** Two objects with the same identity on one side: the diff cannot tell which one to match. */
export class DuplicateObjectError extends Error {
  constructor(
    readonly identity: ObjectIdentity,
    readonly first: ManifestObject,
    readonly second: ManifestObject,
  ) {
    super(
      `${describeObject(identity)} (${identity.apiVersion}) is defined twice: ${first.file}:${first.line} and ${second.file}:${second.line}`,
    );
  }
}

/** `Kind namespace/name`, or `Kind name` without a namespace. */
export function describeObject(identity: ObjectIdentity): string {
  return `${identity.kind} ${identity.namespace === '' ? '' : `${identity.namespace}/`}${identity.name}`;
}

/** The identity of a parsed object; a missing namespace or name is `""`. */
export function identityOf(object: Record<string, unknown>): ObjectIdentity {
  const metadata = (typeof object.metadata === 'object' && object.metadata !== null ? object.metadata : {}) as Record<string, unknown>;
  return {
    apiVersion: String(object.apiVersion),
    kind: String(object.kind),
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : '',
    name: typeof metadata.name === 'string' ? metadata.name : '',
  };
}

/** Output order: kind, namespace, name, then apiVersion (code-point order, locale-free). */
export function compareIdentities(a: ObjectIdentity, b: ObjectIdentity): number {
  return compareStrings(a.kind, b.kind) || compareStrings(a.namespace, b.namespace) || compareStrings(a.name, b.name) || compareStrings(a.apiVersion, b.apiVersion);
}

/** JSON of the identity: unambiguous even when names contain separators. */
function keyOf(identity: ObjectIdentity): string {
  return JSON.stringify([identity.apiVersion, identity.kind, identity.namespace, identity.name]);
}

function indexByIdentity(objects: readonly ManifestObject[]): Map<string, { identity: ObjectIdentity; found: ManifestObject }> {
  const index = new Map<string, { identity: ObjectIdentity; found: ManifestObject }>();
  for (const found of objects) {
    const identity = identityOf(found.object);
    const key = keyOf(identity);
    const earlier = index.get(key);
    if (earlier) throw new DuplicateObjectError(identity, earlier.found, found);
    index.set(key, { identity, found });
  }
  return index;
}

/**
 * Matches two sets of Kubernetes objects by apiVersion, kind, namespace and name and lists
 * what was added, removed and changed (with every changed path, see {@link diffValues}).
 * Objects are ordered by {@link compareIdentities}; changes inside an object in document
 * order. Throws {@link DuplicateObjectError} when one side defines an object twice.
 */
export function diffObjects(oldObjects: readonly ManifestObject[], newObjects: readonly ManifestObject[]): DiffResult {
  const oldIndex = indexByIdentity(oldObjects);
  const newIndex = indexByIdentity(newObjects);
  const result: DiffResult = { schemaVersion: 1, same: true, added: [], removed: [], changed: [], unchanged: 0 };
  for (const [key, { identity, found }] of oldIndex) {
    const counterpart = newIndex.get(key);
    if (!counterpart) {
      result.removed.push({ ...identity, file: found.file });
      continue;
    }
    const changes = diffValues(found.object, counterpart.found.object);
    if (changes.length === 0) result.unchanged += 1;
    else result.changed.push({ ...identity, oldFile: found.file, newFile: counterpart.found.file, changes });
  }
  for (const [key, { identity, found }] of newIndex) {
    if (!oldIndex.has(key)) result.added.push({ ...identity, file: found.file });
  }
  result.added.sort(compareIdentities);
  result.removed.sort(compareIdentities);
  result.changed.sort(compareIdentities);
  result.same = result.added.length === 0 && result.removed.length === 0 && result.changed.length === 0;
  return result;
}
