import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import type { EmittedFile } from '../emitters/emitted-file.js';
import { compareStrings } from '../model/order.js';

/** Records what we wrote, so a file changed since then is known to be a person's edit. */
export const STATE_FILE = '.emr2k8s-state.json';

interface State {
  schemaVersion: 1;
  /** Relative path → sha256 of the bytes we wrote. */
  files: Record<string, string>;
  /**
   * Hashes of the previous versions while a write is under way: written before the first
   * rename and cleared after the last, so that a run interrupted half-way still recognises
   * every file on disk as ours, old or new.
   */
  pending?: Record<string, string>;
}

export interface WriteOptions {
  /** Write nothing; list in `drift` what a real run would change. */
  check: boolean;
  /** Overwrite files a person edited since we generated them. */
  force: boolean;
}

export interface WriteResult {
  /** Files written (new or changed). */
  written: string[];
  /** Files already byte-identical, left untouched. */
  unchanged: string[];
  /** With `check`: files a real run would write or remove. */
  drift: string[];
  /** Files edited by a person since generation (or never ours), not overwritten without `force`. */
  skippedEdited: string[];
  /** Files we generated earlier, no longer generated, and still as we wrote them: removed. */
  removed: string[];
}

function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

async function readOrUndefined(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function readState(outDir: string): Promise<State> {
  const raw = await readOrUndefined(join(outDir, STATE_FILE));
  if (raw) {
    try {
      const parsed = JSON.parse(raw.toString('utf8')) as Partial<State>;
      if (parsed.schemaVersion === 1 && typeof parsed.files === 'object' && parsed.files !== null) {
        return { schemaVersion: 1, files: parsed.files, pending: parsed.pending ?? {} };
      }
    } catch {
      // An unreadable state file is treated as no record: nothing on disk is then assumed to be ours.
    }
  }
  return { schemaVersion: 1, files: {} };
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(record).sort(compareStrings).map((k) => [k, record[k] as string]));
}

function stateText(files: Record<string, string>, pending?: Record<string, string>): string {
  const state: State = { schemaVersion: 1, files: sortedRecord(files) };
  if (pending) state.pending = sortedRecord(pending);
  return `${JSON.stringify(state, null, 2)}\n`;
}

/** Whether bytes on disk are a version we wrote. */
function isOurs(state: State, path: string, hash: string): boolean {
  return state.files[path] === hash || state.pending?.[path] === hash;
}

/** Move a staged file into place: a rename on the same file system, so a reader sees the old or the new file, never a part. */
async function commitFile(staged: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  await rename(staged, target);
}

/**
 * Interrupts (SIGINT, SIGTERM) as the CLI shell reports them. A write still staging stops and
 * removes its temporary folder, leaving the output folder exactly as it was; a write already
 * committing (renames only, milliseconds) finishes, so the folder is never a mix of two runs.
 */
let interruptRequested = false;
const inFlight = new Set<Promise<unknown>>();

/** The error a write stopped by {@link interruptWrites} rejects with (name `AbortError`, as Node's own). */
export class WriteInterruptedError extends Error {
  override name = 'AbortError';
  constructor() {
    super('interrupted before any file was replaced; the output folder is unchanged');
  }
}

/**
 * Stops every write under way and every write not yet started, and resolves once the ones
 * under way have cleaned up (or finished committing). Called by the CLI shell on a signal.
 */
export async function interruptWrites(): Promise<void> {
  interruptRequested = true;
  await Promise.allSettled([...inFlight]);
}

function throwIfInterrupted(): void {
  if (interruptRequested) throw new WriteInterruptedError();
}

/** Relative, forward-slashed, normalised and inside the output folder (emitted paths, and paths read back from the state file). */
function isPlainRelativePath(path: string): boolean {
  return (
    path !== '' &&
    path !== STATE_FILE &&
    !path.includes('\\') &&
    !posix.isAbsolute(path) &&
    posix.normalize(path) === path &&
    !path.startsWith('../') &&
    path !== '..'
  );
}

/** Drop now-empty folders left by removed files, up to (not including) the output folder. */
async function pruneEmptyDirs(outDir: string, rel: string): Promise<void> {
  for (let dir = posix.dirname(rel); dir !== '.'; dir = posix.dirname(dir)) {
    try {
      await rmdir(join(outDir, dir));
    } catch {
      return;
    }
  }
}

/**
 * The only module that writes output (DESIGN §5 "Output is never half-written"). Every file
 * to change is first written to a temporary folder next to `outDir` (same file system) and
 * then renamed into place, so a reader never sees a partial file. Byte-identical files are
 * not touched, so their modification times stay. `outDir/.emr2k8s-state.json` keeps the
 * sha256 of every file written: a file whose bytes differ from that record was edited by a
 * person and is only overwritten with `force`; a file we wrote earlier that is no longer
 * generated is removed unless it was edited.
 */
export async function writeOutput(outDir: string, files: EmittedFile[], opts: WriteOptions): Promise<WriteResult> {
  const result: WriteResult = { written: [], unchanged: [], drift: [], skippedEdited: [], removed: [] };
  throwIfInterrupted();
  const state = await readState(outDir);
  const next: Record<string, string> = {};
  const toWrite: EmittedFile[] = [];
  const seen = new Set<string>();

  for (const file of [...files].sort((a, b) => compareStrings(a.path, b.path))) {
    if (!isPlainRelativePath(file.path)) {
      throw new Error(`emitted file path ${JSON.stringify(file.path)} is not a plain relative path inside the output folder`);
    }
    if (seen.has(file.path)) throw new Error(`two emitted files share the path ${JSON.stringify(file.path)}`);
    seen.add(file.path);
    const wanted = sha256(file.content);
    const existing = await readOrUndefined(join(outDir, file.path));
    const onDisk = existing && sha256(existing);
    if (onDisk === wanted) {
      result.unchanged.push(file.path);
      next[file.path] = wanted;
    } else if (opts.check) {
      result.drift.push(file.path);
    } else if (onDisk !== undefined && !isOurs(state, file.path, onDisk) && !opts.force) {
      result.skippedEdited.push(file.path);
    } else {
      toWrite.push(file);
      next[file.path] = wanted;
    }
  }

  const stale: string[] = [];
  const known = new Set([...Object.keys(state.files), ...Object.keys(state.pending ?? {})]);
  for (const path of [...known].sort(compareStrings)) {
    if (seen.has(path) || !isPlainRelativePath(path)) continue;
    const existing = await readOrUndefined(join(outDir, path));
    // Only our own, unedited files go; an edited one now belongs to the person who edited it.
    if (existing && isOurs(state, path, sha256(existing))) {
      if (opts.check) result.drift.push(path);
      else stale.push(path);
    }
  }
  if (opts.check) {
    result.drift.sort(compareStrings);
    return result;
  }

  const finalState = stateText(next);
  const statePath = join(outDir, STATE_FILE);
  const stateChanged = (await readOrUndefined(statePath))?.toString('utf8') !== finalState;
  if (toWrite.length > 0 || stale.length > 0 || stateChanged) {
    // Recorded before the first rename: old and new hashes, so an interrupted commit still knows every file on disk as ours.
    const pendingState = stateText({ ...state.files, ...next }, { ...state.pending, ...state.files });
    const write = stageAndCommit(outDir, toWrite, stale, { pending: pendingState, final: finalState }, result);
    inFlight.add(write);
    try {
      await write;
    } finally {
      inFlight.delete(write);
    }
  }
  result.written = toWrite.map((f) => f.path);
  return result;
}

/**
 * Two phases. Staging writes every new file into a temporary folder next to `outDir` and may
 * be interrupted: nothing in `outDir` has changed yet. Committing records the old hashes as
 * pending, renames the staged files into place, removes stale files and writes the final
 * state; it is not interrupted.
 */
async function stageAndCommit(outDir: string, toWrite: EmittedFile[], stale: string[], states: { pending: string; final: string }, result: WriteResult): Promise<void> {
  const statePath = join(outDir, STATE_FILE);
  await mkdir(outDir, { recursive: true });
  const tmp = await mkdtemp(join(dirname(outDir), '.emr2k8s-tmp-'));
  try {
    const staged: string[] = [];
    for (const [i, file] of toWrite.entries()) {
      throwIfInterrupted();
      staged.push(join(tmp, String(i)));
      await writeFile(join(tmp, String(i)), file.content);
    }
    const stagedPending = join(tmp, 'state-pending');
    const stagedFinal = join(tmp, 'state-final');
    await writeFile(stagedPending, states.pending);
    await writeFile(stagedFinal, states.final);
    throwIfInterrupted();

    if (toWrite.length > 0 || stale.length > 0) await commitFile(stagedPending, statePath);
    for (const [i, file] of toWrite.entries()) await commitFile(staged[i] as string, join(outDir, file.path));
    for (const path of stale) {
      await rm(join(outDir, path), { force: true });
      await pruneEmptyDirs(outDir, path);
      result.removed.push(path);
    }
    await commitFile(stagedFinal, statePath);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
