import type { ResourcesView, ReviewState } from './types.js';

/**
 * The screen layout the reducer scrolls by and the Ink UI draws with, in one place so the two
 * agree on how many lines a pane shows. From top to bottom: `headerRows` title line(s); the
 * body (job list | separator | detail pane); `statusRows` status or prompt line(s). The detail
 * pane spends `paneChromeRows` on its tab line and job heading before its content.
 */
export const LAYOUT = {
  /** Widest the job list gets; at most half the terminal (see {@link listWidth}). */
  listWidth: 30,
  headerRows: 1,
  statusRows: 1,
  paneChromeRows: 2,
  /** Columns between the list and the pane (the `│` separator). */
  separatorColumns: 1,
} as const;

type Viewport = ReviewState['viewport'];

/** Rows between the title and the status line: the job list's height. */
export function bodyHeight(viewport: Viewport): number {
  return Math.max(1, viewport.rows - LAYOUT.headerRows - LAYOUT.statusRows);
}

/** Rows of pane content under the tab line and heading. */
export function paneHeight(viewport: Viewport): number {
  return Math.max(1, bodyHeight(viewport) - LAYOUT.paneChromeRows);
}

/** Columns of the job list: {@link LAYOUT.listWidth}, but never more than half the terminal (at least 10). */
export function listWidth(columns: number): number {
  return Math.min(LAYOUT.listWidth, Math.max(10, Math.floor(columns / 2)));
}

/** Columns of the detail pane. */
export function paneWidth(columns: number): number {
  return Math.max(1, columns - listWidth(columns) - LAYOUT.separatorColumns);
}

/**
 * Rows of the Why pane's explanation: the pane shows a window of the field list (at most a
 * third of its height, at least one row), one position line, then the explanation.
 */
export function whyDetailHeight(viewport: Viewport, fieldCount: number): number {
  const height = paneHeight(viewport);
  const listRows = Math.min(fieldCount, Math.max(1, Math.floor(height / 3)));
  return Math.max(1, height - listRows - 1);
}

/**
 * Lines the Resources pane draws: a column header, per role a title, its rows and their notes,
 * then the packing block (blank line, title, EMR and EKS figures, note), or one line saying
 * there is nothing to show.
 */
export function resourcesLineCount(view: ResourcesView): number {
  let lines = 1;
  for (const role of ['driver', 'executor'] as const) {
    const rows = view.rows.filter((r) => r.role === role);
    if (rows.length > 0) lines += 1 + rows.length + rows.filter((r) => r.note !== undefined).length;
  }
  const packing = view.packing;
  if (packing) {
    lines += 2 + (packing.emrExecutorsPerNode !== undefined ? 1 : 0) + (packing.eksExecutorsPerNode !== undefined ? 1 : 0);
    lines += packing.note !== undefined ? 1 : 0;
  }
  if (view.rows.length === 0 && !packing) lines += 1;
  return lines;
}
