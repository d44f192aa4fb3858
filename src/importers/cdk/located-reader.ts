import type { SourceLocation } from '../../model/source.js';
import type { DocNode } from '../shared/doc-node.js';
import { DocReader } from '../shared/reader.js';

/** A document node that also knows its file: a CDK app's values come from several files. */
export type FiledNode = DocNode & { file: string };

/**
 * The shared reader, locating each node in the file it was written in (a step argument may
 * come from a `const` in `lib/config.ts`), so every location is that literal's `file:line:column`.
 * Nodes the shared readers build themselves (an instance group's role) fall back to `file`.
 */
export class LocatedReader extends DocReader {
  override loc(node: DocNode, path: string): SourceLocation {
    const file = (node as Partial<FiledNode>).file ?? this.file;
    return { file, line: node.line, column: node.column, path };
  }
}
