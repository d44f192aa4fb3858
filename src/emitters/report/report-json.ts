import { sortingReplacer, stableKeyOrder } from '../stable-json.js';
import type { ReportData } from './report-data.js';
import { orderedJob } from './ordered-job.js';

/** How a document is written: `stable` sorts keys at every level (files), `plain` keeps the order they were built in (stdout). */
export type JsonOrder = 'stable' | 'plain';

type Replacer = ((this: unknown, key: string, value: unknown) => unknown) | undefined;

const REPLACER: Record<JsonOrder, Replacer> = { stable: sortingReplacer, plain: undefined };

/**
 * The JSON text of a top-level member's value, or of an item of a top-level array member
 * (`depth` 2), as it sits in the 2-space-indented document: wrapped in as many arrays,
 * JSON.stringify indents it itself. (Re-indenting the text afterwards scanned every line of a
 * fleet's 30 MB report a second time.) The wrappers' brackets are cut off again.
 */
function textAt(value: unknown, depth: 1 | 2, replacer: Replacer): string {
  return depth === 1 ? JSON.stringify([value], replacer, 2).slice(4, -2) : JSON.stringify([[value]], replacer, 2).slice(10, -6);
}

/** How one document is written: its members in order, a member's value, an item of an array member. */
interface DocumentWriter {
  keys: string[];
  member(value: unknown): string;
  item(key: string, value: unknown): string;
}

function* documentPieces(document: Record<string, unknown>, writer: DocumentWriter): Generator<string> {
  const keys = writer.keys.filter((key) => document[key] !== undefined && typeof document[key] !== 'function' && typeof document[key] !== 'symbol');
  if (keys.length === 0) {
    yield '{}\n';
    return;
  }
  for (const [i, key] of keys.entries()) {
    const member = document[key];
    const head = `${i === 0 ? '{' : ','}\n  ${JSON.stringify(key)}: `;
    if (!Array.isArray(member) || member.length === 0) {
      yield `${head}${writer.member(member)}`;
      continue;
    }
    yield `${head}[`;
    for (const [j, item] of member.entries()) yield `${j === 0 ? '' : ','}\n    ${writer.item(key, item)}`;
    yield '\n  ]';
  }
  yield '\n}\n';
}

/**
 * The 2-space-indented JSON text of an object document (`toStableJson(document)`, or with
 * `plain`, `JSON.stringify(document, null, 2)` plus a newline), in pieces: each top-level member,
 * and each item of its array members one at a time. A fleet's report (3,400 jobs, about 30 MB)
 * is then never one string: the writer and stdout take it piece by piece.
 */
export function jsonPieces(value: object, order: JsonOrder = 'stable'): Generator<string> {
  const document = value as Record<string, unknown>;
  const replacer = REPLACER[order];
  return documentPieces(document, {
    keys: order === 'stable' ? stableKeyOrder(document) : Object.keys(document),
    member: (member) => textAt(member, 1, replacer),
    item: (_key, item) => textAt(item, 2, replacer),
  });
}

/**
 * `report.json`: `jsonPieces(data)`, with each job copied in stable key order first and written
 * by plain JSON.stringify, which is about twice as fast as sorting through a replacer; the
 * jobs are nearly all of a fleet's report. A test holds the two equal.
 */
export function reportJsonPieces(data: ReportData): Generator<string> {
  const document = data as unknown as Record<string, unknown>;
  return documentPieces(document, {
    keys: stableKeyOrder(document),
    member: (member) => textAt(member, 1, sortingReplacer),
    item: (key, item) => (key === 'jobs' ? textAt(orderedJob(item as ReportData['jobs'][number]), 2, undefined) : textAt(item, 2, sortingReplacer)),
  });
}
