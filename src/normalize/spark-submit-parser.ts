import type { Diagnostic } from '../model/diagnostic.js';
import type { SettingRef } from '../model/source.js';
import type { AppType, SparkSubmit } from '../model/spark-job.js';

/** One command-line token with the input setting it came from. */
export interface SubmitToken {
  value: string;
  ref: SettingRef;
}

export interface ParseOptions {
  launcher: SparkSubmit['launcher'];
  /**
   * `run-example` / EMR's `spark-example`: the first non-option token is an example class
   * name, as Spark's launcher reads it (`SparkSubmitCommandBuilder.OptionParser.handleUnknown`).
   */
  example?: boolean;
}

/** Where `run-example` finds its application jar on EMR. */
export const EXAMPLES_JAR = '/usr/lib/spark/examples/jars/spark-examples.jar';
const EXAMPLE_CLASS_PREFIX = 'org.apache.spark.examples.';

/**
 * Options that take a value, with aliases (SPK-OPTP `opts`, facts §1.1). `--driver-default-class-path`
 * only exists in the 4.x parser but is accepted so that such commands still parse.
 */
const VALUE_OPTIONS: Record<string, string> = {
  '--archives': 'archives', '--class': 'class', '--conf': 'conf', '-c': 'conf',
  '--deploy-mode': 'deploy-mode', '--driver-class-path': 'driver-class-path', '--driver-cores': 'driver-cores',
  '--driver-default-class-path': 'driver-default-class-path', '--driver-java-options': 'driver-java-options',
  '--driver-library-path': 'driver-library-path', '--driver-memory': 'driver-memory',
  '--exclude-packages': 'exclude-packages', '--executor-cores': 'executor-cores',
  '--executor-memory': 'executor-memory', '--files': 'files', '--jars': 'jars', '--keytab': 'keytab',
  '--kill': 'kill', '--master': 'master', '--name': 'name', '--num-executors': 'num-executors',
  '--packages': 'packages', '--principal': 'principal', '--properties-file': 'properties-file',
  '--proxy-user': 'proxy-user', '--py-files': 'py-files', '--queue': 'queue', '--remote': 'remote',
  '--repositories': 'repositories', '--status': 'status', '--total-executor-cores': 'total-executor-cores',
};

/** Switches, with aliases (SPK-OPTP `switches`; `--load-spark-defaults` is 4.0+). */
const SWITCHES: Record<string, string> = {
  '--help': 'help', '-h': 'help', '--supervise': 'supervise', '--usage-error': 'usage-error',
  '--verbose': 'verbose', '-v': 'verbose', '--version': 'version', '--load-spark-defaults': 'load-spark-defaults',
};

/** Options and switches after which spark-submit does something other than run the application. */
const ACTIONS = new Set(['kill', 'status', 'help', 'version', 'usage-error']);

const SHELLS = new Set(['spark-shell', 'pyspark-shell', 'sparkr-shell']);

/**
 * `SparkSubmitOptionParser`'s `(--[^=]+)=(.+)` with Java's `matches()`: whole token, and `.`
 * stops at Java's line terminators.
 */
const EQ_SEPARATED = /^(--[^=]+)=([^\n\r\u0085\u2028\u2029]+)$/;

/**
 * The application type Spark infers from the primary resource (`SparkSubmit.isPython` / `isR`):
 * Python for `.py` and `pyspark-shell`, R for `.R`/`.r` and `sparkr-shell`, otherwise Java.
 * A jar cannot tell Scala from Java, so a jar is always `Java` here.
 */
export function appTypeOf(primaryResource: string | undefined): AppType {
  if (primaryResource === undefined) return 'Java';
  if (primaryResource.endsWith('.py') || primaryResource === 'pyspark-shell') return 'Python';
  if (/\.[Rr]$/.test(primaryResource) || primaryResource === 'sparkr-shell') return 'R';
  return 'Java';
}

/**
 * Parses spark-submit arguments (without the `spark-submit` word itself) exactly as Spark does
 * (facts §1.1, §1.2): `SparkSubmitOptionParser.parse` (https://github.com/apache/spark/blob/master/launcher/src/main/java/org/apache/spark/launcher/SparkSubmitOptionParser.java)
 * and `SparkSubmitArguments.handle` (https://github.com/apache/spark/blob/master/core/src/main/scala/org/apache/spark/deploy/SparkSubmitArguments.scala).
 * Where Spark would refuse the command, an error diagnostic is reported and parsing goes on, so
 * the rest of the step is still converted. Never throws.
 */
export function parseSparkSubmit(
  tokens: SubmitToken[],
  options: ParseOptions,
): { submit: SparkSubmit; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const submit: SparkSubmit = { launcher: options.launcher, appType: 'Java', appArgs: [], options: {}, confs: [], switches: {} };
  const seen = new Map<string, SettingRef[]>();

  let idx = 0;
  for (; idx < tokens.length; idx++) {
    const token = tokens[idx] as SubmitToken;
    let arg = token.value;
    let value: SubmitToken | undefined;
    const m = EQ_SEPARATED.exec(arg);
    if (m) {
      arg = m[1] as string;
      value = { value: m[2] as string, ref: token.ref };
    }

    const name = VALUE_OPTIONS[arg];
    if (name !== undefined) {
      if (!value) {
        const next = tokens[idx + 1];
        if (!next) {
          diagnostics.push({
            code: 'spark-submit-missing-value',
            severity: 'error',
            message: `spark-submit option ${arg} has no value ("Missing argument for option '${arg}'")`,
            refs: [token.ref],
            hint: `Give ${arg} a value or remove it.`,
          });
          break;
        }
        value = next;
        idx++;
      }
      seen.set(name, [...(seen.get(name) ?? []), value.ref]);
      handleOption(submit, name, value, diagnostics);
      continue;
    }

    const switchName = SWITCHES[arg];
    if (switchName !== undefined) {
      submit.switches[switchName] = token.ref;
      continue;
    }

    if (options.example) {
      // run-example: the first unknown token names the example, the jar is implied.
      const cls = token.value.startsWith(EXAMPLE_CLASS_PREFIX) ? token.value : EXAMPLE_CLASS_PREFIX + token.value;
      submit.mainClass = { value: cls, ref: token.ref };
      submit.primaryResource = { value: EXAMPLES_JAR, ref: token.ref };
      break;
    }
    if (token.value.startsWith('-')) {
      diagnostics.push({
        code: 'spark-submit-unrecognized-option',
        severity: 'error',
        // Only the option name: the text after '=' may be a value.
        message: `spark-submit does not know the option '${arg.split('=')[0]}' ("Unrecognized option"), so EMR could not have run this command as written`,
        refs: [token.ref],
        hint: 'Fix or remove the option; spark-submit options must come before the application jar or file.',
      });
      continue;
    }
    submit.primaryResource = { value: token.value, ref: token.ref };
    break;
  }

  submit.appArgs = tokens.slice(idx + 1).map((t) => ({ value: t.value, ref: t.ref }));
  submit.appType = appTypeOf(submit.primaryResource?.value);
  diagnostics.push(...repeatedOptionDiagnostics(seen), ...resourceDiagnostics(submit, tokens));
  return { submit, diagnostics };
}

function handleOption(submit: SparkSubmit, name: string, value: SubmitToken, diagnostics: Diagnostic[]): void {
  const sourced = { value: value.value, ref: value.ref };
  switch (name) {
    case 'conf': {
      const eq = value.value.indexOf('=');
      if (eq < 0) {
        diagnostics.push({
          code: 'spark-conf-without-equals',
          severity: 'error',
          // The text is not echoed: without '=' nobody can tell a key from a mistyped secret value.
          message: `A --conf argument has no '=' ("Spark config without '='"): spark-submit refuses it`,
          refs: [value.ref],
          hint: 'Write --conf key=value.',
        });
        return;
      }
      const key = value.value.slice(0, eq);
      if (!key.startsWith('spark.')) {
        diagnostics.push({
          code: 'non-spark-conf-ignored',
          severity: 'warning',
          message: `Ignoring non-Spark config property: ${key} (spark-submit drops --conf keys that do not start with "spark.")`,
          refs: [value.ref],
          hint: `If it is a Hadoop setting, write it as spark.hadoop.${key}.`,
        });
        return;
      }
      submit.confs.push({ key, value: value.value.slice(eq + 1), ref: value.ref });
      return;
    }
    case 'class':
      submit.mainClass = sourced;
      return;
    case 'properties-file':
      submit.propertiesFile = sourced;
      return;
    case 'deploy-mode':
      if (value.value !== 'client' && value.value !== 'cluster') {
        diagnostics.push({
          code: 'invalid-deploy-mode',
          severity: 'error',
          message: `--deploy-mode must be "client" or "cluster", not "${value.value}"`,
          refs: [value.ref],
        });
      }
      submit.options[name] = sourced;
      return;
    default:
      submit.options[name] = sourced;
  }
}

function repeatedOptionDiagnostics(seen: Map<string, SettingRef[]>): Diagnostic[] {
  return [...seen]
    .filter(([name, refs]) => name !== 'conf' && refs.length > 1)
    .map(([name, refs]) => ({
      code: 'spark-submit-repeated-option',
      severity: 'info' as const,
      message: `--${name} is given ${refs.length} times; the last one wins, as in spark-submit`,
      refs,
    }));
}

function resourceDiagnostics(submit: SparkSubmit, tokens: SubmitToken[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const actions = Object.keys(submit.options)
    .concat(Object.keys(submit.switches))
    .filter((n) => ACTIONS.has(n));
  if (actions.length > 0) {
    out.push({
      code: 'spark-submit-action',
      severity: 'warning',
      message: `spark-submit --${actions[0]} does not run an application`,
      refs: actions.map((n) => submit.options[n]?.ref ?? submit.switches[n] ?? ''),
    });
  } else if (!submit.primaryResource) {
    out.push({
      code: 'spark-submit-no-primary-resource',
      severity: 'error',
      message: 'The spark-submit command names no application jar or file',
      refs: tokens.map((t) => t.ref).filter((r, i, all) => all.indexOf(r) === i),
      hint: 'Add the application jar or .py file after the spark-submit options.',
    });
  }
  if (submit.primaryResource && SHELLS.has(submit.primaryResource.value)) {
    out.push({
      code: 'spark-shell-resource',
      severity: 'warning',
      message: `The primary resource is the interactive ${submit.primaryResource.value}, not a batch application`,
      refs: [submit.primaryResource.ref],
    });
  }
  return out;
}
