import { REDACTED, holdsCredentials, isEnvReference, isSecretKey } from '../model/secrets.js';
import type { PathSegment } from './value-path.js';

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether the whole value is a core `Secret`, whose `data` and `stringData` are secret by definition. */
function isSecretObject(root: unknown): boolean {
  return isMapping(root) && root.kind === 'Secret' && root.apiVersion === 'v1';
}

/**
 * Whether the scalar stored under `key` in `holder` may be a secret: the key is a secret
 * setting name (`spark.hadoop.fs.s3a.secret.key`), or the holder is an env entry
 * `{name: AWS_SECRET_ACCESS_KEY, value: …}`, or it lies under a Secret's data.
 */
function isSensitive(root: unknown, segments: readonly PathSegment[], holder: unknown): boolean {
  const key = segments[segments.length - 1];
  if (typeof key !== 'string') return false;
  if (isSecretKey(key)) return true;
  if (key === 'value' && isMapping(holder) && typeof holder.name === 'string' && isSecretKey(holder.name)) return true;
  return isSecretObject(root) && (segments[0] === 'data' || segments[0] === 'stringData');
}

/**
 * `value`, found at `segments` inside `root`, with every scalar that may be a secret replaced
 * by `<redacted>` (src/model/secrets.ts), so that a diff can say *that* a secret changed
 * without showing it. A pointer to an environment variable (`${env.NAME}`) is not a secret
 * and is kept. Mappings and arrays are walked, not replaced: a secret's *reference*
 * (`secretKeyRef: {name, key}`) stays readable.
 */
export function redactValue(root: unknown, segments: readonly PathSegment[], value: unknown): unknown {
  let holder: unknown = root;
  for (const segment of segments.slice(0, -1)) {
    holder = isMapping(holder) || Array.isArray(holder) ? (holder as Record<string | number, unknown>)[segment] : undefined;
  }
  return redactWithin(root, segments, holder, value);
}

function redactWithin(root: unknown, segments: readonly PathSegment[], holder: unknown, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item, i) => redactWithin(root, [...segments, i], value, item));
  if (isMapping(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactWithin(root, [...segments, k], value, v)]));
  }
  if (value === null || (typeof value === 'string' && isEnvReference(value))) return value;
  if (typeof value === 'string' && holdsCredentials(value)) return REDACTED;
  return isSensitive(root, segments, holder) ? REDACTED : value;
}
