import {
  DescribeClusterCommand,
  paginateListBootstrapActions,
  paginateListInstanceFleets,
  paginateListInstanceGroups,
  paginateListSteps,
  type EMRClient,
  type StepSummary,
} from '@aws-sdk/client-emr';
import { cliJsonText } from './cli-json.js';

/** The files of one imported cluster, as `aws emr describe-cluster` and `list-steps` print them. */
export interface ClusterFiles {
  clusterId: string;
  name?: string;
  state?: string;
  stepCount: number;
  /** File name → content (pretty JSON). */
  files: Record<string, string>;
}

/** Every item of every page: the SDK paginators follow `Marker`; a repeated marker ends the walk. */
async function allItems<P, T>(pages: AsyncIterable<P>, pick: (page: P) => T[] | undefined): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages) items.push(...(pick(page) ?? []));
  return items;
}

/**
 * Steps in the order ListSteps returns them (newest first). A step added while the pages are
 * read pushes older steps one place down, so the next page repeats one: each id is kept once,
 * at its first (newest-position) occurrence.
 */
function uniqueSteps(steps: StepSummary[]): StepSummary[] {
  const seen = new Set<string>();
  return steps.filter((step) => {
    if (step.Id === undefined) return true;
    if (seen.has(step.Id)) return false;
    seen.add(step.Id);
    return true;
  });
}

/**
 * Reads one cluster with read-only calls only: DescribeCluster, then ListInstanceGroups or
 * ListInstanceFleets (by `InstanceCollectionType`), ListBootstrapActions and ListSteps, every
 * page. The result has the shapes the AWS CLI prints: `describe-cluster` embeds the groups or
 * fleets and the bootstrap actions in `Cluster`, as awscli `customizations/emr/describecluster.py`
 * does (https://docs.aws.amazon.com/cli/latest/reference/emr/describe-cluster.html).
 */
export async function fetchCluster(client: EMRClient, clusterId: string, onSteps?: (count: number) => void): Promise<ClusterFiles> {
  const { Cluster: cluster } = await client.send(new DescribeClusterCommand({ ClusterId: clusterId }));
  if (!cluster) throw new Error(`DescribeCluster returned no cluster for ${clusterId}`);
  const paging = { client, stopOnSameToken: true };
  const input = { ClusterId: clusterId };
  const fleets = cluster.InstanceCollectionType === 'INSTANCE_FLEET';
  const [instances, bootstrapActions, steps] = await Promise.all([
    fleets
      ? allItems(paginateListInstanceFleets(paging, { ...input }), (p) => p.InstanceFleets)
      : allItems(paginateListInstanceGroups(paging, { ...input }), (p) => p.InstanceGroups),
    allItems(paginateListBootstrapActions(paging, { ...input }), (p) => p.BootstrapActions),
    allItems(paginateListSteps(paging, { ...input }), (p) => {
      onSteps?.(p.Steps?.length ?? 0);
      return p.Steps;
    }).then(uniqueSteps),
  ]);
  const described = { ...cluster, [fleets ? 'InstanceFleets' : 'InstanceGroups']: instances, BootstrapActions: bootstrapActions };
  return {
    clusterId,
    ...(cluster.Name !== undefined && { name: cluster.Name }),
    ...(cluster.Status?.State !== undefined && { state: cluster.Status.State }),
    stepCount: steps.length,
    files: {
      'describe-cluster.json': cliJsonText({ Cluster: described }),
      'list-steps.json': cliJsonText({ Steps: steps }),
    },
  };
}
