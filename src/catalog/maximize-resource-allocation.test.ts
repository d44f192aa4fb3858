import { describe, expect, it } from 'vitest';
import type { InstanceCapacity } from '../model/emr-snapshot.js';
import { maximizeResourceAllocation } from './maximize-resource-allocation.js';

function group(role: InstanceCapacity['role'], type: string, count: number): InstanceCapacity {
  return { role, instanceTypes: [type], count, market: 'ON_DEMAND', configurations: [] };
}

const valuesOf = (r: ReturnType<typeof maximizeResourceAllocation>) => Object.fromEntries(r.values.map((v) => [v.key, v.value]));

describe('maximizeResourceAllocation', () => {
  it('sizes one executor per core node from the core instance type', () => {
    const result = maximizeResourceAllocation(
      [group('MASTER', 'm5.xlarge', 1), group('CORE', 'r5.4xlarge', 5), group('TASK', 'r5.2xlarge', 3)],
      {},
    );
    expect(result.diagnostics).toEqual([]);
    expect(valuesOf(result)).toEqual({
      'spark.executor.cores': '16',
      // 122880 / 1.1875 = 103477.89…
      'spark.executor.memory': '103477m',
      'spark.executor.instances': '8',
      // 2 × (5 × 16 + 3 × 8)
      'spark.default.parallelism': '208',
      // smaller of m5.xlarge (12288) and r5.4xlarge: 12288 / 1.1875 = 10347.78…
      'spark.driver.memory': '10347m',
    });
  });

  it('leaves executor instances to dynamic allocation when spark-defaults enables it explicitly', () => {
    const instances = [group('MASTER', 'm5.xlarge', 1), group('CORE', 'm5.2xlarge', 2)];
    expect(valuesOf(maximizeResourceAllocation(instances, { 'spark.dynamicAllocation.enabled': 'true' }))).not.toHaveProperty(
      'spark.executor.instances',
    );
    expect(valuesOf(maximizeResourceAllocation(instances, { 'spark.dynamicAllocation.enabled': 'false' }))).toHaveProperty(
      'spark.executor.instances',
      '2',
    );
  });

  it('sizes a fleet by its smallest type', () => {
    const fleet: InstanceCapacity = { role: 'CORE', instanceTypes: ['r5.4xlarge', 'r5.2xlarge'], count: 4, market: 'SPOT', configurations: [] };
    const v = valuesOf(maximizeResourceAllocation([group('MASTER', 'm5.xlarge', 1), fleet], {}));
    expect(v['spark.executor.cores']).toBe('8');
    // r5.2xlarge: 57344 / 1.1875 = 48289.68…
    expect(v['spark.executor.memory']).toBe('48289m');
  });

  it('reports what it cannot compute instead of guessing', () => {
    // m6i has vCPUs but no YARN memory in facts; m4 has YARN memory but no vCPUs.
    const result = maximizeResourceAllocation([group('MASTER', 'm4.xlarge', 1), group('CORE', 'm6i.2xlarge', 3)], {});
    const v = valuesOf(result);
    expect(v).toEqual({ 'spark.executor.cores': '8', 'spark.executor.instances': '3', 'spark.default.parallelism': '48' });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'maximize-resource-allocation-unresolved', severity: 'warning' });
    expect(result.diagnostics[0]?.message).toContain('spark.executor.memory, spark.driver.memory');
    expect(result.diagnostics[0]?.refs).toContain('cluster/configurations/spark/maximizeResourceAllocation');
  });

  it('does not guess task vCPUs for an unknown task type', () => {
    const result = maximizeResourceAllocation([group('MASTER', 'm5.xlarge', 1), group('CORE', 'r5.2xlarge', 2), group('TASK', 'r7i.2xlarge', 4)], {});
    expect(valuesOf(result)).not.toHaveProperty('spark.default.parallelism');
    expect(result.diagnostics[0]?.message).toContain('spark.default.parallelism');
  });
});
