import { compareStrings, sortedKeys } from '../model/order.js';

/**
 * `JSON.stringify` replacer that gives every plain object its keys in code-point order. Each
 * sorted copy is shallow and dropped as soon as it is written, so the native serializer does
 * the work in one pass: a key-sorted deep copy of the whole value first, as this used to make,
 * doubled the memory of the 30 MB report of a fleet and was most of the provenance files' cost.
 * (V8 still lists array-index keys first, in numeric order, as it always did here.)
 */
export function sortingReplacer(this: unknown, _key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return sortedCopy(value as Record<string, unknown>);
}

/**
 * An empty object without a prototype: assigning an own `__proto__` key to it makes a key, as
 * in the data being copied (on `{}` the assignment would set the prototype and the key would
 * vanish from the JSON).
 */
function emptyRecord(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

function sortedCopy(value: Record<string, unknown>): Record<string, unknown> {
  const sorted = emptyRecord();
  for (const key of sortedKeys(value)) sorted[key] = value[key];
  return sorted;
}

/** A canonical decimal below 2^32 - 1: a key every object lists first, in numeric order. */
function isArrayIndex(key: string): boolean {
  const n = Number(key);
  return n >>> 0 === n && n !== 4294967295 && String(n) === key;
}

/**
 * The order in which {@link toStableJson} writes the keys of an object: array-index keys first
 * (Object.keys already lists them so), then the others in code-point order. Sorting the keys
 * alone, rather than reading them back from a sorted copy, spares the copy of a provenance
 * file's fields and inputs (hundreds of keys, for every job of a fleet).
 */
export function stableKeyOrder(value: Record<string, unknown>): string[] {
  const keys = Object.keys(value);
  let indices = 0;
  while (indices < keys.length && isArrayIndex(keys[indices]!)) indices += 1;
  if (indices === 0) return keys.sort(compareStrings);
  return [...keys.slice(0, indices), ...keys.slice(indices).sort(compareStrings)];
}

/**
 * A deep copy of JSON data (no `toJSON` methods) with every object's keys in the order
 * {@link toStableJson} writes them, so that plain `JSON.stringify` of the copy gives its text.
 * For the open-ended parts of a value otherwise built in that order by hand.
 */
export function stableCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(stableCopy);
  const sorted = emptyRecord();
  for (const key of sortedKeys(value as Record<string, unknown>)) sorted[key] = stableCopy((value as Record<string, unknown>)[key]);
  return sorted;
}

/**
 * JSON for files people diff: keys in code-point order at every level, 2-space indent and a
 * trailing newline, so the same data always gives the same bytes whatever order it was built in.
 */
export function toStableJson(value: unknown): string {
  return `${JSON.stringify(value, sortingReplacer, 2)}\n`;
}
