import type { ValueChange } from './diff-values.js';
import { compareIdentities, describeObject, type DiffResult, type ObjectIdentity } from './diff-objects.js';

/** Longest value shown in full; longer ones keep their start and end (docs/diff.md). */
export const MAX_VALUE_WIDTH = 120;

const ANSI = { green: '\u001b[32m', red: '\u001b[31m', yellow: '\u001b[33m', reset: '\u001b[0m' } as const;

/**
 * A value as JSON, shortened in the middle to at most {@link MAX_VALUE_WIDTH} characters so
 * that a long classpath or argument list stays on one readable line. The ellipsis `…` cannot
 * be mistaken for JSON.
 */
export function shortenValue(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  if (json.length <= MAX_VALUE_WIDTH) return json;
  const keep = MAX_VALUE_WIDTH - 1;
  const head = Math.ceil(keep / 2);
  return `${json.slice(0, head)}…${json.slice(json.length - (keep - head))}`;
}

/** `path: old -> new`, with `(absent)` for the side that has no value. */
export function formatChange(change: ValueChange): string {
  const side = (has: boolean, value: unknown) => (has ? shortenValue(value) : '(absent)');
  return `${change.path}: ${side('old' in change, change.old)} -> ${side('new' in change, change.new)}`;
}

/**
 * The text report: one block per object in identity order (`+` added, `-` removed, `~`
 * changed with its changed paths indented), then a summary line; just a `same` line when nothing differs.
 * The apiVersion is shown only where two listed objects differ in nothing else, so that
 * a version move (v1beta1 → v1beta2) does not read as the same object removed and added.
 * Colours only when `colour` (a terminal without NO_COLOR).
 */
export function formatDiffText(result: DiffResult, colour: boolean): string {
  const paint = (code: keyof typeof ANSI, text: string) => (colour ? `${ANSI[code]}${text}${ANSI.reset}` : text);
  const listed = new Map<string, number>();
  for (const o of [...result.added, ...result.removed, ...result.changed]) listed.set(describeObject(o), (listed.get(describeObject(o)) ?? 0) + 1);
  const label = (identity: ObjectIdentity): string => {
    const shown = describeObject(identity);
    return (listed.get(shown) ?? 0) > 1 ? `${shown} (${identity.apiVersion})` : shown;
  };
  const total = result.added.length + result.removed.length + result.changed.length + result.unchanged;
  if (result.same) return `same: ${total} ${total === 1 ? 'object' : 'objects'}, no differences\n`;
  const blocks: Array<{ identity: ObjectIdentity; lines: string[] }> = [
    ...result.added.map((o) => ({ identity: o, lines: [paint('green', `+ ${label(o)}`)] })),
    ...result.removed.map((o) => ({ identity: o, lines: [paint('red', `- ${label(o)}`)] })),
    ...result.changed.map((o) => ({
      identity: o,
      lines: [paint('yellow', `~ ${label(o)}`), ...o.changes.map((change) => `    ${formatChange(change)}`)],
    })),
  ];
  blocks.sort((a, b) => compareIdentities(a.identity, b.identity));
  const lines = blocks.flatMap((block) => block.lines);
  lines.push(`${result.added.length} added, ${result.removed.length} removed, ${result.changed.length} changed, ${result.unchanged} unchanged`);
  return `${lines.join('\n')}\n`;
}
