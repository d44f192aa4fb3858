import { emptyPodPlan, type JobPlan } from '../model/job-plan.js';

/**
 * A converted plan as the rules leave it for a real EMR step (a nightly ETL on emr-7.13.0),
 * for emitter and report tests. `overrides` replace top-level fields.
 */
export function nightlyEtlPlan(overrides: Partial<JobPlan> = {}): JobPlan {
  const step = 's-1K4N2D6OZ8P9Q';
  const cluster = 'j-2AXXXXXXGAPLF';
  return {
    jobId: `${cluster}/${step}`,
    kind: 'spark',
    status: 'converted',
    name: 'nightly-etl-orders',
    namespace: 'data-eng',
    image: 'apache/spark:3.5.6-scala2.12-java17-python3-ubuntu',
    imagePullPolicy: 'IfNotPresent',
    sparkVersion: '3.5.6',
    type: 'Scala',
    mainClass: 'com.example.etl.OrdersJob',
    mainApplicationFile: 's3a://acme-etl-artifacts/jars/orders-etl-2.4.1.jar',
    arguments: ['--date', '2026-01-01', '--mode', 'yes', '--limit', '012'],
    deps: {
      jars: ['s3a://acme-etl-artifacts/jars/deequ-2.0.7-spark-3.5.jar'],
      files: [],
      pyFiles: [],
      archives: [],
      packages: ['org.apache.hadoop:hadoop-aws:3.3.4'],
      repositories: [],
      excludePackages: [],
    },
    driver: { ...emptyPodPlan(), cores: 1, memory: '2048m', memoryOverhead: '384m' },
    executor: {
      ...emptyPodPlan(),
      cores: 4,
      instances: 10,
      coreRequest: '3500m',
      memory: '9486m',
      memoryOverhead: '1779m',
      env: { TZ: { value: 'UTC' }, DB_PASSWORD: { secretKeyRef: { name: 'nightly-etl-orders', key: 'DB_PASSWORD' } } },
      nodeSelector: { 'kubernetes.io/arch': 'amd64' },
    },
    dynamicAllocation: { enabled: true, minExecutors: 2, maxExecutors: 50, shuffleTrackingEnabled: true },
    sparkConf: {
      'spark.sql.shuffle.partitions': '400',
      'spark.executor.memoryOverheadFactor': '0.1875',
      'spark.sql.adaptive.enabled': 'true',
    },
    hadoopConf: { 'fs.s3a.aws.credentials.provider': 'com.amazonaws.auth.WebIdentityTokenCredentialsProvider' },
    restartPolicy: { type: 'OnFailure', onFailureRetries: 1, onFailureRetryInterval: 5, onSubmissionFailureRetries: 1, onSubmissionFailureRetryInterval: 5 },
    serviceAccount: 'spark-data-eng',
    labels: { 'app.kubernetes.io/managed-by': 'emr2k8s' },
    annotations: {
      'emr2k8s.io/source-cluster': cluster,
      'emr2k8s.io/source-step': step,
      'emr2k8s.io/step-name': 'Nightly ETL: orders # full',
    },
    secrets: [{ name: 'nightly-etl-orders', keys: ['DB_PASSWORD'], reason: 'spark.executorEnv.DB_PASSWORD holds a password' }],
    source: { id: `${cluster}/${step}`, cluster: { key: cluster, id: cluster, name: 'acme-nightly', tags: {}, source: 'input/describe-cluster.json' }, foldedRuns: 30, step: { key: step, name: 'Nightly ETL: orders # full', actionOnFailure: 'CONTINUE' } },
    provenance: {
      'executor.memory': { rule: 'executor-memory', from: ['emr-defaults/spark.executor.memory'] },
      'executor.memoryOverhead': { rule: 'executor-memory', from: ['emr-defaults/spark.executor.memory', 'cluster/configurations/spark-defaults/spark.yarn.executor.memoryOverheadFactor'] },
      'mainApplicationFile': { rule: 'application', from: [`steps/${step}/args/7`] },
      'restartPolicy': { rule: 'restart-policy', default: 'YARN runs an application master twice by default (yarn.resourcemanager.am.max-attempts=2)' },
      'namespace': { override: 'config', from: [] },
    },
    dropped: [
      { ref: 'cluster/configurations/spark-defaults/spark.shuffle.service.enabled', setting: 'spark.shuffle.service.enabled', reason: 'no-k8s-equivalent', detail: 'There is no external shuffle service on Kubernetes; shuffle tracking replaces it.', rule: 'dynamic-allocation' },
      { ref: `steps/${step}/args/3`, setting: 'spark.yarn.queue', reason: 'yarn-only', detail: 'Queue "etl|nightly" has no scheduler mapping.', rule: 'queue' },
    ],
    diagnostics: [
      { code: 'yarn-queue-unmapped', severity: 'warning', message: 'YARN queue "etl|nightly" has no scheduler mapping;\nthe job runs unqueued.', jobId: `${cluster}/${step}`, refs: [`steps/${step}/args/3`], hint: 'Map it under scheduler.queues in emr2k8s.config.yaml.' },
    ],
    ...overrides,
  };
}
