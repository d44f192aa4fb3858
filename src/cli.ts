import { EXIT } from './cli/errors.js';
import { requestInterrupt } from './output/interrupt.js';

/**
 * SIGINT or SIGTERM: stop, let the file writer drop its staged files (or finish the renames
 * it has started), and exit 130 (DESIGN §5). The previous output is then intact: nothing in
 * the output folder changes before every file is staged. A second signal exits at once.
 */
let interrupted = false;
async function onSignal(): Promise<void> {
  if (interrupted) process.exit(EXIT.interrupted);
  interrupted = true;
  requestInterrupt();
  // The writer is loaded lazily, so that --help stays light; the module is shared with convert's.
  const { interruptWrites } = await import('./output/write-files.js');
  await interruptWrites();
  process.stderr.write('error: interrupted; no output file was half-written\n');
  process.exit(EXIT.interrupted);
}
process.on('SIGINT', () => void onSignal());
process.on('SIGTERM', () => void onSignal());
// Loaded only once the handlers are in place, so that a signal during start-up also exits 130.
const { main } = await import('./cli/main.js');
process.exitCode = await main(process.argv.slice(2));
