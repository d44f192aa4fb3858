import type { Diagnostic } from '../model/diagnostic.js';
import { refs, type EmrClusterInfo, type EmrSnapshot } from '../model/emr-snapshot.js';
import { conflictDiagnostic, mergeClassifications } from './shared/configurations.js';
import { mergeLocations } from './shared/location-table.js';
import { hasClusterContext } from './shared/snapshot-draft.js';

const SCALAR_FIELDS = ['id', 'name', 'releaseLabel', 'logUri', 'stepConcurrencyLevel', 'serviceRole', 'jobFlowRole'] as const;

function sameList(a: unknown[], b: unknown[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Merges the per-file snapshots of one folder into one cluster, files in code-point order.
 * The first file that gives a value wins; a later file that disagrees gets a
 * `conflicting-input` warning. Steps are concatenated; a step id seen twice (list-steps and
 * describe-step of the same step) is kept once. The parts are fresh from their importers and
 * are merged in place, which keeps a folder with 10,000 steps fast.
 */
export function mergeSnapshots(source: string, parts: EmrSnapshot[]): { snapshot: EmrSnapshot; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const [first, ...rest] = parts;
  if (!first) throw new Error('mergeSnapshots needs at least one snapshot');
  const merged: EmrSnapshot = { ...first, source };
  const importers = [first.importer];
  const cluster: EmrClusterInfo = merged.cluster;
  const stepIds = new Set(merged.steps.flatMap((s) => (s.id ? [s.id] : [])));
  for (const part of rest) {
    if (!importers.includes(part.importer)) importers.push(part.importer);
    const conflict = (what: string, ref: string) =>
      diagnostics.push(conflictDiagnostic(what, part.locations[ref] ?? { file: part.source }, ref, 'the first file'));
    for (const field of SCALAR_FIELDS) {
      const value = part.cluster[field];
      if (value === undefined) continue;
      if (cluster[field] === undefined) Object.assign(cluster, { [field]: value });
      else if (cluster[field] !== value) conflict(`cluster ${field}`, refs.cluster(field));
    }
    for (const app of part.cluster.applications) if (!cluster.applications.includes(app)) cluster.applications.push(app);
    for (const [key, value] of Object.entries(part.cluster.tags)) {
      if (!(key in cluster.tags)) cluster.tags[key] = value;
      else if (cluster.tags[key] !== value) conflict(`tag ${key}`, refs.cluster(`tags/${key}`));
    }
    mergeClassifications(merged.configurations, part.configurations, (path, key) =>
      conflict(`configuration ${path.join('/')}/${key}`, refs.classification(path, key)),
    );
    const takeInstances = merged.instances.length === 0;
    if (takeInstances) merged.instances = part.instances;
    else if (part.instances.length > 0 && !sameList(merged.instances, part.instances)) {
      const ref = Object.keys(part.locations).find((r) => r.startsWith('cluster/instances/'));
      conflict('the instance groups or fleets', ref ?? refs.cluster('instances'));
    }
    const takeBootstrap = merged.bootstrapActions.length === 0;
    if (takeBootstrap) merged.bootstrapActions = part.bootstrapActions;
    else if (part.bootstrapActions.length > 0 && !sameList(merged.bootstrapActions, part.bootstrapActions)) {
      conflict('the bootstrap actions', refs.cluster('bootstrapActions/0/path'));
    }
    for (const step of part.steps) {
      if (step.id && stepIds.has(step.id)) continue;
      if (step.id) stepIds.add(step.id);
      merged.steps.push(step);
    }
    const excluded = [...(takeInstances ? [] : ['cluster/instances/']), ...(takeBootstrap ? [] : ['cluster/bootstrapActions/'])];
    mergeLocations(merged.locations, part.locations, excluded);
  }
  merged.importer = importers.join('+');
  merged.hasClusterContext = hasClusterContext(merged);
  return { snapshot: merged, diagnostics };
}
