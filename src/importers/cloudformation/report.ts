import type { Diagnostic } from '../../model/diagnostic.js';
import type { EmrSnapshot } from '../../model/emr-snapshot.js';
import type { SettingRef } from '../../model/source.js';
import { fileDiagnostic } from '../shared/diagnostics.js';
import type { Unresolved } from './intrinsics.js';

const HINTS: Record<Unresolved['code'], string> = {
  'unresolved-reference': 'Give the value with --param Name=Value (or --region), or fill the placeholder in the generated manifest.',
  'unresolved-condition': 'Give the parameters the condition reads with --param Name=Value.',
  'unsupported-intrinsic': 'Replace the function with its value in a copy of the template, or fill the placeholder in the generated manifest.',
  'invalid-intrinsic': 'Fix the template at that place: CloudFormation would reject it too.',
};

function within(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

function logicalId(path: string): string {
  return /^Resources\.([^.[]+)/.exec(path)?.[1] ?? path;
}

/**
 * One diagnostic per placeholder that ended up in a value the snapshots hold, at the
 * intrinsic's line with the logical id and property path, naming the settings it is in.
 * Placeholders in properties that are not read (a subnet, a security group) are not reported:
 * they do not reach a manifest.
 */
export function reportUnresolved(file: string, problems: readonly Unresolved[], snapshots: readonly EmrSnapshot[]): Diagnostic[] {
  const located: Array<[SettingRef, string]> = [];
  for (const snapshot of snapshots) {
    for (const [ref, loc] of Object.entries(snapshot.locations)) if (loc.file === file && loc.path) located.push([ref, loc.path]);
  }
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const p of problems) {
    const key = `${p.path}\u0000${p.placeholder}\u0000${p.at.line}:${p.at.column}`;
    const settings = located.filter(([, path]) => within(path, p.path)).map(([ref]) => ref);
    if (settings.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(
      fileDiagnostic(
        p.code,
        p.severity,
        { file, line: p.at.line, column: p.at.column, path: p.path },
        `${logicalId(p.path)}: ${p.reason}; kept as ${p.placeholder}`,
        HINTS[p.code],
        [...new Set(settings)],
      ),
    );
  }
  return out;
}
