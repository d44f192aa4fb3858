// The writer thread of ThreadedOutputWriter (threaded-writer.ts): an OutputWriter that takes
// its files as messages, so that staging (open, write, hash, compare with the disk) runs on
// the second core while the conversion goes on. Bundled as its own entry, dist/stage-thread.js.
import { parentPort, workerData } from 'node:worker_threads';
import type { FromStageThread, StageFailure, StageOp, StageThreadInit, ToStageThread } from './stage-protocol.js';
import { OutputWriter, type PieceSink } from './write-files.js';

const init = workerData as StageThreadInit;
const queued = new Int32Array(init.queued);
const port = parentPort;
if (!port) throw new Error('stage-thread.js runs only as a worker thread');

let writer: OutputWriter | undefined;
let streamed: PieceSink | undefined;
/** The first error; later files are skipped, and `finish` answers with it. */
let failure: StageFailure | undefined;

function asFailure(error: unknown): StageFailure {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code, syscall, path } = error as NodeJS.ErrnoException;
  return {
    name: error.name,
    message: error.message,
    ...(code !== undefined && { code }),
    ...(syscall !== undefined && { syscall }),
    ...(path !== undefined && { path }),
    ...(error.stack !== undefined && { stack: error.stack }),
  };
}

function apply(op: StageOp, bytes: Buffer): void {
  writer ??= OutputWriter.open(init.outDir, init.opts);
  switch (op.op) {
    case 'add':
      return writer.addBytes(op.path, bytes.subarray(op.start, op.end));
    case 'begin':
      streamed = writer.beginStreamed(op.path);
      return;
    case 'piece':
      return streamed?.write(bytes.subarray(op.start, op.end));
    case 'end':
      streamed?.end();
      streamed = undefined;
  }
}

function reply(message: FromStageThread): void {
  port?.postMessage(message);
}

port.on('message', (message: ToStageThread) => {
  if (message.type === 'ops') {
    const bytes = Buffer.from(message.bytes, 0, message.size);
    try {
      if (failure === undefined) for (const op of message.ops) apply(op, bytes);
    } catch (error) {
      failure = asFailure(error);
    } finally {
      // Always counted down, even after a failure: the sender may be waiting for room. The
      // buffer goes back for another batch; nothing written keeps a view of it.
      Atomics.sub(queued, 0, message.size);
      Atomics.notify(queued, 0);
      init.returns.postMessage(message.bytes, [message.bytes]);
    }
    return;
  }
  if (message.type === 'discard' || failure !== undefined) {
    writer?.discard();
    reply(failure !== undefined && message.type === 'finish' ? { type: 'failed', error: failure } : { type: 'discarded' });
    return;
  }
  (writer ?? OutputWriter.open(init.outDir, init.opts)).finish().then(
    (result) => reply({ type: 'finished', result }),
    (error: unknown) => reply({ type: 'failed', error: asFailure(error) }),
  );
});
