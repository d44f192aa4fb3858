import type { Diagnostic } from '../../model/diagnostic.js';
import type { EmrSnapshot } from '../../model/emr-snapshot.js';
import type { DocNode, ObjectNode } from '../shared/doc-node.js';
import { fileDiagnostic } from '../shared/diagnostics.js';
import { DocReader, tryRead } from '../shared/reader.js';
import { emptySnapshot, hasClusterContext } from '../shared/snapshot-draft.js';
import type { Importer, ImportContext, ImportInput, ImportOutput } from '../types.js';
import { isTerraformJson } from './detect.js';
import { readEmrCluster } from './emr-cluster.js';
import { readTfFleet, readTfGroup } from './instances.js';
import { configExpressions, planResources, unknownsByAddress, type TfResource } from './plan-index.js';
import { withUnknowns } from './unknown-values.js';

const ID = 'terraform';
const HINT = 'Produce it with `terraform show -json tfplan > plan.json` (or `terraform show -json > state.json`).';

interface ClusterEntry {
  resource: TfResource;
  snapshot: EmrSnapshot;
}

/** Where a resource's values say unknown things and what the configuration computes them from. */
interface PlanContext {
  expressions: Map<string, ObjectNode>;
  unknowns: Map<string, { node: DocNode; path: string }>;
}

function expressionsOf(plan: PlanContext, r: TfResource): ObjectNode | undefined {
  return plan.expressions.get(`${r.module}|${r.type}.${r.name}`);
}

/**
 * The cluster an `aws_emr_instance_group` / `aws_emr_instance_fleet` belongs to: the one whose
 * `id` equals its `cluster_id` (state, or a plan for an existing cluster), else the
 * `aws_emr_cluster.<name>` its `cluster_id` expression references in the same module (a plan
 * for a new cluster, whose id is unknown).
 */
function owner(reader: DocReader, plan: PlanContext, clusters: ClusterEntry[], r: TfResource): ClusterEntry | undefined {
  const id = reader.optText(r.values, 'cluster_id', r.path)?.value;
  const byId = id ? clusters.find((c) => c.snapshot.cluster.id === id) : undefined;
  if (byId) return byId;
  const refsNode = expressionsOf(plan, r)?.entries.get('cluster_id');
  const list = refsNode?.kind === 'object' ? refsNode.entries.get('references') : undefined;
  for (const item of list?.kind === 'array' ? list.items : []) {
    const name = item.kind === 'string' ? /^aws_emr_cluster\.([^.[]+)/.exec(item.value as string)?.[1] : undefined;
    const found = name && clusters.find((c) => c.resource.module === r.module && c.resource.name === name);
    if (found) return found;
  }
  return undefined;
}

function read(input: ImportInput, ctx: ImportContext): ImportOutput {
  const diagnostics: Diagnostic[] = [];
  const reader = new DocReader(input.file);
  const root = input.document;
  if (root?.kind !== 'object') return { snapshots: [], diagnostics, standalone: true };
  const indexed = tryRead(reader, diagnostics, 'invalid-value', 'invalid terraform show -json output', HINT, () => ({
    resources: planResources(reader, root),
    plan: { expressions: configExpressions(reader, root), unknowns: unknownsByAddress(reader, root) },
  }));
  if (!indexed) return { snapshots: [], diagnostics, standalone: true };
  const { resources, plan } = indexed;
  const values = (r: TfResource) => withUnknowns(reader, r.address, r.values, plan.unknowns.get(r.address), expressionsOf(plan, r), diagnostics);
  const clusters: ClusterEntry[] = [];
  for (const r of resources.filter((x) => x.type === 'aws_emr_cluster')) {
    const snapshot = emptySnapshot(input.file, ID);
    readEmrCluster(reader, input.text, snapshot, values(r), r.path, ctx.stepIndexBase, diagnostics);
    clusters.push({ resource: r, snapshot });
  }
  for (const r of resources.filter((x) => x.type === 'aws_emr_instance_group' || x.type === 'aws_emr_instance_fleet')) {
    const entry = owner(reader, plan, clusters, r);
    if (!entry) {
      const at = reader.loc(r.values, r.path);
      diagnostics.push(fileDiagnostic('unlinked-resource', 'warning', at, `${r.address} belongs to a cluster that is not in this file; it is not imported`, 'Add the aws_emr_cluster to the same plan or state, or give the cluster export of that cluster.'));
      continue;
    }
    const filled = values(r);
    if (r.type === 'aws_emr_instance_group') readTfGroup(reader, input.text, entry.snapshot, 'TASK', filled, r.path, diagnostics);
    else readTfFleet(reader, entry.snapshot, 'TASK', filled, r.path, diagnostics);
  }
  const snapshots = clusters.map((c) => c.snapshot);
  for (const s of snapshots) s.hasClusterContext = hasClusterContext(s);
  if (snapshots.length === 0) {
    diagnostics.push(
      fileDiagnostic('no-emr-resources', 'warning', { file: input.file, line: root.line, column: root.column }, 'the Terraform plan or state has no aws_emr_cluster resource', 'Nothing to convert here; run `terraform show -json` in the workspace that manages the EMR cluster.'),
    );
  }
  return { snapshots, diagnostics, standalone: true };
}

/**
 * `terraform show -json` plans and states: one snapshot per `aws_emr_cluster`, with the
 * `aws_emr_instance_group` / `aws_emr_instance_fleet` resources attached to it. See ./readme.md.
 */
export const terraformImporter: Importer = {
  id: ID,
  detect: (_path, head) => isTerraformJson(head.document),
  import: read,
};
