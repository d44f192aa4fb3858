import type { Line, Pane } from '../types.js';
import { PANES } from '../types.js';
import { LinesView } from './lines.js';

/** The tab titles, in the order of their number keys (1–4). */
export const PANE_TITLES: Record<Pane, string> = {
  manifest: 'Manifest',
  resources: 'Resources',
  why: 'Why',
  diagnostics: 'Diagnostics',
};

/** The tab line: the active pane in brackets, so that it shows without colour too. */
export function tabLine(active: Pane, focused: boolean): Line {
  return PANES.flatMap((pane, i): Line => {
    const label = `${i + 1} ${PANE_TITLES[pane]}`;
    if (pane !== active) return [{ text: ` ${label} `, tone: 'muted' }];
    return [{ text: `[${label}]`, tone: focused ? 'accent' : 'key' }];
  });
}

/**
 * Right column: the tab line, the open job, then the pane's lines, already cut to the pane's
 * height by the caller (each pane scrolls in its own way).
 */
export function DetailPane(props: {
  pane: Pane;
  focused: boolean;
  heading: Line;
  body: readonly Line[];
  width: number;
  height: number;
  color: boolean;
}) {
  const { pane, focused, heading, body, width, height, color } = props;
  return <LinesView lines={[tabLine(pane, focused), heading, ...body]} width={width} height={height} color={color} />;
}
