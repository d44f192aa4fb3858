import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toStableJson } from '../stable-json.js';
import { jsonPieces } from './report-json.js';

describe('jsonPieces', () => {
  it('gives exactly the text of toStableJson, or of JSON.stringify in plain order, in pieces, for any object document', () => {
    const member = fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 5 }), fc.constant(undefined), fc.constant([]));
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
