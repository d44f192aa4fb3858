import type { SparkJob } from '../../model/spark-job.js';

/** A Hive step as a `sparkSqlJobDriver`, or why it cannot be one. */
export type HiveDriver =
  | { ok: true; entryPoint: string; sparkSqlParameters?: string }
  | { ok: false; reason: string };

/** Hive CLI options for variables (`-d`/`--define`, `--hivevar`) and settings (`--hiveconf`). */
const VARIABLE_OPTIONS = new Set(['-d', '--define', '--hivevar', '-hivevar']);
const SETTING_OPTIONS = new Set(['--hiveconf', '-hiveconf']);

/**
 * The script and variables of an EMR Hive step (`command-runner.jar hive-script
 * --run-hive-script --args -f <script> -d K=V …`, facts §8.4) as the `sparkSqlJobDriver` of
 * EMR on EKS: the script is the entry point, variables become `--hivevar K=V` and settings
 * `--hiveconf K=V`, which spark-sql accepts like the Hive CLI. A step that runs an inline
 * query (`-e`), an init file (`-i`) or an option spark-sql does not share cannot be
 * expressed and is reported instead.
 */
export function hiveDriver(job: Pick<SparkJob, 'step'>): HiveDriver {
  const args = job.step.args;
  const start = args.indexOf('--args');
  if (args[0] !== 'hive-script' || start < 0) return { ok: false, reason: 'the step does not run hive-script --run-hive-script --args' };
  const rest = args.slice(start + 1);
  let script: string | undefined;
  const params: string[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const option = rest[i] as string;
    const value = rest[i + 1];
    const attached = /^(--hivevar|--hiveconf|--define)=(.*)$/.exec(option);
    if (attached) {
      params.push(attached[1] === '--hiveconf' ? '--hiveconf' : '--hivevar', attached[2] as string);
      continue;
    }
    if (value === undefined) return { ok: false, reason: `option ${option} has no value` };
    if (option === '-f') script = value;
    else if (VARIABLE_OPTIONS.has(option)) params.push('--hivevar', value);
    else if (SETTING_OPTIONS.has(option)) params.push('--hiveconf', value);
    else return { ok: false, reason: `option ${option} has no sparkSqlJobDriver equivalent` };
    i += 1;
  }
  if (script === undefined) return { ok: false, reason: 'the step names no script (-f)' };
  const spaced = params.find((p) => /\s/.test(p));
  if (spaced !== undefined) return { ok: false, reason: `${JSON.stringify(spaced)} contains white space, which sparkSqlParameters cannot quote` };
  return { ok: true, entryPoint: script, ...(params.length > 0 && { sparkSqlParameters: params.join(' ') }) };
}
