import { createHash, hash } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EmittedFile, StreamedFile } from '../emitters/emitted-file.js';
import { compareStrings } from '../model/order.js';
import { interruptRequested, requestInterrupt } from './interrupt.js';

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

function sha256(content: string | Uint8Array): string {
  return hash('sha256', content, 'hex');
}

function readOrUndefined(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    if (failure.code === 'ENOENT' || failure.code === 'ENOTDIR') return undefined;
    // A failed read (EISDIR) does not name its file; the one-line error must.
    failure.path ??= path;
    throw error;
  }
}

function readState(outDir: string): State {
  const raw = readOrUndefined(join(outDir, STATE_FILE));
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
function isOurs(state: State, path: string, digest: string): boolean {
  return state.files[path] === digest || state.pending?.[path] === digest;
}

/**
 * Interrupts (SIGINT, SIGTERM) as the CLI shell reports them. A write still staging stops and
 * removes its temporary folder, leaving the output folder exactly as it was; a write already
 * committing (renames only, milliseconds) finishes, so the folder is never a mix of two runs.
 */
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
  requestInterrupt();
  await Promise.allSettled([...inFlight]);
}

/** `done`, counted as a write under way until it settles, so that {@link interruptWrites} waits for it. */
export async function whileInFlight<T>(done: Promise<T>): Promise<T> {
  inFlight.add(done);
  try {
    return await done;
  } finally {
    inFlight.delete(done);
  }
}

/** Throws {@link WriteInterruptedError} once an interrupt was requested. */
export function throwIfInterrupted(): void {
  if (interruptRequested()) throw new WriteInterruptedError();
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
function pruneEmptyDirs(outDir: string, rel: string): void {
  for (let dir = posix.dirname(rel); dir !== '.'; dir = posix.dirname(dir)) {
    try {
      rmdirSync(join(outDir, dir));
    } catch {
      return;
    }
  }
}

/** Where the pieces of a streamed file go, in order (text, or text already UTF-8); `end` once after the last. */
export interface PieceSink {
  write(piece: string | Uint8Array): void;
  end(): void;
}

/**
 * What a conversion writes its files through: {@link OutputWriter} in the calling thread, or
 * ThreadedOutputWriter (threaded-writer.ts), which does the same work in a worker thread.
 */
export interface FileWriter {
  add(file: EmittedFile): void;
  addStreamed(file: StreamedFile): void;
  finish(): Promise<WriteResult>;
  /** Drops the staged files (after an error); resolves once they are gone. */
  discard(): void | Promise<void>;
}

/** A file to move into place at commit time. */
interface StagedFile {
  path: string;
  staged: string;
}

/**
 * The only writer of output (DESIGN §5 "Output is never half-written"). Files are given one
 * at a time, as a conversion produces them: each one that changes is written at once to a
 * temporary folder next to `outDir` (same file system) and only its path and hash are kept, so
 * a fleet's output never has to be held in memory. {@link finish} then renames the staged files
 * into place, so a reader never sees a partial file and an interrupted run changes nothing.
 * Byte-identical files are not touched, so their modification times stay.
 * `outDir/.emr2k8s-state.json` keeps the sha256 of every file written: a file whose bytes differ
 * from that record was edited by a person and is only overwritten with `force`; a file we wrote
 * earlier that is no longer generated is removed unless it was edited.
 *
 * File I/O is synchronous on purpose: thousands of small files cost several times more through
 * the thread pool. Large conversions run this writer in a worker thread instead
 * (threaded-writer.ts), so that the I/O overlaps the conversion. Signals are still honoured:
 * {@link finish} yields to the event loop before it commits.
 */
export class OutputWriter implements FileWriter {
  private readonly result: WriteResult = { written: [], unchanged: [], drift: [], skippedEdited: [], removed: [] };
  private readonly next: Record<string, string> = {};
  private readonly seen = new Set<string>();
  private readonly staged: StagedFile[] = [];
  /** Names the staged files; never reused, even when a file is taken back. */
  private stagedCount = 0;
  /** Names in each folder of the output, listed on first use (see readExisting). */
  private readonly listings = new Map<string, Set<string>>();
  private tmp: string | undefined;
  private closed = false;

  private constructor(
    private readonly outDir: string,
    private readonly opts: WriteOptions,
    private readonly state: State,
  ) {}

  static open(outDir: string, opts: WriteOptions): OutputWriter {
    throwIfInterrupted();
    return new OutputWriter(outDir, opts, readState(outDir));
  }

  /** Takes one emitted file: compares it with what is on disk and stages it when it must be written. */
  add(file: Pick<EmittedFile, 'path' | 'content'>): void {
    // Encoded once for the hash, the comparison and the write (each would encode a string again).
    this.addBytes(file.path, Buffer.from(file.content, 'utf8'));
  }

  /** {@link add} for a file whose text is already UTF-8 (the writer thread receives it so). */
  addBytes(path: string, bytes: Uint8Array): void {
    this.claim(path);
    const wanted = sha256(bytes);
    const existing = this.readExisting(path);
    // Equal bytes need no hash of what is on disk; only a difference asks whether it was edited.
    const onDisk = existing === undefined ? undefined : existing.equals(bytes) ? wanted : sha256(existing);
    if (this.settle(path, wanted, onDisk) === 'write') this.stage(path, bytes);
  }

  /**
   * The bytes of an output file, or undefined when there is none. Each folder is listed once:
   * a first conversion into an empty folder would otherwise pay for thousands of failed reads,
   * and nothing in the output folder changes before the commit.
   */
  private readExisting(path: string): Buffer | undefined {
    const folder = posix.dirname(path);
    let names = this.listings.get(folder);
    if (names === undefined) {
      try {
        names = new Set(readdirSync(join(this.outDir, folder)));
      } catch {
        names = new Set();
      }
      this.listings.set(folder, names);
    }
    return names.has(posix.basename(path)) ? readOrUndefined(join(this.outDir, path)) : undefined;
  }

  /** Takes a file given in pieces: written and hashed piece by piece, never held whole. */
  addStreamed(file: StreamedFile): void {
    const streamed = this.beginStreamed(file.path);
    for (const piece of file.pieces()) streamed.write(piece);
    streamed.end();
  }

  /**
   * Starts a file whose pieces come one at a time (also across threads: see
   * threaded-writer.ts): each piece is staged and hashed as it comes; `end` compares the whole
   * with what is on disk and takes the staged copy back when it must not be written.
   */
  beginStreamed(path: string): PieceSink {
    this.claim(path);
    const digest = createHash('sha256');
    const staging = this.opts.check ? undefined : this.openStaged(path);
    return {
      write: (piece) => {
        const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
        digest.update(bytes);
        if (staging) writeSync(staging.fd, bytes);
      },
      end: () => {
        if (staging) closeSync(staging.fd);
        const existing = this.readExisting(path);
        if (this.settle(path, digest.digest('hex'), existing && sha256(existing)) !== 'write' && staging) this.unstage(staging.file);
      },
    };
  }

  private claim(path: string): void {
    if (this.closed) throw new Error('the output writer is already closed');
    if (!isPlainRelativePath(path)) {
      throw new Error(`emitted file path ${JSON.stringify(path)} is not a plain relative path inside the output folder`);
    }
    if (this.seen.has(path)) throw new Error(`two emitted files share the path ${JSON.stringify(path)}`);
    this.seen.add(path);
  }

  /**
   * What to do with a file whose new bytes hash to `wanted`, given the hash of its bytes on disk
   * (undefined when there is none): records the outcome and says whether to write it.
   */
  private settle(path: string, wanted: string, onDisk: string | undefined): 'write' | 'keep' {
    if (onDisk === wanted) {
      this.result.unchanged.push(path);
      this.next[path] = wanted;
      return 'keep';
    }
    if (this.opts.check) {
      this.result.drift.push(path);
      return 'keep';
    }
    if (onDisk !== undefined && !isOurs(this.state, path, onDisk) && !this.opts.force) {
      this.result.skippedEdited.push(path);
      return 'keep';
    }
    this.next[path] = wanted;
    return 'write';
  }

  /** Writes a file's new bytes into the temporary folder (made on first use). */
  private stage(path: string, content: Uint8Array): void {
    const { fd } = this.openStaged(path);
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
  }

  /** Opens the staged copy of a file in the temporary folder (made on first use); the caller closes it. */
  private openStaged(path: string): { file: StagedFile; fd: number } {
    if (this.tmp === undefined) {
      throwIfInterrupted();
      mkdirSync(dirname(this.outDir), { recursive: true });
      this.tmp = mkdtempSync(join(dirname(this.outDir), '.emr2k8s-tmp-'));
    }
    const file = { path, staged: join(this.tmp, String(this.stagedCount++)) };
    const fd = openSync(file.staged, 'w');
    this.staged.push(file);
    return { file, fd };
  }

  /** Takes back a file staged before it was known to be unchanged or edited. */
  private unstage(file: StagedFile): void {
    this.staged.splice(this.staged.indexOf(file), 1);
    rmSync(file.staged, { force: true });
  }

  /** Removes the staged files without touching the output folder (after an error or an interrupt). */
  discard(): void {
    this.closed = true;
    if (this.tmp !== undefined) rmSync(this.tmp, { recursive: true, force: true });
    this.tmp = undefined;
  }

  /** Removes stale files we generated, then moves every staged file into place and records the new state. */
  finish(): Promise<WriteResult> {
    return whileInFlight(this.commit());
  }

  private async commit(): Promise<WriteResult> {
    // The only wait of a conversion: a signal that arrived while files were produced is delivered
    // here, before any rename. Signals come in the event loop's poll phase, which an immediate
    // set now would run before; the second one runs after the next poll.
    await nextTurn();
    await nextTurn();
    try {
      throwIfInterrupted();
      const stale = this.staleFiles();
      if (this.opts.check) return this.sorted();
      const finalState = stateText(this.next);
      const statePath = join(this.outDir, STATE_FILE);
      const stateChanged = readOrUndefined(statePath)?.toString('utf8') !== finalState;
      if (this.staged.length === 0 && stale.length === 0 && !stateChanged) return this.sorted();
      mkdirSync(this.outDir, { recursive: true });
      if (this.staged.length > 0 || stale.length > 0) {
        // Recorded before the first rename: old and new hashes, so an interrupted commit still knows every file on disk as ours.
        this.writeState(statePath, stateText({ ...this.state.files, ...this.next }, { ...this.state.pending, ...this.state.files }));
      }
      const made = new Set<string>();
      for (const { path, staged } of this.staged) {
        const target = join(this.outDir, path);
        const folder = dirname(target);
        if (!made.has(folder)) mkdirSync(folder, { recursive: true });
        made.add(folder);
        renameSync(staged, target);
        this.result.written.push(path);
      }
      for (const path of stale) {
        rmSync(join(this.outDir, path), { force: true });
        pruneEmptyDirs(this.outDir, path);
        this.result.removed.push(path);
      }
      this.writeState(statePath, finalState);
      return this.sorted();
    } finally {
      this.discard();
    }
  }

  /** Written through a staged copy and a rename, like every other file. */
  private writeState(statePath: string, text: string): void {
    this.tmp ??= mkdtempSync(join(dirname(this.outDir), '.emr2k8s-tmp-'));
    const staged = join(this.tmp, 'state');
    writeFileSync(staged, text);
    renameSync(staged, statePath);
  }

  /** Files in the previous state that this run did not generate and that are still as we wrote them. */
  private staleFiles(): string[] {
    const stale: string[] = [];
    const known = new Set([...Object.keys(this.state.files), ...Object.keys(this.state.pending ?? {})]);
    for (const path of [...known].sort(compareStrings)) {
      if (this.seen.has(path) || !isPlainRelativePath(path)) continue;
      const existing = this.readExisting(path);
      // Only our own, unedited files go; an edited one now belongs to the person who edited it.
      if (existing && isOurs(this.state, path, sha256(existing))) {
        if (this.opts.check) this.result.drift.push(path);
        else stale.push(path);
      }
    }
    return stale;
  }

  private sorted(): WriteResult {
    for (const list of Object.values(this.result)) list.sort(compareStrings);
    return this.result;
  }
}

/** Writes a whole set of files at once: {@link OutputWriter} for callers that already hold them. */
export async function writeOutput(outDir: string, files: EmittedFile[], opts: WriteOptions): Promise<WriteResult> {
  const writer = OutputWriter.open(outDir, opts);
  try {
    for (const file of files) writer.add(file);
  } catch (error) {
    writer.discard();
    throw error;
  }
  return writer.finish();
}
