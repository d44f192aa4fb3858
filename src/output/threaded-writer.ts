import { Worker } from 'node:worker_threads';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EmittedFile, StreamedFile } from '../emitters/emitted-file.js';
import type { FromStageThread, StageFailure, StageOp, StageThreadInit, ToStageThread } from './stage-protocol.js';
import { throwIfInterrupted, whileInFlight, WriteInterruptedError, type FileWriter, type WriteOptions, type WriteResult } from './write-files.js';

/** Characters gathered before a batch goes to the writer thread: few messages, little held. */
const BATCH_CHARS = 1 << 20;
/** Characters sent and not yet written beyond which the conversion waits for the writer thread. */
const MAX_QUEUED_CHARS = 8 << 20;
/** How long the conversion waits for the writer thread to write anything before it gives up on it. */
const STALL_MS = 30_000;

/**
 * {@link OutputWriter}'s work (stage, hash, compare with the disk, commit) in a worker thread
 * (stage-thread.ts), for large conversions on machines with cores to spare (open-writer.ts):
 * writing thousands of files then runs on another core while this thread goes on converting.
 * Same files, same result, same guarantees: nothing in the output folder changes before
 * {@link finish}, which yields for signals first, and an interrupt drops the staged files.
 * Errors of the writer thread surface at {@link finish}.
 */
export class ThreadedOutputWriter implements FileWriter {
  private ops: StageOp[] = [];
  private size = 0;
  private readonly queued: Int32Array;
  private waiting: { resolve: (m: FromStageThread) => void; reject: (e: Error) => void } | undefined;
  /** Why the writer thread is gone, once it is (its events arrive only when this thread yields). */
  private ended: Error | undefined;
  private stopped = false;

  private constructor(
    private readonly worker: Worker,
    queued: SharedArrayBuffer,
  ) {
    this.queued = new Int32Array(queued);
    worker.on('message', (message: FromStageThread) => this.waiting?.resolve(message));
    worker.on('error', (error) => this.end(error));
    worker.on('exit', (code) => this.end(new Error(`the file-writing thread stopped (exit code ${code})`)));
  }

  private end(error: Error): void {
    this.ended ??= error;
    this.waiting?.reject(this.ended);
    this.waiting = undefined;
  }

  /** `threadUrl`: the built dist/stage-thread.js (the default, next to this module's chunk). */
  static open(outDir: string, opts: WriteOptions, threadUrl = new URL('./stage-thread.js', import.meta.url)): ThreadedOutputWriter {
    throwIfInterrupted();
    const queued = new SharedArrayBuffer(4);
    const init: StageThreadInit = { outDir, opts, queued };
    return new ThreadedOutputWriter(new Worker(threadUrl, { workerData: init }), queued);
  }

  add(file: EmittedFile): void {
    this.push({ op: 'add', path: file.path, content: file.content }, file.content.length);
  }

  addStreamed(file: StreamedFile): void {
    this.push({ op: 'begin', path: file.path }, 0);
    for (const piece of file.pieces()) this.push({ op: 'piece', text: piece }, piece.length);
    this.push({ op: 'end' }, 0);
  }

  finish(): Promise<WriteResult> {
    return whileInFlight(this.commit());
  }

  async discard(): Promise<void> {
    if (this.stopped) return;
    this.ops = [];
    try {
      await this.ask({ type: 'discard' });
    } catch {
      // The thread is already gone (its own error is the one reported): nothing left to ask it.
    } finally {
      await this.stop();
    }
  }

  private async commit(): Promise<WriteResult> {
    this.flush();
    // A signal that came while the files were produced is delivered here (see OutputWriter.commit).
    await nextTurn();
    await nextTurn();
    try {
      throwIfInterrupted();
    } catch (error) {
      await this.discard();
      throw error;
    }
    const answer = await this.ask({ type: 'finish' });
    await this.stop();
    if (answer.type === 'finished') return answer.result;
    if (answer.type === 'failed') throw asError(answer.error);
    throw new WriteInterruptedError();
  }

  private push(op: StageOp, size: number): void {
    if (this.stopped) throw new Error('the output writer is already closed');
    this.ops.push(op);
    this.size += size;
    if (this.size >= BATCH_CHARS) this.flush();
  }

  /** Sends the gathered batch, first waiting (blocking this thread) while too much is still unwritten. */
  private flush(): void {
    if (this.ops.length === 0) return;
    let since = Date.now();
    for (let now = Atomics.load(this.queued, 0); now > MAX_QUEUED_CHARS; ) {
      if (Atomics.wait(this.queued, 0, now, 1000) === 'timed-out' && Date.now() - since > STALL_MS) {
        throw new Error(`the file-writing thread wrote nothing for ${STALL_MS / 1000} s`);
      }
      const later = Atomics.load(this.queued, 0);
      if (later < now) since = Date.now();
      now = later;
    }
    Atomics.add(this.queued, 0, this.size);
    const message: ToStageThread = { type: 'ops', ops: this.ops, size: this.size };
    this.worker.postMessage(message);
    this.ops = [];
    this.size = 0;
  }

  private ask(message: ToStageThread): Promise<FromStageThread> {
    if (this.ended) return Promise.reject(this.ended);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.worker.postMessage(message);
    });
  }

  private async stop(): Promise<void> {
    this.stopped = true;
    this.waiting = undefined;
    await this.worker.terminate();
  }
}

/** The writer thread's error as an Error of this thread, with its name and errno details. */
function asError(failure: StageFailure): Error {
  const error = new Error(failure.message) as NodeJS.ErrnoException;
  error.name = failure.name;
  if (failure.code !== undefined) error.code = failure.code;
  if (failure.syscall !== undefined) error.syscall = failure.syscall;
  if (failure.path !== undefined) error.path = failure.path;
  if (failure.stack !== undefined) error.stack = failure.stack;
  return error;
}
