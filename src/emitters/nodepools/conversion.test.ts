import { describe, expect, it } from 'vitest';
import { convertInputs } from '../../engine/conversion.js';
import { loadFixture } from '../../review/review-fixture.js';
import { NODEPOOLS_PATH } from './index.js';

// The whole pipeline on fixtures/nightly-etl (r5.2xlarge core and task groups, m5.xlarge master):
// --nodepools adds platform/nodepools.yaml, --right-size adds proposals to the report.
describe('convert with --nodepools and --right-size', () => {
  it('writes NodePools and right-size proposals only when asked', async () => {
    const loaded = await loadFixture(['fixtures/nightly-etl/input']);
    const plain = convertInputs(loaded);
    expect(plain.files.map((f) => f.path)).not.toContain(NODEPOOLS_PATH);
    expect(plain.report.jobs.every((j) => j.packing !== undefined && j.packing.rightSize === undefined)).toBe(true);

    const both = convertInputs({ ...loaded, emit: { rightSize: true, nodePools: true } });
    const nodePools = both.files.find((f) => f.path === NODEPOOLS_PATH);
    expect(nodePools?.content.match(/^kind: NodePool$/gm)).toHaveLength(3);
    expect(both.report.jobs.map((j) => j.packing?.rightSize !== undefined)).toEqual([true, true]);
    // The packing in the report is that of the plans the manifests were written from.
    expect(both.report.jobs.map((j) => j.packing?.instanceType)).toEqual(['r5.2xlarge', 'r5.2xlarge']);
  });
});
