import type { Classification, DropReason, SparkJob } from '../src/rule-api.js';
import { refs } from '../src/rule-api.js';

/** One property of a classification, nested ones included, with its ref. */
export interface ClassificationProperty {
  /** Top-level classification, e.g. `spark-env` for `spark-env/export`. */
  top: string;
  /** Full path, e.g. `['spark-env', 'export']`. */
  path: string[];
  key: string;
  value: string;
  ref: string;
}

/**
 * Properties already listed, per classification list. The jobs of a cluster share one list,
 * which no one changes after import, and several rules walk it for every job; the cached
 * properties are frozen since every caller shares them.
 */
const propertiesByList = new WeakMap<readonly Classification[], readonly ClassificationProperty[]>();

/** Every property of every classification of the job, depth-first in input order. */
export function classificationProperties(job: Readonly<SparkJob>): readonly ClassificationProperty[] {
  const cached = propertiesByList.get(job.classifications);
  if (cached !== undefined) return cached;
  const walk = (list: readonly Classification[], path: string[]): ClassificationProperty[] =>
    list.flatMap((c) => {
      const here = Object.freeze([...path, c.classification]) as string[];
      const top = here[0] as string;
      const own = Object.keys(c.properties).map((key) =>
        Object.freeze({
          top,
          path: here,
          key,
          value: c.properties[key] as string,
          ref: refs.classification(here, key),
        }),
      );
      return [...own, ...walk(c.configurations, here)];
    });
  const properties = Object.freeze(walk(job.classifications, []));
  propertiesByList.set(job.classifications, properties);
  return properties;
}

/** Hadoop XML classifications that reach Spark's Hadoop conf, lowest precedence first. */
export const HADOOP_CLASSIFICATIONS = ['core-site', 'hive-site', 'spark-hive-site'] as const;

/** What happens to a classification that no rule maps to a field, and why (facts §8.2). */
export interface ClassificationDrop {
  reason: DropReason;
  detail: string;
  /** Needs a ConfigMap mounted into the pods to be carried over. */
  configMap?: boolean;
}

const YARN = new Set(['yarn-site', 'yarn-env', 'capacity-scheduler', 'fair-scheduler', 'container-executor', 'mapred-site', 'mapred-env']);
const SPARK_FILES = new Set(['spark-log4j', 'spark-log4j2', 'spark-metrics']);
const TABLE_FORMATS = new Set(['iceberg-defaults', 'delta-defaults', 'hudi-defaults']);

/**
 * Where the YuniKorn emitter writes the queues it builds from `capacity-scheduler`
 * (src/emitters/yunikorn `YUNIKORN_CONFIG_PATH`; a test holds the two equal).
 */
export const YUNIKORN_QUEUES_FILE = 'platform/yunikorn-configs.yaml';

/**
 * The fate of a classification that is neither mapped to Hadoop conf, environment nor
 * EMRFS: the EMR file it writes has no meaning for a Spark pod, or needs a ConfigMap.
 * `scheduler` is the project's batch scheduler: with YuniKorn, the YARN queues live on in the
 * batch's queue configuration, and the drop says so.
 */
export function classificationDrop(top: string, scheduler?: string): ClassificationDrop {
  if (top === 'capacity-scheduler' && scheduler === 'yunikorn') {
    return {
      reason: 'yarn-only',
      detail: `${top} configures YARN's queues, not the job; its queues are carried to ${YUNIKORN_QUEUES_FILE} (docs/scheduling.md), which reports what YuniKorn cannot express`,
    };
  }
  if (YARN.has(top)) return { reason: 'yarn-only', detail: `${top} configures YARN or MapReduce daemons; Kubernetes schedules the pods` };
  if (SPARK_FILES.has(top)) {
    return { reason: 'no-k8s-equivalent', detail: `${top} writes a file under /etc/spark/conf; mount it from a ConfigMap to keep it`, configMap: true };
  }
  if (TABLE_FORMATS.has(top)) {
    return { reason: 'emr-only', detail: `${top} makes EMR put the table format's jars on the Spark classpath; the image or deps must carry them` };
  }
  if (top === 'hdfs-site' || top === 'hadoop-env' || top === 'hadoop-log4j' || top === 'hadoop-ssl-server' || top === 'hadoop-ssl-client') {
    return { reason: 'no-k8s-equivalent', detail: `${top} configures the EMR cluster's Hadoop daemons, which do not exist on Kubernetes` };
  }
  return { reason: 'no-k8s-equivalent', detail: `${top} configures an EMR application other than Spark` };
}

/** Whether a classification holds table-format defaults that EMR turns into classpath entries. */
export function isTableFormatClassification(top: string): boolean {
  return TABLE_FORMATS.has(top);
}
