import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, parsePath, type PathSegment } from './value-path.js';

describe('formatPath', () => {
  it('writes identifiers dotted, indices in brackets and other keys as quoted strings', () => {
    expect(formatPath(['spec', 'sparkConf', 'spark.executor.memory'])).toBe('spec.sparkConf["spark.executor.memory"]');
    expect(formatPath(['spec', 'arguments', 2])).toBe('spec.arguments[2]');
    expect(formatPath(['metadata', 'annotations', 'emr2k8s.io/source-step'])).toBe('metadata.annotations["emr2k8s.io/source-step"]');
    expect(formatPath(['spec', 'resources', 'limits', 'ephemeral-storage'])).toBe('spec.resources.limits.ephemeral-storage');
  });

  it('quotes keys that would otherwise read as something else', () => {
    expect(formatPath(['a', '', 'b c', '0', 'x"y'])).toBe('a[""]["b c"]["0"]["x\\"y"]');
    expect(formatPath([0, 'name'])).toBe('[0].name');
    expect(formatPath(['spark.app.name'])).toBe('["spark.app.name"]');
    expect(formatPath([])).toBe('');
  });
});

describe('parsePath', () => {
  it('reads the paths formatPath writes', () => {
    expect(parsePath('spec.sparkConf["spark.executor.memory"]')).toEqual(['spec', 'sparkConf', 'spark.executor.memory']);
    expect(parsePath('[3].env[0].value')).toEqual([3, 'env', 0, 'value']);
    expect(parsePath('')).toEqual([]);
  });

  it('rejects malformed paths, naming the offset', () => {
    expect(() => parsePath('spec..x')).toThrow(/offset 5/);
    expect(() => parsePath('spec[01]')).toThrow(/offset 4/);
    expect(() => parsePath('spec["unterminated]')).toThrow(/invalid path/);
    expect(() => parsePath('spec x')).toThrow(/expected "\." or "\["/);
  });

  it('round-trips any list of keys and indices', () => {
    const segment: fc.Arbitrary<PathSegment> = fc.oneof(fc.string(), fc.nat({ max: 10_000 }));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        expect(parsePath(formatPath(segments))).toEqual(segments);
      }),
    );
  });
});
