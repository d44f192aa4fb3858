import { availableParallelism } from 'node:os';
import type { EmrSnapshot } from '../model/emr-snapshot.js';
import { ThreadedOutputWriter } from './threaded-writer.js';
import { OutputWriter, type FileWriter, type WriteOptions } from './write-files.js';

/**
 * Steps from which a conversion stages its files in a writer thread: about 2 files a step, and
 * below a few hundred files staging costs less than starting the thread (~30 ms) would save.
 */
export const WRITER_THREAD_MIN_STEPS = 400;

/**
 * Cores from which the writer thread is started: one core converts while the other writes.
 * On this project's 2-core machine the 200 × 50 fleet took a median 5.27 s with it against
 * 5.62 s without (six alternating runs, bench/README.md), for about 55 MB more peak RSS;
 * reusing the batch buffers then brought it to 4.91 s and 290 MB.
 */
export const WRITER_THREAD_MIN_CORES = 2;

/**
 * Whether a conversion of `snapshots` stages its files in a writer thread: from
 * {@link WRITER_THREAD_MIN_STEPS} steps on, on a machine with {@link WRITER_THREAD_MIN_CORES}
 * cores or more. `EMR2K8S_WRITE_THREAD=on|off` forces the choice (tests and benchmarks use
 * it); both ways write the same files with the same guarantees.
 */
export function wantsWriterThread(snapshots: readonly EmrSnapshot[], env: NodeJS.ProcessEnv, cores = availableParallelism()): boolean {
  const forced = env.EMR2K8S_WRITE_THREAD;
  if (forced === 'on' || forced === 'off') return forced === 'on';
  return cores >= WRITER_THREAD_MIN_CORES && snapshots.reduce((n, s) => n + s.steps.length, 0) >= WRITER_THREAD_MIN_STEPS;
}

/** The writer of a conversion of `snapshots`: {@link ThreadedOutputWriter} or {@link OutputWriter} (see {@link wantsWriterThread}). */
export function openWriter(outDir: string, opts: WriteOptions, snapshots: readonly EmrSnapshot[], env: NodeJS.ProcessEnv = process.env): FileWriter {
  return wantsWriterThread(snapshots, env) ? ThreadedOutputWriter.open(outDir, opts) : OutputWriter.open(outDir, opts);
}
