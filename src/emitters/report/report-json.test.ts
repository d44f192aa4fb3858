import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toStableJson } from '../stable-json.js';
import type { ReportData, ReportJob } from './report-data.js';
import { jsonPieces, reportJsonPieces } from './report-json.js';

/** A member that may be present, absent or present but undefined (which JSON leaves out too). */
const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });
const text = fc.string({ unit: 'binary', maxLength: 12 });

const location = fc.record(
  { file: maybe(text), line: maybe(fc.nat()), column: maybe(fc.nat()), path: maybe(text) },
  { requiredKeys: [] },
);
const diagnostic = fc.record(
  { code: text, severity: fc.constantFrom('error', 'warning', 'info' as const), message: text, location: maybe(location), hint: maybe(text) },
  { requiredKeys: ['code', 'severity', 'message'] },
);
const dropped = fc.record({ setting: text, ref: text, reason: text, detail: text, rule: text });
const review = fc.record({ decision: maybe(fc.constantFrom('accepted', 'rejected' as const)), note: maybe(text), overrides: fc.nat() }, { requiredKeys: ['overrides'] });
/** Packing's shape belongs to src/packing: any JSON object stands for it. */
const packing = fc.dictionary(text, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
const job = fc.record(
  {
    id: text,
    cluster: text,
    step: fc.record({ id: text, name: text }),
    kind: text,
    status: fc.constantFrom('converted', 'unsupported', 'error' as const),
    files: fc.array(text, { maxLength: 3 }),
    foldedRuns: fc.nat(),
    diagnostics: fc.array(diagnostic, { maxLength: 3 }),
    dropped: fc.array(dropped, { maxLength: 3 }),
    review: maybe(review),
    packing: maybe(packing),
  },
  { requiredKeys: ['id', 'cluster', 'step', 'kind', 'status', 'files', 'foldedRuns', 'diagnostics', 'dropped'] },
) as fc.Arbitrary<ReportJob>;

describe('jsonPieces', () => {
  it('gives exactly the text of toStableJson, or of JSON.stringify in plain order, in pieces, for any object document', () => {
    const member = fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 5 }), fc.constant(undefined), fc.constant([]), fc.constant([undefined, () => 1]));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), member, { maxKeys: 6 }), (document) => {
        expect([...jsonPieces(document)].join('')).toBe(toStableJson(document));
        expect([...jsonPieces(document, 'plain')].join('')).toBe(`${JSON.stringify(document, null, 2)}\n`);
      }),
      { numRuns: 300 },
    );
  });

  it('yields each item of an array member as a piece of its own', () => {
    const pieces = [...jsonPieces({ jobs: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], schemaVersion: 1 })];
    expect(pieces.filter((p) => p.includes('"id"'))).toHaveLength(3);
    expect(pieces.join('')).toBe(toStableJson({ jobs: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], schemaVersion: 1 }));
  });
});

describe('reportJsonPieces', () => {
  it('gives exactly toStableJson of the report data, whichever optional members the jobs have', () => {
    const report = fc.record({
      schemaVersion: fc.constant(1 as const),
      toolVersion: text,
      inputs: fc.array(text, { maxLength: 2 }),
      jobs: fc.array(job, { maxLength: 4 }),
      diagnostics: fc.array(diagnostic, { maxLength: 2 }),
      answersFile: maybe(text),
      sparkVersions: fc.constant([]),
      summary: fc.record({ jobs: fc.nat(), converted: fc.nat(), unsupported: fc.nat(), error: fc.nat(), warnings: fc.nat(), errors: fc.nat(), accepted: maybe(fc.nat()) }),
    }) as fc.Arbitrary<ReportData>;
    fc.assert(
      fc.property(report, (data) => {
        expect([...reportJsonPieces(data)].join('')).toBe(toStableJson(data));
      }),
      { numRuns: 300 },
    );
  });
});
