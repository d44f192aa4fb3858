// Benchmark: `convert` of a generated 50-file CDK app (issue "Read EMR definitions from where
// they really live": a 50-file app imports in under 3 s on the 2-core machine). Reports the
// median wall time of the built binary and its ratio to `node -e 0` measured in the same run,
// so a noisy machine does not change the verdict. Run `npm run build` first (`npm run bench` does).
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import process from 'node:process';
import { URL } from 'node:url';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FILES = 50;
const RUNS = 5;
const cli = new URL('../dist/cli.js', import.meta.url).pathname;

/** 47 modules of consts, a steps module, a stack that uses all of them, and the app entry. */
function writeApp(dir) {
  mkdirSync(join(dir, 'lib'), { recursive: true });
  mkdirSync(join(dir, 'bin'));
  const modules = FILES - 3;
  for (let i = 0; i < modules; i++) {
    writeFileSync(
      join(dir, 'lib', `settings-${i}.ts`),
      `export const PARTITIONS_${i} = '${100 + i}';\nexport const INPUT_${i} = \`s3://bench-data/raw/table-${i}/\`;\nexport const OPTIONS_${i} = { 'spark.sql.shuffle.partitions': PARTITIONS_${i} } as const;\n`,
    );
  }
  const imports = Array.from({ length: modules }, (_, i) => `import { INPUT_${i}, OPTIONS_${i} } from './settings-${i}';`).join('\n');
  const steps = Array.from(
    { length: modules },
    (_, i) => `  { name: 'table-${i}', actionOnFailure: 'CONTINUE', hadoopJarStep: { jar: 'command-runner.jar', args: ['spark-submit', '--deploy-mode', 'cluster', '--conf', \`spark.sql.shuffle.partitions=\${OPTIONS_${i}['spark.sql.shuffle.partitions']}\`, 's3://bench-code/etl.py', INPUT_${i}] } },`,
  ).join('\n');
  writeFileSync(join(dir, 'lib', 'steps.ts'), `${imports}\n\nexport const steps = [\n${steps}\n];\n`);
  writeFileSync(
    join(dir, 'lib', 'bench-stack.ts'),
    `import { Stack, aws_emr as emr } from 'aws-cdk-lib';\nimport type { Construct } from 'constructs';\nimport { steps } from './steps';\n\nexport class BenchStack extends Stack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    new emr.CfnCluster(this, 'Cluster', {\n      name: 'bench-cluster',\n      releaseLabel: 'emr-7.13.0',\n      jobFlowRole: 'EMR_EC2_DefaultRole',\n      serviceRole: 'EMR_DefaultRole',\n      instances: {\n        masterInstanceGroup: { instanceCount: 1, instanceType: 'm5.xlarge' },\n        coreInstanceGroup: { instanceCount: 4, instanceType: 'r5.2xlarge' },\n      },\n      steps,\n    });\n  }\n}\n`,
  );
  writeFileSync(join(dir, 'bin', 'app.ts'), `import { App } from 'aws-cdk-lib';\nimport { BenchStack } from '../lib/bench-stack';\n\nnew BenchStack(new App(), 'Bench');\n`);
}

function medianSeconds(command, args, cwd) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const run = spawnSync(command, args, { cwd, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
    if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

const dir = mkdtempSync(join(tmpdir(), 'emr2k8s-bench-cdk-'));
try {
  writeApp(join(dir, 'app'));
  const floor = medianSeconds(process.execPath, ['-e', '0'], dir);
  const cdk = medianSeconds(process.execPath, [cli, 'convert', 'app', '--out', 'k8s', '--force'], dir);
  const check = spawnSync(process.execPath, [cli, 'convert', 'app', '--out', 'k8s', '--check', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  const jobs = JSON.parse(check.stdout).summary.converted;
  console.log(`cdk-import: ${FILES}-file app, ${jobs} jobs converted: ${cdk.toFixed(2)} s (target < 3 s), ${(cdk / floor).toFixed(1)}x node -e 0 (${floor.toFixed(2)} s)`);
  if (jobs !== FILES - 3) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
