// The shape of what a `convert` run wrote (every file's relative path and size), so that the
// fleet benchmark's floor can write as many files of the same sizes under the same paths
// without first reading 120 MB back: the floor's cost is then the writing alone.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir` (recursively) as `[path relative to dir, size in bytes]`, in a stable order. */
export function outputShape(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? outputShape(path, base) : [[relative(base, path), statSync(path).size]];
    });
}
