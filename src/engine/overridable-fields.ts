import type { EnvValue } from '../model/job-plan.js';
import { formatMiB, parseSparkDurationMs, parseSparkMemoryMiB } from '../model/quantities.js';
import { mustWithhold } from '../model/secrets.js';

/**
 * What a review may override, and how a typed value becomes a plan value (docs/answers.md).
 * Pure functions shared by the review TUI's prompt and `convert --answers`, so that what the
 * TUI accepts is exactly what a replay applies.
 */

export type OverrideKind = 'sparkConf' | 'fields';
export type OverrideValue = string | number | boolean;

/** A checker turns the text of a value into the plan's value, or says in one sentence what is wrong. */
type Checker = (text: string) => { value: OverrideValue } | { error: string };

const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Kubernetes CPU quantity as people write it: cores (`2`, `0.5`) or millicores (`500m`). */
const CPU_QUANTITY = /^(\d+(\.\d+)?|\.\d+)m?$/;
/** Name part of a qualified name (label and annotation keys), apimachinery `IsQualifiedName`. */
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
/** Environment variable names Kubernetes accepts (apimachinery `IsEnvVarName`). */
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

const text: Checker = (value) => (value.trim() === '' ? { error: 'expected a non-empty value.' } : { value });

function matching(pattern: RegExp, max: number, what: string): Checker {
  return (value) => (value.length <= max && pattern.test(value) ? { value } : { error: `expected ${what}.` });
}

const count: Checker = (value) =>
  /^\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? { value: Number(value) } : { error: 'expected a whole number ≥ 0.' };

const boolean: Checker = (value) =>
  value === 'true' || value === 'false' ? { value: value === 'true' } : { error: 'expected true or false.' };

function memory(minMiB: number): Checker {
  return (value) => {
    const mib = parseSparkMemoryMiB(value);
    if (mib === undefined || mib < minMiB) {
      return { error: `expected a Spark size of at least ${minMiB} MiB, such as 4g or 4096m.` };
    }
    return { value: formatMiB(mib) };
  };
}

const cpu: Checker = (value) =>
  CPU_QUANTITY.test(value) && Number.parseFloat(value) > 0
    ? { value }
    : { error: 'expected a Kubernetes CPU quantity greater than 0, such as 2, 0.5 or 500m.' };

const milliseconds: Checker = (value) => {
  const ms = parseSparkDurationMs(value, 'ms');
  return ms === undefined ? { error: 'expected milliseconds, or a Spark duration such as 60s.' } : { value: ms };
};

const oneOf =
  (...allowed: string[]): Checker =>
  (value) =>
    allowed.includes(value) ? { value } : { error: `expected one of ${allowed.join(', ')}.` };

const POD_SCALARS: Record<string, Checker> = {
  cores: count,
  coreRequest: cpu,
  coreLimit: cpu,
  memory: memory(1),
  memoryOverhead: memory(0),
  instances: count,
  javaOptions: text,
};

/** Every scalar field path a review may override, with the check of its value. */
export const SCALAR_FIELDS: Readonly<Record<string, Checker>> = {
  name: matching(DNS_1035_LABEL, 63, 'a DNS-1035 label (lowercase letters, digits and -, starting with a letter, at most 63 characters)'),
  namespace: matching(DNS_1123_LABEL, 63, 'a DNS-1123 label (lowercase letters, digits and -, at most 63 characters)'),
  image: text,
  imagePullPolicy: oneOf('Always', 'IfNotPresent', 'Never'),
  serviceAccount: matching(DNS_1123_SUBDOMAIN, 253, 'a Kubernetes object name (lowercase letters, digits, - and .)'),
  batchScheduler: text,
  batchSchedulerQueue: text,
  mainClass: text,
  mainApplicationFile: text,
  ...Object.fromEntries(
    ['driver', 'executor'].flatMap((role) => Object.entries(POD_SCALARS).map(([field, check]) => [`${role}.${field}`, check])),
  ),
  'dynamicAllocation.enabled': boolean,
  'dynamicAllocation.initialExecutors': count,
  'dynamicAllocation.minExecutors': count,
  'dynamicAllocation.maxExecutors': count,
  'dynamicAllocation.shuffleTrackingEnabled': boolean,
  'dynamicAllocation.shuffleTrackingTimeout': milliseconds,
  'restartPolicy.type': oneOf('Never', 'OnFailure', 'Always'),
  'restartPolicy.onFailureRetries': count,
  'restartPolicy.onFailureRetryInterval': count,
  'restartPolicy.onSubmissionFailureRetries': count,
  'restartPolicy.onSubmissionFailureRetryInterval': count,
};

/** A string map of the plan: how its keys and values are checked. */
interface MapField {
  key: (key: string) => string | undefined;
  value: Checker;
}

/** A label or annotation key: an optional DNS subdomain prefix and `/`, then a qualified name. */
function qualifiedKey(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const prefixOk = prefix === undefined || (prefix.length <= 253 && DNS_1123_SUBDOMAIN.test(prefix));
  return prefixOk && name.length <= 63 && QUALIFIED_NAME.test(name) ? undefined : `${key} is not a valid Kubernetes label or annotation key.`;
}

const anyKey = (): undefined => undefined;
const LABELS: MapField = { key: qualifiedKey, value: matching(LABEL_VALUE, 63, 'a label value (letters, digits, -, _ and ., at most 63 characters)') };
const ANNOTATIONS: MapField = { key: qualifiedKey, value: (value) => ({ value }) };
const ENV: MapField = { key: (key) => (ENV_NAME.test(key) ? undefined : `${key} is not a valid environment variable name.`), value: (value) => ({ value }) };

/** Map field prefixes, longest first so that `driver.env` is found before a shorter one. */
export const MAP_FIELDS: ReadonlyArray<[string, MapField]> = [
  ['driver.annotations', ANNOTATIONS],
  ['driver.env', ENV],
  ['driver.labels', LABELS],
  ['driver.nodeSelector', LABELS],
  ['executor.annotations', ANNOTATIONS],
  ['executor.env', ENV],
  ['executor.labels', LABELS],
  ['executor.nodeSelector', LABELS],
  ['annotations', ANNOTATIONS],
  ['hadoopConf', { key: anyKey, value: (value) => ({ value }) }],
  ['labels', LABELS],
  ['sparkConf', { key: anyKey, value: (value) => ({ value }) }],
];

function findMapField(path: string): { map: string; field: MapField; key: string } | undefined {
  for (const [map, field] of MAP_FIELDS) {
    if (path.startsWith(`${map}.`) && path.length > map.length + 1) return { map, field, key: path.slice(map.length + 1) };
  }
  return undefined;
}

/**
 * The prompt syntax of the review TUI: `key=value`, split at the first `=`. A key starting with
 * `spark.` is a Spark setting (applied before the rules, so derived values follow); anything
 * else is a plan field path (applied after the rules).
 */
export function parseOverride(input: string): { kind: OverrideKind; key: string; value: string } | { error: string } {
  const at = input.indexOf('=');
  if (at < 0) return { error: 'Type key=value, e.g. spark.executor.memory=8g or executor.coreRequest=3500m.' };
  const key = input.slice(0, at).trim();
  const value = input.slice(at + 1).trim();
  if (key === '') return { error: 'Nothing before the =: type key=value.' };
  if (value === '') return { error: `No value after ${key}=.` };
  return { kind: key.startsWith('spark.') ? 'sparkConf' : 'fields', key, value };
}

/** A secret-like name may only point at an environment variable: answers files are committed. */
function secretError(name: string, value: string): string | undefined {
  if (!mustWithhold(name, value)) return undefined;
  return `${name} holds a secret: the answers file only accepts an environment reference such as \${env:NAME}, never the value.`;
}

/**
 * Why an override must not be stored: a literal under a secret-like name, or credentials in the value
 * (the check `saveAnswersFile` repeats, whatever the caller checked before).
 */
export function secretOverrideError(kind: OverrideKind, key: string, value: OverrideValue): string | undefined {
  const name = kind === 'fields' ? (findMapField(key)?.key ?? key) : key;
  return secretError(name, String(value).trim());
}

/**
 * Whether `key` may be overridden with `value`, and the value as the plan holds it (numbers for
 * counts, booleans for switches, sizes normalised to MiB). Errors are one short sentence.
 */
export function checkOverride(kind: OverrideKind, key: string, value: OverrideValue): { value: OverrideValue } | { error: string } {
  const raw = String(value).trim();
  if (kind === 'sparkConf') {
    if (!key.startsWith('spark.') || key === 'spark.') return { error: `${key} is not a Spark setting: Spark settings start with spark.` };
    const secret = secretError(key, raw);
    return secret === undefined ? { value: raw } : { error: secret };
  }
  const scalar = SCALAR_FIELDS[key];
  if (scalar) return scalar(raw);
  const map = findMapField(key);
  if (!map) return { error: `${key} is not a field a review can override (see docs/answers.md).` };
  const keyError = map.field.key(map.key);
  if (keyError !== undefined) return { error: keyError };
  const secret = secretError(map.key, raw);
  if (secret !== undefined) return { error: secret };
  return map.field.value(raw);
}

/** The checked value as it sits in the plan: env entries are `{ value }` objects. */
export function planValue(field: string, value: OverrideValue): OverrideValue | EnvValue {
  return /^(driver|executor)\.env\./.test(field) ? { value: String(value) } : value;
}
