import type { Diagnostic } from '../model/diagnostic.js';
import { formatLocation } from '../model/source.js';

/**
 * One line per diagnostic: `severity code where: message (hint: …)`. Used on stderr and in
 * text output, so a person can jump to the file and position.
 */
export function formatDiagnosticLine(d: Diagnostic): string {
  const where = formatLocation(d.location);
  const subject = where || d.jobId || '';
  const hint = d.hint ? ` (hint: ${d.hint})` : '';
  // Importer messages already start with their position, so it is not repeated.
  const message = where && d.message.startsWith(`${where}: `) ? d.message.slice(where.length + 2) : d.message;
  return oneLine(`${d.severity} ${d.code}${subject ? ` ${subject}` : ''}: ${message}${hint}`);
}

/** Input text can hold line breaks (step names, arguments); a diagnostic stays one line. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
