import type { Diagnostic, Severity } from '../../model/diagnostic.js';
import { formatLocation, type SettingRef, type SourceLocation } from '../../model/source.js';

/**
 * A finding about an input file: one line that starts with `file:line:column`, with the
 * location attached and a hint. Messages never quote setting values, so secrets cannot leak.
 */
export function fileDiagnostic(
  code: string,
  severity: Severity,
  location: SourceLocation,
  what: string,
  hint: string,
  refs: SettingRef[] = [],
): Diagnostic {
  const where = formatLocation({ file: location.file, line: location.line, column: location.column });
  const path = location.path ? ` (at ${location.path})` : '';
  return { code, severity, message: `${where}: ${what}${path}`, refs, location, hint };
}
