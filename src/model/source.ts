/**
 * Where an input value came from. Every leaf a rule may read is addressed by a
 * {@link SettingRef} and located by a {@link SourceLocation}, so that every output
 * field can answer "why this value?" down to a file and line.
 */

/**
 * A stable, human-readable address of one input setting, e.g.
 * `cluster/configurations/spark-defaults/spark.executor.memory`, `steps/s-2AB/args/4`,
 * `cluster/releaseLabel`, `emr-defaults/spark.dynamicAllocation.enabled`.
 * Stable across runs and input order, so provenance files diff cleanly.
 */
export type SettingRef = string;

/** A place in an input: a file position, or a field of a live API answer. */
export interface SourceLocation {
  /** Input file, as given on the command line (relative paths stay relative). */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  /** 1-based column in `file`. */
  column?: number;
  /** Property path inside the document, e.g. `Steps[2].HadoopJarStep.Args[4]`. */
  path?: string;
}

/**
 * The location of the first ref that has one. Stops there: the refs after it are not looked
 * up, which matters when locations are worked out on first read (importers/shared/location-table.ts).
 */
export function firstLocation(locations: Record<SettingRef, SourceLocation>, refs: readonly SettingRef[]): SourceLocation | undefined {
  for (const ref of refs) {
    const loc = locations[ref];
    if (loc !== undefined) return loc;
  }
  return undefined;
}

/** `file:line:column` (or as much of it as is known), for one-line messages. */
export function formatLocation(loc: SourceLocation | undefined): string {
  if (!loc) return '';
  let out = loc.file ?? '';
  if (loc.line !== undefined) out += `:${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) out += `:${loc.column}`;
  if (loc.path && loc.line === undefined) out += out ? ` (${loc.path})` : loc.path;
  return out;
}
