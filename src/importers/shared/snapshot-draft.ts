import type { EmrSnapshot } from '../../model/emr-snapshot.js';
import type { SettingRef, SourceLocation } from '../../model/source.js';
import { createLocations } from './location-table.js';

/** An empty snapshot for one input file, filled in by an importer. */
export function emptySnapshot(source: string, importer: string): EmrSnapshot {
  return {
    source,
    importer,
    cluster: { applications: [], tags: {} },
    configurations: [],
    instances: [],
    bootstrapActions: [],
    steps: [],
    hasClusterContext: false,
    locations: createLocations(),
  };
}

/** Records where a setting was read; the first place wins, like the value it locates. */
export function locate(snapshot: EmrSnapshot, ref: SettingRef, loc: SourceLocation | undefined): void {
  if (loc && !(ref in snapshot.locations)) snapshot.locations[ref] = loc;
}

/**
 * Whether a snapshot says anything about the cluster itself, so that normalization does
 * not have to assume a release (EmrSnapshot.hasClusterContext).
 */
export function hasClusterContext(snapshot: EmrSnapshot): boolean {
  return (
    snapshot.cluster.releaseLabel !== undefined ||
    snapshot.configurations.length > 0 ||
    snapshot.instances.length > 0 ||
    snapshot.cluster.applications.length > 0
  );
}
