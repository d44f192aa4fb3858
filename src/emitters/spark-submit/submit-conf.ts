import type { Diagnostic } from '../../model/diagnostic.js';
import type { EnvValue, JobPlan, PodPlan } from '../../model/job-plan.js';
import { sortedKeys } from '../../model/order.js';
import { isSecretKey, mustWithhold } from '../../model/secrets.js';
import { CONTAINER_NAMES, TEMPLATE_DIR, templateFileName, type PodPlacement, type Role } from './pod-templates.js';
import { sparkAtLeast } from './spark-version.js';
import { schedulerSparkConf } from '../kubernetes/scheduler-conf.js';

/** One `--conf key=value` of the command line. */
export interface SubmitConf {
  key: string;
  value: string;
}

/** The file name of the Volcano PodGroup template inside the ConfigMap. */
export const PODGROUP_FILE = 'volcano-podgroup.yaml';

/** Per role, the keys Spark reads for what the operator's SparkPodSpec says (facts §6, §7.2). */
const ROLE_KEYS = {
  driver: { env: 'spark.kubernetes.driverEnv.', javaOptions: 'spark.driver.extraJavaOptions' },
  executor: { env: 'spark.executorEnv.', javaOptions: 'spark.executor.extraJavaOptions' },
} as const;

/**
 * Builds the `--conf` settings of one plan, in a fixed order: identity (namespace, image,
 * service account), the plan's sparkConf and hadoopConf (sorted), then driver, executor,
 * dynamic allocation, scheduler and pod templates. Typed fields win over sparkConf, as in the
 * Spark Operator, whose `buildSparkSubmitArgs` passes driver and executor fields last; a key that
 * appears twice is written once, where its winning value was set.
 * Literal secret values are withheld and reported, never written.
 */
class SubmitConfBuilder {
  /** Every setting in command-line order; `typed` marks those from typed plan fields. */
  readonly entries: Array<SubmitConf & { typed: boolean }> = [];
  private typed = true;
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly plan: JobPlan,
    private readonly placement: PodPlacement,
  ) {}

  private add(key: string, value: string | number | boolean | undefined): void {
    if (value !== undefined) this.entries.push({ key, value: String(value), typed: this.typed });
  }

  private addMap(prefix: string, record: Record<string, string>): void {
    for (const key of sortedKeys(record)) this.add(prefix + key, record[key]);
  }

  private withhold(field: string, name: string): void {
    const from = this.plan.provenance[field];
    this.diagnostics.push({
      code: 'secret-value-withheld',
      severity: 'warning',
      message: `The value of ${name} looks like a secret and was left out of the spark-submit command line.`,
      jobId: this.plan.jobId,
      refs: from && 'from' in from ? [...from.from] : [],
      hint: 'Create a Kubernetes Secret for it and reference it with secretKeyRef.',
    });
  }

  private conf(field: 'sparkConf' | 'hadoopConf', prefix: string): void {
    const source = this.plan[field];
    for (const key of sortedKeys(source)) {
      const value = source[key] as string;
      if (mustWithhold(key, value)) this.withhold(`${field}.${key}`, `${field} ${key}`);
      else this.add(prefix + key, value);
    }
  }

  /** Literal env values and Secret references (`spark.kubernetes.{driver,executor}.secretKeyRef.ENV=name:key`). */
  private env(role: Role, env: Record<string, EnvValue>): void {
    const refs: Record<string, string> = {};
    for (const name of sortedKeys(env)) {
      const value = env[name] as EnvValue;
      if ('secretKeyRef' in value) refs[name] = `${value.secretKeyRef.name}:${value.secretKeyRef.key}`;
      else if (isSecretKey(name)) this.withhold(`${role}.env.${name}`, `${role} environment variable ${name}`);
      else this.add(ROLE_KEYS[role].env + name, value.value);
    }
    this.addMap(`spark.kubernetes.${role}.secretKeyRef.`, refs);
  }

  private pod(role: Role, pod: PodPlan): void {
    if (role === 'executor') this.add('spark.executor.instances', pod.instances);
    this.add(`spark.${role}.cores`, pod.cores);
    this.add(`spark.kubernetes.${role}.request.cores`, pod.coreRequest);
    this.add(`spark.kubernetes.${role}.limit.cores`, pod.coreLimit);
    this.add(`spark.${role}.memory`, pod.memory);
    this.add(`spark.${role}.memoryOverhead`, pod.memoryOverhead);
    this.add(ROLE_KEYS[role].javaOptions, pod.javaOptions);
    // The operator gives the application's labels to both pods, then the role's own.
    this.addMap(`spark.kubernetes.${role}.label.`, { ...this.plan.labels, ...pod.labels });
    this.addMap(`spark.kubernetes.${role}.annotation.`, pod.annotations);
    if (this.placement.selectorStyle === 'role') this.addMap(`spark.kubernetes.${role}.node.selector.`, pod.nodeSelector);
    this.env(role, pod.env);
  }

  private dynamicAllocation(): void {
    const da = this.plan.dynamicAllocation;
    if (!da) return;
    this.add('spark.dynamicAllocation.enabled', da.enabled);
    if (!da.enabled) return;
    this.add('spark.dynamicAllocation.initialExecutors', da.initialExecutors);
    this.add('spark.dynamicAllocation.minExecutors', da.minExecutors);
    this.add('spark.dynamicAllocation.maxExecutors', da.maxExecutors);
    // The operator turns shuffle tracking on unless told otherwise (facts §7.1); so does this target.
    this.add('spark.dynamicAllocation.shuffleTracking.enabled', da.shuffleTrackingEnabled ?? true);
    this.add('spark.dynamicAllocation.shuffleTracking.timeout', da.shuffleTrackingTimeout);
  }

  /** Batch scheduler and queue as Spark settings (facts §6 "Schedulers"): what the operator's batchScheduler does. */
  private scheduler(): void {
    const conf = schedulerSparkConf(this.plan, sparkAtLeast(this.plan.sparkVersion, 3, 3));
    if (conf === undefined) return;
    if (conf === 'too-old') {
      const { batchScheduler: name, batchSchedulerQueue: queue } = this.plan;
      this.diagnostics.push({
        code: 'batch-scheduler-not-applied',
        severity: 'warning',
        message: `Spark ${this.plan.sparkVersion} cannot name a scheduler for the driver (spark.kubernetes.scheduler.name is Spark 3.3+), so the job is not scheduled by ${name}${queue ? ` in queue ${queue}` : ''}`,
        jobId: this.plan.jobId,
        refs: [],
        hint: 'Move the job to Spark 3.3 or newer, or use the spark-operator target.',
      });
      return;
    }
    for (const [key, value] of conf.entries) this.add(key, value);
    if (conf.volcanoQueue) this.add('spark.kubernetes.scheduler.volcano.podGroupTemplateFile', `${TEMPLATE_DIR}/${PODGROUP_FILE}`);
  }

  private podTemplates(): void {
    for (const role of ['driver', 'executor'] as const) {
      if (!this.placement.templates[role]) continue;
      this.add(`spark.kubernetes.${role}.podTemplateFile`, `${TEMPLATE_DIR}/${templateFileName(role)}`);
      this.add(`spark.kubernetes.${role}.podTemplateContainerName`, CONTAINER_NAMES[role]);
    }
  }

  build(): SubmitConf[] {
    const { plan } = this;
    this.add('spark.kubernetes.namespace', plan.namespace);
    this.add('spark.kubernetes.container.image', plan.image);
    this.add('spark.kubernetes.container.image.pullPolicy', plan.imagePullPolicy);
    this.add('spark.kubernetes.authenticate.driver.serviceAccountName', plan.serviceAccount);
    this.add('spark.kubernetes.authenticate.executor.serviceAccountName', plan.serviceAccount);
    this.typed = false;
    this.conf('sparkConf', '');
    this.conf('hadoopConf', 'spark.hadoop.');
    this.typed = true;
    this.pod('driver', plan.driver);
    this.pod('executor', plan.executor);
    if (this.placement.selectorStyle === 'global') this.addMap('spark.kubernetes.node.selector.', plan.executor.nodeSelector);
    this.dynamicAllocation();
    this.scheduler();
    this.podTemplates();
    return typedWins(this.entries);
  }
}

/**
 * Each key once: a typed plan field beats the same key in sparkConf (the operator's typed
 * fields win too, and namespace, image and service account must match the Job's own), and
 * among equals the last one wins, as spark-submit resolves repeated `--conf`s.
 */
function typedWins(entries: ReadonlyArray<SubmitConf & { typed: boolean }>): SubmitConf[] {
  const winner = new Map<string, number>();
  entries.forEach((e, i) => {
    const current = winner.get(e.key);
    if (current === undefined || e.typed || !entries[current]!.typed) winner.set(e.key, i);
  });
  return entries.filter((e, i) => winner.get(e.key) === i).map(({ key, value }) => ({ key, value }));
}

/**
 * The Spark settings of a plan as spark-submit `--conf` pairs (facts §6, §7.2: the same keys
 * the Spark Operator passes for a SparkApplication), with the secret values it withheld.
 */
export function buildSubmitConf(plan: JobPlan, placement: PodPlacement): { conf: SubmitConf[]; diagnostics: Diagnostic[] } {
  const builder = new SubmitConfBuilder(plan, placement);
  const conf = builder.build();
  return { conf, diagnostics: builder.diagnostics };
}
