import { join, resolve } from 'node:path';
import { createEmrClient, resolveEndpointUrl, type EmrClientSettings } from '../../importers/aws/client.js';
import { describeAwsError } from '../../importers/aws/aws-errors.js';
import { importClusters, type ClusterOutcome, type ImportProgress } from '../../importers/aws/import-clusters.js';
import { listActiveClusterIds } from '../../importers/aws/list-clusters.js';
import { CLUSTER_ID } from '../../importers/aws/write-cluster.js';
import { EXIT, UserError } from '../errors.js';
import { oneLine } from '../format-diagnostic.js';
import type { CliIo } from '../io.js';

export interface ImportOptions {
  clusterId?: string[];
  active?: boolean;
  createdAfter?: string;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  out: string;
}

const USAGE_HINT = 'Use `emr2k8s import --cluster-id j-… --out DIR` or `emr2k8s import --active --out DIR`.';

/** `--created-after`: a date (`2026-11-01`, midnight UTC) or an ISO-8601 date and time. */
function parseCreatedAfter(text: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) {
    throw new UserError(`--created-after ${JSON.stringify(text)} is not a date`, 'Give an ISO-8601 date such as 2026-11-01 or 2026-11-01T06:00:00Z.');
  }
  return date;
}

function checkOptions(options: ImportOptions, endpointUrl: string | undefined): void {
  const ids = options.clusterId ?? [];
  if (ids.length > 0 === Boolean(options.active)) {
    throw new UserError('give either --cluster-id (one or more) or --active', USAGE_HINT);
  }
  if (options.createdAfter !== undefined && !options.active) throw new UserError('--created-after goes with --active', USAGE_HINT);
  for (const id of ids) {
    if (!CLUSTER_ID.test(id)) throw new UserError(`${JSON.stringify(id)} is not an EMR cluster id`, 'Cluster ids look like j-2AXXXXXXGAPLF (`aws emr list-clusters`).');
  }
  if (endpointUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(endpointUrl)) {
    throw new UserError(`endpoint ${JSON.stringify(endpointUrl)} is not an http(s) URL`, 'Pass --endpoint-url https://… or fix AWS_ENDPOINT_URL_EMR / AWS_ENDPOINT_URL.');
  }
}

function progressLine(p: ImportProgress): string {
  return `\rimporting: ${p.clustersDone}/${p.clustersTotal} clusters, ${p.steps} steps`;
}

function outcomeLine(outcome: ClusterOutcome & { ok: true }, out: string): string {
  const steps = `${outcome.stepCount} step${outcome.stepCount === 1 ? '' : 's'}`;
  const what = [outcome.state, steps].filter(Boolean).join(', ');
  return oneLine(`imported  ${outcome.clusterId}${outcome.name !== undefined ? `  "${outcome.name}"` : ''} (${what}) -> ${join(out, outcome.clusterId)}/`);
}

/**
 * `emr2k8s import`: reads clusters from the EMR API with read-only calls and writes one folder
 * per cluster (`--out DIR/<cluster-id>/`) in the shapes `aws emr describe-cluster` and
 * `list-steps` print, for `emr2k8s convert DIR` to read later (docs/importers/aws.md).
 * Exit 0 when every cluster was imported, 1 when some failed, 2 when nothing could run.
 * `settings` lets tests replace the retry strategy; flags give the rest.
 */
export async function runImport(options: ImportOptions, io: CliIo, settings: Pick<EmrClientSettings, 'retryStrategy'> = {}): Promise<number> {
  const endpointUrl = resolveEndpointUrl(options.endpointUrl, io.env);
  checkOptions(options, endpointUrl);
  const createdAfter = options.createdAfter !== undefined ? parseCreatedAfter(options.createdAfter) : undefined;
  const client = createEmrClient(
    {
      ...settings,
      ...(options.region !== undefined && { region: options.region }),
      ...(options.profile !== undefined && { profile: options.profile }),
      ...(endpointUrl !== undefined && { endpointUrl }),
    },
    io.env,
  );
  try {
    let ids = options.clusterId ?? [];
    if (options.active) {
      try {
        ids = await listActiveClusterIds(client, createdAfter);
      } catch (error) {
        const failure = describeAwsError(error);
        throw new UserError(`cannot list the active clusters: ${failure.message}`, failure.hint);
      }
      if (ids.length === 0) {
        io.stdout(`No active clusters${createdAfter ? ` created after ${createdAfter.toISOString()}` : ''}; nothing imported.\n`);
        return EXIT.ok;
      }
    }
    const showProgress = Boolean(options.active) && io.isTty;
    const result = await importClusters(client, ids, {
      outDir: resolve(io.cwd, options.out),
      ...(showProgress && { onProgress: (p: ImportProgress) => io.stderr(progressLine(p)) }),
    });
    if (showProgress) io.stderr('\n');

    let failed = 0;
    for (const outcome of result.outcomes) {
      if (outcome.ok) {
        io.stdout(`${outcomeLine(outcome, options.out)}\n`);
      } else {
        failed += 1;
        io.stderr(`error ${outcome.clusterId}: ${oneLine(outcome.failure.message)} (hint: ${outcome.failure.hint})\n`);
      }
    }
    if (result.fatal) throw new UserError(result.fatal.message, result.fatal.hint);
    const imported = result.outcomes.length - failed;
    io.stdout(`\n${imported} of ${result.outcomes.length} clusters imported into ${options.out}/. Convert them with \`emr2k8s convert ${options.out}\`.\n`);
    return failed > 0 ? EXIT.incomplete : EXIT.ok;
  } finally {
    client.destroy();
  }
}
