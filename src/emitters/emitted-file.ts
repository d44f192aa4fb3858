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
