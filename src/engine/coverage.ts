import type { Classification } from '../model/emr-snapshot.js';
import { refs } from '../model/emr-snapshot.js';
import type { SparkJob } from '../model/spark-job.js';
import type { SettingRef } from '../model/source.js';

/** Classifications whose properties flow into the resolved Spark conf instead. */
const CONF_CLASSIFICATIONS = new Set(['spark-defaults', 'spark']);

export interface CoverageInput {
  ref: SettingRef;
  /** How people know the setting: the conf key or `classification/key`. */
  name: string;
}

function classificationInputs(list: Classification[], path: string[]): CoverageInput[] {
  return list.flatMap((c) => {
    const here = [...path, c.classification];
    const own = Object.keys(c.properties).map((key) => ({
      ref: refs.classification(here, key),
      name: `${here.join('/')}/${key}`,
    }));
    return [...own, ...classificationInputs(c.configurations, here)];
  });
}

/**
 * The classification inputs per classification list. The jobs of a cluster share one list,
 * unchanged after import, so its inputs are listed once per cluster rather than per job; the
 * cached list is frozen because every job's coverage reads it.
 */
const inputsByList = new WeakMap<readonly Classification[], readonly CoverageInput[]>();

function otherClassificationInputs(list: readonly Classification[]): readonly CoverageInput[] {
  let inputs = inputsByList.get(list);
  if (inputs === undefined) {
    inputs = Object.freeze(classificationInputs(list.filter((c) => !CONF_CLASSIFICATIONS.has(c.classification)), []));
    inputsByList.set(list, inputs);
  }
  return inputs;
}

/**
 * The inputs of a job that must each end up mapped, dropped with a reason, or reported:
 * every winning Spark setting, every property of the other classifications, and every
 * step property.
 */
export function coverageInputs(job: SparkJob): CoverageInput[] {
  const conf = Object.values(job.conf).map((e) => ({ ref: e.ref, name: e.key }));
  const classifications = otherClassificationInputs(job.classifications);
  const stepProperties = Object.keys(job.step.properties).map((key) => ({
    ref: refs.step(job.step, `properties/${key}`),
    name: `step property ${key}`,
  }));
  return [...conf, ...classifications, ...stepProperties];
}
