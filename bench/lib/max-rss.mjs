// Preloaded with `node --import` by bench/fleet.mjs where GNU time is missing: prints the
// process's peak RSS (KiB, like time's %M) as the last line of stderr, however it exits.
import process from 'node:process';

process.on('exit', () => process.stderr.write(`\n${process.resourceUsage().maxRSS}\n`));
