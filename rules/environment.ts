import type { ConfEntry, RuleContext } from '../src/rule-api.js';
import { compareStrings, defineRule, isSecretSetting } from '../src/rule-api.js';
import { classificationProperties, type ClassificationProperty } from './_classifications.js';
import { isEnvVarName } from './_env-name.js';

type Pod = 'driver' | 'executor';

/** One candidate value of an environment variable for one pod, with its precedence. */
interface Candidate {
  name: string;
  value: string;
  from: ConfEntry | ClassificationProperty;
  rank: number;
}

/**
 * Where environment variables come from, lowest precedence first: EMR's spark-env.sh (sourced
 * for every Spark process, so both pods), then the YARN AM environment (cluster-mode driver),
 * then the Kubernetes driver environment; `spark.executorEnv.*` for executors (facts §5, §6).
 */
const CONF_SOURCES: Array<{ prefix: string; pod: Pod; rank: number }> = [
  { prefix: 'spark.yarn.appMasterEnv.', pod: 'driver', rank: 1 },
  { prefix: 'spark.kubernetes.driverEnv.', pod: 'driver', rank: 2 },
  { prefix: 'spark.executorEnv.', pod: 'executor', rank: 1 },
];

/** Interpreters every Spark Python image has (the official python3 images install Ubuntu's python3). */
const IMAGE_PYTHONS = new Set(['python3', '/usr/bin/python3']);
const EMR_PATH = /(^|[:=\s])(\/usr\/lib\/|\/usr\/share\/aws\/|\/home\/hadoop\b|\/etc\/(hadoop|spark|hive)\/|\/mnt\/)/;
const SHELL_EXPANSION = /\$\(|`/;

function refOf(from: Candidate['from']): ConfEntry | string {
  return 'layer' in from ? from : from.ref;
}

export default defineRule({
  id: 'environment',
  meta: {
    description:
      'Carries environment variables over: spark-env exports to both pods, spark.yarn.appMasterEnv.* and spark.kubernetes.driverEnv.* to the driver, spark.executorEnv.* to executors.',
    category: 'environment',
    reads: ['spark.yarn.appMasterEnv.*', 'spark.kubernetes.driverEnv.*', 'spark.executorEnv.*', 'cluster/configurations/spark-env/*'],
    writes: ['driver.env.*', 'executor.env.*'],
    messages: {
      'env-emr-path': '{name}={value} refers to a path of the EMR node, which the image does not have',
      'env-shell-expansion': '{name}={value} relies on shell expansion, which Kubernetes does not do',
      'python-not-in-image': '{name}={value} names an interpreter the Spark Python image may not have',
      'env-name-invalid': 'environment variable {name} is not carried over: Kubernetes refuses a pod with that name (letters, digits, _, - and . only, not starting with a digit)',
    },
    docs: 'docs/rules/environment.md',
  },
  apply(job, ctx) {
    const byPod: Record<Pod, Map<string, Candidate[]>> = { driver: new Map(), executor: new Map() };
    const add = (pod: Pod, c: Candidate) => byPod[pod].set(c.name, [...(byPod[pod].get(c.name) ?? []), c]);

    for (const p of classificationProperties(job).filter((q) => q.top === 'spark-env')) {
      if (p.path.length !== 2 || p.path[1] !== 'export') {
        ctx.drop(p.ref, 'not-applicable', 'spark-env takes variables only in its nested export classification');
        continue;
      }
      if (isSecretSetting(p.key, p.value)) continue;
      if (dropInvalidName(ctx, p.key, p.ref) || dropEmrOnly(ctx, p.key, p.value, p.ref)) continue;
      for (const pod of ['driver', 'executor'] as const) add(pod, { name: p.key, value: p.value, from: p, rank: 0 });
    }
    for (const source of CONF_SOURCES) {
      for (const key of ctx.confKeys(source.prefix)) {
        const entry = ctx.conf(key) as ConfEntry;
        const name = key.slice(source.prefix.length);
        if (name === '' || isSecretSetting(key, entry.value)) continue;
        if (dropInvalidName(ctx, name, entry) || dropEmrOnly(ctx, name, entry.value, entry)) continue;
        add(source.pod, { name, value: entry.value, from: entry, rank: source.rank });
      }
    }

    const used = new Set<Candidate['from']>();
    const all = new Set<Candidate['from']>();
    for (const pod of ['driver', 'executor'] as const) {
      for (const [name, candidates] of [...byPod[pod]].sort(([a], [b]) => compareStrings(a, b))) {
        candidates.forEach((c) => all.add(c.from));
        const winner = candidates.reduce((best, c) => (c.rank > best.rank ? c : best));
        ctx.set(`${pod}.env.${name}`, { value: winner.value }, refOf(winner.from));
        if (!used.has(winner.from)) checkValue(ctx, winner);
        used.add(winner.from);
      }
    }
    for (const from of all) {
      if (!used.has(from)) ctx.drop(refOf(from), 'superseded', 'a higher-precedence setting gives this variable for every pod it reaches');
    }
  },
});

/** A variable whose name Kubernetes refuses is dropped and reported; the name is JSON-quoted, as it may hold anything. */
function dropInvalidName(ctx: RuleContext, name: string, from: ConfEntry | string): boolean {
  if (isEnvVarName(name)) return false;
  ctx.drop(from, 'no-k8s-equivalent', 'not a valid environment variable name on Kubernetes');
  ctx.report('env-name-invalid', { name: JSON.stringify(name) }, { refs: [from], hint: 'Rename the variable in the application and its configuration.' });
  return true;
}

/**
 * Values that only make sense on the EMR node: `SPARK_PUBLIC_DNS=$(hostname -f)` (EMR's
 * default, facts §5) and a `JAVA_HOME` into the node's JDKs would break the image's own.
 */
function dropEmrOnly(ctx: RuleContext, name: string, value: string, from: ConfEntry | string): boolean {
  if (name === 'SPARK_PUBLIC_DNS' && SHELL_EXPANSION.test(value)) {
    ctx.drop(from, 'emr-only', 'EMR advertises the node host name; Spark on Kubernetes uses the pod and its Service');
    return true;
  }
  if (name === 'JAVA_HOME' && value.startsWith('/usr/lib/jvm/')) {
    ctx.drop(from, 'emr-only', "points at a JDK of the EMR node; the image sets its own JAVA_HOME");
    return true;
  }
  return false;
}

function checkValue(ctx: RuleContext, c: Candidate): void {
  const data = { name: c.name, value: c.value };
  const refs = [refOf(c.from)];
  if ((c.name === 'PYSPARK_PYTHON' || c.name === 'PYSPARK_DRIVER_PYTHON') && !IMAGE_PYTHONS.has(c.value)) {
    ctx.report('python-not-in-image', data, { refs, hint: 'Install that interpreter and the libraries the job imports in the image, or use python3.' });
  } else if (EMR_PATH.test(c.value)) {
    ctx.report('env-emr-path', data, { refs, hint: 'Point it at the path inside the image, or bake the files into the image.' });
  }
  if (SHELL_EXPANSION.test(c.value)) {
    ctx.report('env-shell-expansion', data, { refs, hint: 'Compute the value in the image entrypoint, or use a literal or a Kubernetes field reference.' });
  }
}
