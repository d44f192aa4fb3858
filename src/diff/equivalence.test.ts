import { dump, load } from 'js-yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readingAt, sameScalar, type ScalarReading } from './equivalence.js';
import { parsePath } from './value-path.js';

const at = (path: string): ScalarReading => readingAt(parsePath(path));
const PLAIN: ScalarReading = { as: 'plain' };

describe('readingAt', () => {
  it('reads SparkApplication memory fields and known sparkConf size settings as Spark sizes', () => {
    expect(at('spec.executor.memory')).toEqual({ as: 'spark-size', defaultUnit: 'm' });
    expect(at('spec.driver.memoryOverhead')).toEqual({ as: 'spark-size', defaultUnit: 'm' });
    expect(at('spec.template.executor.memory')).toEqual({ as: 'spark-size', defaultUnit: 'm' });
    expect(at('spec.sparkConf["spark.executor.memory"]')).toEqual({ as: 'spark-size', defaultUnit: 'm' });
    expect(at('spec.sparkConf["spark.sql.files.maxPartitionBytes"]')).toEqual({ as: 'spark-size', defaultUnit: 'b' });
    expect(at('spec.sparkConf["spark.kryoserializer.buffer"]')).toEqual({ as: 'spark-size', defaultUnit: 'k' });
  });

  it('reads resource requests, limits and the operator\'s core fields as Kubernetes quantities', () => {
    for (const path of [
      'spec.containers[0].resources.limits.memory',
      'spec.containers[0].resources.requests.cpu',
      'spec.driver.coreRequest',
      'spec.executor.coreLimit',
      'spec.executor.memoryLimit',
      'spec.sparkConf["spark.kubernetes.executor.request.cores"]',
      'spec.hard["requests.cpu"]',
      'spec.limits[0].max.cpu',
      'spec.volumes[0].emptyDir.sizeLimit',
    ]) {
      expect(at(path), path).toEqual({ as: 'kube-quantity' });
    }
  });

  it('reads everything else plainly', () => {
    for (const path of ['spec.sparkConf["spark.sql.shuffle.partitions"]', 'metadata.labels.memory', 'spec.executor.cores', 'spec.arguments[2]', 'memory', 'spec.driver.env[0].value']) {
      expect(at(path), path).toEqual(PLAIN);
    }
  });
});

describe('sameScalar', () => {
  it('(b) equates a number and its canonical spelling as a string, anywhere', () => {
    expect(sameScalar('1', 1, PLAIN)).toBe(true);
    expect(sameScalar(800, '800', PLAIN)).toBe(true);
    expect(sameScalar('0.5', 0.5, PLAIN)).toBe(true);
    expect(sameScalar('-3', -3, PLAIN)).toBe(true);
  });

  it('(b) keeps non-canonical numeric strings and string pairs apart', () => {
    expect(sameScalar('01', 1, PLAIN)).toBe(false);
    expect(sameScalar('1.0', 1, PLAIN)).toBe(false);
    expect(sameScalar('3.10', 3.1, PLAIN)).toBe(false);
    expect(sameScalar('1e3', 1000, PLAIN)).toBe(false);
    expect(sameScalar('1', '01', PLAIN)).toBe(false);
    expect(sameScalar(' 1', 1, PLAIN)).toBe(false);
  });

  it('never equates booleans or null with anything but themselves', () => {
    expect(sameScalar('true', true, PLAIN)).toBe(false);
    expect(sameScalar(true, 'true', at('metadata.annotations.x'))).toBe(false);
    expect(sameScalar(false, 0, PLAIN)).toBe(false);
    expect(sameScalar(null, '', PLAIN)).toBe(false);
    expect(sameScalar(null, 'null', PLAIN)).toBe(false);
    expect(sameScalar(true, true, PLAIN)).toBe(true);
    expect(sameScalar(Number.NaN, Number.NaN, PLAIN)).toBe(true);
  });

  it('(c) equates Spark sizes with the same bytes only where Spark reads a size', () => {
    const memory = at('spec.executor.memory');
    expect(sameScalar('5g', '5120m', memory)).toBe(true);
    expect(sameScalar('4743m', '4743', memory)).toBe(true);
    expect(sameScalar('4743m', 4743, memory)).toBe(true);
    expect(sameScalar('4096M', '4g', memory)).toBe(true);
    expect(sameScalar('4g', '4097m', memory)).toBe(false);
    expect(sameScalar('4g', '4Gi', memory)).toBe(false);
    // A Spark size is not a Kubernetes quantity: 500m is 500 MiB, not half a unit.
    expect(sameScalar('500m', '0.5', memory)).toBe(false);
    expect(sameScalar('1k', '1000', memory)).toBe(false);
    expect(sameScalar('5g', '5120m', PLAIN)).toBe(false);
    expect(sameScalar('5g', '5120m', at('metadata.labels.memory'))).toBe(false);
    const bytes = at('spec.sparkConf["spark.sql.autoBroadcastJoinThreshold"]');
    expect(sameScalar('10MB', '10485760', bytes)).toBe(true);
    expect(sameScalar('10m', '10', bytes)).toBe(false);
  });

  it('(d) equates Kubernetes quantities exactly, only where Kubernetes reads a quantity', () => {
    const limit = at('spec.containers[0].resources.limits.memory');
    expect(sameScalar('1Gi', '1024Mi', limit)).toBe(true);
    expect(sameScalar('1Gi', '1G', limit)).toBe(false);
    const cores = at('spec.executor.coreRequest');
    expect(sameScalar('500m', '0.5', cores)).toBe(true);
    expect(sameScalar('500m', 0.5, cores)).toBe(true);
    expect(sameScalar('1000m', 1, cores)).toBe(true);
    expect(sameScalar('500m', '0.50001', cores)).toBe(false);
    expect(sameScalar('1Gi', '1024Mi', PLAIN)).toBe(false);
    expect(sameScalar('1Gi', '1024Mi', at('spec.executor.memory'))).toBe(false);
  });

  it('any scalar is the same as itself after a YAML dump and load', () => {
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
    const reading = fc.constantFrom<ScalarReading>(PLAIN, { as: 'kube-quantity' }, { as: 'spark-size', defaultUnit: 'm' });
    fc.assert(
      fc.property(scalar, reading, (value, how) => {
        const reloaded = (load(dump({ value })) as { value: unknown }).value;
        expect(sameScalar(value, reloaded, how)).toBe(true);
      }),
    );
  });
});
