import { describe, expect, it } from 'vitest';
import { nightlyEtlCluster } from './__fixtures__/snapshots.js';
import { clusterFacts } from './cluster-facts.js';

describe('clusterFacts', () => {
  it('gives the versions of the release and the capacity per role', () => {
    const { facts, release, diagnostics } = clusterFacts(nightlyEtlCluster([]));
    expect(diagnostics).toEqual([]);
    expect(release).toEqual({ major: 6, minor: 15, patch: 0 });
    expect(facts).toMatchObject({ releaseLabel: 'emr-6.15.0', releaseAssumed: false, sparkVersion: '3.4.1', hadoopVersion: '3.3.6', javaVersion: '8' });
    expect(facts.roles.map((r) => [r.role, r.count, r.market])).toEqual([
      ['MASTER', 1, 'ON_DEMAND'],
      ['CORE', 4, 'ON_DEMAND'],
      ['TASK', 2, 'SPOT'],
    ]);
    expect(facts.roles[1]?.instanceTypes).toEqual([{ type: 'r5.2xlarge', vcpu: 8, memoryMiB: 65536, yarnMemoryMiB: 57344, arch: 'x86_64' }]);
  });

  it('assumes the newest EMR 7 release without cluster context', () => {
    const { facts, diagnostics } = clusterFacts({ ...nightlyEtlCluster([]), hasClusterContext: false });
    expect(facts).toMatchObject({ releaseLabel: 'emr-7.13.0', releaseAssumed: true, sparkVersion: '3.5.6' });
    expect(diagnostics).toMatchObject([{ code: 'release-assumed', severity: 'info' }]);
    expect(diagnostics[0]?.message).toContain('emr-7.13.0');
  });

  it('falls back to the newest release of the same major for an unknown label', () => {
    const snapshot = nightlyEtlCluster([]);
    const { facts, release, diagnostics } = clusterFacts({ ...snapshot, cluster: { ...snapshot.cluster, releaseLabel: 'emr-6.15.1' } });
    expect(facts).toMatchObject({ releaseLabel: 'emr-6.15.1', releaseAssumed: false, sparkVersion: '3.4.1' });
    expect(release).toEqual({ major: 6, minor: 15, patch: 1 });
    expect(diagnostics).toMatchObject([{ code: 'unknown-release', severity: 'warning', refs: ['cluster/releaseLabel'] }]);
    expect(diagnostics[0]?.message).toContain('emr-6.15.0');
  });

  it('keeps types without vCPU and memory facts verbatim', () => {
    const snapshot = nightlyEtlCluster([]);
    const { facts, diagnostics } = clusterFacts({
      ...snapshot,
      instances: [{ role: 'CORE', instanceTypes: ['r7i.4xlarge', 'c5n.xlarge', 'r5.4xlarge'], count: 10, market: 'SPOT', configurations: [] }],
    });
    expect(facts.roles[0]?.unknownTypes).toEqual(['r7i.4xlarge', 'c5n.xlarge']);
    expect(facts.roles[0]?.instanceTypes.map((t) => t.type)).toEqual(['r5.4xlarge']);
    expect(diagnostics.map((d) => d.code)).toEqual(['unknown-instance-type']);
  });
});
