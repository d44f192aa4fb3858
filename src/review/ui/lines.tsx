import { Box, Text } from 'ink';
import type { Line, Segment } from '../types.js';

/** Ink `<Text>` style props for one segment tone. */
export interface ToneStyle {
  color?: string;
  dimColor?: boolean;
  bold?: boolean;
}

const TONE_STYLES: Record<NonNullable<Segment['tone']>, ToneStyle> = {
  key: { color: 'cyan' },
  string: { color: 'green' },
  number: { color: 'yellow' },
  muted: { dimColor: true },
  added: { color: 'green' },
  removed: { color: 'red' },
  warning: { color: 'yellow' },
  error: { color: 'red' },
  info: { color: 'blue' },
  accent: { color: 'magenta', bold: true },
};

/**
 * The style of a tone, or none at all without colour: NO_COLOR (https://no-color.org) and a
 * non-terminal get plain text, so the selectors' meaning must never depend on colour alone.
 */
export function toneStyle(tone: Segment['tone'], color: boolean): ToneStyle {
  return color && tone ? TONE_STYLES[tone] : {};
}

// C0 and C1 control characters: a step name or a Spark value with an escape sequence in it
// must not be able to drive the terminal (move the cursor, change the title, …).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Text made safe to print on one terminal line: tabs become a space, other controls `?`. */
export function printable(text: string): string {
  return text.replace(/\t/g, ' ').replace(CONTROL, '?');
}

/**
 * Cut a line to at most `width` code points (a cheap bound before Ink measures it: Ink's own
 * `truncate-end` does the exact display-width cut, so wide characters cannot wrap either).
 */
export function clipLine(line: Line, width: number): Line {
  const out: Line = [];
  let left = Math.max(0, width);
  for (const segment of line) {
    if (left === 0) break;
    const chars = Array.from(printable(segment.text));
    const text = chars.length > left ? chars.slice(0, left).join('') : chars.join('');
    left -= Math.min(chars.length, left);
    out.push(segment.tone ? { text, tone: segment.tone } : { text });
  }
  return out;
}

/** The visible window of `lines`: from `scroll`, at most `height` lines. */
export function windowOf<T>(lines: readonly T[], scroll: number, height: number): T[] {
  const start = Math.max(0, Math.min(scroll, Math.max(0, lines.length - height)));
  return lines.slice(start, start + Math.max(0, height));
}

/** One styled line, exactly one terminal row high: truncated at `width`, never wrapped. */
export function LineView({ line, width, color }: { line: Line; width: number; color: boolean }) {
  const clipped = clipLine(line, width + 1);
  return (
    <Box height={1} width={width} flexShrink={0} overflow="hidden">
      <Text wrap="truncate-end">
        {clipped.length === 0
          ? ' '
          : clipped.map((segment, i) => (
              <Text key={i} {...toneStyle(segment.tone, color)}>
                {segment.text}
              </Text>
            ))}
      </Text>
    </Box>
  );
}

/** A column of lines, `height` rows at most, each cut at `width`. */
export function LinesView({ lines, width, height, color }: { lines: readonly Line[]; width: number; height: number; color: boolean }) {
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines.slice(0, height).map((line, i) => (
        <LineView key={i} line={line} width={width} color={color} />
      ))}
    </Box>
  );
}
