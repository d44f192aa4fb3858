import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLI, ROOT, type CliRun } from './run-cli.js';

/** One cluster as the fake EMR holds it: API shapes, timestamps as epoch seconds like the wire. */
export interface FakeCluster {
  /** The `Cluster` of DescribeCluster, without groups, fleets or bootstrap actions. */
  cluster: Record<string, unknown> & { Id: string };
  instanceGroups?: unknown[];
  instanceFleets?: unknown[];
  bootstrapActions?: unknown[];
  /** Newest first, as ListSteps returns them. */
  steps: unknown[];
}

/** An error answer given `times` times to calls of `operation` (for one cluster, if given). */
export interface Fault {
  operation: string;
  clusterId?: string;
  status: number;
  type: string;
  message?: string;
  times: number;
}

export interface EndpointOptions {
  /** Items per page of every List call (EMR uses 50). */
  pageSize?: number;
  faults?: Fault[];
  /** A step that "arrives" right after the first ListSteps page of its cluster was served. */
  stepAddedDuringListing?: { clusterId: string; step: unknown };
}

export interface RecordedCall {
  operation: string;
  /** Whether the request carried a SigV4 Authorization header. */
  signed: boolean;
  status: number;
  body: Record<string, unknown>;
}

export interface EmrEndpoint {
  url: string;
  calls: RecordedCall[];
  close(): Promise<void>;
}

const TARGET_PREFIX = 'ElasticMapReduce.';

function page<T>(items: T[], marker: unknown, size: number): { items: T[]; next?: string } {
  const start = typeof marker === 'string' ? Number(Buffer.from(marker, 'base64').toString('utf8')) : 0;
  const end = start + size;
  return { items: items.slice(start, end), ...(end < items.length && { next: Buffer.from(String(end)).toString('base64') }) };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': 'fake-request-id' });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/**
 * A local EMR endpoint on 127.0.0.1 (ephemeral port) speaking the JSON 1.1 protocol the SDK
 * uses (`X-Amz-Target: ElasticMapReduce.<Operation>`, `application/x-amz-json-1.1`), with
 * `Marker` pagination, scripted faults, and a record of every call. Only the read-only
 * operations emr2k8s may call are implemented; any other answers `UnknownOperationException`.
 */
export async function startEmrEndpoint(clusters: FakeCluster[], options: EndpointOptions = {}): Promise<EmrEndpoint> {
  const size = options.pageSize ?? 50;
  const byId = new Map(clusters.map((c) => [c.cluster.Id, { ...c, steps: [...c.steps] }]));
  const faults = (options.faults ?? []).map((f) => ({ ...f }));
  const calls: RecordedCall[] = [];
  let stepAdded = false;

  const answer = (operation: string, body: Record<string, unknown>): [number, unknown] => {
    const fault = faults.find((f) => f.operation === operation && f.times > 0 && (!f.clusterId || f.clusterId === body.ClusterId));
    if (fault) {
      fault.times -= 1;
      return [fault.status, { __type: fault.type, ...(fault.message && { message: fault.message }) }];
    }
    if (operation === 'ListClusters') {
      const states = (body.ClusterStates as string[] | undefined) ?? [];
      const after = body.CreatedAfter as number | undefined;
      const matching = [...byId.values()]
        .map((c) => c.cluster as { Id: string; Name?: string; Status: { State: string; Timeline: { CreationDateTime: number } } })
        .filter((c) => (states.length === 0 || states.includes(c.Status.State)) && (after === undefined || c.Status.Timeline.CreationDateTime > after));
      const p = page(matching, body.Marker, size);
      return [200, { Clusters: p.items.map((c) => ({ Id: c.Id, Name: c.Name, Status: c.Status })), ...(p.next && { Marker: p.next }) }];
    }
    const cluster = byId.get(body.ClusterId as string);
    if (!cluster) return [400, { __type: 'InvalidRequestException', message: `Cluster id '${String(body.ClusterId)}' is not valid.` }];
    const list = (key: string, items: unknown[] | undefined): [number, unknown] => {
      const p = page(items ?? [], body.Marker, size);
      return [200, { [key]: p.items, ...(p.next && { Marker: p.next }) }];
    };
    switch (operation) {
      case 'DescribeCluster':
        return [200, { Cluster: cluster.cluster }];
      case 'ListInstanceGroups':
        return list('InstanceGroups', cluster.instanceGroups);
      case 'ListInstanceFleets':
        return list('InstanceFleets', cluster.instanceFleets);
      case 'ListBootstrapActions':
        return list('BootstrapActions', cluster.bootstrapActions);
      case 'ListSteps': {
        const result = list('Steps', cluster.steps);
        const added = options.stepAddedDuringListing;
        if (added && !stepAdded && added.clusterId === cluster.cluster.Id) {
          stepAdded = true;
          cluster.steps.unshift(added.step);
        }
        return result;
      }
      default:
        return [400, { __type: 'UnknownOperationException' }];
    }
  };

  const server = createServer((req, res) => {
    void readBody(req).then(
      (body) => {
        const target = String(req.headers['x-amz-target'] ?? '');
        const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
        const [status, payload] = answer(operation, body);
        calls.push({ operation, signed: /^AWS4-HMAC-SHA256 Credential=/.test(String(req.headers.authorization ?? '')), status, body });
        send(res, status, payload);
      },
      () => send(res, 400, { __type: 'SerializationException' }),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

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
