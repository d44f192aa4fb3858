// A deterministic EMR fleet for the benchmarks: N clusters × M steps in the shapes the AWS CLI
// prints (`aws emr describe-cluster`, `aws emr list-steps`, as in fixtures/nightly-etl/input),
// with the variety a real fleet has: PySpark and JVM jobs, spark-defaults / spark-env /
// yarn-site classifications, instance groups and fleets, on-demand and spot, Graviton, step
// history (the same step run again on later days), dynamic allocation on and off, options
// after the primary resource (application arguments), and `${env}`-style placeholders.
// Seeded PRNG only: the same (clusters, steps, seed) gives the same bytes on every machine.
//
// `npm run bench` runs every bench/*.mjs, so running this file directly only prints what it
// would generate; `node bench/fleet-generator.mjs DIR [clusters] [steps]` writes a fleet.
import console from 'node:console';
import process from 'node:process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** mulberry32: a tiny, well-mixed 32-bit PRNG; enough for test data, not for anything secret. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)], chance: (p) => next() < p };
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const RELEASES = ['emr-5.36.0', 'emr-6.9.0', 'emr-6.15.0', 'emr-7.2.0', 'emr-7.8.0', 'emr-7.13.0'];
const SPARK_OF = { 'emr-5.36.0': '2.4.8', 'emr-6.9.0': '3.3.0', 'emr-6.15.0': '3.4.1', 'emr-7.2.0': '3.5.1', 'emr-7.8.0': '3.5.4', 'emr-7.13.0': '3.5.6' };
/** x86 and Graviton (arm64) types the catalog knows, so conversions size against real numbers. */
const CORE_TYPES = ['m5.2xlarge', 'r5.2xlarge', 'r5.4xlarge', 'm6i.2xlarge', 'c5.9xlarge', 'm6g.4xlarge', 'r6g.4xlarge', 'r6gd.2xlarge'];
const PRIMARY_TYPES = ['m5.xlarge', 'm6g.xlarge', 'm4.xlarge'];
const TEAMS = ['data-eng', 'analytics', 'clickstream', 'finance', 'ml-platform', 'risk'];
const TABLES = ['orders', 'customers', 'sessions', 'payments', 'inventory', 'clicks', 'ledger', 'features', 'events', 'returns'];
const VERBS = ['aggregate', 'dedupe', 'enrich', 'compact', 'score', 'backfill', 'export', 'sessionize'];

function emrId(random, prefix, length) {
  let id = prefix;
  for (let i = 0; i < length; i++) id += ALPHABET[random.int(ALPHABET.length)];
  return id;
}

/** ISO timestamp `minutes` after 2026-10-01T00:00Z, with the microseconds the CLI prints. */
function at(minutes) {
  return new Date(Date.UTC(2026, 9, 1) + Math.round(minutes * 60_000)).toISOString().replace('Z', '000+00:00');
}

function classifications(random, dynamicAllocation) {
  const memory = random.pick(['9486M', '18971M', '12g', '24g', '4g']);
  const defaults = {
    'spark.executor.memory': memory,
    'spark.executor.cores': String(random.pick([2, 4, 5])),
    'spark.driver.memory': random.pick(['2g', '4g', '6g']),
    'spark.dynamicAllocation.enabled': String(dynamicAllocation),
    'spark.sql.shuffle.partitions': String(random.pick([200, 400, 800, 2000])),
    'spark.serializer': 'org.apache.spark.serializer.KryoSerializer',
  };
  if (dynamicAllocation) defaults['spark.dynamicAllocation.maxExecutors'] = String(random.pick([20, 40, 100]));
  else defaults['spark.executor.instances'] = String(random.pick([4, 10, 16]));
  if (random.chance(0.3)) defaults['spark.executor.extraJavaOptions'] = '-XX:+UseG1GC -Dacme.env=${env}';
  const configurations = [{ Classification: 'spark-defaults', Properties: defaults }];
  if (random.chance(0.6)) {
    configurations.push({
      Classification: 'spark-env',
      Properties: {},
      Configurations: [{ Classification: 'export', Properties: { PYSPARK_PYTHON: '/usr/bin/python3', ETL_ENV: random.pick(['prod', 'staging']) } }],
    });
  }
  if (random.chance(0.5)) configurations.push({ Classification: 'yarn-site', Properties: { 'yarn.nodemanager.vmem-check-enabled': 'false' } });
  if (random.chance(0.2)) configurations.push({ Classification: 'spark', Properties: { maximizeResourceAllocation: 'true' } });
  return configurations;
}

function instanceGroups(random, clusterId, coreType) {
  const group = (n, name, role, type, count, market) => ({
    Id: `ig-${clusterId.slice(2, 8)}${role.slice(0, 4)}${n}`,
    Name: name,
    Market: market,
    InstanceGroupType: role,
    InstanceType: type,
    RequestedInstanceCount: count,
    RunningInstanceCount: count,
    Status: { State: 'RUNNING' },
    Configurations: [],
    ConfigurationsVersion: 0,
    EbsBlockDevices: [],
    ShrinkPolicy: {},
  });
  const groups = [group(1, 'Primary', 'MASTER', random.pick(PRIMARY_TYPES), 1, 'ON_DEMAND'), group(2, 'Core', 'CORE', coreType, 2 + random.int(8), 'ON_DEMAND')];
  if (random.chance(0.5)) groups.push(group(3, 'Task - spot', 'TASK', coreType, 2 + random.int(12), 'SPOT'));
  return groups;
}

function instanceFleets(random, clusterId, coreType) {
  const spec = (type) => ({ InstanceType: type, WeightedCapacity: 1, BidPriceAsPercentageOfOnDemandPrice: 100.0, EbsBlockDevices: [] });
  const alternative = coreType.includes('g.') || coreType.includes('gd.') ? 'r6g.4xlarge' : 'r5.4xlarge';
  const spot = 4 + random.int(12);
  return [
    { Id: `if-${clusterId.slice(2, 8)}PRIM1`, Name: 'Primary', Status: { State: 'RUNNING' }, InstanceFleetType: 'MASTER', TargetOnDemandCapacity: 1, TargetSpotCapacity: 0, ProvisionedOnDemandCapacity: 1, ProvisionedSpotCapacity: 0, InstanceTypeSpecifications: [spec(random.pick(PRIMARY_TYPES))] },
    { Id: `if-${clusterId.slice(2, 8)}CORE1`, Name: 'Core', Status: { State: 'RUNNING' }, InstanceFleetType: 'CORE', TargetOnDemandCapacity: 0, TargetSpotCapacity: spot, ProvisionedOnDemandCapacity: 0, ProvisionedSpotCapacity: spot, InstanceTypeSpecifications: [spec(coreType), spec(alternative)] },
  ];
}

/** One job of the cluster's repertoire; each run of it becomes one step of the history. */
function jobTemplate(random, team, index) {
  const table = random.pick(TABLES);
  const name = `${random.pick(VERBS)}-${table}-${index}`;
  const pyspark = random.chance(0.55);
  const options = ['--deploy-mode', 'cluster'];
  if (!pyspark) options.push('--class', `com.acme.${team.replace('-', '')}.${table[0].toUpperCase()}${table.slice(1)}Job${index}`);
  if (random.chance(0.4)) options.push('--conf', `spark.dynamicAllocation.enabled=${random.chance(0.5)}`);
  if (random.chance(0.5)) options.push('--conf', `spark.sql.shuffle.partitions=${random.pick([100, 400, 1600])}`);
  if (random.chance(0.3)) options.push('--executor-memory', random.pick(['8g', '16g', '20g']));
  if (random.chance(0.2)) options.push('--num-executors', String(random.pick([5, 10, 20])));
  if (random.chance(0.2)) options.push('--queue', random.pick(['default', 'etl', 'adhoc']));
  if (pyspark && random.chance(0.6)) options.push('--py-files', `s3://acme-artifacts/${team}/libs-${1 + random.int(3)}.${random.int(10)}.zip`);
  if (!pyspark && random.chance(0.4)) options.push('--jars', 's3://acme-artifacts/libs/deequ-2.0.4-spark-3.4.jar');
  const resource = pyspark ? `s3://acme-artifacts/${team}/${name}.py` : `s3://acme-artifacts/${team}/${name}-1.${random.int(9)}.0.jar`;
  return { name, options, resource, placeholder: random.chance(0.25), trailing: random.chance(0.2), failing: random.chance(0.1) };
}

function step(random, template, run, created, table) {
  const day = at(created).slice(0, 10);
  // After the resource everything is the application's: a trailing `--conf` here is an
  // argument of the job, not a Spark setting, which is what "options after the resource" tests.
  const appArgs = ['--date', day, '--env', template.placeholder ? '${env}' : 'prod', '--input', `s3://acme-lake/raw/${table}/`];
  if (template.trailing) appArgs.push('--conf', 'spark.app.mode=incremental');
  const failed = template.failing && run % 7 === 3;
  const runtime = 5 + random.int(90);
  return {
    Id: emrId(random, 's-', 13),
    Name: template.name,
    Config: { Jar: 'command-runner.jar', Properties: {}, Args: ['spark-submit', ...template.options, template.resource, ...appArgs] },
    ActionOnFailure: 'CONTINUE',
    Status: {
      State: failed ? 'FAILED' : 'COMPLETED',
      StateChangeReason: {},
      ...(failed && { FailureDetails: { Reason: 'Unknown Error.', LogFile: 's3://acme-emr-logs/steps/stderr.gz' } }),
      Timeline: { CreationDateTime: at(created), StartDateTime: at(created + 0.2), EndDateTime: at(created + runtime) },
    },
  };
}

/**
 * One cluster: `{ id, describeCluster, listSteps }` (the two CLI documents). Its steps are runs
 * of a repertoire of about a third as many distinct jobs, one run per job per day, newest first
 * as ListSteps returns them.
 */
export function generateCluster(random, index, stepCount) {
  const id = emrId(random, 'j-', 13);
  const team = random.pick(TEAMS);
  const release = random.pick(RELEASES);
  const fleets = random.chance(0.3);
  const coreType = random.pick(CORE_TYPES);
  const name = `${team}-${random.pick(TABLES)}-${index}`;
  const created = index * 37;
  const cluster = {
    Id: id,
    Name: name,
    Status: { State: 'WAITING', StateChangeReason: { Message: 'Cluster ready after last step completed.' }, Timeline: { CreationDateTime: at(created), ReadyDateTime: at(created + 7) } },
    Ec2InstanceAttributes: { Ec2SubnetId: 'subnet-0a1b2c3d4e5f60718', Ec2AvailabilityZone: 'us-east-1a', IamInstanceProfile: 'EMR_EC2_DefaultRole' },
    InstanceCollectionType: fleets ? 'INSTANCE_FLEET' : 'INSTANCE_GROUP',
    LogUri: `s3n://acme-emr-logs/${name}/`,
    ReleaseLabel: release,
    AutoTerminate: false,
    Applications: [{ Name: 'Hadoop', Version: '3.3.6' }, { Name: 'Spark', Version: SPARK_OF[release] }],
    Tags: [{ Key: 'team', Value: team }, { Key: 'cost-center', Value: `cc-${1000 + random.int(9000)}` }],
    ServiceRole: 'EMR_DefaultRole',
    Configurations: classifications(random, random.chance(0.5)),
    StepConcurrencyLevel: 1 + random.int(3),
    ClusterArn: `arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/${id}`,
    ...(fleets ? { InstanceFleets: instanceFleets(random, id, coreType) } : { InstanceGroups: instanceGroups(random, id, coreType) }),
  };
  const repertoire = Array.from({ length: Math.max(1, Math.ceil(stepCount / 3)) }, (_, i) => jobTemplate(random, team, i));
  const steps = [];
  for (let n = 0; n < stepCount; n++) {
    const template = repertoire[n % repertoire.length];
    const run = Math.floor(n / repertoire.length);
    steps.push(step(random, template, run, created + 60 * 24 * (1 + run) + (n % repertoire.length) * 3, random.pick(TABLES)));
  }
  return { id, describeCluster: { Cluster: cluster }, listSteps: { Steps: steps.reverse() } };
}

/** `clusters` clusters of `steps` steps each, the same for the same seed. */
export function generateFleet({ clusters, steps, seed = 20261123 }) {
  const random = seededRandom(seed);
  return Array.from({ length: clusters }, (_, i) => generateCluster(random, i, steps));
}

/** Writes the fleet as one folder per cluster (`dir/<cluster-id>/{describe-cluster,list-steps}.json`). */
export function writeFleet(dir, fleet) {
  for (const cluster of fleet) {
    const folder = join(dir, cluster.id);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'describe-cluster.json'), `${JSON.stringify(cluster.describeCluster, null, 4)}\n`);
    writeFileSync(join(folder, 'list-steps.json'), `${JSON.stringify(cluster.listSteps, null, 4)}\n`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, clusters = '3', steps = '6'] = process.argv.slice(2);
  if (dir) {
    writeFleet(dir, generateFleet({ clusters: Number(clusters), steps: Number(steps) }));
    console.log(`fleet-generator: ${clusters} clusters × ${steps} steps written to ${dir}`);
  } else {
    console.log('fleet-generator: a library for fleet.mjs (usage: node bench/fleet-generator.mjs DIR [clusters] [steps])');
  }
}
