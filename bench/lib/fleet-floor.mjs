// The floor of the fleet benchmark (bench/fleet.mjs): the least any converter of these files
// must do, in one node process. It reads every input file of the fleet folder, `JSON.parse`s
// it, and js-yaml `dump`s one SparkApplication-sized object per distinct step (the latest run
// of each step name per cluster, which is what `convert` writes one manifest for). It prints
// the number of manifests so fleet.mjs can check both sides did the same amount of work.
// Given the shape of a `convert` output (a JSON file of `[path, size]`, bench/lib/output-shape.mjs)
// and a folder, it then also writes as many files, of the same sizes under the same paths, the
// way DESIGN requires output written: each to a temporary folder beside the output, then renamed
// into place. That is the floor of a converter that writes what convert writes.
// Usage: node bench/lib/fleet-floor.mjs FLEET_DIR [SHAPE_JSON OUT_DIR]
import console from 'node:console';
import process from 'node:process';
import { Buffer } from 'node:buffer';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** Writes a file of each `[path, size]` under `outDir` as convert's writer does: staged in a temporary folder, then renamed file by file. */
function writeAtomically(shape, outDir) {
  const largest = Math.max(0, ...shape.map(([, size]) => size));
  const text = Buffer.alloc(largest, 'spec:\n  sparkConf:\n    spark.executor.memory: 4743m\n');
  mkdirSync(dirname(outDir), { recursive: true });
  const staging = mkdtempSync(join(dirname(outDir), '.floor-tmp-'));
  shape.forEach(([, size], i) => writeFileSync(join(staging, String(i)), text.subarray(0, size)));
  const made = new Set();
  shape.forEach(([path], i) => {
    const target = join(outDir, path);
    if (!made.has(dirname(target))) mkdirSync(dirname(target), { recursive: true });
    made.add(dirname(target));
    renameSync(join(staging, String(i)), target);
  });
  rmSync(staging, { recursive: true, force: true });
}

const [shapeFile, outDir] = process.argv.slice(3);
let written = 0;
if (shapeFile !== undefined && outDir !== undefined) {
  const shape = JSON.parse(readFileSync(shapeFile, 'utf8'));
  writeAtomically(shape, outDir);
  written = shape.length;
}
console.log(JSON.stringify({ manifests, bytes, written }));
