// A local EMR endpoint, the one implementation both the import benchmark (bench/fleet.mjs) and
// the tests (test/support/emr-endpoint.ts re-exports it with types, emr-endpoint.d.mts) use.
// It speaks the JSON 1.1 protocol the SDK uses (`X-Amz-Target: ElasticMapReduce.<Operation>`,
// `application/x-amz-json-1.1`, `Marker` pagination, epoch-second timestamps), with scripted
// faults, a seeded share of throttled and 5xx answers, and a record of every call. Only the
// read-only operations emr2k8s may call are implemented; any other answers
// `UnknownOperationException`. Plain .mjs because benchmarks run without a TypeScript loader;
// it lives in bench/lib/ so that `npm run bench` (every bench/*.mjs) does not run it.
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import { seededRandom } from '../fleet-generator.mjs';

const TARGET_PREFIX = 'ElasticMapReduce.';

/** ISO timestamps of a CLI export to the epoch seconds the wire carries. */
export function toWire(value, key = '') {
  if (typeof value === 'string' && key.endsWith('DateTime')) return Date.parse(value) / 1000;
  if (Array.isArray(value)) return value.map((v) => toWire(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v, k)]));
  return value;
}

/** A generated cluster (fleet-generator.mjs) as the API serves it: groups, fleets and steps apart. */
export function servedCluster(generated) {
  const { InstanceGroups, InstanceFleets, ...cluster } = toWire(generated.describeCluster).Cluster;
  return { cluster, instanceGroups: InstanceGroups ?? [], instanceFleets: InstanceFleets ?? [], bootstrapActions: [], steps: toWire(generated.listSteps).Steps };
}

function page(items, marker, size) {
  const start = typeof marker === 'string' ? Number(Buffer.from(marker, 'base64').toString('utf8')) : 0;
  const end = start + size;
  return { items: items.slice(start, end), ...(end < items.length && { next: Buffer.from(String(end)).toString('base64') }) };
}

/** FNV-1a of a string: the seed of the one draw that decides a request's fate. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Decides, from `seed`, whether a request is throttled or answered with a 5xx. The draw depends
 * on the request (operation, cluster, marker) and on how many times that same request came
 * before, not on arrival order: concurrent calls arrive in a different order on every run, and
 * the same requests must still fail in every run.
 */
function troubleMaker({ throttleShare = 0, serverErrorShare = 0, seed = 7 }) {
  const seen = new Map();
  return (operation, body) => {
    if (throttleShare <= 0 && serverErrorShare <= 0) return undefined;
    const key = `${operation}|${String(body.ClusterId ?? '')}|${String(body.Marker ?? '')}`;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    const draw = seededRandom(hash(`${seed}|${key}|${nth}`)).next();
    if (draw < throttleShare) return { status: 400, type: 'ThrottlingException', message: 'Rate exceeded' };
    if (draw < throttleShare + serverErrorShare) {
      // EMR's two server errors (https://docs.aws.amazon.com/emr/latest/APIReference/CommonErrors.html).
      return draw < throttleShare + serverErrorShare / 2
        ? { status: 500, type: 'InternalFailure', message: 'The request processing has failed because of an unknown error.' }
        : { status: 503, type: 'ServiceUnavailable', message: 'The request has failed due to a temporary failure of the server.' };
    }
    return undefined;
  };
}

/** Serves `clusters` on 127.0.0.1 (ephemeral port); see emr-endpoint.d.mts for the options. */
export async function startEmrEndpoint(clusters, options = {}) {
  const size = options.pageSize ?? 50;
  const byId = new Map(clusters.map((c) => [c.cluster.Id, { ...c, steps: [...c.steps] }]));
  const faults = (options.faults ?? []).map((f) => ({ ...f }));
  const trouble = troubleMaker(options);
  const calls = [];
  const stats = { calls: 0, throttled: 0, serverErrors: 0 };
  let stepAdded = false;

  const answer = (operation, body) => {
    const fault = faults.find((f) => f.operation === operation && f.times > 0 && (!f.clusterId || f.clusterId === body.ClusterId));
    if (fault) {
      fault.times -= 1;
      return [fault.status, { __type: fault.type, ...(fault.message && { message: fault.message }) }];
    }
    const failure = trouble(operation, body);
    if (failure) return [failure.status, { __type: failure.type, message: failure.message }];
    if (operation === 'ListClusters') {
      const states = body.ClusterStates ?? [];
      const after = body.CreatedAfter;
      const matching = [...byId.values()]
        .map((c) => c.cluster)
        .filter((c) => (states.length === 0 || states.includes(c.Status.State)) && (after === undefined || c.Status.Timeline.CreationDateTime > after));
      const p = page(matching, body.Marker, size);
      return [200, { Clusters: p.items.map((c) => ({ Id: c.Id, Name: c.Name, Status: c.Status })), ...(p.next && { Marker: p.next }) }];
    }
    const cluster = byId.get(body.ClusterId);
    if (!cluster) return [400, { __type: 'InvalidRequestException', message: `Cluster id '${String(body.ClusterId)}' is not valid.` }];
    const list = (key, items) => {
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

  const send = (res, status, payload) => {
    const text = JSON.stringify(payload);
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': `fake-${stats.calls}` });
    res.end(text);
  };

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      let body;
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        body = text ? JSON.parse(text) : {};
      } catch {
        send(res, 400, { __type: 'SerializationException' });
        return;
      }
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
      const [status, payload] = answer(operation, body);
      stats.calls += 1;
      if (payload.__type === 'ThrottlingException') stats.throttled += 1;
      if (status >= 500) stats.serverErrors += 1;
      calls.push({ operation, signed: /^AWS4-HMAC-SHA256 Credential=/.test(String(req.headers.authorization ?? '')), status, body });
      send(res, status, payload);
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    calls,
    stats,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
