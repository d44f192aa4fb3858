import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DroppedSetting, JobPlan } from '../../model/job-plan.js';
import type { FieldProvenance } from '../../model/provenance.js';
import type { SourceLocation } from '../../model/source.js';
import { nightlyEtlPlan } from '../plan-fixture.js';
import { toStableJson } from '../stable-json.js';
import { buildProvenanceFile, provenanceText } from './provenance-file.js';

/** Characters JSON escapes or orders specially: quotes, backslashes, controls, separators, lone and paired surrogates. */
const trickyChar = fc.oneof(
  fc.constantFrom('"', '\\', '\n', '\t', '\u0000', '\u001f', '\u007f', '\u2028', '\u2029', '\ud800', '\udfff', '\ufeff', 'é', '😀', '/', '.', '0', '9'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const text = fc.string({ unit: trickyChar, maxLength: 8 });
/** Keys JavaScript orders specially (array indices, numeric but not indices) among ordinary ones. */
const key = fc.oneof(text, fc.nat().map(String), fc.constantFrom('0', '10', '2', '4294967294', '4294967295', '01', '-1', '1.5'));
const ref = fc.oneof(key, text.map((t) => `steps/s-1/args/${t}`), text.map((t) => `cluster/configurations/spark-defaults/${t}`));

const field: fc.Arbitrary<FieldProvenance> = fc.oneof(
  fc.record({ rule: text, from: fc.array(ref, { maxLength: 4 }) }),
  fc.record({ rule: text, default: text }),
  fc.record({ override: fc.constantFrom('config' as const, 'review' as const), from: fc.array(ref, { maxLength: 4 }) }),
);
const drop: fc.Arbitrary<DroppedSetting> = fc.record({
  ref,
  setting: text,
  reason: fc.constantFrom('emr-only' as const, 'yarn-only' as const, 'superseded' as const),
  detail: text,
  rule: text,
});
/** Any subset of a location's members: unknown lines, API answers with a path only, nothing at all. */
const location: fc.Arbitrary<SourceLocation> = fc.record({ file: text, line: fc.nat(), column: fc.nat(), path: text }, { requiredKeys: [] });

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
    expect(text).toContain('"cluster/id": {\n      "file": "describe-cluster.json"\n    }');
  });

  it('is toStableJson of the provenance file for any fields, drops and locations, whatever their strings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, field), { maxLength: 8 }),
        fc.array(drop, { maxLength: 5 }),
        fc.array(fc.tuple(ref, location), { maxLength: 8 }),
        (fields, dropped, located) => {
          const plan: JobPlan = { ...nightlyEtlPlan(), provenance: Object.fromEntries(fields), dropped };
          // Locations for some of the refs the plan names, and for refs it does not name.
          const named = [...fields.flatMap(([, f]) => ('from' in f ? f.from : [])), ...dropped.map((d) => d.ref)];
          const locations = Object.fromEntries([...located, ...named.filter((_, i) => i % 2 === 0).map((r, i) => [r, { file: `f${i}`, line: i, column: 1, path: r }] as const)]);
          expect(provenanceText(plan, locations)).toBe(toStableJson(buildProvenanceFile(plan, locations)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('writes empty fields, drops and inputs as {} and []', () => {
    const plan: JobPlan = { ...nightlyEtlPlan(), provenance: {}, dropped: [] };
    expect(provenanceText(plan, {})).toBe(`{\n  "dropped": [],\n  "fields": {},\n  "inputs": {},\n  "job": ${JSON.stringify(plan.jobId)},\n  "schemaVersion": 1\n}\n`);
  });
});
