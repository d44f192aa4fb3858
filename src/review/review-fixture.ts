import { allRules } from '../../rules/index.js';
import { defaultProjectConfig } from '../config/project-config.js';
import { convertInputs, type Conversion, type ConversionInputs } from '../engine/conversion.js';
import { resolveRules } from '../engine/resolve-rules.js';
import { importPaths } from '../importers/index.js';
import type { JobAnswer } from '../model/answers.js';
import { initialState } from './state.js';
import type { ReviewAction, ReviewEffect, ReviewState } from './types.js';
import { reduce } from './state.js';

/**
 * Test support for the review core (not part of the CLI bundle): real conversions of fixture
 * inputs, built the way src/cli/conversion.ts builds them, and a driver that runs actions
 * through the reducer on deep-frozen states, so any mutation of an input state throws.
 */

/** The conversion inputs of fixture paths (relative to the repository root, where vitest runs). */
export async function loadFixture(paths: string[]): Promise<ConversionInputs> {
  const config = defaultProjectConfig();
  const imported = await importPaths(paths, { params: {} });
  return {
    inputs: paths,
    config,
    targets: ['spark-operator'],
    emit: { rightSize: false, nodePools: false },
    rules: resolveRules(allRules, config.rules),
    snapshots: imported.snapshots,
    diagnostics: imported.diagnostics,
  };
}

/** What the review shell does for a `reconvert` effect. */
export function reconvert(loaded: ConversionInputs, answers: Record<string, JobAnswer>): Conversion {
  return convertInputs(loaded, { file: 'answers.yaml', answers, lines: {} });
}

/** Freeze a value and everything reachable from it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A frozen review state over a fixture, as the shell opens it. */
export function reviewOf(loaded: ConversionInputs, viewport = { columns: 80, rows: 24 }, answers: Record<string, JobAnswer> = {}): ReviewState {
  const baseline = convertInputs(loaded);
  const conversion = Object.keys(answers).length > 0 ? reconvert(loaded, answers) : baseline;
  return deepFreeze(initialState({ conversion, baseline, answers, answersFile: 'answers.yaml', viewport }));
}

/** Run actions one after another; every intermediate state is frozen. Returns the last state and all effects. */
export function run(state: ReviewState, ...actions: ReviewAction[]): { state: ReviewState; effects: ReviewEffect[] } {
  let current = deepFreeze(state);
  const effects: ReviewEffect[] = [];
  for (const action of actions) {
    const result = reduce(current, action);
    current = deepFreeze(result.state);
    effects.push(...result.effects);
  }
  return { state: current, effects };
}
