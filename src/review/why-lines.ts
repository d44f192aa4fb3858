import { parsePath } from '../diff/value-path.js';
import { splitFieldPath } from '../engine/plan-fields.js';
import { listedInputs } from '../explain/explain-field.js';
import type { FieldExplanation, InputExplanation } from '../explain/types.js';
import { mustWithhold, REDACTED } from '../model/secrets.js';
import { formatLocation } from '../model/source.js';
import type { Line, ManifestChange, Segment } from './types.js';

/**
 * The Why pane's explanation of one field as lines, and the "what your last override changed"
 * lines shown above it. Secret values never appear: a value whose setting name is secret-like
 * is shown as REDACTED unless it only points at an environment variable.
 */

/** A value as the pane prints it: strings bare, everything else as JSON. */
function show(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
}

/** The value itself, or REDACTED when the setting named `name` holds a secret. */
function safe(name: string | undefined, value: unknown): unknown {
  if (name === undefined || typeof value !== 'string') return value;
  return mustWithhold(name, value) ? REDACTED : value;
}

function where(layer: string | undefined, location: InputExplanation['location']): string {
  return [layer, formatLocation(location)].filter((s) => s !== undefined && s !== '').join(' · ');
}

function inputLines(input: InputExplanation): Line[] {
  const lines: Line[] = [];
  if (input.key !== undefined) {
    lines.push([
      { text: '  ' },
      { text: input.key, tone: 'key' },
      { text: ' = ', tone: 'muted' },
      { text: show(safe(input.key, input.value ?? '')), tone: 'string' },
    ]);
  } else {
    lines.push([{ text: '  ' }, { text: input.ref, tone: 'key' }]);
  }
  const place = where(input.layer, input.location);
  if (place) lines.push([{ text: `    ${place}`, tone: 'muted' }]);
  for (const shadow of input.shadowed) {
    lines.push([
      { text: '    shadowed: ', tone: 'muted' },
      { text: show(safe(input.key, shadow.value)), tone: 'removed' },
      { text: ` (${where(shadow.layer, shadow.location)})`, tone: 'muted' },
    ]);
  }
  return lines;
}

/** How the field got its value: the rule (or default, or override) and its inputs. */
export function explanationLines(explanation: FieldExplanation): Line[] {
  const { key } = splitFieldPath(explanation.field);
  const lines: Line[] = [
    [
      { text: explanation.field, tone: 'key' },
      { text: ' = ', tone: 'muted' },
      { text: JSON.stringify(safe(key, explanation.value)) ?? 'undefined', tone: 'string' },
    ],
  ];
  if (explanation.kind === 'default') {
    lines.push([{ text: 'default of rule ' }, { text: explanation.rule ?? '?', tone: 'accent' }]);
    if (explanation.reason) lines.push([{ text: `  ${explanation.reason}`, tone: 'muted' }]);
    return lines;
  }
  if (explanation.kind === 'override') {
    lines.push([{ text: 'overridden by ' }, { text: explanation.override ?? 'an override', tone: 'accent' }, { text: ' from:' }]);
  } else {
    lines.push([{ text: 'set by rule ' }, { text: explanation.rule ?? '?', tone: 'accent' }, { text: ' from:' }]);
  }
  for (const input of listedInputs(explanation)) lines.push(...inputLines(input));
  return lines;
}

/** The setting a manifest path ends in: `spec.sparkConf["spark.x.password"]` → `spark.x.password`. */
function lastKey(path: string): string | undefined {
  try {
    return parsePath(path).filter((s): s is string => typeof s === 'string').pop();
  } catch {
    return undefined;
  }
}

function changeValue(path: string, value: unknown): string {
  if (value === undefined) return '(none)';
  const name = lastKey(path);
  return JSON.stringify(safe(name, value)) ?? String(value);
}

/** The manifest paths the last override changed: `path: old → new`, old removed-toned, new added-toned. */
export function changeLines(changes: readonly ManifestChange[]): Line[] {
  const header: Line = [{ text: `Last override changed ${changes.length} manifest path${changes.length === 1 ? '' : 's'}:`, tone: 'accent' }];
  const lines = changes.map((change): Line => {
    const segments: Segment[] = [{ text: `  ${change.path}: ` }];
    if (change.old !== undefined) segments.push({ text: changeValue(change.path, change.old), tone: 'removed' });
    if (change.old !== undefined && change.new !== undefined) segments.push({ text: ' → ', tone: 'muted' });
    if (change.new !== undefined) segments.push({ text: changeValue(change.path, change.new), tone: 'added' });
    if (change.old === undefined && change.new === undefined) segments.push({ text: '(none)', tone: 'muted' });
    return segments;
  });
  return [header, ...lines, []];
}
