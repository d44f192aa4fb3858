import type { Diagnostic } from '../model/diagnostic.js';
import type { EmrSnapshot } from '../model/emr-snapshot.js';
import type { DocNode } from './shared/doc-node.js';

/**
 * What an importer sees of a file before it claims it (DESIGN §4 "Importer", the Renovate
 * manager shape): the start of the text and, when the file is JSON or YAML, the parsed
 * document. Kinds are told from content, never from file names.
 */
export interface FileHead {
  /** The first 4 KiB of the decoded text (BOM removed). */
  text: string;
  /** The parsed JSON or YAML document, when the file is one. */
  document?: DocNode;
}

export interface ImportInput {
  /** The file as it will appear in locations and messages (the given path, joined). */
  file: string;
  /** Decoded text, BOM removed. */
  text: string;
  document?: DocNode;
}

export interface ImportContext {
  /** Steps already read for the same cluster, so `index` stays the position in file order. */
  stepIndexBase: number;
  /** Template parameter values given by the user (`--param Name=Value`); they beat defaults. */
  params?: Readonly<Record<string, string>>;
  /** The AWS region the input was deployed in (`--region`), for `AWS::Region` and partitions. */
  region?: string;
}

export interface ImportOutput {
  /** One snapshot per file; the caller merges the files of a folder into one cluster. */
  snapshots: EmrSnapshot[];
  diagnostics: Diagnostic[];
  /**
   * True when each snapshot is a whole cluster of its own (a template that declares several
   * clusters): the caller keeps them apart instead of merging them with the folder's files.
   */
  standalone?: boolean;
}

/** One source kind: `detect` says whether it reads the file, `import` reads it. Both are pure. */
export interface Importer {
  id: string;
  detect(path: string, head: FileHead): boolean;
  import(input: ImportInput, ctx: ImportContext): ImportOutput;
}
