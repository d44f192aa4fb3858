import type { Diagnostic } from '../../model/diagnostic.js';
import { refs, type EmrSnapshot } from '../../model/emr-snapshot.js';
import type { ObjectNode } from '../shared/doc-node.js';
import { readBootstrapActions, readClusterCommon, readField } from '../shared/cluster.js';
import { readInstanceFleets, readInstanceGroups } from '../shared/instances.js';
import type { DocReader } from '../shared/reader.js';
import { locate } from '../shared/snapshot-draft.js';

/**
 * `aws emr describe-cluster` output (https://docs.aws.amazon.com/cli/latest/reference/emr/describe-cluster.html).
 * The CLI embeds the answers of ListInstanceGroups / ListInstanceFleets and ListBootstrapActions
 * in `Cluster` (aws-cli `awscli/customizations/emr/describecluster.py`); the EC2 instance
 * profile is the cluster's JobFlowRole.
 */
export function readDescribeCluster(
  reader: DocReader,
  snapshot: EmrSnapshot,
  cluster: ObjectNode,
  path: string,
  diagnostics: Diagnostic[],
): void {
  readField(reader, diagnostics, 'Id', () => {
    const id = reader.optText(cluster, 'Id', path);
    if (!id) return;
    snapshot.cluster.id = id.value;
    locate(snapshot, refs.cluster('id'), id.loc);
  });
  readClusterCommon(reader, snapshot, cluster, path, diagnostics);
  readField(reader, diagnostics, 'Ec2InstanceAttributes', () => {
    const attrs = reader.optObject(cluster, 'Ec2InstanceAttributes', path);
    const profile = attrs && reader.optText(attrs.node, 'IamInstanceProfile', attrs.path);
    if (!profile) return;
    snapshot.cluster.jobFlowRole = profile.value;
    locate(snapshot, refs.cluster('jobFlowRole'), profile.loc);
  });
  readLists(reader, snapshot, cluster, path, diagnostics);
}

/** The lists that appear both embedded in describe-cluster and as their own list-* outputs. */
export function readLists(reader: DocReader, snapshot: EmrSnapshot, obj: ObjectNode, path: string, diagnostics: Diagnostic[]): void {
  readField(reader, diagnostics, 'InstanceGroups', () =>
    readInstanceGroups(reader, snapshot, reader.optList(obj, 'InstanceGroups', path) ?? [], diagnostics),
  );
  readField(reader, diagnostics, 'InstanceFleets', () =>
    readInstanceFleets(reader, snapshot, reader.optList(obj, 'InstanceFleets', path) ?? [], diagnostics),
  );
  readField(reader, diagnostics, 'BootstrapActions', () =>
    readBootstrapActions(reader, snapshot, reader.optList(obj, 'BootstrapActions', path) ?? [], diagnostics),
  );
}
