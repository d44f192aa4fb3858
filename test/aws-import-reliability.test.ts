import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeClusterCommand } from '@aws-sdk/client-emr';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runImport } from '../src/cli/commands/import.js';
import type { CliIo } from '../src/cli/io.js';
import { createEmrClient, MAX_ATTEMPTS } from '../src/importers/aws/client.js';
import { EmrRetryStrategy } from '../src/importers/aws/retry-strategy.js';
import { runCliAsync, startEmrEndpoint, type EmrEndpoint, type FakeCluster } from './support/emr-endpoint.js';
import { fakeCluster, sparkSteps } from './support/emr-fake-data.js';
import { readTree, tempDir } from './support/run-cli.js';
import { awsEnv } from './support/aws-env.js';

/** The SDK reads the fake AWS environment from process.env. */
function stubAwsEnv(home: string, extra: Record<string, string | undefined> = {}): void {
  for (const [key, value] of Object.entries(awsEnv(home, extra))) vi.stubEnv(key, value);
}

const endpoints: EmrEndpoint[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(endpoints.splice(0).map((e) => e.close()));
});

async function serve(...args: Parameters<typeof startEmrEndpoint>): Promise<EmrEndpoint> {
  const endpoint = await startEmrEndpoint(...args);
  endpoints.push(endpoint);
  return endpoint;
}

/** 24 active clusters, groups and fleets, 0 to 129 steps each: 1 to 13 ListSteps pages of 10. */
const FLEET: FakeCluster[] = Array.from({ length: 24 }, (_, i) => {
  const tag = `R${i.toString(36).toUpperCase()}`;
  return fakeCluster({
    id: `j-${tag}${'RELIABLE'.slice(0, 10 - tag.length)}`,
    name: `reliable-${i}`,
    state: i % 2 ? 'RUNNING' : 'WAITING',
    createdDay: i % 5,
    steps: sparkSteps(tag, (i * 37) % 130),
    fleets: i % 3 === 0,
  });
});

/** The production strategy with waits of a few milliseconds: the same attempts, no slow test. */
const tinyDelays = () => new EmrRetryStrategy(MAX_ATTEMPTS, { throttlingBaseMs: 2, transientBaseMs: 1, maxDelayMs: 8 });

function quietIo(cwd: string): CliIo & { out: string; err: string } {
  const sink = { out: '', err: '' };
  return Object.assign(sink, { stdout: (t: string) => void (sink.out += t), stderr: (t: string) => void (sink.err += t), cwd, env: {}, isTty: false });
}

async function importAll(endpoint: EmrEndpoint, home: string, out: string): Promise<{ status: number; io: ReturnType<typeof quietIo> }> {
  const io = quietIo(home);
  const status = await runImport({ active: true, region: 'us-east-1', endpointUrl: endpoint.url, out }, io, { retryStrategy: tinyDelays() });
  return { status, io };
}

describe('live import under 30% throttled and 10% 5xx answers', () => {
  it('imports every cluster whole: every page once, every step once, the same files as without faults', async () => {
    const home = tempDir();
    stubAwsEnv(home);
    const stormy = await serve(FLEET, { pageSize: 10, throttleShare: 0.3, serverErrorShare: 0.1, seed: 20261124 });
    const calm = await serve(FLEET, { pageSize: 10 });
    const inStorm = await importAll(stormy, home, 'stormy');
    const inCalm = await importAll(calm, home, 'calm');
    expect(inStorm.io.err).toBe('');
    expect(inStorm.status).toBe(0);
    expect(inCalm.status).toBe(0);
    expect(inStorm.io.out).toContain(`${FLEET.length} of ${FLEET.length} clusters imported`);

    // The faults happened, in the shares asked for, of both kinds.
    const { calls } = stormy;
    const throttled = calls.filter((c) => c.status === 400).length;
    expect(throttled / calls.length).toBeGreaterThan(0.2);
    expect(new Set(calls.filter((c) => c.status >= 500).map((c) => c.status))).toEqual(new Set([500, 503]));
    expect(calls.length).toBeGreaterThan(calm.calls.length * 1.4);

    // Every page of every list was answered once: a retried page is asked again, never skipped.
    const answered = (endpoint: EmrEndpoint) =>
      endpoint.calls
        .filter((c) => c.status === 200)
        .map((c) => `${c.operation} ${String(c.body.ClusterId ?? '')} ${String(c.body.Marker ?? '')}`)
        .sort();
    expect(answered(stormy)).toEqual(answered(calm));
    expect(new Set(answered(stormy)).size).toBe(answered(stormy).length);

    // Every step exactly once, in EMR's order, and the very files of the import without faults.
    const stormyDir = join(home, 'stormy');
    for (const cluster of FLEET) {
      const written = JSON.parse(readFileSync(join(stormyDir, cluster.cluster.Id, 'list-steps.json'), 'utf8')) as { Steps: { Id: string }[] };
      expect(written.Steps.map((s) => s.Id)).toEqual((cluster.steps as { Id: string }[]).map((s) => s.Id));
    }
    expect(readTree(stormyDir)).toEqual(readTree(join(home, 'calm')));

    // And they convert alike (the built binary, as a user runs it). Identical files convert
    // alike anyway, and convert is slow: three clusters, groups and fleets, are enough.
    const sample = (from: string, to: string) => {
      for (const cluster of FLEET.slice(0, 3)) cpSync(join(home, from, cluster.cluster.Id), join(home, to, cluster.cluster.Id), { recursive: true });
      return join(home, to);
    };
    const convertedStormy = await runCliAsync(['convert', sample('stormy', 'stormy-sample'), '--out', join(home, 'k8s-stormy')], { cwd: home, timeoutMs: 60_000 });
    const convertedCalm = await runCliAsync(['convert', sample('calm', 'calm-sample'), '--out', join(home, 'k8s-calm')], { cwd: home, timeoutMs: 60_000 });
    expect(convertedStormy.status).toBe(convertedCalm.status);
    const manifests = (dir: string) => Object.fromEntries(Object.entries(readTree(dir)).filter(([file]) => file.endsWith('.yaml')));
    expect(Object.keys(manifests(join(home, 'k8s-calm'))).length).toBeGreaterThan(0);
    expect(manifests(join(home, 'k8s-stormy'))).toEqual(manifests(join(home, 'k8s-calm')));
  }, 60_000);
});

describe('createEmrClient retry settings', () => {
  const cluster = FLEET[1] as FakeCluster;
  const describeIt = (client: ReturnType<typeof createEmrClient>) => client.send(new DescribeClusterCommand({ ClusterId: cluster.cluster.Id }));

  it('uses EmrRetryStrategy with MAX_ATTEMPTS attempts by default', async () => {
    stubAwsEnv(tempDir());
    const endpoint = await serve([cluster], { faults: [{ operation: 'DescribeCluster', status: 503, type: 'ServiceUnavailable', times: 2 }] });
    const client = createEmrClient({ endpointUrl: endpoint.url }, process.env);
    expect(await client.config.retryStrategy()).toBeInstanceOf(EmrRetryStrategy);
    expect(await client.config.maxAttempts()).toBe(MAX_ATTEMPTS);
    const answer = await describeIt(client);
    expect(answer.Cluster?.Id).toBe(cluster.cluster.Id);
    expect(answer.$metadata.attempts).toBe(3);
    client.destroy();
  });

  it('lets AWS_MAX_ATTEMPTS win: three attempts, then the error', async () => {
    stubAwsEnv(tempDir(), { AWS_MAX_ATTEMPTS: '3' });
    const endpoint = await serve([cluster], { faults: [{ operation: 'DescribeCluster', status: 503, type: 'ServiceUnavailable', times: 99 }] });
    const client = createEmrClient({ endpointUrl: endpoint.url }, process.env);
    expect(await client.config.retryStrategy()).toBeInstanceOf(EmrRetryStrategy);
    await expect(describeIt(client)).rejects.toMatchObject({ name: 'ServiceUnavailable', $metadata: { attempts: 3 } });
    expect(endpoint.calls).toHaveLength(3);
    client.destroy();
  });

  it('lets AWS_RETRY_MODE pick the SDK modes, with MAX_ATTEMPTS unless AWS_MAX_ATTEMPTS is set', async () => {
    for (const [mode, attempts, expected] of [
      ['adaptive', undefined, MAX_ATTEMPTS],
      ['standard', undefined, MAX_ATTEMPTS],
      ['standard', '2', 2],
    ] as const) {
      stubAwsEnv(tempDir(), { AWS_RETRY_MODE: mode, AWS_MAX_ATTEMPTS: attempts });
      const client = createEmrClient({ endpointUrl: 'http://127.0.0.1:9' }, process.env);
      const strategy = (await client.config.retryStrategy()) as { mode?: string };
      expect(strategy).not.toBeInstanceOf(EmrRetryStrategy);
      expect(strategy.mode).toBe(mode);
      expect(await client.config.maxAttempts()).toBe(expected);
      client.destroy();
    }
  });
});
