import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toWire } from '../../bench/lib/emr-endpoint.mjs';
import type { FakeCluster } from './emr-endpoint.js';
import { ROOT } from './run-cli.js';

const EPOCH_2026_11_01 = Date.UTC(2026, 10, 1) / 1000;

/** The cluster of fixtures/nightly-etl/input as the EMR API would serve it. */
export function nightlyEtlCluster(): FakeCluster {
  const input = join(ROOT, 'fixtures', 'nightly-etl', 'input');
  const described = toWire(JSON.parse(readFileSync(join(input, 'describe-cluster.json'), 'utf8'))) as { Cluster: Record<string, unknown> & { Id: string } };
  const { InstanceGroups, ...cluster } = described.Cluster;
  const steps = (toWire(JSON.parse(readFileSync(join(input, 'list-steps.json'), 'utf8'))) as { Steps: unknown[] }).Steps;
  return { cluster, instanceGroups: InstanceGroups as unknown[], bootstrapActions: [], steps };
}

/** A Spark step as ListSteps returns it; `n` also orders creation times (higher = newer). */
export function sparkStep(id: string, n: number, state = 'COMPLETED'): Record<string, unknown> {
  const created = EPOCH_2026_11_01 + n * 600;
  return {
    Id: id,
    Name: `hourly-sessionize-${String(n).padStart(4, '0')}`,
    Config: {
      Jar: 'command-runner.jar',
      Properties: {},
      Args: ['spark-submit', '--deploy-mode', 'cluster', '--class', 'com.acme.clickstream.Sessionize', '--conf', 'spark.sql.shuffle.partitions=200',
        's3://acme-artifacts/clickstream/sessionize-3.2.0.jar', '--hour', `2026-11-01T${String(n % 24).padStart(2, '0')}`],
    },
    ActionOnFailure: 'CONTINUE',
    Status: { State: state, StateChangeReason: {}, Timeline: { CreationDateTime: created, StartDateTime: created + 5, EndDateTime: created + 420 } },
  };
}

/** `count` steps with ids unique to `tag`, newest first. */
export function sparkSteps(tag: string, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => sparkStep(`s-${tag}${(count - i).toString(36).toUpperCase().padStart(13 - tag.length, '0')}`, count - i));
}

interface ClusterSpec {
  id: string;
  name: string;
  state: string;
  createdDay: number;
  steps: Record<string, unknown>[];
  fleets?: boolean;
}

/** A release-label cluster with instance groups (or fleets), a bootstrap action and the given steps. */
export function fakeCluster(spec: ClusterSpec): FakeCluster {
  const created = EPOCH_2026_11_01 + spec.createdDay * 86_400;
  const cluster = {
    Id: spec.id,
    Name: spec.name,
    Status: { State: spec.state, StateChangeReason: {}, Timeline: { CreationDateTime: created, ReadyDateTime: created + 460, ...(spec.state === 'TERMINATED' && { EndDateTime: created + 86_000 }) } },
    Ec2InstanceAttributes: { Ec2SubnetId: 'subnet-0a1b2c3d4e5f60718', Ec2AvailabilityZone: 'us-east-1a', IamInstanceProfile: 'EMR_EC2_DefaultRole' },
    InstanceCollectionType: spec.fleets ? 'INSTANCE_FLEET' : 'INSTANCE_GROUP',
    LogUri: `s3n://acme-emr-logs/${spec.name}/`,
    ReleaseLabel: 'emr-7.2.0',
    AutoTerminate: false,
    Applications: [{ Name: 'Hadoop', Version: '3.3.6' }, { Name: 'Spark', Version: '3.5.1' }],
    Tags: [{ Key: 'team', Value: 'clickstream' }],
    ServiceRole: 'EMR_DefaultRole',
    Configurations: [{ Classification: 'spark-defaults', Properties: { 'spark.executor.memory': '9486M', 'spark.executor.cores': '4' } }],
    StepConcurrencyLevel: 1,
    ClusterArn: `arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/${spec.id}`,
  };
  const groups = [
    { Id: `ig-${spec.id.slice(2, 8)}MASTER1`, Name: 'Primary', Market: 'ON_DEMAND', InstanceGroupType: 'MASTER', InstanceType: 'm5.xlarge', RequestedInstanceCount: 1, RunningInstanceCount: 1, Status: { State: 'RUNNING' } },
    { Id: `ig-${spec.id.slice(2, 8)}CORE001`, Name: 'Core', Market: 'ON_DEMAND', InstanceGroupType: 'CORE', InstanceType: 'm5.2xlarge', RequestedInstanceCount: 3, RunningInstanceCount: 3, Status: { State: 'RUNNING' } },
  ];
  const fleets = [
    { Id: `if-${spec.id.slice(2, 8)}PRIMARY`, Name: 'Primary', InstanceFleetType: 'MASTER', TargetOnDemandCapacity: 1, TargetSpotCapacity: 0, InstanceTypeSpecifications: [{ InstanceType: 'm5.xlarge', WeightedCapacity: 1 }] },
    { Id: `if-${spec.id.slice(2, 8)}CORE001`, Name: 'Core', InstanceFleetType: 'CORE', TargetOnDemandCapacity: 0, TargetSpotCapacity: 8, InstanceTypeSpecifications: [{ InstanceType: 'r5.2xlarge', WeightedCapacity: 1 }, { InstanceType: 'r5a.2xlarge', WeightedCapacity: 1 }] },
  ];
  return {
    cluster,
    ...(spec.fleets ? { instanceFleets: fleets } : { instanceGroups: groups }),
    bootstrapActions: [{ Name: 'install-python-libs', ScriptPath: 's3://acme-artifacts/bootstrap/install-libs.sh', Args: ['--requirements', 's3://acme-artifacts/bootstrap/requirements.txt'] }],
    steps: spec.steps,
  };
}
