import type { Line, StatusView } from '../types.js';
import { LineView } from './lines.js';

/**
 * The bottom line: the prompt being typed (with a block cursor), else the status text, with
 * an unsaved marker in front when the text does not say so itself.
 */
export function statusLine(status: StatusView): Line {
  if (status.prompt) {
    return [
      { text: status.prompt.label, tone: 'accent' },
      { text: status.prompt.input },
      { text: '█', tone: 'muted' },
    ];
  }
  // The counts already say "unsaved"; a message in their place must not hide it.
  const marker = status.unsaved && !/\bunsaved\b/.test(status.text);
  return [...(marker ? [{ text: '[unsaved] ', tone: 'warning' as const }] : []), { text: status.text }];
}

export function StatusBar({ status, width, color }: { status: StatusView; width: number; color: boolean }) {
  return <LineView line={statusLine(status)} width={width} color={color} />;
}
