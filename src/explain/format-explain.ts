import { formatLocation, type SourceLocation } from '../model/source.js';
import { listedInputs } from './explain-field.js';
import type { FieldExplanation, InputExplanation, JobExplanation } from './types.js';

/**
 * Text rendering of explanations for people (`emr2k8s explain`). Every line is one line:
 * input values, step names and messages can hold line breaks, which would break the layout
 * and let input text pose as output. Values come already redacted from explain-field.
 */

/** Line breaks (including the Unicode ones) become spaces. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** A plan value as JSON (strings quoted, so `"012"` and `12` differ); `(unset)` when absent. */
function formatValue(value: unknown): string {
  if (value === undefined) return '(unset)';
  return oneLine(JSON.stringify(value));
}

/** `(layer, where)` with whatever is known. */
function origin(layer: string | undefined, location: SourceLocation | undefined): string {
  const parts = [layer, formatLocation(location)].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? `(${parts.join(', ')})` : '';
}

function inputLines(input: InputExplanation, indent: string): string[] {
  const where = origin(input.layer, input.location);
  const head = input.key !== undefined ? `${input.key} = ${input.value ?? ''}` : input.ref;
  const lines = [oneLine(`${indent}${head}${where ? `  ${where}` : ''}`)];
  for (const s of input.shadowed) lines.push(oneLine(`${indent}  shadowed: ${s.value} ${origin(s.layer, s.location)}`));
  return lines;
}

/** How the field got its value, as the line under the field. */
function howLine(field: FieldExplanation): string {
  switch (field.kind) {
    case 'default':
      return `default of rule ${field.rule}: ${field.reason ?? ''}`;
    case 'override':
      return `overridden by ${field.override === 'review' ? 'a review answer' : 'the project config'}${field.inputs.length > 0 ? ' from:' : ''}`;
    default:
      return `set by rule ${field.rule}${field.inputs.length > 0 ? ' from:' : ' (no input settings)'}`;
  }
}

/**
 * One field: `path = value`, how it was set and each input with its place, layer and the
 * values it shadowed. An input that is already listed as shadowed under another input of the
 * same field is not listed again.
 */
export function formatFieldExplanation(field: FieldExplanation, indent = ''): string[] {
  const winners = listedInputs(field);
  return [
    oneLine(`${indent}${field.field} = ${formatValue(field.value)}`),
    oneLine(`${indent}  ${howLine(field)}`),
    ...winners.flatMap((input) => inputLines(input, `${indent}    `)),
  ];
}

function where(location: SourceLocation | undefined): string {
  const text = formatLocation(location);
  return text ? ` ${text}` : '';
}

const STATUS_NOTE: Record<string, string> = {
  unsupported: ' (not a Spark step: no manifest; see the diagnostics for what to do instead)',
  error: ' (could not be converted: see the error diagnostics)',
};

/**
 * A whole job: header (id, cluster, step, status), every field with its explanation, the
 * dropped settings with reason, rule and place, and the diagnostics with place and hint.
 */
export function formatJobExplanation(job: JobExplanation): string {
  const lines = [
    oneLine(`job ${job.jobId}`),
    oneLine(`  cluster: ${job.cluster}`),
    oneLine(`  step:    ${job.step.id} ${JSON.stringify(job.step.name)}`),
    `  status:  ${job.status}${STATUS_NOTE[job.status] ?? ''}`,
    '',
    `fields (${job.fields.length}):`,
  ];
  for (const field of job.fields) lines.push(...formatFieldExplanation(field, '  '));
  lines.push('', `dropped settings (${job.dropped.length}):`);
  for (const d of job.dropped) {
    lines.push(oneLine(`  ${d.setting}: ${d.reason}, by rule ${d.rule}${d.location ? ` (${formatLocation(d.location)})` : ''}`));
    lines.push(oneLine(`    ${d.detail}`));
  }
  lines.push('', `diagnostics (${job.diagnostics.length}):`);
  for (const d of job.diagnostics) {
    lines.push(oneLine(`  ${d.severity} ${d.code}${where(d.location)}: ${d.message}`));
    if (d.hint) lines.push(oneLine(`    hint: ${d.hint}`));
  }
  return `${lines.join('\n')}\n`;
}
