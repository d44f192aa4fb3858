import { posix } from 'node:path';
import type { JobPlan } from '../../model/job-plan.js';

/**
 * Where a job's files go inside the output folder: `<namespace>/<name>.yaml` and the
 * provenance beside it, optionally under `outRoot`. Forward slashes on every platform, so
 * reports and goldens read the same everywhere.
 */
export function jobFilePaths(
  plan: Pick<JobPlan, 'namespace' | 'name'>,
  outRoot?: string,
): { manifest: string; provenance: string } {
  const base = posix.join(outRoot ?? '', plan.namespace, plan.name);
  return { manifest: `${base}.yaml`, provenance: `${base}.provenance.json` };
}
