import { stableKeyOrder, toStableJson } from '../stable-json.js';

/** `text` (a JSON text without its final newline) nested `indent` deeper. */
function nested(text: string, indent: string): string {
  // JSON strings cannot hold a raw line break, so every one starts a line of the structure.
  return text.replace(/\n/g, `\n${indent}`);
}

/** How a document is written: `stable` sorts keys at every level (files), `plain` keeps the order they were built in (stdout). */
export type JsonOrder = 'stable' | 'plain';

const TEXT: Record<JsonOrder, (value: unknown) => string> = {
  stable: (value) => toStableJson(value).slice(0, -1),
  plain: (value) => JSON.stringify(value, null, 2),
};

/**
 * The 2-space-indented JSON text of an object document (`toStableJson(document)`, or with
 * `plain`, `JSON.stringify(document, null, 2)` plus a newline), in pieces: each top-level member,
 * and each item of its array members one at a time. A fleet's report (3,400 jobs, about 30 MB)
 * is then never one string: the writer and stdout take it piece by piece.
 */
export function* jsonPieces(value: object, order: JsonOrder = 'stable'): Generator<string> {
  const document = value as Record<string, unknown>;
  const text = TEXT[order];
  const keys = (order === 'stable' ? stableKeyOrder(document) : Object.keys(document)).filter(
    (key) => document[key] !== undefined && typeof document[key] !== 'function' && typeof document[key] !== 'symbol',
  );
  if (keys.length === 0) {
    yield '{}\n';
    return;
  }
  for (const [i, key] of keys.entries()) {
    const member = document[key];
    const head = `${i === 0 ? '{' : ','}\n  ${JSON.stringify(key)}: `;
    if (!Array.isArray(member) || member.length === 0) {
      yield `${head}${nested(text(member), '  ')}`;
      continue;
    }
    yield `${head}[`;
    for (const [j, item] of member.entries()) yield `${j === 0 ? '' : ','}\n    ${nested(text(item ?? null), '    ')}`;
    yield '\n  ]';
  }
  yield '\n}\n';
}
