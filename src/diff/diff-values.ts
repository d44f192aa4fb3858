import { readingAt, sameScalar } from './equivalence.js';
import { redactValue } from './redact-value.js';
import { formatPath, parsePath, type PathSegment } from './value-path.js';

/**
 * One difference between two values, at `path` (docs/diff.md "Paths"). `old` absent: the
 * value was added; `new` absent: it was removed; both: it changed. Values that may be
 * secrets are `<redacted>`.
 */
export interface ValueChange {
  path: string;
  old?: unknown;
  new?: unknown;
}

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** In a mapping, a key set to null is the same as a missing key (Kubernetes decodes both as unset). */
function present(mapping: Mapping, key: string): boolean {
  return Object.hasOwn(mapping, key) && mapping[key] !== null && mapping[key] !== undefined;
}

/** Keys of both mappings: the old one's in its order, then those only in the new one, in its order. */
function unionKeys(a: Mapping, b: Mapping): string[] {
  const keys = Object.keys(a);
  const seen = new Set(keys);
  for (const key of Object.keys(b)) if (!seen.has(key)) keys.push(key);
  return keys;
}

class ValueDiffer {
  readonly changes: ValueChange[] = [];

  constructor(
    private readonly oldRoot: unknown,
    private readonly newRoot: unknown,
    private readonly base: readonly PathSegment[],
  ) {}

  /** `relative` is the path below the two roots; readings use the full path (base + relative). */
  walk(a: unknown, b: unknown, relative: PathSegment[]): void {
    if (isMapping(a) && isMapping(b)) {
      for (const key of unionKeys(a, b)) {
        const inOld = present(a, key);
        const inNew = present(b, key);
        if (inOld && inNew) this.walk(a[key], b[key], [...relative, key]);
        else if (inOld) this.removed([...relative, key], a[key]);
        else if (inNew) this.added([...relative, key], b[key]);
      }
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
        if (i >= b.length) this.removed([...relative, i], a[i]);
        else if (i >= a.length) this.added([...relative, i], b[i]);
        else this.walk(a[i], b[i], [...relative, i]);
      }
      return;
    }
    const scalars = !isMapping(a) && !Array.isArray(a) && !isMapping(b) && !Array.isArray(b);
    if (scalars && sameScalar(a, b, readingAt([...this.base, ...relative]))) return;
    this.changes.push({
      path: this.path(relative),
      old: redactValue(this.oldRoot, relative, a),
      new: redactValue(this.newRoot, relative, b),
    });
  }

  added(relative: PathSegment[], value: unknown): void {
    this.changes.push({ path: this.path(relative), new: redactValue(this.newRoot, relative, value) });
  }

  removed(relative: PathSegment[], value: unknown): void {
    this.changes.push({ path: this.path(relative), old: redactValue(this.oldRoot, relative, value) });
  }

  private path(relative: PathSegment[]): string {
    return formatPath([...this.base, ...relative]);
  }
}

/**
 * Every difference between two parsed values (typically two Kubernetes objects), deep, in
 * document order: keys in the old value's order, then keys only the new value has; arrays
 * index by index, extra indices as added or removed. Two scalars that Kubernetes or Spark
 * read alike are not a difference (`4g` and `4096m` as executor memory, `1Gi` and `1024Mi`
 * as a memory request, `"1"` and `1`); see {@link sameScalar} and docs/diff.md for the rules.
 * A mapping key set to null counts as absent. `basePath` (same path syntax) is prefixed to
 * every path and decides how scalars are read, e.g. `spec.driver` for a driver section.
 * `undefined` on one side means that whole value was added or removed.
 */
export function diffValues(oldValue: unknown, newValue: unknown, basePath = ''): ValueChange[] {
  const differ = new ValueDiffer(oldValue, newValue, parsePath(basePath));
  if (oldValue === undefined && newValue === undefined) return [];
  if (oldValue === undefined) differ.added([], newValue);
  else if (newValue === undefined) differ.removed([], oldValue);
  else differ.walk(oldValue, newValue, []);
  return differ.changes;
}
