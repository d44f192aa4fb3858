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
 * Cores from which the writer thread is started. On 2 cores it measured hardly faster (the
 * 200 × 50 fleet, five alternating runs: medians 6.27 s without, 6.11 s with) and 30–100 MB
 * heavier (bench/README.md): V8's garbage collector and the kernel's file work already keep
 * the second core busy.
 */
export const WRITER_THREAD_MIN_CORES = 4;

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
