import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { z } from 'zod';
import { toYaml } from '../emitters/yaml-writer.js';
import { secretOverrideError, type OverrideKind } from '../engine/overridable-fields.js';
import { childPath, nodeAt, ParseError, type DocNode } from '../importers/shared/doc-node.js';
import { parseJson } from '../importers/shared/parse-json.js';
import { parseYaml } from '../importers/shared/parse-yaml.js';
import { answersFileSchema, type JobAnswer, type LoadedAnswers } from '../model/answers.js';
import { compareStrings, sortedKeys } from '../model/order.js';
import { UserError } from './errors.js';

/**
 * The answers file on disk (docs/answers.md): YAML (or JSON) read with positions so that every
 * finding about an answer can cite its line, and written deterministically and atomically.
 */

const HINT = 'See docs/answers.md for the format; emr2k8s review writes valid files.';

const HEADER = [
  '# emr2k8s review answers: decisions and overrides per job (docs/answers.md).',
  '# Written by `emr2k8s review`; `emr2k8s convert <inputs> --answers <this file>` replays them.',
  '# An answer applies only while its job\'s input still has the recorded inputHash.',
  '',
].join('\n');

/** How {@link loadAnswersFile} finds and treats the file. */
export interface AnswersFileOptions {
  /** A missing file is an empty set of answers (what `review` starts from). */
  missingOk?: boolean;
  /** Folder that a relative path is read from and shown relative to (default: the process's). */
  cwd?: string;
}

/** Where a path of keys sits: the key's own line for entries of a mapping, else the value's. */
function lineOf(text: string[], root: DocNode | undefined, path: ReadonlyArray<PropertyKey>): number {
  let line = root?.line ?? 1;
  let node = root;
  for (const key of path) {
    const next = nodeAt(node, typeof key === 'number' ? key : String(key));
    if (!next) break;
    line = keyLine(text, String(key), next.line, line);
    node = next;
  }
  return line;
}

/**
 * A block mapping's value starts on the line after its key (or further, past comments), so
 * look back from the value to the key, not above the parent's line.
 */
function keyLine(text: string[], key: string, valueLine: number, floor: number): number {
  for (let line = valueLine; line >= floor && line >= 1; line--) {
    if ((text[line - 1] ?? '').includes(key)) return line;
  }
  return valueLine;
}

/** Plain data for the schema. Strings the schema expects (Spark values, hash, note) keep their text: `8192` stays "8192". */
function toPlain(node: DocNode, path: string[] = []): unknown {
  if (node.kind === 'object') {
    return Object.fromEntries([...node.entries].map(([key, value]) => [key, toPlain(value, [...path, key])]));
  }
  if (node.kind === 'array') return node.items.map((item, i) => toPlain(item, [...path, String(i)]));
  const textual = (path.length === 3 && (path[2] === 'inputHash' || path[2] === 'note')) || (path.length === 4 && path[2] === 'sparkConf');
  if (textual && (node.kind === 'number' || node.kind === 'boolean')) return node.raw;
  return node.value;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.reduce<string>((at, key) => childPath(at, typeof key === 'number' ? key : String(key)), '');
  if (issue.code === 'unrecognized_keys') {
    return `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}${where ? ` in ${where}` : ''}`;
  }
  return `${where || '(top level)'}: ${issue.message}`;
}

function parse(shown: string, text: string): DocNode | undefined {
  const trimmed = text.replace(/^\uFEFF/, '');
  try {
    return /^\s*[{[]/.test(trimmed) ? parseJson(trimmed) : parseYaml(trimmed);
  } catch (error) {
    if (error instanceof ParseError) throw new UserError(`${shown}:${error.line}: ${error.reason}`, 'Fix the YAML syntax of the answers file.');
    throw error;
  }
}

/** Line numbers of every entry and override, keyed as {@link LoadedAnswers.lines} documents. */
function collectLines(lines: string[], root: DocNode | undefined, answers: Record<string, JobAnswer>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const jobId of sortedKeys(answers)) {
    out[jobId] = lineOf(lines, root, ['answers', jobId]);
    const answer = answers[jobId] as JobAnswer;
    for (const kind of ['sparkConf', 'fields'] as const) {
      for (const key of sortedKeys(answer[kind] ?? {})) out[`${jobId}#${kind}.${key}`] = lineOf(lines, root, ['answers', jobId, kind, key]);
    }
  }
  return out;
}

/**
 * Read and validate an answers file. Any problem is a UserError of one line,
 * `FILE:LINE: what is wrong`; a missing file is one too, unless `missingOk`.
 */
export async function loadAnswersFile(path: string, options: AnswersFileOptions = {}): Promise<LoadedAnswers> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = resolve(cwd, path);
  const shown = relative(cwd, absolute) || path;
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && options.missingOk) return { file: shown, answers: {}, lines: {} };
    if (code === 'ENOENT') throw new UserError(`${shown}: no such answers file`, 'Check the path given to --answers; emr2k8s review writes the file.');
    throw new UserError(`${shown}: cannot read the answers file (${code ?? 'unknown error'})`, 'Check the path given to --answers.');
  }
  const root = parse(shown, text);
  if (root === undefined) throw new UserError(`${shown}:1: the answers file is empty; expected schemaVersion: 1 and answers`, HINT);
  const parsed = answersFileSchema().safeParse(toPlain(root));
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    const keys = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path;
    throw new UserError(`${shown}:${lineOf(lines, root, keys)}: ${describeIssue(issue)}`, HINT);
  }
  const answers = parsed.data.answers;
  for (const jobId of sortedKeys(answers)) {
    const answer = answers[jobId] as JobAnswer;
    for (const kind of ['sparkConf', 'fields'] as const) {
      for (const [key, value] of Object.entries(answer[kind] ?? {})) {
        const secret = secretOverrideError(kind, key, value);
        if (secret !== undefined) throw new UserError(`${shown}:${lineOf(lines, root, ['answers', jobId, kind, key])}: ${secret}`, 'Remove the value from the file, put it in a Kubernetes Secret, and refer to it as ${env:NAME}.');
      }
    }
  }
  return { file: shown, answers, lines: collectLines(lines, root, answers) };
}

/** One answer with its keys in the documented order and its maps sorted. */
function orderedAnswer(answer: JobAnswer): Record<string, unknown> {
  const sorted = (record: Record<string, unknown> | undefined) =>
    record === undefined ? undefined : Object.fromEntries(sortedKeys(record).map((key) => [key, record[key]]));
  return {
    decision: answer.decision,
    note: answer.note,
    inputHash: answer.inputHash,
    sparkConf: sorted(answer.sparkConf),
    fields: sorted(answer.fields),
  };
}

/** The file text for a set of answers: header, then the answers by job id in code-point order. */
export function answersFileText(answers: Record<string, JobAnswer>): string {
  for (const jobId of sortedKeys(answers)) {
    const answer = answers[jobId] as JobAnswer;
    for (const kind of ['sparkConf', 'fields'] as OverrideKind[]) {
      for (const [key, value] of Object.entries(answer[kind] ?? {})) {
        const secret = secretOverrideError(kind, key, value);
        if (secret !== undefined) throw new UserError(`answer for ${jobId}: ${secret}`);
      }
    }
  }
  const checked = answersFileSchema().parse({ schemaVersion: 1, answers });
  const ids = Object.keys(checked.answers).sort(compareStrings);
  const body = { schemaVersion: 1, answers: Object.fromEntries(ids.map((id) => [id, orderedAnswer(checked.answers[id] as JobAnswer)])) };
  return `${HEADER}${toYaml([body])}`;
}

/**
 * Save answers: deterministic YAML (see {@link answersFileText}) written to a temporary file
 * in the same folder and renamed over the target, so a reader never sees half a file.
 * A secret literal is refused, whoever asks.
 */
export async function saveAnswersFile(path: string, answers: Record<string, JobAnswer>): Promise<void> {
  const text = answersFileText(answers);
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
