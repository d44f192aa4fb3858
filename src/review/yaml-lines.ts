import type { Line, Segment } from './types.js';

/**
 * YAML text → styled lines for the Manifest pane. A line-based tokeniser for what the
 * canonical writer (src/emitters/yaml-writer.ts) produces: block mappings and sequences,
 * plain and quoted scalars, literal/folded blocks and `---` separators. Keys, strings and
 * numbers get their tone; comments and punctuation are muted.
 */

const QUOTED = /^('(?:[^']|'')*'|"(?:[^"\\]|\\.)*")/;
/** A mapping key (plain or quoted) followed by `:` and a space or the end of the line. */
const KEY = /^('(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|[^\s'"#-][^#]*?|-[^\s#][^#]*?)(:)(?=\s|$)/;
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const LITERAL = /^(true|false|null|~)$/;
const BLOCK_INDICATOR = /^[|>][-+]?\d*$/;

function scalar(text: string): Segment[] {
  if (text === '') return [];
  if (text.startsWith('#')) return [{ text, tone: 'muted' }];
  if (BLOCK_INDICATOR.test(text)) return [{ text, tone: 'muted' }];
  const quoted = QUOTED.exec(text);
  if (quoted) {
    const rest = text.slice(quoted[0].length);
    return [{ text: quoted[0], tone: 'string' }, ...(rest ? [{ text: rest, tone: 'muted' as const }] : [])];
  }
  if (NUMBER.test(text) || LITERAL.test(text)) return [{ text, tone: 'number' }];
  if (text === '{}' || text === '[]') return [{ text, tone: 'muted' }];
  return [{ text, tone: 'string' }];
}

/** One line outside a block scalar: indentation, `- ` markers, an optional key, a value. */
function tokeniseLine(line: string): { segments: Line; opensBlock: boolean } {
  const indent = /^ */.exec(line)?.[0] ?? '';
  let rest = line.slice(indent.length);
  const segments: Line = indent ? [{ text: indent }] : [];
  if (rest === '---' || rest === '...' || rest.startsWith('#')) {
    return { segments: [...segments, { text: rest, tone: 'muted' }], opensBlock: false };
  }
  while (rest === '-' || rest.startsWith('- ')) {
    const marker = rest === '-' ? '-' : /^-\s+/.exec(rest)?.[0] ?? '- ';
    segments.push({ text: marker, tone: 'muted' });
    rest = rest.slice(marker.length);
  }
  const key = KEY.exec(rest);
  if (key) {
    const after = rest.slice(key[0].length);
    const gap = /^\s*/.exec(after)?.[0] ?? '';
    segments.push({ text: key[1] as string, tone: 'key' }, { text: `:${gap}`, tone: 'muted' });
    rest = after.slice(gap.length);
  }
  segments.push(...scalar(rest));
  return { segments, opensBlock: BLOCK_INDICATOR.test(rest) };
}

/** Tokenise YAML text into lines of toned segments (a trailing newline adds no line). */
export function tokeniseYaml(text: string): Line[] {
  const lines = text.replace(/\n$/, '').split('\n');
  const out: Line[] = [];
  // Indentation of the line that opened a literal or folded block; deeper lines are its text.
  let blockIndent: number | undefined;
  for (const line of lines) {
    const indent = (/^ */.exec(line)?.[0] ?? '').length;
    if (blockIndent !== undefined && (line.trim() === '' || indent > blockIndent)) {
      out.push(line === '' ? [] : [{ text: line, tone: 'string' }]);
      continue;
    }
    blockIndent = undefined;
    const { segments, opensBlock } = tokeniseLine(line);
    if (opensBlock) blockIndent = indent;
    out.push(segments);
  }
  return out;
}
