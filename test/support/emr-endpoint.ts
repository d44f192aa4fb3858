import { spawn } from 'node:child_process';
import { CLI, ROOT, type CliRun } from './run-cli.js';

// The endpoint itself is bench/lib/emr-endpoint.mjs, shared with the import benchmark so that
// both speak the same protocol; its types are in emr-endpoint.d.mts next to it.
export { startEmrEndpoint } from '../../bench/lib/emr-endpoint.mjs';
export type { EmrEndpoint, EndpointOptions, FakeCluster, Fault, RecordedCall } from '../../bench/lib/emr-endpoint.mjs';

/**
 * The built binary, run asynchronously: `runCli` (./run-cli.ts) blocks this process in
 * `spawnSync`, and the endpoint above lives in this process, so it would never answer.
 * The run is killed after `timeoutMs`.
 */
export function runCliAsync(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', fail);
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    });
  });
}
