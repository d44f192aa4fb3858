import type { Classification } from '../model/emr-snapshot.js';
import { refs } from '../model/emr-snapshot.js';
import type { ClusterFacts, ConfEntry, ConfLayer, SparkJob, SparkSubmit, StepKind } from '../model/spark-job.js';
import { compareStrings } from '../model/order.js';

/** One conf value for {@link buildJob}: a plain string (spark-defaults), or with its layer. */
export type ConfSpec = string | { value: string; layer: ConfLayer; shadowed?: Array<{ value: string; layer: ConfLayer }> };

export interface JobSpec {
  id?: string;
  kind?: StepKind;
  conf?: Record<string, ConfSpec>;
  submit?: Partial<SparkSubmit>;
  classifications?: Classification[];
  facts?: Partial<ClusterFacts>;
  step?: Partial<SparkJob['step']>;
  cluster?: Partial<SparkJob['cluster']>;
}

function layerRef(layer: ConfLayer, key: string): string {
  switch (layer) {
    case 'emr-default':
      return refs.emrDefault(key);
    case 'spark-defaults':
      return refs.classification(['spark-defaults'], key);
    default:
      return `${layer}/${key}`;
  }
}

/**
 * A SparkJob built directly from a compact spec, for rule tests (ours and users'). It skips
 * importing and normalization, so a rule can be tested on exactly the inputs it reads.
 */
export function buildJob(spec: JobSpec = {}): SparkJob {
  const conf: Record<string, ConfEntry> = {};
  for (const key of Object.keys(spec.conf ?? {}).sort(compareStrings)) {
    const raw = (spec.conf ?? {})[key] as ConfSpec;
    const entry = typeof raw === 'string' ? { value: raw, layer: 'spark-defaults' as const } : raw;
    conf[key] = {
      key,
      value: entry.value,
      layer: entry.layer,
      ref: layerRef(entry.layer, key),
      shadowed: (typeof raw === 'string' ? [] : (raw.shadowed ?? [])).map((s) => ({ ...s, ref: layerRef(s.layer, key) })),
    };
  }
  const step = {
    index: 1,
    key: 'step-1',
    name: 'test step',
    actionOnFailure: 'CONTINUE',
    jar: 'command-runner.jar',
    args: [],
    properties: {},
    ...spec.step,
  };
  const kind = spec.kind ?? 'spark';
  return {
    id: spec.id ?? `test-cluster/${step.key}`,
    cluster: { key: 'test-cluster', tags: {}, source: 'test', ...spec.cluster },
    step,
    kind,
    foldedRuns: 1,
    submit:
      kind === 'spark'
        ? {
            launcher: 'spark-submit',
            appType: 'Java',
            appArgs: [],
            options: {},
            confs: [],
            switches: {},
            primaryResource: { value: 's3://bucket/app.jar', ref: `steps/${step.key}/args/1` },
            ...spec.submit,
          }
        : undefined,
    conf,
    classifications: spec.classifications ?? [],
    facts: {
      releaseLabel: 'emr-7.13.0',
      releaseAssumed: false,
      sparkVersion: '3.5.6',
      hadoopVersion: '3.4.2',
      scalaVersion: '2.12.18',
      javaVersion: '17',
      pythonVersion: '3.11',
      roles: [],
      ...spec.facts,
    },
    locations: {},
  };
}
