import type { EmrDefault } from '../catalog/emr-defaults.js';
import type { MaximizedValue } from '../catalog/maximize-resource-allocation.js';
import { MAXIMIZE_REF } from '../catalog/maximize-resource-allocation.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { refs } from '../model/emr-snapshot.js';
import { compareStrings } from '../model/order.js';
import type { ConfEntry, ConfValue, ResolvedConf, SparkSubmit } from '../model/spark-job.js';
import type { ClassificationValue } from './cluster-conf.js';

/**
 * spark-submit's dedicated flags and the keys they set (facts §1.1; SPK-SUBMIT `OptionAssigner`
 * list). `--proxy-user`, `--class` and the management actions set no key.
 */
export const FLAG_KEYS: Readonly<Record<string, string>> = {
  'executor-memory': 'spark.executor.memory',
  'driver-memory': 'spark.driver.memory',
  'executor-cores': 'spark.executor.cores',
  'driver-cores': 'spark.driver.cores',
  'num-executors': 'spark.executor.instances',
  'total-executor-cores': 'spark.cores.max',
  queue: 'spark.yarn.queue',
  name: 'spark.app.name',
  master: 'spark.master',
  'deploy-mode': 'spark.submit.deployMode',
  'driver-java-options': 'spark.driver.extraJavaOptions',
  'driver-class-path': 'spark.driver.extraClassPath',
  'driver-library-path': 'spark.driver.extraLibraryPath',
  jars: 'spark.jars',
  files: 'spark.files',
  'py-files': 'spark.submit.pyFiles',
  archives: 'spark.archives',
  packages: 'spark.jars.packages',
  repositories: 'spark.jars.repositories',
  'exclude-packages': 'spark.jars.excludes',
  principal: 'spark.kerberos.principal',
  keytab: 'spark.kerberos.keytab',
};

export interface ConfInputs {
  /** EMR's implicit defaults for the release (catalog). */
  defaults: EmrDefault[];
  /** Values `maximizeResourceAllocation` derives, when it is on. */
  maximized: MaximizedValue[];
  /** The cluster's spark-defaults classification. */
  sparkDefaults: ClassificationValue[];
  /** The parsed spark-submit of a Spark step; absent for other step kinds. */
  submit?: SparkSubmit;
}

/**
 * The cluster's layers of the resolved conf (EMR defaults, maximizeResourceAllocation,
 * spark-defaults), gathered once per cluster: every job of the cluster starts from them.
 */
export interface ClusterConfLayers {
  defaults: EmrDefault[];
  /** Each key's cluster values, lowest layer first. */
  values: Map<string, ConfValue[]>;
  /**
   * The entry of a key that no step flag or `--conf` touches, made once and shared by the
   * jobs of the cluster: entries are read-only after normalization (rules get a Readonly job,
   * review answers build new entries).
   */
  shared: Map<string, ConfEntry>;
}

export function clusterConfLayers(input: Omit<ConfInputs, 'submit'>): ClusterConfLayers {
  const values = new Map<string, ConfValue[]>();
  const add = (key: string, value: ConfValue) => {
    const list = values.get(key);
    if (list) list.push(value);
    else values.set(key, [value]);
  };
  for (const d of input.defaults) add(d.key, { value: d.value, layer: 'emr-default', ref: refs.emrDefault(d.key) });
  for (const m of input.maximized) add(m.key, { value: m.value, layer: 'maximize-resource-allocation', ref: MAXIMIZE_REF });
  for (const s of input.sparkDefaults) add(s.key, { value: s.value, layer: 'spark-defaults', ref: s.ref });
  return { defaults: input.defaults, values, shared: new Map() };
}

function confEntry(key: string, all: ConfValue[]): ConfEntry {
  const winner = all[all.length - 1] as ConfValue;
  return { key, ...winner, shadowed: all.slice(0, -1) };
}

/**
 * A job's Spark settings resolved once, in Spark's precedence order (DESIGN §2, facts §1.3):
 * EMR defaults < maximizeResourceAllocation < spark-defaults < `--properties-file` < `--conf`
 * (last wins) < dedicated flags, which beat `--conf` (`SparkSubmitArguments.loadEnvironmentArguments`
 * reads a property only when the flag is absent). Every lower value and every earlier repeat is
 * kept in `shadowed`, lowest first. Keys come out in code-point order.
 *
 * The `properties-file` layer stays empty: the file cannot be read offline, which is reported.
 * `emr-executor-size-assumed` is reported for a Spark job that takes executor memory or cores
 * from EMR's instance-type default, which this tool can only assume.
 */
export function resolveConf(input: ConfInputs): { conf: ResolvedConf; diagnostics: Diagnostic[] } {
  return resolveJobConf(clusterConfLayers(input), input.submit);
}

/** {@link resolveConf} for one job of a cluster whose layers were gathered already. */
export function resolveJobConf(cluster: ClusterConfLayers, submit: SparkSubmit | undefined): { conf: ResolvedConf; diagnostics: Diagnostic[] } {
  const own = new Map<string, ConfValue[]>();
  const add = (key: string, value: ConfValue) => {
    const list = own.get(key);
    if (list) list.push(value);
    else own.set(key, [value]);
  };
  for (const c of submit?.confs ?? []) add(c.key, { value: c.value, layer: 'conf', ref: c.ref });
  if (submit) {
    for (const [option, key] of Object.entries(FLAG_KEYS)) {
      const flag = submit.options[option];
      if (flag) add(key, { value: flag.value, layer: 'flag', ref: flag.ref });
    }
  }

  const keys = [...cluster.values.keys()];
  for (const key of own.keys()) if (!cluster.values.has(key)) keys.push(key);
  const conf: ResolvedConf = {};
  for (const key of keys.sort(compareStrings)) {
    const mine = own.get(key);
    if (mine === undefined) {
      let entry = cluster.shared.get(key);
      if (entry === undefined) {
        entry = confEntry(key, cluster.values.get(key) as ConfValue[]);
        cluster.shared.set(key, entry);
      }
      conf[key] = entry;
    } else {
      conf[key] = confEntry(key, [...(cluster.values.get(key) ?? []), ...mine]);
    }
  }

  const diagnostics: Diagnostic[] = [];
  if (submit?.propertiesFile) diagnostics.push(propertiesFileDiagnostic(submit));
  if (submit) {
    const assumed = cluster.defaults.filter((d) => d.assumed && conf[d.key]?.layer === 'emr-default');
    if (assumed.length > 0) {
      diagnostics.push({
        code: 'emr-executor-size-assumed',
        severity: 'warning',
        message: `${assumed.map((d) => `${d.key}=${d.value}`).join(', ')} assumed: EMR picks executor size from the core/task instance type and publishes no table, so an observed EMR default is used`,
        refs: assumed.map((d) => refs.emrDefault(d.key)),
        hint: 'Read spark.executor.memory and spark.executor.cores from /etc/spark/conf/spark-defaults.conf on the cluster and put them in the spark-defaults classification.',
      });
    }
  }
  return { conf, diagnostics };
}

function propertiesFileDiagnostic(submit: SparkSubmit): Diagnostic {
  const file = submit.propertiesFile as NonNullable<SparkSubmit['propertiesFile']>;
  const replaces = submit.switches['load-spark-defaults']
    ? 'with --load-spark-defaults (Spark 4.0+) its values beat spark-defaults.conf'
    : 'in Spark 3.x it replaces spark-defaults.conf, so the EMR defaults and spark-defaults values resolved here may not have applied';
  return {
    code: 'properties-file-unreadable',
    severity: 'warning',
    message: `--properties-file ${file.value} cannot be read offline; ${replaces}`,
    refs: [file.ref],
    hint: 'Copy the settings of the properties file into the spark-defaults classification or --conf arguments of the step.',
  };
}
