import { compareStrings } from '../model/order.js';

const INDENT = '  ';
/** Keys JSON.stringify lists before all others, in numeric order: array indices (ECMA-262 §10.4.2). */
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;

/**
 * Keys in code-point order, except that array-index keys come first in numeric order: V8 orders
 * an object's own keys that way whatever the insertion order, so that is what
 * `JSON.stringify` of a key-sorted copy wrote, and what every file written so far holds.
 */
function orderedKeys(value: object): string[] {
  const keys = Object.keys(value).sort(compareStrings);
  const indices = keys.filter((k) => ARRAY_INDEX.test(k) && Number(k) < 2 ** 32 - 1);
  if (indices.length === 0) return keys;
  const index = new Set(indices);
  return [...indices.sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !index.has(k))];
}

/** JSON text of `value` at nesting `indent`, or undefined where JSON.stringify leaves a value out. */
function write(value: unknown, indent: string): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(): unknown }).toJSON();
  }
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint': // throws, as JSON.stringify does
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      return undefined;
  }
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => `${inner}${write(item, inner) ?? 'null'}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const members: string[] = [];
  for (const key of orderedKeys(value)) {
    const text = write((value as Record<string, unknown>)[key], inner);
    if (text !== undefined) members.push(`${inner}${JSON.stringify(key)}: ${text}`);
  }
  return members.length === 0 ? '{}' : `{\n${members.join(',\n')}\n${indent}}`;
}

/**
 * JSON for files people diff: keys in code-point order at every level, 2-space indent and a
 * trailing newline, so the same data always gives the same bytes whatever order it was built in.
 * Written directly rather than as `JSON.stringify` of a key-sorted deep copy: at fleet scale the
 * copies were most of the cost of the provenance files and the report.
 */
export function toStableJson(value: unknown): string {
  return `${write(value, '') ?? 'null'}\n`;
}
