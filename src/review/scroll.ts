import { visiblePlans } from './job-view.js';
import { bodyHeight, paneHeight, resourcesLineCount, whyDetailHeight } from './layout.js';
import { selectDiagnosticLines, selectManifestLines, selectResources, selectWhy } from './selectors.js';
import type { Pane, ReviewState } from './types.js';
import { PANES } from './types.js';

/**
 * Keeping the selection, the Why field and each pane's scroll inside what there is to show,
 * computed from the same selectors and layout the UI draws with.
 */

export function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}

/** Lines a pane has and how many of them fit at once. */
export function paneExtent(state: ReviewState, pane: Pane): { lines: number; height: number } {
  const shown = { ...state, pane };
  switch (pane) {
    case 'manifest':
      return { lines: selectManifestLines(shown).length, height: paneHeight(state.viewport) };
    case 'resources':
      return { lines: resourcesLineCount(selectResources(shown)), height: paneHeight(state.viewport) };
    case 'diagnostics':
      return { lines: selectDiagnosticLines(shown).length, height: paneHeight(state.viewport) };
    case 'why': {
      const why = selectWhy(shown);
      return { lines: why.detail.length, height: whyDetailHeight(state.viewport, why.fields.length) };
    }
  }
}

/** The first line a pane may scroll to: its line count minus the visible height. */
export function maxScroll(state: ReviewState, pane: Pane): number {
  const { lines, height } = paneExtent(state, pane);
  return Math.max(0, lines - height);
}

/** Rows of the job list a page moves by. */
export function listPage(state: ReviewState): number {
  return bodyHeight(state.viewport);
}

/** The Why pane's field count for the shown job. */
export function fieldCount(state: ReviewState): number {
  return selectWhy(state).fields.length;
}

/**
 * After the list's contents changed (filter, marks), keep the selection on the job it was on
 * when that job is still visible, else clamp the index into the new list.
 */
export function keepSelection(before: ReviewState, after: ReviewState): ReviewState {
  const id = visiblePlans(before)[before.selected]?.jobId;
  const rows = visiblePlans(after);
  const index = id === undefined ? -1 : rows.findIndex((p) => p.jobId === id);
  const selected = index >= 0 ? index : clamp(before.selected, 0, Math.max(0, rows.length - 1));
  return selected === after.selected ? after : { ...after, selected };
}

/** Every index and scroll position back inside its range (after a resize or a recomputed job). */
export function clampAll(state: ReviewState): ReviewState {
  const rows = visiblePlans(state).length;
  const selected = clamp(state.selected, 0, Math.max(0, rows - 1));
  const withSelection = selected === state.selected ? state : { ...state, selected };
  const fieldIndex = clamp(withSelection.fieldIndex, 0, Math.max(0, fieldCount(withSelection) - 1));
  const scroll = { ...withSelection.scroll };
  for (const pane of PANES) scroll[pane] = clamp(scroll[pane], 0, maxScroll({ ...withSelection, fieldIndex }, pane));
  return { ...withSelection, fieldIndex, scroll };
}
