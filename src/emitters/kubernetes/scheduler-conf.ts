import type { JobPlan } from '../../model/job-plan.js';

/** Spark's Volcano support (facts §6): a feature step on both pods, from a Spark built with `-Pvolcano`. */
const VOLCANO_FEATURE_STEP = 'org.apache.spark.deploy.k8s.features.VolcanoFeatureStep';

/** The Spark settings that hand a job to its batch scheduler, and what they cannot say. */
export interface SchedulerConf {
  entries: Array<[key: string, value: string]>;
  /** A Volcano queue is named in a PodGroup template file, which the caller must provide. */
  volcanoQueue?: string;
}

/**
 * What the operator's `batchScheduler` and `batchSchedulerOptions.queue` do, as Spark settings
 * for targets without the operator (facts §6 "Schedulers"): `spark.kubernetes.scheduler.name`
 * (Spark 3.3+); for YuniKorn the queue label and the application-id annotation on both pods; for
 * Volcano the feature step on both pods, the queue going into a PodGroup template.
 * `'too-old'` when the plan's Spark cannot name a scheduler; undefined without a scheduler.
 */
export function schedulerSparkConf(plan: JobPlan, sparkAtLeast33: boolean): SchedulerConf | 'too-old' | undefined {
  const { batchScheduler: name, batchSchedulerQueue: queue } = plan;
  if (!name) return undefined;
  if (!sparkAtLeast33) return 'too-old';
  const entries: Array<[string, string]> = [['spark.kubernetes.scheduler.name', name]];
  if (name === 'yunikorn') {
    for (const role of ['driver', 'executor'] as const) {
      if (queue) entries.push([`spark.kubernetes.${role}.label.queue`, queue]);
      entries.push([`spark.kubernetes.${role}.annotation.yunikorn.apache.org/app-id`, '{{APP_ID}}']);
    }
    return { entries };
  }
  entries.push(['spark.kubernetes.driver.pod.featureSteps', VOLCANO_FEATURE_STEP], ['spark.kubernetes.executor.pod.featureSteps', VOLCANO_FEATURE_STEP]);
  return { entries, ...(queue && { volcanoQueue: queue }) };
}
