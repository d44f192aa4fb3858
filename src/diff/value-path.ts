/** One step into a value: a mapping key or an array index. */
export type PathSegment = string | number;

/**
 * Keys written bare after a dot. Anything else (dots, slashes, spaces, quotes, an empty key,
 * a leading digit) is written as a JSON string in brackets, so that a path reads back
 * unambiguously: `metadata.annotations["emr2k8s.io/source-step"]`.
 */
const BARE_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * Formats segments as a path: dotted keys, `[n]` for array indices, `["key"]` for keys that
 * are not plain identifiers, e.g. `spec.sparkConf["spark.executor.memory"]`,
 * `spec.arguments[2]`. The empty list is the empty string (the value itself).
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (BARE_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * Reads a path written by {@link formatPath} (or by hand in the same syntax) back into
 * segments. Throws on text that is not such a path, naming the offset.
 */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`invalid path ${JSON.stringify(path)} at offset ${i}: ${what}`);
  };
  const readBare = (): void => {
    const m = /^[A-Za-z_$][A-Za-z0-9_$-]*/.exec(path.slice(i));
    if (!m) fail('expected a key');
    segments.push(m![0]);
    i += m![0].length;
  };
  if (path === '') return segments;
  if (path[0] !== '[') readBare();
  while (i < path.length) {
    if (path[i] === '.') {
      i += 1;
      readBare();
    } else if (path[i] === '[') {
      const index = /^\[(0|[1-9][0-9]*)\]/.exec(path.slice(i));
      if (index) {
        segments.push(Number(index[1]));
        i += index[0].length;
        continue;
      }
      // A JSON string ends at the first unescaped quote; the bracket must follow it.
      const key = /^\["(?:[^"\\]|\\.)*"\]/.exec(path.slice(i));
      if (!key) fail('expected [index] or ["key"]');
      segments.push(JSON.parse(key![0].slice(1, -1)) as string);
      i += key![0].length;
    } else {
      fail('expected "." or "["');
    }
  }
  return segments;
}
