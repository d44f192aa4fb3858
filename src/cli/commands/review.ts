import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { render } from 'ink';
import { createElement } from 'react';
import { convertInputs, type ConversionInputs } from '../../engine/conversion.js';
import { initialState } from '../../review/state.js';
import type { ReviewAction, ReviewEffect, ReviewState } from '../../review/types.js';
import { App } from '../../review/ui/App.js';
import { loadAnswersFile, saveAnswersFile } from '../answers-file.js';
import { loadConversionInputs } from '../conversion.js';
import { EXIT, UserError } from '../errors.js';
import type { CliIo } from '../io.js';

export interface ReviewOptions {
  /** Where decisions are read from and saved to (main.ts defaults it to emr2k8s-answers.yaml). */
  answers: string;
  config?: string;
  param?: string[];
  region?: string;
}

// The terminal's alternate screen (xterm private mode 1049): the review draws over a blank
// screen and, on the way out, the shell's scrollback comes back as it was.
const ENTER_ALT_SCREEN = '\x1b[?1049h';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';

/**
 * `emr2k8s review <path...>`: the conversion in memory, in a full-screen terminal UI
 * (docs/review.md). Exit 0 after `q` or Ctrl+C (both ask first when decisions are unsaved),
 * 130 when the screen ends any other way, 2 when it cannot run (no terminal, no readable
 * input). This module imports ink and react, so main.ts loads it lazily.
 */
export async function runReview(paths: string[], options: ReviewOptions, io: CliIo): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UserError('review needs an interactive terminal', 'Use explain --format json or convert --answers in scripts.');
  }
  const resolved = await resolveReviewInputs(paths, io.cwd);
  const loaded = await loadConversionInputs(resolved.paths, { config: options.config, param: options.param, region: options.region }, io);
  const answers = await loadAnswersFile(options.answers, { missingOk: true, cwd: io.cwd });
  const state = initialState({
    conversion: convertInputs(loaded, answers),
    baseline: convertInputs(loaded),
    answers: answers.answers,
    answersFile: options.answers,
    viewport: terminalSize(),
  });
  const message = resolved.fromOutputs.map((o) => `${o.folder}: reviewing its recorded inputs ${o.inputs.join(', ')}`).join('; ');
  const initial: ReviewState = message ? { ...state, message } : state;

  const session = await runScreen(initial, loaded, { shown: answers.file, path: resolve(io.cwd, options.answers) }, io);
  if (session.saved) {
    io.stdout(`Decisions saved to ${options.answers}.\nApply them with: emr2k8s convert ${resolved.paths.join(' ')} --answers ${options.answers}\n`);
  }
  return session.quit ? EXIT.ok : EXIT.interrupted;
}

function terminalSize(): { columns: number; rows: number } {
  return { columns: process.stdout.columns || 80, rows: process.stdout.rows || 24 };
}

/** Renders the App on the alternate screen until it quits; the screen is restored on any exit. */
async function runScreen(
  initial: ReviewState,
  loaded: ConversionInputs,
  answersFile: { shown: string; path: string },
  io: CliIo,
): Promise<{ quit: boolean; saved: boolean }> {
  const stdout = process.stdout;
  let onScreen = true;
  const leaveScreen = () => {
    if (onScreen) stdout.write(LEAVE_ALT_SCREEN);
    onScreen = false;
  };
  stdout.write(ENTER_ALT_SCREEN);
  // A signal (SIGTERM) ends the process through process.exit: leave the screen then too.
  process.once('exit', leaveScreen);

  const session = { quit: false, saved: false, failure: undefined as unknown };
  try {
    const runEffect = async (effect: ReviewEffect): Promise<ReviewAction | undefined> => {
      if (effect.type === 'reconvert') {
        return { type: 'reconverted', conversion: convertInputs(loaded, { file: answersFile.shown, answers: effect.answers, lines: {} }) };
      }
      if (effect.type === 'save') {
        try {
          await saveAnswersFile(answersFile.path, effect.answers);
          session.saved = true;
          return { type: 'saved' };
        } catch (error) {
          return { type: 'save-failed', message: error instanceof Error ? error.message : String(error) };
        }
      }
      return undefined;
    };
    const subscribeResize = (listener: (size: { columns: number; rows: number }) => void) => {
      const onResize = () => listener(terminalSize());
      stdout.on('resize', onResize);
      return () => void stdout.off('resize', onResize);
    };
    const instance = render(
      createElement(App, {
        initial,
        runEffect,
        color: io.isTty,
        subscribeResize,
        onExit: (error?: unknown) => {
          if (error === undefined) session.quit = true;
          else session.failure = error;
          // Not from inside the key handler that asked for it: let Ink finish that update first.
          setImmediate(() => instance.unmount());
        },
      }),
      // Ctrl+C goes to the key map: like q, it asks before unsaved decisions are discarded.
      { exitOnCtrlC: false },
    );
    await instance.waitUntilExit();
  } finally {
    leaveScreen();
    process.off('exit', leaveScreen);
  }
  if (session.failure !== undefined) throw session.failure;
  return session;
}

/** The review paths after output folders were replaced by the inputs they were made from. */
interface ReviewInputs {
  paths: string[];
  fromOutputs: Array<{ folder: string; inputs: string[] }>;
}

/**
 * A folder with a `report.json` (schemaVersion and inputs) is a conversion's output: it
 * stands for the inputs `convert` recorded there, relative to the working folder.
 */
async function resolveReviewInputs(paths: string[], cwd: string): Promise<ReviewInputs> {
  const out: ReviewInputs = { paths: [], fromOutputs: [] };
  for (const path of paths) {
    const inputs = await recordedInputs(resolve(cwd, path));
    if (inputs === undefined) {
      out.paths.push(path);
      continue;
    }
    out.fromOutputs.push({ folder: path, inputs });
    for (const input of inputs) if (!out.paths.includes(input)) out.paths.push(input);
  }
  return out;
}

async function recordedInputs(folder: string): Promise<string[] | undefined> {
  const isFolder = await stat(folder).then((s) => s.isDirectory(), () => false);
  if (!isFolder) return undefined;
  let report: unknown;
  try {
    report = JSON.parse(await readFile(join(folder, 'report.json'), 'utf8'));
  } catch {
    // No report (an input folder) or not ours: the folder is read as EMR input.
    return undefined;
  }
  if (typeof report !== 'object' || report === null || !('schemaVersion' in report) || !('inputs' in report)) return undefined;
  const inputs = report.inputs;
  return Array.isArray(inputs) && inputs.length > 0 && inputs.every((i) => typeof i === 'string') ? inputs : undefined;
}
