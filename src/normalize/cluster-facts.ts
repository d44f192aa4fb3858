import type { ReleaseVersion } from '../catalog/emr-releases.js';
import { NEWEST_EMR7, newestReleaseOfMajor, parseReleaseLabel, releaseFacts } from '../catalog/emr-releases.js';
import { instanceTypeFacts } from '../catalog/instance-types.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { EmrSnapshot, InstanceRole } from '../model/emr-snapshot.js';
import { refs } from '../model/emr-snapshot.js';
import type { ClusterFacts, InstanceTypeFacts } from '../model/spark-job.js';

const ROLE_ORDER: Record<InstanceRole, number> = { MASTER: 0, CORE: 1, TASK: 2 };

/** The release the versions come from, and the release EMR's defaults are chosen for. */
function pickRelease(snapshot: EmrSnapshot): { label: string; versionsFrom: string; assumed: boolean; diagnostics: Diagnostic[] } {
  const label = snapshot.cluster.releaseLabel?.trim();
  const ref = refs.cluster('releaseLabel');
  if (!snapshot.hasClusterContext || !label) {
    return {
      label: NEWEST_EMR7,
      versionsFrom: NEWEST_EMR7,
      assumed: true,
      diagnostics: [
        {
          code: 'release-assumed',
          severity: 'info',
          message: `The input names no EMR release; ${NEWEST_EMR7} is assumed`,
          refs: [ref],
          hint: 'Convert the steps together with the cluster description (describe-cluster) to use its release.',
        },
      ],
    };
  }
  if (releaseFacts(label)) return { label, versionsFrom: label, assumed: false, diagnostics: [] };
  const major = parseReleaseLabel(label)?.major;
  const fallback = (major !== undefined && newestReleaseOfMajor(major)) || NEWEST_EMR7;
  return {
    label,
    versionsFrom: fallback,
    assumed: false,
    diagnostics: [
      {
        code: 'unknown-release',
        severity: 'warning',
        message: `The catalog does not know the release ${label}; the versions of ${fallback} are assumed`,
        refs: [ref],
        hint: 'Check the release label; if it is right, the Spark, Hadoop and Java versions may differ from the assumed ones.',
      },
    ],
  };
}

/**
 * What the cluster was (DESIGN §2 "ClusterFacts"): versions for the release label (facts §8.1)
 * and the capacity per role with the catalog's instance facts (facts §8.3, §9). A type whose
 * vCPU or memory the catalog lacks is kept verbatim in `unknownTypes`. Also returns the release
 * version whose EMR defaults apply: the label's own when it parses, else the fallback's.
 */
export function clusterFacts(snapshot: EmrSnapshot): { facts: ClusterFacts; release: ReleaseVersion; diagnostics: Diagnostic[] } {
  const pick = pickRelease(snapshot);
  const versions = releaseFacts(pick.versionsFrom) ?? (releaseFacts(NEWEST_EMR7) as NonNullable<ReturnType<typeof releaseFacts>>);
  const release = (parseReleaseLabel(pick.label) ?? parseReleaseLabel(pick.versionsFrom)) as ReleaseVersion;
  const diagnostics = [...pick.diagnostics];

  const roles = [...snapshot.instances]
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role])
    .map((group) => {
      const instanceTypes: InstanceTypeFacts[] = [];
      const unknownTypes: string[] = [];
      for (const type of group.instanceTypes) {
        const known = instanceTypeFacts(type);
        if (known?.vcpu !== undefined && known.memoryMiB !== undefined) {
          instanceTypes.push({
            type: known.type,
            vcpu: known.vcpu,
            memoryMiB: known.memoryMiB,
            ...(known.yarnMemoryMiB !== undefined ? { yarnMemoryMiB: known.yarnMemoryMiB } : {}),
            arch: known.arch,
          });
        } else unknownTypes.push(type);
      }
      if (unknownTypes.length > 0) {
        diagnostics.push({
          code: 'unknown-instance-type',
          severity: 'info',
          message: `The catalog has no vCPU and memory for ${unknownTypes.join(', ')} (${group.role}); sizes derived from them are not computed`,
          refs: [refs.instances(group.role, 'instanceTypes')],
        });
      }
      return { role: group.role, instanceTypes, unknownTypes, count: group.count, market: group.market };
    });

  return {
    facts: {
      releaseLabel: pick.label,
      releaseAssumed: pick.assumed,
      sparkVersion: versions.spark,
      hadoopVersion: versions.hadoop,
      scalaVersion: versions.scala,
      javaVersion: versions.java,
      pythonVersion: versions.python,
      roles,
    },
    release,
    diagnostics,
  };
}
