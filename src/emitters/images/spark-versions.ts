import type { JobPlan } from '../../model/job-plan.js';
import { compareStrings } from '../../model/order.js';

/** The jobs that run one image, and the scaffold to build it from when the stock image is not enough. */
export interface ImageUse {
  image: string;
  /** `images/<id>/Dockerfile` when the jobs need bootstrap actions or spark-env baked in. */
  scaffold?: string;
  jobs: string[];
}

/** One Spark version in use on Kubernetes: its jobs and their images. */
export interface SparkVersionUse {
  sparkVersion: string;
  jobs: string[];
  images: ImageUse[];
}

/** Versions in numeric order (`3.4.1` < `3.10.0`), whatever the locale. */
function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    const byNumber = /^\d+$/.test(x) && /^\d+$/.test(y) ? nx - ny : compareStrings(x, y);
    if (byNumber !== 0) return byNumber;
  }
  return 0;
}

/**
 * Which jobs need which Spark version and which image (docs/images.md "One image per Spark
 * version"): on EMR a cluster pinned one Spark for all its steps, on Kubernetes each job runs its
 * own, so the report lists them. `scaffolds` maps job ids to their Dockerfile scaffold (from
 * {@link imageScaffolds} or the emitted files); jobs without one use the stock image. Only
 * converted jobs with a Spark version count. Versions ascending, images and jobs in code-point order. Pure.
 */
export function sparkVersionSummary(plans: readonly JobPlan[], scaffolds: ReadonlyMap<string, string> = new Map()): SparkVersionUse[] {
  const versions = new Map<string, Map<string, ImageUse>>();
  for (const plan of plans) {
    if (plan.status !== 'converted' || plan.sparkVersion === undefined) continue;
    const image = plan.image ?? '(none)';
    const scaffold = scaffolds.get(plan.jobId);
    const key = `${image}\n${scaffold ?? ''}`;
    const images = versions.get(plan.sparkVersion) ?? new Map<string, ImageUse>();
    const use = images.get(key) ?? { image, ...(scaffold !== undefined && { scaffold }), jobs: [] };
    use.jobs.push(plan.jobId);
    images.set(key, use);
    versions.set(plan.sparkVersion, images);
  }
  return [...versions]
    .sort(([a], [b]) => compareVersions(a, b))
    .map(([sparkVersion, images]) => {
      const uses = [...images.values()]
        .map((u) => ({ ...u, jobs: u.jobs.sort(compareStrings) }))
        .sort((a, b) => compareStrings(a.image, b.image) || compareStrings(a.scaffold ?? '', b.scaffold ?? ''));
      return { sparkVersion, jobs: uses.flatMap((u) => u.jobs).sort(compareStrings), images: uses };
    });
}
