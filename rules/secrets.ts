import type { ConfEntry, EnvValue, SparkJob } from '../src/rule-api.js';
import { compareStrings, defineRule, isSecretSetting } from '../src/rule-api.js';
import { classificationProperties, HADOOP_CLASSIFICATIONS, type ClassificationProperty } from './_classifications.js';
import { isEnvVarName } from './_env-name.js';
import { jobName } from './_names.js';

type Pod = 'driver' | 'executor';
type Source = ConfEntry | string;

/** Environment prefixes of the Spark conf and the pods they reach (facts §5, §6). */
const ENV_PREFIXES: Array<{ prefix: string; pods: Pod[] }> = [
  { prefix: 'spark.yarn.appMasterEnv.', pods: ['driver'] },
  { prefix: 'spark.kubernetes.driverEnv.', pods: ['driver'] },
  { prefix: 'spark.executorEnv.', pods: ['executor'] },
];

/** Name of the environment variable that carries a secret setting into both pods. */
function secretEnvName(setting: string): string {
  return `EMR2K8S_SECRET_${setting.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** A key of a Kubernetes Secret: `[-._a-zA-Z0-9]+`. */
function secretDataKey(setting: string): string {
  return setting.replace(/[^-._a-zA-Z0-9]/g, '_');
}

export default defineRule({
  id: 'secrets',
  meta: {
    description:
      'Keeps secret values out of every output: each password, secret key or token becomes an environment variable from a Kubernetes Secret, and the setting refers to that variable.',
    category: 'security',
    reads: ['*'],
    writes: ['driver.env.*', 'executor.env.*', 'hadoopConf.*', 'sparkConf.*', 'secrets'],
    messages: {
      'secret-reference': '{count} secret setting(s) now come from the Kubernetes Secret {secret} (keys {keys}); create it before the job runs',
      'secret-env-name-invalid': '{setting} is not carried over: Kubernetes refuses a pod with the environment variable name {name}',
      'spark-conf-secret': '{keys} are passed as ${env:VAR} references, which Spark expands only in the settings it defines itself',
    },
    severities: { 'secret-reference': 'warning', 'spark-conf-secret': 'info' },
    docs: 'docs/rules/secrets.md',
  },
  apply(job, ctx) {
    const secret = `${jobName(job).name}-secrets`;
    const keys = new Set<string>();
    const settings: string[] = [];
    const sources: Source[] = [];
    const env: Record<Pod, Map<string, { value: EnvValue; from: Source }>> = { driver: new Map(), executor: new Map() };
    const fromSecret = (setting: string, name: string, pods: Pod[], from: Source) => {
      if (!isEnvVarName(name)) {
        // The variable could never be set: the secret is dropped, not renamed behind the application's back.
        ctx.drop(from, 'no-k8s-equivalent', 'the environment variable name is not valid on Kubernetes');
        ctx.report('secret-env-name-invalid', { setting: JSON.stringify(setting), name: JSON.stringify(name) }, { refs: [from], hint: 'Rename the variable in the application and its configuration.' });
        return;
      }
      const key = secretDataKey(setting);
      keys.add(key);
      settings.push(setting);
      sources.push(from);
      for (const pod of pods) env[pod].set(name, { value: { secretKeyRef: { name: secret, key } }, from });
    };

    for (const p of hadoopSecrets(job, ctx.config.image.flavor === 'emr', (ref, detail) => ctx.drop(ref, 'superseded', detail))) {
      const name = secretEnvName(p.key);
      fromSecret(p.key, name, ['driver', 'executor'], p.ref);
      ctx.set(`hadoopConf.${p.key}`, `\${env.${name}}`, p.ref);
    }
    for (const p of classificationProperties(job)) {
      if (!isSecretSetting(p.key, p.value)) continue;
      if (p.top === 'emrfs-site' && ctx.config.image.flavor === 'apache') ctx.drop(p.ref, 'emr-only', 'an EMRFS credential; S3A in the Apache Spark image uses IRSA (s3-access)');
      if (p.top === 'spark-env' && p.path.length === 2 && p.path[1] === 'export') fromSecret(p.key, p.key, ['driver', 'executor'], p.ref);
    }

    const sparkConfKeys: string[] = [];
    for (const key of ctx.confKeys()) {
      const entry = ctx.conf(key) as ConfEntry;
      if (!isSecretSetting(key, entry.value)) continue;
      const envPrefix = ENV_PREFIXES.find((e) => key.startsWith(e.prefix) && key.length > e.prefix.length);
      if (envPrefix) {
        fromSecret(key, key.slice(envPrefix.prefix.length), envPrefix.pods, entry);
      } else if (key.startsWith('spark.hadoop.')) {
        const hadoopKey = key.slice('spark.hadoop.'.length);
        const name = secretEnvName(hadoopKey);
        fromSecret(key, name, ['driver', 'executor'], entry);
        ctx.set(`hadoopConf.${hadoopKey}`, `\${env.${name}}`, entry);
      } else {
        const name = secretEnvName(key);
        fromSecret(key, name, ['driver', 'executor'], entry);
        ctx.set(`sparkConf.${key}`, `\${env:${name}}`, entry);
        sparkConfKeys.push(key);
      }
    }
    if (keys.size === 0) return;

    for (const pod of ['driver', 'executor'] as const) {
      for (const name of [...env[pod].keys()].sort(compareStrings)) {
        const { value, from } = env[pod].get(name) as { value: EnvValue; from: Source };
        ctx.set(`${pod}.env.${name}`, value, from);
      }
    }
    const sortedKeys = [...keys].sort(compareStrings);
    ctx.set('secrets', [{ name: secret, keys: sortedKeys, reason: `values of ${settings.join(', ')}, kept out of the manifests` }], ...sources);
    ctx.report('secret-reference', { count: settings.length, secret, keys: sortedKeys.join(', ') }, {
      hint: `kubectl create secret generic ${secret} --namespace ${ctx.config.namespace} ${sortedKeys.map((k) => `--from-literal=${k}=<value>`).join(' ')}`,
    });
    if (sparkConfKeys.length > 0) {
      ctx.report('spark-conf-secret', { keys: sparkConfKeys.join(', ') }, {
        hint: 'Settings read by connectors or application code with SparkConf.get are not expanded: read the environment variable there instead.',
      });
    }
  },
});

/**
 * The secret properties of the Hadoop XML classifications (and of emrfs-site with EMR images)
 * that reach Spark's Hadoop conf, one per key: `spark.hadoop.<key>` in the Spark conf beats
 * the XML files, and spark-hive-site beats hive-site, which beats core-site.
 */
function hadoopSecrets(job: Readonly<SparkJob>, emrImage: boolean, supersede: (ref: string, detail: string) => void): ClassificationProperty[] {
  // EMRFS reads emrfs-site only where EMRFS is; the XML files of Hadoop and Hive come after it.
  const order: readonly string[] = emrImage ? ['emrfs-site', ...HADOOP_CLASSIFICATIONS] : HADOOP_CLASSIFICATIONS;
  const winners = new Map<string, ClassificationProperty>();
  for (const p of classificationProperties(job)) {
    if (!isSecretSetting(p.key, p.value) || !order.includes(p.top)) continue;
    if (job.conf[`spark.hadoop.${p.key}`]) {
      supersede(p.ref, `spark.hadoop.${p.key} in the Spark conf wins over the XML files`);
      continue;
    }
    const current = winners.get(p.key);
    if (current && order.indexOf(current.top) > order.indexOf(p.top)) {
      supersede(p.ref, `${current.top} also sets ${p.key}, and Spark reads it last`);
      continue;
    }
    if (current) supersede(current.ref, `${p.top} also sets ${p.key}, and Spark reads it last`);
    winners.set(p.key, p);
  }
  return [...winners.values()];
}
