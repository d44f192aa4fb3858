/**
 * Whether a plan's Spark version is at least `major.minor`. An unknown or unparsable version
 * counts as recent: plans without one are already errors, and the current keys are the ones
 * a reviewer expects to see.
 */
export function sparkAtLeast(version: string | undefined, major: number, minor: number): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '');
  if (!m) return true;
  const [maj, min] = [Number(m[1]), Number(m[2])];
  return maj > major || (maj === major && min >= minor);
}
