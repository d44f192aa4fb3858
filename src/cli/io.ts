import { EXIT } from './errors.js';

/** What a command may touch of the process, injected so commands can be tested in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Colour and progress only on a terminal, and never with NO_COLOR. */
  isTty: boolean;
  /**
   * Resolves once what was written to stdout has gone out, for commands that print a lot (a
   * fleet's `--format json` is tens of MB): a pipe takes 64 KB at a time, and the rest would
   * wait in memory. Absent where stdout is not a stream (in-process tests).
   */
  drained?(): Promise<void>;
}

/** Set once stdout fails: the exit code the process ends with instead of the command's. */
let stdoutExit: number | undefined;
let watching = false;

/**
 * A reader that stops early (`emr2k8s convert … | head`) closes the pipe, and the next write
 * fails with EPIPE. That is not an error of the run: the command goes on without stdout (files
 * are still written whole) and the process exits 141, as a tool killed by SIGPIPE does
 * (128 + 13), with nothing on stderr. Any other stdout failure (a full disk) is one line on
 * stderr and exit 2.
 */
function watchStreams(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (stdoutExit !== undefined) return;
    stdoutExit = error.code === 'EPIPE' ? EXIT.brokenPipe : EXIT.failed;
    if (stdoutExit === EXIT.failed) process.stderr.write(`error: cannot write to standard output (${error.code ?? error.message})\n`);
    // The error may be reported after the command has returned its exit code: this one wins.
    process.exitCode = stdoutExit;
  });
  // Nowhere left to report a failing stderr; without a listener it would throw.
  process.stderr.on('error', () => undefined);
}

/** The exit code stdout's failure calls for, if it failed. */
export function stdoutFailure(): number | undefined {
  return stdoutExit;
}

export function processIo(): CliIo {
  watchStreams();
  return {
    stdout: (text) => {
      if (stdoutExit === undefined) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    drained: () => {
      const out = process.stdout;
      if (!out.writableNeedDrain || stdoutExit !== undefined) return Promise.resolve();
      // A reader that goes away never drains the pipe: its close or error ends the wait too.
      return new Promise((done) => {
        const finish = () => {
          out.off('drain', finish).off('close', finish).off('error', finish);
          done();
        };
        out.once('drain', finish).once('close', finish).once('error', finish);
      });
    },
    cwd: process.cwd(),
    env: process.env,
    isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
}
