import { paginateListClusters, type ClusterState, type EMRClient } from '@aws-sdk/client-emr';

/** The states `aws emr list-clusters --active` asks for: a cluster that may still run steps. */
export const ACTIVE_STATES: ClusterState[] = ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING'];

/**
 * Ids of the active clusters (every ListClusters page), optionally only those created after
 * a date, in the order EMR lists them with duplicates across pages removed
 * (https://docs.aws.amazon.com/emr/latest/APIReference/API_ListClusters.html).
 */
export async function listActiveClusterIds(client: EMRClient, createdAfter?: Date): Promise<string[]> {
  const ids: string[] = [];
  const input = { ClusterStates: ACTIVE_STATES, ...(createdAfter && { CreatedAfter: createdAfter }) };
  for await (const page of paginateListClusters({ client, stopOnSameToken: true }, input)) {
    for (const cluster of page.Clusters ?? []) if (cluster.Id && !ids.includes(cluster.Id)) ids.push(cluster.Id);
  }
  return ids;
}
