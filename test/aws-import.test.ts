import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runImport } from '../src/cli/commands/import.js';
import type { CliIo } from '../src/cli/io.js';
import { EmrRetryStrategy } from '../src/importers/aws/retry-strategy.js';
import { startEmrEndpoint, runCliAsync, type EmrEndpoint, type FakeCluster } from './support/emr-endpoint.js';
import { fakeCluster, nightlyEtlCluster, sparkStep, sparkSteps } from './support/emr-fake-data.js';
import { CLI, ROOT, readTree, tempDir } from './support/run-cli.js';
import { awsEnv, FAKE_SECRET_KEY } from './support/aws-env.js';

const SECRET = FAKE_SECRET_KEY;
const READ_ONLY = ['DescribeCluster', 'ListClusters', 'ListSteps', 'DescribeStep', 'ListInstanceGroups', 'ListInstanceFleets', 'ListBootstrapActions'];

let endpoint: EmrEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

const big = fakeCluster({ id: 'j-1BIGSTEPS7QXW', name: 'clickstream-hourly', state: 'WAITING', createdDay: 3, steps: sparkSteps('1B', 230) });
const fleet = fakeCluster({ id: 'j-3FLEETS2KD9M', name: 'ad-attribution', state: 'RUNNING', createdDay: 5, steps: sparkSteps('3F', 75), fleets: true });
const gone = fakeCluster({ id: 'j-2TERMD8HZ4RN', name: 'backfill-2026-10', state: 'TERMINATED', createdDay: 1, steps: sparkSteps('2T', 12) });

function stepIds(dir: string): string[] {
  return (JSON.parse(readFileSync(join(dir, 'list-steps.json'), 'utf8')) as { Steps: { Id: string }[] }).Steps.map((s) => s.Id);
}

describe('emr2k8s import against a local EMR endpoint', () => {
  it('imports every page of several clusters, retries throttling and 5xx, and reports an unknown cluster', async () => {
    const late = sparkStep('s-1BLATEARRIVAL', 231, 'PENDING');
    endpoint = await startEmrEndpoint([big, fleet, gone], {
      pageSize: 50,
      stepAddedDuringListing: { clusterId: 'j-1BIGSTEPS7QXW', step: late },
      faults: [
        { operation: 'ListSteps', clusterId: 'j-3FLEETS2KD9M', status: 400, type: 'ThrottlingException', message: 'Rate exceeded', times: 1 },
        { operation: 'DescribeCluster', clusterId: 'j-2TERMD8HZ4RN', status: 503, type: 'InternalServerError', times: 1 },
      ],
    });
    const home = tempDir();
    const out = join(home, 'exports');
    const ids = ['j-1BIGSTEPS7QXW', 'j-3FLEETS2KD9M', 'j-0UNKNOWN4ZZZ', 'j-2TERMD8HZ4RN'];
    const run = await runCliAsync(['import', ...ids.flatMap((id) => ['--cluster-id', id]), '--endpoint-url', endpoint.url, '--out', out], { env: awsEnv(home) });

    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error j-0UNKNOWN4ZZZ: InvalidRequestException: Cluster id 'j-0UNKNOWN4ZZZ' is not valid\. \(hint: .+\)$/)]);
    expect(readdirSync(out).sort()).toEqual(['j-1BIGSTEPS7QXW', 'j-2TERMD8HZ4RN', 'j-3FLEETS2KD9M']);
    for (const [cluster, want] of [[big, 230], [fleet, 75], [gone, 12]] as [FakeCluster, number][]) {
      const dir = join(out, cluster.cluster.Id);
      expect(readdirSync(dir).sort()).toEqual(['describe-cluster.json', 'list-steps.json']);
      const ids = stepIds(dir);
      expect(ids).toHaveLength(want);
      expect(new Set(ids).size).toBe(want);
      expect(ids).toEqual((cluster.steps as { Id: string }[]).map((s) => s.Id));
      expect(run.stdout).toContain(`imported  ${cluster.cluster.Id}  "${String(cluster.cluster.Name)}" (${String((cluster.cluster.Status as { State: string }).State)}, ${want} steps)`);
    }
    const fleetFile = JSON.parse(readFileSync(join(out, 'j-3FLEETS2KD9M', 'describe-cluster.json'), 'utf8'));
    expect(fleetFile.Cluster.InstanceFleets.map((f: { InstanceFleetType: string }) => f.InstanceFleetType)).toEqual(['MASTER', 'CORE']);
    expect(fleetFile.Cluster.InstanceGroups).toBeUndefined();
    expect(fleetFile.Cluster.BootstrapActions[0].ScriptPath).toBe('s3://acme-artifacts/bootstrap/install-libs.sh');
    expect(fleetFile.Cluster.Status.Timeline.CreationDateTime).toBe('2026-11-06T00:00:00.000Z');

    const operations = new Set(endpoint.calls.map((c) => c.operation));
    for (const op of operations) expect(READ_ONLY).toContain(op);
    expect(endpoint.calls.every((c) => c.signed)).toBe(true);
    const stepPages = endpoint.calls.filter((c) => c.operation === 'ListSteps' && c.body.ClusterId === 'j-1BIGSTEPS7QXW' && c.status === 200);
    expect(stepPages).toHaveLength(5);
    expect(endpoint.calls.filter((c) => c.status === 400 && c.body.ClusterId === 'j-3FLEETS2KD9M')).toHaveLength(1);
    expect(endpoint.calls.filter((c) => c.status === 503)).toHaveLength(1);
    expect(`${run.stdout}${run.stderr}${JSON.stringify(readTree(out))}`).not.toContain(SECRET);
  });

  it('writes files that convert to the same manifests as the equivalent CLI export', async () => {
    endpoint = await startEmrEndpoint([nightlyEtlCluster()], { pageSize: 2 });
    const home = tempDir();
    const out = join(home, 'exports');
    // The endpoint from AWS_ENDPOINT_URL_EMR, as the SDKs' service-specific endpoint setting.
    const run = await runCliAsync(['import', '--cluster-id', 'j-2AXXXXXXGAPLF', '--out', out], { env: awsEnv(home, { AWS_ENDPOINT_URL_EMR: endpoint.url }) });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const text = readFileSync(join(out, 'j-2AXXXXXXGAPLF', 'describe-cluster.json'), 'utf8');
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);

    const k8s = join(home, 'k8s');
    const converted = await runCliAsync(['convert', out, '--out', k8s], { env: awsEnv(home) });
    expect(converted.status).toBe(Number(readFileSync(join(ROOT, 'fixtures/nightly-etl/expected/exit-code'), 'utf8')));
    const expected = readTree(join(ROOT, 'fixtures/nightly-etl/expected'));
    const manifests = Object.keys(expected).filter((f) => f.endsWith('.yaml'));
    expect(manifests.length).toBeGreaterThan(0);
    const actual = readTree(k8s);
    for (const file of manifests) expect(actual[file]).toBe(expected[file]);
  });

  it('--active follows ListClusters pages, keeps clusters created after the date, and re-imports in place', async () => {
    const older = fakeCluster({ id: 'j-0OLDWAIT5P2C', name: 'weekly-rollup', state: 'WAITING', createdDay: 0, steps: sparkSteps('0O', 3) });
    endpoint = await startEmrEndpoint([big, fleet, gone, older], { pageSize: 1 });
    const home = tempDir();
    const out = join(home, 'exports');
    const args = ['import', '--active', '--created-after', '2026-11-02', '--endpoint-url', endpoint.url, '--out', out];
    const first = await runCliAsync(args, { env: awsEnv(home) });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['j-1BIGSTEPS7QXW', 'j-3FLEETS2KD9M']);
    const listings = endpoint.calls.filter((c) => c.operation === 'ListClusters');
    expect(listings.map((c) => c.body.Marker !== undefined)).toEqual([false, true]);
    expect(listings[0]?.body.ClusterStates).toEqual(['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING']);
    const before = readTree(out);
    const again = await runCliAsync(args, { env: awsEnv(home) });
    expect(again.status).toBe(0);
    expect(readTree(out)).toEqual(before);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('exits 2 with one line when credentials are missing or expired, printing no secret', async () => {
    endpoint = await startEmrEndpoint([big], { faults: [{ operation: 'DescribeCluster', status: 400, type: 'ExpiredTokenException', message: 'The security token included in the request is expired', times: 99 }] });
    const home = tempDir();
    const expired = await runCliAsync(['import', '--cluster-id', 'j-1BIGSTEPS7QXW', '--endpoint-url', endpoint.url, '--out', join(home, 'x')], {
      env: awsEnv(home, { AWS_SESSION_TOKEN: 'FwoGZXIvYXdzEXAMPLETOKEN' }),
    });
    expect(expired.status).toBe(2);
    expect(expired.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: AWS credentials are missing, expired or not valid \(ExpiredTokenException\) \(hint: .+\)$/)]);
    expect(`${expired.stdout}${expired.stderr}`).not.toMatch(/EXAMPLETOKEN|EXAMPLEKEY/);
    expect(existsSync(join(home, 'x', 'j-1BIGSTEPS7QXW'))).toBe(false);

    const missing = await runCliAsync(['import', '--cluster-id', 'j-1BIGSTEPS7QXW', '--endpoint-url', endpoint.url, '--out', join(home, 'y')], {
      env: awsEnv(home, { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }),
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: AWS credentials are missing, expired or not valid \(CredentialsProviderError\)/)]);
  });

  it('exits 2 on usage errors before calling AWS', async () => {
    const home = tempDir();
    for (const args of [['--out', 'x'], ['--active', '--cluster-id', 'j-1BIGSTEPS7QXW', '--out', 'x'], ['--cluster-id', '../../etc', '--out', 'x'], ['--active', '--created-after', 'last week', '--out', 'x']]) {
      const run = await runCliAsync(['import', ...args], { env: awsEnv(home, { AWS_ENDPOINT_URL: 'http://127.0.0.1:9' }), cwd: home });
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^error: .+\(hint: .+\)$/m);
    }
    expect(readdirSync(home)).toEqual([]);
  });

  it('keeps the AWS SDK out of the start-up bundle', () => {
    expect(readFileSync(CLI, 'utf8')).not.toContain('@aws-sdk/client-emr');
  });
});

describe('runImport in-process', () => {
  /** The import's own strategy, ten attempts, with waits of a millisecond. */
  const fastRetries = () => new EmrRetryStrategy(10, { throttlingBaseMs: 1, transientBaseMs: 1, maxDelayMs: 1 });

  function io(cwd: string, isTty: boolean): CliIo & { out: string; err: string } {
    const sink = { out: '', err: '' };
    return Object.assign(sink, {
      stdout: (t: string) => void (sink.out += t),
      stderr: (t: string) => void (sink.err += t),
      cwd,
      env: {},
      isTty,
    });
  }

  it('shows progress on a terminal only, and outlasts sustained throttling', async () => {
    const home = tempDir();
    for (const [key, value] of Object.entries(awsEnv(home))) vi.stubEnv(key, value);
    endpoint = await startEmrEndpoint([big, fleet, gone], {
      faults: [
        { operation: 'ListSteps', clusterId: 'j-1BIGSTEPS7QXW', status: 400, type: 'ThrottlingException', times: 6 },
        { operation: 'ListClusters', status: 500, type: 'InternalServerError', times: 2 },
      ],
    });
    try {
      const options = { active: true, region: 'us-east-1', endpointUrl: endpoint.url, out: 'exports' };
      const tty = io(home, true);
      expect(await runImport(options, tty, { retryStrategy: fastRetries() })).toBe(0);
      const lines = tty.err.split('\r').filter(Boolean);
      expect(lines.at(-1)).toBe('importing: 2/2 clusters, 305 steps\n');
      expect(lines.every((l) => /^importing: \d\/2 clusters, \d+ steps\n?$/.test(l))).toBe(true);
      expect(stepIds(join(home, 'exports', 'j-1BIGSTEPS7QXW'))).toHaveLength(230);
      expect(endpoint.calls.filter((c) => c.status === 400)).toHaveLength(6);

      const pipe = io(home, false);
      expect(await runImport(options, pipe, { retryStrategy: fastRetries() })).toBe(0);
      expect(pipe.err).toBe('');
      expect(pipe.out).toMatch(/^imported {2}j-1BIGSTEPS7QXW {2}"clickstream-hourly" \(WAITING, 230 steps\) -> exports\/j-1BIGSTEPS7QXW\/$/m);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
