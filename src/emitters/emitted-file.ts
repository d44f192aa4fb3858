import type { Diagnostic } from '../model/diagnostic.js';

/** One file an emitter produces; only the file writer (src/output) puts it on disk. */
export interface EmittedFile {
  /** Relative to the output folder, forward slashes. */
  path: string;
  content: string;
  kind: 'manifest' | 'provenance' | 'report';
  /** The job the file belongs to, when it belongs to one. */
  jobId?: string;
}

/** What an emitter returns: its files, and findings such as a manifest that failed validation. */
export interface EmitResult {
  files: EmittedFile[];
  diagnostics: Diagnostic[];
}

/**
 * A file too large to hold as one string, such as the report.json of a fleet (tens of MB):
 * its text is the concatenation of `pieces()`, which the writer writes and hashes as they come.
 */
export interface StreamedFile {
  path: string;
  kind: EmittedFile['kind'];
  pieces: () => Iterable<string>;
}

/** The whole text of either kind of file (for callers that keep files in memory). */
export function fileText(file: EmittedFile | StreamedFile): string {
  return 'content' in file ? file.content : [...file.pieces()].join('');
}
