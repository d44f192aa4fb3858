import type { Conversion } from '../engine/conversion.js';
import type { JobAnswer } from '../model/answers.js';

/**
 * The review TUI's state and actions (DESIGN §3 `review/`): a pure reducer over these types
 * (state.ts), a pure key map from key presses to actions (keymap.ts), selectors that turn the
 * state into what each pane shows (selectors.ts), and Ink components that only render
 * (ui/*.tsx). The command shell (src/cli/commands/review.ts) runs the effects.
 */

/** The four detail panes, switched with Tab or 1–4. */
export const PANES = ['manifest', 'resources', 'why', 'diagnostics'] as const;
export type Pane = (typeof PANES)[number];

/** The status mark of a job in the list. */
export type JobMark = 'converted' | 'warnings' | 'unsupported' | 'error';

/** A text prompt at the bottom of the screen, and what its submitted text becomes. */
export type Prompt =
  | { kind: 'filter' }
  /** The note of a rejection (may be empty). */
  | { kind: 'reject-note'; jobId: string }
  /** `spark.key=value` (a Spark setting) or `field.path=value` (a plan field). */
  | { kind: 'override'; jobId: string }
  /** Quit with unsaved decisions: `y` discards them. */
  | { kind: 'confirm-quit' };

/** One changed path of a job's manifest after an override: what the user sees as "the diff". */
export interface ManifestChange {
  path: string;
  old?: unknown;
  new?: unknown;
}

export interface ReviewState {
  /** The conversion with the current answers applied: what `convert --answers` would write. */
  conversion: Conversion;
  /** The conversion without any answer: the EMR-faithful reference for the Resources pane. */
  baseline: Conversion;
  /** Current decisions, including unsaved ones. */
  answers: Record<string, JobAnswer>;
  /** Decisions as last saved (or loaded); unsaved = not deep-equal to `answers`. */
  savedAnswers: Record<string, JobAnswer>;
  answersFile: string;
  /** Index into the visible (filtered) job list. */
  selected: number;
  /** The job the detail panes show (Enter opens the selected one). */
  openJobId?: string;
  focus: 'list' | 'detail';
  pane: Pane;
  /** First visible line per pane. */
  scroll: Record<Pane, number>;
  /** Selected field (index into the Why pane's field list). */
  fieldIndex: number;
  filter: { text: string; mark?: JobMark };
  prompt?: Prompt;
  /** Text typed into the prompt so far. */
  input: string;
  showHelp: boolean;
  /** The manifest paths the last override changed, for the job it was made on. */
  lastChange?: { jobId: string; changes: ManifestChange[] };
  /** One line for the status bar (saved, error in an override, …). */
  message?: string;
  viewport: { columns: number; rows: number };
  /**
   * The job whose override the shell is recomputing (set with the `reconvert` effect): the
   * `reconverted` answer diffs this job's manifest, even if the selection moved meanwhile.
   */
  recomputing?: string;
}

export type ReviewAction =
  | { type: 'move'; delta: number }
  | { type: 'page'; delta: number }
  | { type: 'open' }
  | { type: 'back' }
  | { type: 'next-pane' }
  | { type: 'show-pane'; pane: Pane }
  | { type: 'accept' }
  | { type: 'start-reject' }
  | { type: 'start-override' }
  | { type: 'start-filter' }
  | { type: 'cycle-mark-filter' }
  | { type: 'input'; text: string }
  | { type: 'input-backspace' }
  | { type: 'input-submit' }
  | { type: 'input-cancel' }
  | { type: 'save' }
  | { type: 'saved' }
  | { type: 'save-failed'; message: string }
  | { type: 'toggle-help' }
  | { type: 'quit' }
  | { type: 'resize'; columns: number; rows: number }
  /** The shell re-ran the conversion with the current answers. */
  | { type: 'reconverted'; conversion: Conversion };

/** Work the reducer asks the shell to do; the shell answers with `reconverted`, `saved` or `save-failed`. */
export type ReviewEffect =
  | { type: 'reconvert'; answers: Record<string, JobAnswer> }
  | { type: 'save'; answers: Record<string, JobAnswer> }
  | { type: 'exit' };

export interface ReduceResult {
  state: ReviewState;
  effects: ReviewEffect[];
}

/** What the selectors give the Ink components: plain data, ready to render. */

export interface JobListRow {
  id: string;
  /** The cluster group the row belongs to (rows come grouped, clusters in order). */
  cluster: string;
  stepName: string;
  mark: JobMark;
  decision?: 'accepted' | 'rejected';
  /** Overrides recorded for the job. */
  overrides: number;
  selected: boolean;
  open: boolean;
}

/** One line of a pane, split into styled segments; colour is decided by the UI from `tone`. */
export interface Segment {
  text: string;
  tone?: 'key' | 'string' | 'number' | 'muted' | 'added' | 'removed' | 'warning' | 'error' | 'info' | 'accent';
}
export type Line = Segment[];

/** One row of the Resources pane: the EMR side and the Kubernetes side of one quantity. */
export interface ResourceRow {
  role: 'driver' | 'executor';
  label: string;
  emr: string;
  k8s: string;
  /** True when the two sides differ (an override, or a value Kubernetes computes differently). */
  differs: boolean;
  note?: string;
}

export interface WhyView {
  fields: Array<{ path: string; selected: boolean }>;
  /** The selected field's explanation: value, rule, inputs with file:line, shadowed values. */
  detail: Line[];
}

/** The Resources pane: EMR and Kubernetes side by side, and how executors pack a node. */
export interface ResourcesView {
  rows: ResourceRow[];
  /** The cluster's core (else task) instance type and how executors fit one node of it. */
  packing?: {
    instanceType: string;
    /** Executors per node on EMR: YARN schedules by memory only (facts §3). */
    emrExecutorsPerNode?: number;
    /** Executors per node on EKS: allocatable (facts §9) divided by pod CPU request and memory. */
    eksExecutorsPerNode?: number;
    /** What bounds the EKS figure: `cpu`, `memory` or `pods`. */
    eksBoundBy?: 'cpu' | 'memory' | 'pods';
    note?: string;
  };
}

/** The bottom bar: counts, unsaved marker, prompt or message. */
export interface StatusView {
  text: string;
  unsaved: boolean;
  prompt?: { label: string; input: string };
}

/**
 * Signatures the modules implement (state.ts, keymap.ts, selectors.ts), so the UI and the
 * reducer can be written side by side.
 */
export interface InitialStateArgs {
  conversion: Conversion;
  baseline: Conversion;
  answers: Record<string, JobAnswer>;
  answersFile: string;
  viewport: { columns: number; rows: number };
}

/** A key press as Ink's `useInput` reports it (input text plus the special-key flags used here). */
export interface KeyPress {
  input: string;
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  shift?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}
