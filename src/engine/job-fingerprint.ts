import { createHash } from 'node:crypto';
import type { Classification } from '../model/emr-snapshot.js';
import { compareStrings } from '../model/order.js';
import type { ConfLayer, ConfValue, SparkJob } from '../model/spark-job.js';

/**
 * Layers the pipeline adds after normalization. They are not the job's input: a review answer
 * must not invalidate itself, and a project config change is not a change of the EMR job.
 */
const APPLIED_LAYERS: ReadonlySet<ConfLayer> = new Set<ConfLayer>(['config', 'review']);

/** JSON with object keys in code-point order at every level, `undefined` properties left out. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  const parts = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort(compareStrings)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${parts.join(',')}}`;
}

/** The EMR side of the resolved conf: each key's values without the applied layers, winner last. */
function inputConf(job: SparkJob): Record<string, Array<{ value: string; layer: ConfLayer }>> {
  const out: Record<string, Array<{ value: string; layer: ConfLayer }>> = {};
  for (const entry of Object.values(job.conf)) {
    const values: ConfValue[] = [...entry.shadowed, entry];
    const kept = values.filter((v) => !APPLIED_LAYERS.has(v.layer)).map((v) => ({ value: v.value, layer: v.layer }));
    if (kept.length > 0) out[entry.key] = kept;
  }
  return out;
}

/** Classifications in name order at every level: EMR does not give their order a meaning. */
function canonicalClassifications(list: readonly Classification[]): unknown[] {
  return [...list]
    .sort((a, b) => compareStrings(a.classification, b.classification))
    .map((c) => ({ classification: c.classification, properties: c.properties, configurations: canonicalClassifications(c.configurations) }));
}

/**
 * Everything about a job's input that the conversion reads, as plain data: the step, the
 * resolved Spark conf below the `config` and `review` layers, the other classifications and the
 * cluster's release and capacity. Not source locations nor input paths, so moving or
 * re-exporting a file does not invalidate review answers.
 */
export function jobInputFacts(job: SparkJob): unknown {
  return {
    kind: job.kind,
    step: {
      name: job.step.name,
      jar: job.step.jar,
      mainClass: job.step.mainClass,
      args: job.step.args,
      actionOnFailure: job.step.actionOnFailure,
      properties: job.step.properties,
    },
    cluster: { name: job.cluster.name, logUri: job.cluster.logUri },
    conf: inputConf(job),
    classifications: canonicalClassifications(job.classifications),
    releaseLabel: job.facts.releaseLabel,
    roles: [...job.facts.roles]
      .map((r) => ({
        role: r.role,
        instanceTypes: [...r.instanceTypes.map((t) => t.type), ...r.unknownTypes].sort(compareStrings),
        count: r.count,
        market: r.market,
      }))
      .sort(
        (a, b) =>
          compareStrings(a.role, b.role) ||
          compareStrings(a.market, b.market) ||
          compareStrings(a.instanceTypes.join(','), b.instanceTypes.join(',')) ||
          a.count - b.count,
      ),
  };
}

/**
 * The fingerprint of a job's input that a review answer records (`inputHash`, docs/answers.md):
 * the first 16 hex digits of the SHA-256 of {@link jobInputFacts} as canonical JSON. An answer
 * whose fingerprint no longer matches was made on a different job and is not applied.
 */
export function jobInputHash(job: SparkJob): string {
  return createHash('sha256').update(canonicalJson(jobInputFacts(job))).digest('hex').slice(0, 16);
}
