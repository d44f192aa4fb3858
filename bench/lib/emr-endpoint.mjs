// A local EMR endpoint for the import benchmark: the same JSON 1.1 protocol as
// test/support/emr-endpoint.ts (`X-Amz-Target: ElasticMapReduce.<Operation>`,
// `application/x-amz-json-1.1`, `Marker` pagination, epoch-second timestamps), cut down to what
// `emr2k8s import` calls, plus a seeded share of `400 ThrottlingException` answers. Plain .mjs
// because benchmarks run without a TypeScript loader; it lives in bench/lib/ so that
// `npm run bench` (every bench/*.mjs) does not run it as a benchmark.
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import { seededRandom } from '../fleet-generator.mjs';

const TARGET_PREFIX = 'ElasticMapReduce.';
const ACTIVE = ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING'];

/** ISO timestamps of a CLI export to the epoch seconds the wire carries. */
function toWire(value, key = '') {
  if (typeof value === 'string' && key.endsWith('DateTime')) return Date.parse(value) / 1000;
  if (Array.isArray(value)) return value.map((v) => toWire(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v, k)]));
  return value;
}

/** A generated cluster (fleet-generator.mjs) as the API serves it: groups, fleets and steps apart. */
function served(generated) {
  const { InstanceGroups, InstanceFleets, ...cluster } = toWire(generated.describeCluster).Cluster;
  return { cluster, instanceGroups: InstanceGroups ?? [], instanceFleets: InstanceFleets ?? [], steps: toWire(generated.listSteps).Steps };
}

function page(items, marker, size) {
  const start = typeof marker === 'string' ? Number(Buffer.from(marker, 'base64').toString('utf8')) : 0;
  const end = start + size;
  return { items: items.slice(start, end), ...(end < items.length && { Marker: Buffer.from(String(end)).toString('base64') }) };
}

/**
 * Serves `fleet` on 127.0.0.1 (ephemeral port). `throttleShare` of all requests (seeded, so the
 * same requests are throttled in every run) answer `400 {"__type":"ThrottlingException"}`.
 * Returns `{ url, stats: { calls, throttled }, close() }`.
 */
export async function startEmrEndpoint(fleet, { throttleShare = 0, pageSize = 50, seed = 7 } = {}) {
  const byId = new Map(fleet.map((generated) => [generated.id, served(generated)]));
  const random = seededRandom(seed);
  const stats = { calls: 0, throttled: 0 };

  const answer = (operation, body) => {
    if (operation === 'ListClusters') {
      const states = body.ClusterStates ?? ACTIVE;
      const matching = [...byId.values()].map((c) => c.cluster).filter((c) => states.includes(c.Status.State));
      const p = page(matching, body.Marker, pageSize);
      return [200, { Clusters: p.items.map((c) => ({ Id: c.Id, Name: c.Name, Status: c.Status })), ...(p.Marker && { Marker: p.Marker }) }];
    }
    const cluster = byId.get(body.ClusterId);
    if (!cluster) return [400, { __type: 'InvalidRequestException', message: `Cluster id '${String(body.ClusterId)}' is not valid.` }];
    const list = (key, items) => {
      const p = page(items, body.Marker, pageSize);
      return [200, { [key]: p.items, ...(p.Marker && { Marker: p.Marker }) }];
    };
    switch (operation) {
      case 'DescribeCluster':
        return [200, { Cluster: cluster.cluster }];
      case 'ListInstanceGroups':
        return list('InstanceGroups', cluster.instanceGroups);
      case 'ListInstanceFleets':
        return list('InstanceFleets', cluster.instanceFleets);
      case 'ListBootstrapActions':
        return list('BootstrapActions', []);
      case 'ListSteps':
        return list('Steps', cluster.steps);
      default:
        return [400, { __type: 'UnknownOperationException' }];
    }
  };

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      stats.calls += 1;
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
      let status;
      let payload;
      if (random.next() < throttleShare) {
        stats.throttled += 1;
        [status, payload] = [400, { __type: 'ThrottlingException', message: 'Rate exceeded' }];
      } else {
        const text = Buffer.concat(chunks).toString('utf8');
        [status, payload] = answer(operation, text ? JSON.parse(text) : {});
      }
      const out = JSON.stringify(payload);
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(out), 'x-amzn-requestid': `bench-${stats.calls}` });
      res.end(out);
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stats,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
