import { load } from 'js-yaml';
import { diffValues } from '../diff/diff-values.js';
import type { Conversion } from '../engine/conversion.js';
import { answersDiffer } from './answers-equal.js';
import { acceptJob, overrideJob, overridePrefill, rejectJob } from './decisions.js';
import { detailJobId, findJob, manifestText, MARKS, omit, visiblePlans } from './job-view.js';
import { paneHeight, whyDetailHeight } from './layout.js';
import { clamp, clampAll, fieldCount, keepSelection, listPage, maxScroll } from './scroll.js';
import type { InitialStateArgs, JobMark, ManifestChange, Pane, ReduceResult, ReviewAction, ReviewState } from './types.js';
import { PANES } from './types.js';

// The layout the reducer scrolls by, for the UI to draw with the same numbers.
export { bodyHeight, LAYOUT, listWidth, paneHeight, paneWidth, whyDetailHeight } from './layout.js';

/**
 * The review's pure reducer (DESIGN §3 `review/state.ts`): every key press and every answer
 * from the shell is an action; `reduce` returns the next state and the effects the shell must
 * run (recompute, save, exit). It never mutates the state it is given.
 */

const NO_SCROLL: Record<Pane, number> = { manifest: 0, resources: 0, why: 0, diagnostics: 0 };

/** The state the review opens with: list focused, first job selected, Manifest pane. */
export function initialState(args: InitialStateArgs): ReviewState {
  return {
    conversion: args.conversion,
    baseline: args.baseline,
    answers: args.answers,
    savedAnswers: args.answers,
    answersFile: args.answersFile,
    selected: 0,
    focus: 'list',
    pane: 'manifest',
    scroll: { ...NO_SCROLL },
    fieldIndex: 0,
    filter: { text: '' },
    input: '',
    showHelp: false,
    viewport: { ...args.viewport },
  };
}

const done = (state: ReviewState, effects: ReduceResult['effects'] = []): ReduceResult => ({ state, effects });

/** Actions that come from the shell or edit a prompt keep the status message; key commands clear it. */
const KEEPS_MESSAGE = new Set<ReviewAction['type']>(['input', 'input-backspace', 'reconverted', 'saved', 'save-failed', 'resize']);

function withMessage(state: ReviewState, message: string): ReviewState {
  return { ...state, message };
}

function closePrompt(state: ReviewState): ReviewState {
  return { ...omit(state, 'prompt'), input: '' };
}

/** Move the list selection, the Why field or the pane's scroll by `delta` rows. */
function moveBy(state: ReviewState, delta: number, inWhy: 'field' | 'scroll'): ReviewState {
  if (state.focus === 'list') {
    const rows = visiblePlans(state).length;
    return { ...state, selected: clamp(state.selected + delta, 0, Math.max(0, rows - 1)) };
  }
  if (state.pane === 'why' && inWhy === 'field') {
    const fieldIndex = clamp(state.fieldIndex + delta, 0, Math.max(0, fieldCount(state) - 1));
    // A new field starts at the top of its explanation.
    return fieldIndex === state.fieldIndex ? state : { ...state, fieldIndex, scroll: { ...state.scroll, why: 0 } };
  }
  const scroll = clamp(state.scroll[state.pane] + delta, 0, maxScroll(state, state.pane));
  return { ...state, scroll: { ...state.scroll, [state.pane]: scroll } };
}

/** A page: the list's height in the list; in a pane its visible height (in Why, the explanation's). */
function pageBy(state: ReviewState, delta: number): ReviewState {
  if (state.focus === 'list') return moveBy(state, delta * listPage(state), 'field');
  const height = state.pane === 'why' ? whyDetailHeight(state.viewport, fieldCount(state)) : paneHeight(state.viewport);
  return moveBy(state, delta * height, 'scroll');
}

function setFilter(state: ReviewState, filter: ReviewState['filter']): ReviewState {
  return keepSelection(state, { ...state, filter });
}

function nextMark(mark: JobMark | undefined): JobMark | undefined {
  if (mark === undefined) return MARKS[0];
  return MARKS[MARKS.indexOf(mark) + 1];
}

function parseManifest(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return load(text);
  } catch {
    return undefined;
  }
}

/** The new conversion, and what it changed in the manifest of the job that was recomputed. */
function reconverted(state: ReviewState, conversion: Conversion): ReviewState {
  const jobId = state.recomputing ?? detailJobId(state);
  const next: ReviewState = keepSelection(state, { ...omit(state, 'recomputing', 'lastChange'), conversion });
  if (jobId === undefined) return clampAll(next);
  const before = parseManifest(manifestText(state.conversion, jobId));
  const after = parseManifest(manifestText(conversion, jobId));
  if (after === undefined) {
    const plan = findJob(conversion, jobId).plan;
    const error = plan?.diagnostics.find((d) => d.severity === 'error');
    const message = plan?.status === 'error' ? `${jobId} is now an error${error ? `: ${error.message}` : ''}` : `${jobId} has no manifest now`;
    return clampAll(withMessage(next, message));
  }
  const changes: ManifestChange[] = diffValues(before ?? {}, after);
  const message = `${jobId}: ${changes.length} manifest path${changes.length === 1 ? '' : 's'} changed`;
  return clampAll(withMessage({ ...next, lastChange: { jobId, changes } }, message));
}

function submit(state: ReviewState): ReduceResult {
  const prompt = state.prompt;
  switch (prompt?.kind) {
    case undefined:
      return done(state);
    case 'filter':
      return done(closePrompt(state));
    case 'confirm-quit':
      return state.input.toLowerCase() === 'y' ? done(closePrompt(state), [{ type: 'exit' }]) : done(closePrompt(state));
    case 'reject-note': {
      const result = rejectJob(state, prompt.jobId, state.input);
      if ('error' in result) return done(withMessage(closePrompt(state), result.error));
      return done(withMessage({ ...closePrompt(state), answers: result.answers }, `Rejected ${prompt.jobId}`));
    }
    case 'override': {
      const result = overrideJob(state, prompt.jobId, state.input);
      // The prompt stays open with the text, so the mistake can be fixed.
      if ('error' in result) return done(withMessage(state, result.error));
      const next = withMessage({ ...closePrompt(state), answers: result.answers, recomputing: prompt.jobId }, `Recomputing ${prompt.jobId} with ${result.summary}…`);
      return done(next, [{ type: 'reconvert', answers: result.answers }]);
    }
  }
}

function typed(state: ReviewState, input: string): ReviewState {
  const next = { ...state, input };
  return state.prompt?.kind === 'filter' ? setFilter(next, { ...state.filter, text: input }) : next;
}

function cancel(state: ReviewState): ReviewState {
  const closed = closePrompt(state);
  return state.prompt?.kind === 'filter' ? setFilter(closed, { ...state.filter, text: '' }) : closed;
}

/** The next state and effects for one action (see docs/review.md for what each key does). */
export function reduce(state: ReviewState, action: ReviewAction): ReduceResult {
  const base: ReviewState = KEEPS_MESSAGE.has(action.type) ? state : omit(state, 'message');
  switch (action.type) {
    case 'move':
      return done(moveBy(base, action.delta, 'field'));
    case 'page':
      return done(pageBy(base, action.delta));
    case 'open': {
      const plan = visiblePlans(base)[base.selected];
      if (!plan) return done(withMessage(base, 'No job to open.'));
      return done({ ...base, openJobId: plan.jobId, focus: 'detail', scroll: { ...NO_SCROLL }, fieldIndex: 0 });
    }
    case 'back':
      return done({ ...base, focus: 'list' });
    case 'next-pane':
      return done({ ...base, pane: PANES[(PANES.indexOf(base.pane) + 1) % PANES.length] as Pane });
    case 'show-pane':
      return done({ ...base, pane: action.pane });
    case 'accept': {
      const jobId = detailJobId(base);
      if (jobId === undefined) return done(withMessage(base, 'No job to accept.'));
      const result = acceptJob(base, jobId);
      if ('error' in result) return done(withMessage(base, result.error));
      return done(withMessage({ ...base, answers: result.answers }, `Accepted ${jobId}`));
    }
    case 'start-reject':
    case 'start-override': {
      const jobId = detailJobId(base);
      if (jobId === undefined) return done(withMessage(base, 'No job selected.'));
      if (action.type === 'start-reject') return done({ ...base, prompt: { kind: 'reject-note', jobId }, input: '' });
      return done({ ...base, prompt: { kind: 'override', jobId }, input: overridePrefill(base, jobId) });
    }
    case 'start-filter':
      return done({ ...base, prompt: { kind: 'filter' }, input: base.filter.text });
    case 'cycle-mark-filter': {
      const mark = nextMark(base.filter.mark);
      return done(setFilter(base, { ...omit(base.filter, 'mark'), ...(mark !== undefined && { mark }) }));
    }
    case 'input':
      if (base.prompt?.kind === 'confirm-quit') return submit({ ...base, input: action.text });
      return done(base.prompt ? typed(base, base.input + action.text) : base);
    case 'input-backspace':
      return done(base.prompt ? typed(base, Array.from(base.input).slice(0, -1).join('')) : base);
    case 'input-submit':
      return submit(base);
    case 'input-cancel':
      return done(base.prompt ? cancel(base) : base);
    case 'save':
      return done(withMessage(base, `Saving to ${base.answersFile}…`), [{ type: 'save', answers: base.answers }]);
    case 'saved': {
      const count = Object.keys(base.answers).length;
      return done(withMessage({ ...base, savedAnswers: base.answers }, `Saved ${count} decision${count === 1 ? '' : 's'} to ${base.answersFile}`));
    }
    case 'save-failed':
      return done(withMessage(base, `Not saved: ${action.message}`));
    case 'toggle-help':
      return done({ ...base, showHelp: !base.showHelp });
    case 'quit':
      if (!answersDiffer(base.answers, base.savedAnswers)) return done(base, [{ type: 'exit' }]);
      return done({ ...base, prompt: { kind: 'confirm-quit' }, input: '' });
    case 'resize':
      return done(clampAll({ ...base, viewport: { columns: action.columns, rows: action.rows } }));
    case 'reconverted':
      return done(reconverted(base, action.conversion));
  }
}
