import type { Diagnostic } from '../model/diagnostic.js';
import type { Classification, InstanceCapacity } from '../model/emr-snapshot.js';
import { refs } from '../model/emr-snapshot.js';
import type { SettingRef } from '../model/source.js';

/** One `spark-defaults` classification property that Spark keeps. */
export interface ClassificationValue {
  key: string;
  value: string;
  ref: SettingRef;
}

/** The cluster-level inputs of every job's conf, read once per snapshot. */
export interface ClusterConf {
  /** `spark-defaults` properties Spark keeps, in input order (a repeated classification: later wins). */
  sparkDefaults: ClassificationValue[];
  /** `spark` classification `maximizeResourceAllocation=true`. */
  maximizeResourceAllocation: boolean;
  diagnostics: Diagnostic[];
}

/**
 * Reads the `spark-defaults` and `spark` classifications (facts §8.2,
 * https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-spark-configure.html). spark-submit
 * drops keys that do not start with `spark.` from spark-defaults.conf too
 * (`SparkSubmitArguments.ignoreNonSparkProperties` runs after the defaults file is merged,
 * facts §1.2), so they are reported, not resolved.
 */
export function readClusterConf(configurations: Classification[]): ClusterConf {
  const sparkDefaults: ClassificationValue[] = [];
  const diagnostics: Diagnostic[] = [];
  let maximizeResourceAllocation = false;
  for (const c of configurations) {
    if (c.classification === 'spark-defaults') {
      for (const [key, value] of Object.entries(c.properties)) {
        const ref = refs.classification(['spark-defaults'], key);
        if (key.startsWith('spark.')) sparkDefaults.push({ key, value, ref });
        else {
          diagnostics.push({
            code: 'non-spark-conf-ignored',
            severity: 'warning',
            message: `Ignoring non-Spark config property: ${key} in the spark-defaults classification (spark-submit drops keys that do not start with "spark.")`,
            refs: [ref],
            hint: `If it is a Hadoop setting, write it as spark.hadoop.${key} or move it to core-site.`,
          });
        }
      }
    } else if (c.classification === 'spark') {
      for (const [key, value] of Object.entries(c.properties)) {
        const ref = refs.classification(['spark'], key);
        if (key === 'maximizeResourceAllocation') {
          maximizeResourceAllocation = value.trim().toLowerCase() === 'true';
        } else {
          diagnostics.push({
            code: 'unknown-spark-classification-property',
            severity: 'warning',
            message: `The spark classification has no property ${key}; EMR only knows maximizeResourceAllocation there`,
            refs: [ref],
            hint: 'Move Spark settings to the spark-defaults classification.',
          });
        }
      }
    }
  }
  return { sparkDefaults, maximizeResourceAllocation, diagnostics };
}

function classificationRefs(role: InstanceCapacity['role'], list: Classification[], path: string[]): SettingRef[] {
  return list.flatMap((c) => {
    const here = [...path, c.classification];
    return [
      ...Object.keys(c.properties).map((key) => refs.instances(role, `configurations/${here.join('/')}/${key}`)),
      ...classificationRefs(role, c.configurations, here),
    ];
  });
}

/**
 * EMR lets an instance group override classifications for its own nodes
 * (https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-configure-apps-running-cluster.html).
 * They are per node, not per job, so they are not merged into any job's conf: each group that
 * has some is reported with the settings it overrides.
 */
export function instanceGroupConfigurationDiagnostics(instances: InstanceCapacity[]): Diagnostic[] {
  return instances
    .filter((g) => g.configurations.length > 0)
    .map((g) => {
      const names = [...new Set(g.configurations.map((c) => c.classification))].join(', ');
      const label = g.name ? `${g.role} instance group "${g.name}"` : `${g.role} instance group`;
      return {
        code: 'instance-group-configuration',
        severity: 'warning' as const,
        message: `The ${label} overrides ${names} for its own nodes; per-group configurations are not merged into the jobs`,
        refs: classificationRefs(g.role, g.configurations, []),
        hint: 'Put the settings that the Spark jobs need in the cluster-level classifications, or in --conf of the steps.',
      };
    });
}
