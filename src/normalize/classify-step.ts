import type { Diagnostic } from '../model/diagnostic.js';
import type { EmrStep } from '../model/emr-snapshot.js';
import { refs } from '../model/emr-snapshot.js';
import type { SparkSubmit, StepKind } from '../model/spark-job.js';
import { shellSplit } from './shell-split.js';
import type { SubmitToken } from './spark-submit-parser.js';

/** What a step is; for Spark, the spark-submit arguments to parse and how they were launched. */
export type StepClass =
  | {
      kind: 'spark';
      launcher: SparkSubmit['launcher'];
      /** spark-submit arguments, without the launcher words. */
      tokens: SubmitToken[];
      /** `run-example`/`spark-example`: the first non-option token names the example class. */
      example: boolean;
      diagnostics: Diagnostic[];
    }
  | { kind: Exclude<StepKind, 'spark'>; diagnostics: Diagnostic[] };

const SPARK_SUBMIT_CLASS = 'org.apache.spark.deploy.SparkSubmit';

/** The last path segment, so `/usr/lib/spark/bin/spark-submit` reads as `spark-submit`. */
function command(arg: string | undefined): string {
  return (arg ?? '').trim().split('/').pop() ?? '';
}

function stepTokens(step: EmrStep, from: number): SubmitToken[] {
  return step.args.slice(from).map((value, i) => ({ value, ref: refs.stepArg(step, from + i) }));
}

/** `bash -c`, `sh -lc`, `/bin/bash -xc`: an option cluster that includes `c`. */
function isShellDashC(step: EmrStep): boolean {
  return ['bash', 'sh'].includes(command(step.args[0])) && /^-[a-z]*c[a-z]*$/.test(step.args[1] ?? '');
}

const VARIABLE_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * `bash -c "<string>"`: split the string like a shell; Spark when its command is spark-submit.
 * Leading `NAME=value` words (environment for spark-submit) and anything after a shell operator
 * are reported, never silently lost; every split token points at the command string.
 */
function classifyShellString(step: EmrStep): StepClass {
  const ref = refs.stepArg(step, 2);
  const split = shellSplit(step.args[2] ?? '');
  const diagnostics: Diagnostic[] = [];
  if (split.error) {
    diagnostics.push({
      code: 'shell-syntax-error',
      severity: 'error',
      message: `The shell command string of the step cannot be split (${split.error.replace(/-/g, ' ')})`,
      refs: [ref],
      hint: 'Fix the quoting of the bash -c string.',
    });
  }
  const opAt = split.tokens.findIndex((t) => t.operator);
  const words = (opAt < 0 ? split.tokens : split.tokens.slice(0, opAt)).map((t) => t.text);
  let start = 0;
  while (start < words.length && VARIABLE_ASSIGNMENT.test(words[start] as string)) start++;
  if (command(words[start]) !== 'spark-submit') return { kind: 'shell', diagnostics };

  if (start > 0) {
    const names = words.slice(0, start).map((w) => w.slice(0, w.indexOf('=')));
    diagnostics.push({
      code: 'shell-environment-assignment',
      severity: 'warning',
      message: `The shell command sets ${names.join(', ')} for spark-submit; environment variables are not carried into the job`,
      refs: [ref],
      hint: 'Move them into the spark-env classification (export) or the job environment.',
    });
  }
  if (opAt >= 0) {
    // The words after the operator are not echoed: they may carry credentials.
    const rest = split.tokens.length - opAt - 1;
    const op = split.tokens[opAt]?.text ?? '';
    diagnostics.push({
      code: 'shell-command-truncated',
      severity: 'warning',
      message: `Only the spark-submit command is converted; the shell command line goes on after '${op}' with ${rest} more token(s) that are not`,
      refs: [ref],
      hint: 'Run the other commands in a separate job or in the container entrypoint.',
    });
  }
  if (split.expansions.length > 0) {
    diagnostics.push({
      code: 'shell-variable',
      severity: 'warning',
      message: `The shell command uses ${[...new Set(split.expansions)].join(', ')}; the values are kept verbatim and not expanded`,
      refs: [ref],
      hint: 'Replace them with literal values or supply them in the job environment.',
    });
  }
  const tokens = words.slice(start + 1).map((value) => ({ value, ref }));
  return { kind: 'spark', launcher: 'bash-c', tokens, example: false, diagnostics };
}

/**
 * The kind of an EMR step (facts §8.4, DESIGN §2). Spark steps are `command-runner.jar` with
 * `spark-submit` (or a path ending in `/spark-submit`), `spark-example`/`run-example`,
 * `bash -c "spark-submit …"`, a legacy `script-runner.jar` running spark-submit, or a custom
 * jar whose main class is `org.apache.spark.deploy.SparkSubmit`. Other command-runner
 * commands are `shell` (command-runner runs a command, it is not a jar of the user's).
 * See https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-commandrunner.html and
 * https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-spark-submit-step.html.
 */
export function classifyStep(step: EmrStep): StepClass {
  const jar = step.jar.trim();
  const cmd = command(step.args[0]);
  if (jar.endsWith('command-runner.jar')) {
    switch (cmd) {
      case 'spark-submit':
        return { kind: 'spark', launcher: 'spark-submit', tokens: stepTokens(step, 1), example: false, diagnostics: [] };
      case 'spark-example':
      case 'run-example':
        return { kind: 'spark', launcher: cmd, tokens: stepTokens(step, 1), example: true, diagnostics: [] };
      case 'hive-script':
      case 'hive':
        return { kind: 'hive', diagnostics: [] };
      case 'pig-script':
      case 'pig':
        return { kind: 'pig', diagnostics: [] };
      case 'hadoop-streaming':
        return { kind: 'streaming', diagnostics: [] };
      case 's3-dist-cp':
      case 's3distcp':
        return { kind: 's3-dist-cp', diagnostics: [] };
    }
    if (isShellDashC(step)) return classifyShellString(step);
    return { kind: 'shell', diagnostics: [] };
  }
  if (jar.endsWith('script-runner.jar')) {
    // Legacy AMI clusters ran spark-submit through script-runner (facts §8.4).
    if (cmd === 'spark-submit') {
      return { kind: 'spark', launcher: 'spark-submit', tokens: stepTokens(step, 1), example: false, diagnostics: [] };
    }
    return { kind: 'script-runner', diagnostics: [] };
  }
  if (step.mainClass?.trim() === SPARK_SUBMIT_CLASS) {
    return { kind: 'spark', launcher: 'implicit', tokens: stepTokens(step, 0), example: false, diagnostics: [] };
  }
  return { kind: 'custom-jar', diagnostics: [] };
}
