import { describe, expect, it } from 'vitest';
import type { JobPlan } from '../../model/job-plan.js';
import { nightlyEtlPlan } from '../plan-fixture.js';
import { toStableJson } from '../stable-json.js';
import { buildProvenanceFile, provenanceText } from './provenance-file.js';

describe('provenanceText', () => {
  it('is toStableJson of the provenance file, for fields set from inputs, by default and by override', () => {
    const base = nightlyEtlPlan();
    const plan: JobPlan = {
      ...base,
      provenance: {
        'zeta.field': { rule: 'r', from: ['steps/s-1/args/2', 'cluster/id'] },
        'alpha.field': { rule: 'r', default: "Spark's default" },
        'mid.field': { override: 'review', from: ['answers/j/fields/mid.field'] },
        ...base.provenance,
      },
      dropped: [
        { ref: 'emr-defaults/b', setting: 'b', reason: 'emr-only', detail: 'x', rule: 'emr-only-settings' },
        { ref: 'emr-defaults/a', setting: 'a', reason: 'yarn-only', detail: 'y', rule: 'yarn-settings' },
      ],
    };
    const locations = {
      'steps/s-1/args/2': { file: 'list-steps.json', line: 12, column: 9, path: 'Steps[0].Config.Args[2]' },
      'cluster/id': { file: 'describe-cluster.json' },
    };
    const text = provenanceText(plan, locations);
    expect(text).toBe(toStableJson(buildProvenanceFile(plan, locations)));
    expect(text).toContain('"mid.field": {\n      "from"');
  });
});
