import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EmittedFile, StreamedFile } from '../emitters/emitted-file.js';
import type { FromStageThread, StageFailure, StageOp, StageThreadInit, ToStageThread } from './stage-protocol.js';
import { throwIfInterrupted, whileInFlight, WriteInterruptedError, type FileWriter, type WriteOptions, type WriteResult } from './write-files.js';

/** Bytes gathered before a batch goes to the writer thread: few messages, little held. */
const BATCH_BYTES = 1 << 20;
/** Bytes sent and not yet written beyond which the conversion waits for the writer thread. */
const MAX_QUEUED_BYTES = 8 << 20;
/** UTF-8 takes at most 3 bytes for each UTF-16 unit of a JavaScript string. */
const MAX_UTF8_PER_UNIT = 3;
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
  /** The batch's text as UTF-8, `size` bytes of it used; moved to the writer thread by {@link flush}. */
  private bytes = new Uint8Array(BATCH_BYTES);
  private size = 0;
  /** Batch buffers the writer thread moved back, ready for another batch. */
  private readonly free: ArrayBuffer[] = [];
  private readonly encoder = new TextEncoder();
  private readonly queued: Int32Array;
  private waiting: { resolve: (m: FromStageThread) => void; reject: (e: Error) => void } | undefined;
  /** Why the writer thread is gone, once it is (its events arrive only when this thread yields). */
  private ended: Error | undefined;
  private stopped = false;

  private constructor(
    private readonly worker: Worker,
    queued: SharedArrayBuffer,
    private readonly returns: MessagePort,
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
    const { port1: returns, port2 } = new MessageChannel();
    // Read synchronously in flush (receiveMessageOnPort): it must not keep the process alive.
    returns.unref();
    const init: StageThreadInit = { outDir, opts, queued, returns: port2 };
    return new ThreadedOutputWriter(new Worker(threadUrl, { workerData: init, transferList: [port2] }), queued, returns);
  }

  add(file: EmittedFile): void {
    const { start, end } = this.encode(file.content);
    this.push({ op: 'add', path: file.path, start, end });
  }

  addStreamed(file: StreamedFile): void {
    this.push({ op: 'begin', path: file.path });
    for (const piece of file.pieces()) this.push({ op: 'piece', ...this.encode(piece) });
    this.push({ op: 'end' });
  }

  /** Appends `text` to the batch's bytes (made larger when it might not fit); where it went. */
  private encode(text: string): { start: number; end: number } {
    this.checkOpen();
    const room = text.length * MAX_UTF8_PER_UNIT;
    if (this.size + room > this.bytes.length) {
      const larger = new Uint8Array(Math.max(this.bytes.length * 2, this.size + room));
      larger.set(this.bytes.subarray(0, this.size));
      this.bytes = larger;
    }
    const start = this.size;
    this.size += this.encoder.encodeInto(text, this.bytes.subarray(start)).written;
    return { start, end: this.size };
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

  private checkOpen(): void {
    if (this.stopped) throw new Error('the output writer is already closed');
  }

  private push(op: StageOp): void {
    this.checkOpen();
    this.ops.push(op);
    if (this.size >= BATCH_BYTES) this.flush();
  }

  /** Sends the gathered batch, first waiting (blocking this thread) while too much is still unwritten. */
  private flush(): void {
    if (this.ops.length === 0) return;
    let since = Date.now();
    for (let now = Atomics.load(this.queued, 0); now > MAX_QUEUED_BYTES; ) {
      if (Atomics.wait(this.queued, 0, now, 1000) === 'timed-out' && Date.now() - since > STALL_MS) {
        throw new Error(`the file-writing thread wrote nothing for ${STALL_MS / 1000} s`);
      }
      const later = Atomics.load(this.queued, 0);
      if (later < now) since = Date.now();
      now = later;
    }
    Atomics.add(this.queued, 0, this.size);
    // Moved, not copied: the writer thread owns the buffer until it moves it back.
    const bytes = this.bytes.buffer as ArrayBuffer;
    const message: ToStageThread = { type: 'ops', ops: this.ops, bytes, size: this.size };
    this.worker.postMessage(message, [bytes]);
    this.ops = [];
    this.size = 0;
    this.bytes = new Uint8Array(this.reusableBuffer() ?? new ArrayBuffer(BATCH_BYTES));
  }

  /**
   * A buffer the writer thread has moved back, if any. Reusing them spares the page faults of
   * fresh memory for every batch, which cost this thread more than the copy of the bytes.
   * A buffer grown for a very large file is let go.
   */
  private reusableBuffer(): ArrayBuffer | undefined {
    for (let back = receiveMessageOnPort(this.returns); back; back = receiveMessageOnPort(this.returns)) {
      const buffer = back.message as ArrayBuffer;
      if (buffer.byteLength <= 2 * BATCH_BYTES) this.free.push(buffer);
    }
    return this.free.pop();
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
    this.returns.close();
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
