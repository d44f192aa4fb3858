import type { EMRClient } from '@aws-sdk/client-emr';
import { describeAwsError, type AwsFailure } from './aws-errors.js';
import { fetchCluster } from './fetch-cluster.js';
import { writeClusterFolder } from './write-cluster.js';

export type ClusterOutcome =
  | { clusterId: string; ok: true; folder: string; name?: string; state?: string; stepCount: number }
  | { clusterId: string; ok: false; failure: AwsFailure };

export interface ImportProgress {
  clustersDone: number;
  clustersTotal: number;
  /** Steps read so far, over all clusters. */
  steps: number;
}

export interface ImportClustersOptions {
  outDir: string;
  /** Clusters read at the same time; each runs up to four calls at once. */
  concurrency?: number;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportClustersResult {
  /** One per cluster tried, in the order the ids were given. */
  outcomes: ClusterOutcome[];
  /** Credentials or region failed: nothing else was started after it. */
  fatal?: AwsFailure;
}

/** Four clusters at a time, up to sixteen calls in flight: well under EMR's per-account call rates. */
export const DEFAULT_CONCURRENCY = 4;

async function importOne(client: EMRClient, clusterId: string, outDir: string, onSteps: (count: number) => void): Promise<ClusterOutcome> {
  let fetched;
  try {
    fetched = await fetchCluster(client, clusterId, onSteps);
  } catch (error) {
    return { clusterId, ok: false, failure: describeAwsError(error) };
  }
  try {
    const folder = await writeClusterFolder(outDir, clusterId, fetched.files);
    const { name, state, stepCount } = fetched;
    return { clusterId, ok: true, folder, stepCount, ...(name !== undefined && { name }), ...(state !== undefined && { state }) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    // The same folder fails for every cluster: stop rather than report each.
    return { clusterId, ok: false, failure: { kind: 'setup', message: `cannot write into ${outDir} (${code})`, hint: 'Check that the --out folder is writable.' } };
  }
}

/**
 * Imports each cluster into `outDir/<id>/` (see fetchCluster and writeClusterFolder), a few
 * at a time. A cluster that fails after the SDK's retries is reported and the others go on;
 * a credential or region failure stops the run, since every other call would fail alike.
 */
export async function importClusters(client: EMRClient, clusterIds: string[], options: ImportClustersOptions): Promise<ImportClustersResult> {
  const ids = [...new Set(clusterIds)];
  const outcomes = new Map<string, ClusterOutcome>();
  const progress: ImportProgress = { clustersDone: 0, clustersTotal: ids.length, steps: 0 };
  let fatal: AwsFailure | undefined;
  let next = 0;

  const worker = async () => {
    while (!fatal && next < ids.length) {
      const clusterId = ids[next++] as string;
      const outcome = await importOne(client, clusterId, options.outDir, (count) => {
        progress.steps += count;
        options.onProgress?.({ ...progress });
      });
      if (!outcome.ok && outcome.failure.kind !== 'cluster') fatal ??= outcome.failure;
      else outcomes.set(clusterId, outcome);
      progress.clustersDone += 1;
      options.onProgress?.({ ...progress });
    }
  };
  const width = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, ids.length));
  await Promise.all(Array.from({ length: width }, worker));
  return { outcomes: ids.flatMap((id) => outcomes.get(id) ?? []), ...(fatal && { fatal }) };
}
