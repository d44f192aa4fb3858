import { EXIT } from './cli/errors.js';
import { stdoutFailure } from './cli/io.js';
import { requestInterrupt } from './output/interrupt.js';

/**
 * SIGINT or SIGTERM: stop, let the file writer drop its staged files (or finish the renames
 * it has started), and exit 130 (DESIGN §5). The previous output is then intact: nothing in
 * the output folder changes before every file is staged. A second signal exits at once.
 *
 * Node runs a signal handler only when JavaScript yields to the event loop: a signal that
 * arrives while a large file is parsed or while the conversion runs (both synchronous) is
 * handled when that step ends. The stop flag is set in the handler itself, before any await,
 * and the writer yields to the loop and checks the flag before it commits, so a signal that
 * came at any time before the commit leaves the output folder as it was.
 */
let interrupted = false;
async function onSignal(): Promise<void> {
  if (interrupted) process.exit(EXIT.interrupted);
  interrupted = true;
  requestInterrupt();
  // Lazy, so that --help stays light; the module is shared with convert's.
  const { interruptWrites } = await import('./output/write-files.js');
  await interruptWrites();
  process.stderr.write('error: interrupted; no output file was half-written\n');
  process.exit(EXIT.interrupted);
}
process.on('SIGINT', () => void onSignal());
process.on('SIGTERM', () => void onSignal());

// The bundle is minified; with --debug, stack traces go through its source maps to the TypeScript.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);

// Loaded after the handlers are in place, so that a signal while the commands load is handled too.
const { main } = await import('./cli/main.js');
const code = await main(process.argv.slice(2));
process.exitCode = stdoutFailure() ?? code;
