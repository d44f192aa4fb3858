import { mustWithhold, REDACTED } from '../model/secrets.js';
import type { SettingRef, SourceLocation } from '../model/source.js';
import type { ConfEntry, ConfValue, SparkJob } from '../model/spark-job.js';
import type { InputExplanation } from './types.js';

/** Prefix of the refs the normalizer gives EMR's implicit defaults (`refs.emrDefault`). */
const EMR_DEFAULT_PREFIX = 'emr-defaults/';

/** One place a ref occurs in the resolved conf: the winner of `entry` (`index` -1) or `entry.shadowed[index]`. */
interface ConfOccurrence {
  entry: ConfEntry;
  index: number;
}

/** Every ref of a job's resolved conf → where it occurs, built once per job. */
export type ConfRefIndex = Map<SettingRef, ConfOccurrence[]>;

/** Index the resolved conf by ref: winners and every shadowed value. */
export function indexConfRefs(job: SparkJob): ConfRefIndex {
  const index: ConfRefIndex = new Map();
  const add = (ref: SettingRef, occurrence: ConfOccurrence) => index.set(ref, [...(index.get(ref) ?? []), occurrence]);
  for (const entry of Object.values(job.conf)) {
    add(entry.ref, { entry, index: -1 });
    entry.shadowed.forEach((value, i) => add(value.ref, { entry, index: i }));
  }
  return index;
}

/**
 * Where an input setting sits. EMR's implicit defaults sit in no input file: they are named
 * by the release they come with, so that "why" still ends at something a person can check.
 */
export function locateRef(job: SparkJob, ref: SettingRef): SourceLocation | undefined {
  const located = job.locations[ref];
  if (located) return { ...located };
  if (ref.startsWith(EMR_DEFAULT_PREFIX)) {
    const release = job.facts.releaseLabel;
    return { path: `EMR default for ${release}${job.facts.releaseAssumed ? ' (release assumed)' : ''}` };
  }
  return undefined;
}

/**
 * A conf value safe to show: the value of a secret setting is replaced by {@link REDACTED}
 * unless it only points at an environment variable. The resolved conf holds the raw inputs,
 * so every value taken from it goes through here.
 */
export function safeConfValue(key: string, value: string): string {
  return mustWithhold(key, value) ? REDACTED : value;
}

/**
 * Pick the conf occurrence a ref stands for in one field. A ref is usually carried by one
 * value; `maximizeResourceAllocation` is one ref for several keys, so the field's other refs
 * and its own map key decide. Ambiguous → undefined (the ref is then shown without a value).
 */
function pickOccurrence(candidates: ConfOccurrence[], fieldRefs: ReadonlySet<SettingRef>, fieldKey: string): ConfOccurrence | undefined {
  if (candidates.length <= 1) return candidates[0];
  // The key whose other values (lower layers, repeats) the field also names.
  const keyHasOtherRef = (o: ConfOccurrence) =>
    [o.entry, ...o.entry.shadowed].some((v) => v !== valueAt(o) && fieldRefs.has(v.ref));
  const byKey = candidates.filter((o) => o.entry.key === fieldKey);
  if (byKey.length === 1) return byKey[0];
  const byRefs = candidates.filter(keyHasOtherRef);
  return byRefs.length === 1 ? byRefs[0] : undefined;
}

function valueAt(o: ConfOccurrence): ConfValue {
  return o.index < 0 ? o.entry : (o.entry.shadowed[o.index] as ConfValue);
}

/**
 * Explain one input ref of a field: its location and, when it is a Spark setting of the
 * resolved conf, the key, the (redacted) value, its layer and the lower values it beat.
 */
export function explainInput(
  job: SparkJob,
  confRefs: ConfRefIndex,
  ref: SettingRef,
  field: { refs: ReadonlySet<SettingRef>; key: string },
): InputExplanation {
  const location = locateRef(job, ref);
  const occurrence = pickOccurrence(confRefs.get(ref) ?? [], field.refs, field.key);
  if (!occurrence) return { ref, ...(location && { location }), shadowed: [] };
  const { entry, index } = occurrence;
  const own = valueAt(occurrence);
  // Lower layers and earlier repeats: everything before this value in precedence order.
  const beaten = index < 0 ? entry.shadowed : entry.shadowed.slice(0, index);
  return {
    ref,
    key: entry.key,
    value: safeConfValue(entry.key, own.value),
    layer: own.layer,
    ...(location && { location }),
    shadowed: beaten.map((v) => {
      const at = locateRef(job, v.ref);
      return { value: safeConfValue(entry.key, v.value), layer: v.layer, ref: v.ref, ...(at && { location: at }) };
    }),
  };
}
