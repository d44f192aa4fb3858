import type { MessagePort } from 'node:worker_threads';
import type { WriteOptions, WriteResult } from './write-files.js';

/**
 * The messages between ThreadedOutputWriter (threaded-writer.ts) and the writer thread
 * (stage-thread.ts). Files travel in batches of operations, in the order they were given.
 * A batch's text travels as UTF-8 in one buffer that is moved to the writer thread, not
 * copied: an operation names its bytes by their `start` and `end` in that buffer. The thread
 * moves each buffer back once written (StageThreadInit `returns`), so the same few buffers
 * go round instead of fresh memory for every batch.
 */
export type StageOp =
  | { op: 'add'; path: string; start: number; end: number }
  | { op: 'begin'; path: string }
  | { op: 'piece'; start: number; end: number }
  | { op: 'end' };

export type ToStageThread =
  | { type: 'ops'; ops: StageOp[]; bytes: ArrayBuffer; size: number }
  | { type: 'finish' }
  | { type: 'discard' };

/** An error of the writer thread, as plain data (an Error does not keep its `code` across threads). */
export interface StageFailure {
  name: string;
  message: string;
  code?: string;
  syscall?: string;
  path?: string;
  stack?: string;
}

export type FromStageThread =
  | { type: 'finished'; result: WriteResult }
  | { type: 'failed'; error: StageFailure }
  | { type: 'discarded' };

export interface StageThreadInit {
  outDir: string;
  opts: WriteOptions;
  /**
   * One Int32: bytes sent but not yet written. The writer thread lowers it after each batch;
   * the sender waits while it is over its bound, so a slow disk holds memory bounded.
   */
  queued: SharedArrayBuffer;
  /** Where the thread moves each batch's buffer back once the batch is written. */
  returns: MessagePort;
}
