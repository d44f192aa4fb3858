// The floor of the fleet benchmark (bench/fleet.mjs): the least any converter of these files
// must do, in one node process. It reads every input file of the fleet folder, `JSON.parse`s
// it, and js-yaml `dump`s one SparkApplication-sized object per distinct step (the latest run
// of each step name per cluster, which is what `convert` writes one manifest for). It prints
// the number of manifests so fleet.mjs can check both sides did the same amount of work.
// Usage: node bench/lib/fleet-floor.mjs FLEET_DIR
import console from 'node:console';
import process from 'node:process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';

/** A manifest shaped and sized like the ones convert writes (see a file under its --out). */
function manifest(cluster, step) {
  const args = step.Config.Args;
  const defaults = cluster.Configurations.find((c) => c.Classification === 'spark-defaults')?.Properties ?? {};
  const resource = args.findIndex((a) => a.startsWith('s3://') && (a.endsWith('.py') || a.endsWith('.jar')));
  return {
    apiVersion: 'sparkoperator.k8s.io/v1beta2',
    kind: 'SparkApplication',
    metadata: {
      name: step.Name,
      namespace: 'default',
      labels: { 'app.kubernetes.io/managed-by': 'emr2k8s', 'emr2k8s.io/cluster': cluster.Id },
      annotations: { 'emr2k8s.io/source-cluster': cluster.Id, 'emr2k8s.io/source-step': step.Id, 'emr2k8s.io/step-name': step.Name },
    },
    spec: {
      type: args[resource]?.endsWith('.py') ? 'Python' : 'Scala',
      sparkVersion: '3.5.1',
      mode: 'cluster',
      image: 'docker.io/library/spark:3.5.1-scala2.12-java17-python3-ubuntu',
      mainApplicationFile: args[resource],
      arguments: args.slice(resource + 1),
      sparkConf: { ...defaults, 'spark.eventLog.enabled': 'true', 'spark.eventLog.dir': `${cluster.LogUri}spark-event-logs/` },
      hadoopConf: { 'fs.s3.impl': 'org.apache.hadoop.fs.s3a.S3AFileSystem', 'fs.s3a.aws.credentials.provider': 'com.amazonaws.auth.WebIdentityTokenCredentialsProvider' },
      driver: { cores: 1, memory: '4096m', memoryOverhead: '640m', env: [{ name: 'PYSPARK_PYTHON', value: '/usr/bin/python3' }], nodeSelector: { 'kubernetes.io/arch': 'amd64' }, serviceAccount: 'emr2k8s-spark' },
      executor: { cores: 4, instances: 5, memory: '18971m', memoryOverhead: '1897m', env: [{ name: 'PYSPARK_PYTHON', value: '/usr/bin/python3' }], nodeSelector: { 'kubernetes.io/arch': 'amd64' }, serviceAccount: 'emr2k8s-spark' },
      dynamicAllocation: { enabled: false },
      restartPolicy: { type: 'OnFailure', onFailureRetries: 1, onFailureRetryInterval: 5, onSubmissionFailureRetries: 1, onSubmissionFailureRetryInterval: 5 },
    },
  };
}

const dir = process.argv[2];
let manifests = 0;
let bytes = 0;
for (const folder of readdirSync(dir).sort()) {
  const cluster = JSON.parse(readFileSync(join(dir, folder, 'describe-cluster.json'), 'utf8')).Cluster;
  const { Steps: steps } = JSON.parse(readFileSync(join(dir, folder, 'list-steps.json'), 'utf8'));
  const latest = new Map();
  for (const step of steps) if (!latest.has(step.Name)) latest.set(step.Name, step);
  for (const step of latest.values()) {
    bytes += dump(manifest(cluster, step), { noRefs: true }).length;
    manifests += 1;
  }
}
console.log(JSON.stringify({ manifests, bytes }));
