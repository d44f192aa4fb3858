import type { Line } from '../types.js';
import { DECISION_TAG, MARK_CHAR } from './JobList.js';
import { LinesView } from './lines.js';

/** What the list's marks and tags mean: shown under the key map. */
export function legendLines(): Line[] {
  return [
    [],
    [{ text: 'Job list', tone: 'accent' }],
    [
      { text: `  ${MARK_CHAR.converted} converted  ${MARK_CHAR.warnings} warnings  ${MARK_CHAR.unsupported} unsupported  ${MARK_CHAR.error} error` },
    ],
    [{ text: `  ${DECISION_TAG.accepted} accepted  ${DECISION_TAG.rejected} rejected  *N overrides  > selected` }],
  ];
}

/** The key map over the whole body, in place of the list and the pane. */
export function HelpOverlay(props: { lines: readonly Line[]; width: number; height: number; color: boolean }) {
  const { lines, width, height, color } = props;
  return <LinesView lines={[...lines, ...legendLines()]} width={width} height={height} color={color} />;
}
