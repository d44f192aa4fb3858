import { EXIT } from './cli/errors.js';
import { main } from './cli/main.js';

// An interrupted run leaves the previous output intact: files are renamed into place whole.
process.on('SIGINT', () => process.exit(EXIT.interrupted));
process.on('SIGTERM', () => process.exit(EXIT.interrupted));
process.exitCode = await main(process.argv.slice(2));
