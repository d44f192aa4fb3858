import { Box, useInput } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import { detailJobId } from '../job-view.js';
import { keyToAction } from '../keymap.js';
import { bodyHeight, listWidth, paneHeight, paneWidth } from '../layout.js';
import { reduce } from '../state.js';
import {
  selectDiagnosticLines,
  selectHelpLines,
  selectJobRows,
  selectManifestLines,
  selectResources,
  selectStatus,
  selectTitle,
  selectWhy,
} from '../selectors.js';
import type { JobListRow, Line, ReviewAction, ReviewEffect, ReviewState } from '../types.js';
import { DetailPane } from './DetailPane.js';
import { HelpOverlay } from './HelpOverlay.js';
import { JobList } from './JobList.js';
import { toKeyPresses } from './key-press.js';
import { LineView, LinesView, windowOf } from './lines.js';
import { resourceLines, whyLines } from './pane-lines.js';
import { StatusBar } from './StatusBar.js';

export interface AppProps {
  initial: ReviewState;
  /** Runs a `reconvert` or `save` effect in the shell; its answer is dispatched back. */
  runEffect(effect: ReviewEffect): Promise<ReviewAction | undefined>;
  /** Colour from segment tones; false under NO_COLOR or without a terminal. */
  color: boolean;
  /** The reducer asked to quit, or an effect failed unexpectedly (`error`). */
  onExit(error?: unknown): void;
  /** Terminal size changes; returns the unsubscribe function. */
  subscribeResize?(listener: (size: { columns: number; rows: number }) => void): () => void;
}

/** The job the pane is about (the open one, else the selected row): its step name and id. */
function headingLine(rows: readonly JobListRow[], state: ReviewState): Line {
  const jobId = detailJobId(state);
  if (jobId === undefined) return [];
  const row = rows.find((r) => r.id === jobId);
  return [...(row ? [{ text: `${row.stepName}  `, tone: 'accent' as const }] : []), { text: jobId, tone: 'muted' }];
}

/** The open pane's lines, cut to `height` rows from the pane's scroll position. */
function paneBody(state: ReviewState, height: number): Line[] {
  const scroll = state.scroll[state.pane];
  switch (state.pane) {
    case 'manifest':
      return windowOf(selectManifestLines(state), scroll, height);
    case 'resources':
      return windowOf(resourceLines(selectResources(state)), scroll, height);
    case 'why':
      return whyLines(selectWhy(state), height, scroll);
    case 'diagnostics':
      return windowOf(selectDiagnosticLines(state), scroll, height);
  }
}

/**
 * The review screen: title, job list | detail pane, status line; the help overlay over the
 * body. It holds the state, turns key presses into actions through the key map and the
 * reducer, and hands the reducer's effects to the shell. Every row is cut to the terminal
 * width, and the whole frame is exactly `viewport.rows` high, so nothing ever wraps or scrolls.
 */
export function App({ initial, runEffect, color, onExit, subscribeResize }: AppProps) {
  const [state, setState] = useState(initial);
  // The latest state, for key presses that arrive before React re-renders (fast typing, pastes).
  const current = useRef(initial);

  const dispatch = useCallback(
    (action: ReviewAction): void => {
      const result = reduce(current.current, action);
      current.current = result.state;
      setState(result.state);
      for (const effect of result.effects) {
        if (effect.type === 'exit') {
          onExit();
          continue;
        }
        runEffect(effect).then(
          (answer) => answer && dispatch(answer),
          (error: unknown) => onExit(error),
        );
      }
    },
    [runEffect, onExit],
  );

  useInput((input, key) => {
    for (const press of toKeyPresses(input, key)) {
      const action = keyToAction(press, current.current);
      if (action) dispatch(action);
    }
  });

  useEffect(() => subscribeResize?.((size) => dispatch({ type: 'resize', ...size })), [subscribeResize, dispatch]);

  const { columns, rows } = state.viewport;
  const body = bodyHeight(state.viewport);
  const list = listWidth(columns);
  const jobRows = selectJobRows(state);

  return (
    <Box flexDirection="column" width={columns} height={rows} overflow="hidden">
      <LineView line={[{ text: selectTitle(state), tone: 'accent' }]} width={columns} color={color} />
      {state.showHelp ? (
        <HelpOverlay lines={selectHelpLines(state)} width={columns} height={body} color={color} />
      ) : (
        <Box flexDirection="row" height={body} overflow="hidden">
          <JobList rows={jobRows} filter={state.filter} width={list} height={body} color={color} />
          <LinesView lines={Array.from({ length: body }, (): Line => [{ text: '│', tone: 'muted' }])} width={1} height={body} color={color} />
          <DetailPane
            pane={state.pane}
            focused={state.focus === 'detail'}
            heading={headingLine(jobRows, state)}
            body={paneBody(state, paneHeight(state.viewport))}
            width={paneWidth(columns)}
            height={body}
            color={color}
          />
        </Box>
      )}
      <StatusBar status={selectStatus(state)} width={columns} color={color} />
    </Box>
  );
}
