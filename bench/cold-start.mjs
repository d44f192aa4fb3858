// Benchmark: start-up cost of the built binary against `node -e 0`, measured in the same run
// (targets from the issue "Fast at fleet scale": --help at most 1.5x, one small conversion at
// most 3x). Prints ratios, not verdicts on absolute times. Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import process from 'node:process';
import { URL } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = 7;
const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist', 'cli.js');

function median(args) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, args, { cwd: root });
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

const out = mkdtempSync(join(tmpdir(), 'emr2k8s-bench-start-'));
try {
  const floor = median(['-e', '0']);
  const help = median([cli, '--help']);
  const convert = median([cli, 'convert', 'fixtures/nightly-etl/input', '--out', out]);
  const line = (name, s, target) => `${name}: ${s.toFixed(2)} s, ${(s / floor).toFixed(1)}x node -e 0 (target ${target}x)`;
  console.log(`node -e 0: ${floor.toFixed(2)} s`);
  console.log(line('--help', help, 1.5));
  console.log(line('convert nightly-etl', convert, 3));
} finally {
  rmSync(out, { recursive: true, force: true });
}
