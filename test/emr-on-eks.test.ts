import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './support/run-cli.js';

// The SDK warns about Node 20 when a client is built (docs: toolchain notes).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const { EMRContainersClient, StartJobRunCommand } = await import('@aws-sdk/client-emr-containers');

interface Received {
  path: string;
  method: string;
  body: Record<string, unknown>;
}

/**
 * A local EMR on EKS endpoint for StartJobRun (REST-JSON, `POST /virtualclusters/{id}/jobruns`):
 * records each call and answers like the service, `{ id, name, arn, virtualClusterId }`.
 */
async function startEndpoint(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      received.push({ path: req.url ?? '', method: req.method ?? '', body });
      const match = /^\/virtualclusters\/([0-9a-z]+)\/jobruns$/.exec(req.url ?? '');
      const answer = match
        ? { status: 200, body: { id: `jr${received.length}`, name: body.name, arn: `arn:aws:emr-containers:us-east-1:123456789012:/virtualclusters/${match[1]}/jobruns/jr${received.length}`, virtualClusterId: match[1] } }
        : { status: 400, body: { message: `unexpected path ${req.url}` } };
      res.writeHead(answer.status, { 'content-type': 'application/json', 'x-amzn-requestid': 'fake' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

/** Every StartJobRun request the real binary writes for the emr-on-eks-target scenario. */
function generatedRequests(): Array<{ file: string; request: Record<string, unknown> }> {
  const out = tempDir();
  const cwd = join(ROOT, 'fixtures', 'emr-on-eks-target');
  const run = runCli(['convert', 'input', '--out', out, '--format', 'json'], { cwd });
  expect(run.stderr).not.toMatch(/internal error/);
  const dir = join(out, 'analytics');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.start-job-run.json'))
    .sort()
    .map((file) => ({ file, request: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown> }));
}

describe('emr-on-eks requests against the AWS SDK', () => {
  let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
  beforeAll(async () => {
    endpoint = await startEndpoint();
  });
  afterAll(async () => {
    endpoint.server.closeAllConnections();
    await new Promise<void>((done) => endpoint.server.close(() => done()));
  });

  it('sends every generated request with StartJobRunCommand, unchanged', async () => {
    const requests = generatedRequests();
    expect(requests.map((r) => r.file)).toEqual([
      'load-dim-users-hive.start-job-run.json',
      'score-users.start-job-run.json',
      'sessionize-clicks.start-job-run.json',
    ]);
    const client = new EMRContainersClient({
      endpoint: endpoint.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDFAKEFAKEFAKEFAKE', secretAccessKey: 'fake-secret-for-a-local-endpoint' },
    });
    for (const { request } of requests) {
      const answer = await client.send(new StartJobRunCommand(JSON.parse(JSON.stringify(request))));
      expect(answer.name).toBe(request.name);
      expect(answer.virtualClusterId).toBe(request.virtualClusterId);
    }
    client.destroy();

    expect(endpoint.received).toHaveLength(requests.length);
    endpoint.received.forEach((call, i) => {
      const { virtualClusterId, ...body } = requests[i]!.request;
      expect(call.method).toBe('POST');
      expect(call.path).toBe(`/virtualclusters/${String(virtualClusterId)}/jobruns`);
      // The SDK fills in the idempotency token the files leave out (the AWS CLI does the same).
      const { clientToken, ...rest } = call.body;
      expect(typeof clientToken).toBe('string');
      expect(rest).toEqual(body);
    });
  });
});
