import type { Diagnostic } from '../../model/diagnostic.js';
import type { SourceLocation } from '../../model/source.js';
import { childPath, describeKind, type ArrayNode, type DocNode, type ObjectNode } from './doc-node.js';
import { fileDiagnostic } from './diagnostics.js';

/** A value with the place it was read from. */
export interface Located<T> {
  value: T;
  loc: SourceLocation;
}

/** A value of the wrong shape; the importer turns it into one diagnostic at that node. */
export class ShapeError extends Error {
  constructor(
    readonly loc: SourceLocation,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Typed, located access to a parsed document. Each accessor either returns a value or
 * throws a {@link ShapeError} naming the node, so a caller can drop exactly the step or
 * file that is malformed and keep the rest.
 */
export class DocReader {
  constructor(readonly file: string) {}

  loc(node: DocNode, path: string): SourceLocation {
    return { file: this.file, line: node.line, column: node.column, path };
  }

  fail(node: DocNode, path: string, reason: string): never {
    throw new ShapeError(this.loc(node, path), reason);
  }

  object(node: DocNode, path: string): ObjectNode {
    if (node.kind !== 'object') this.fail(node, path, `expected an object, found ${describeKind(node)}`);
    return node;
  }

  array(node: DocNode, path: string): ArrayNode {
    if (node.kind !== 'array') this.fail(node, path, `expected a list, found ${describeKind(node)}`);
    return node;
  }

  /** A scalar as text. Numbers and booleans keep their written form: settings are strings on EMR. */
  text(node: DocNode, path: string): string {
    if (node.kind === 'string') return node.value as string;
    if (node.kind === 'number' || node.kind === 'boolean') return node.raw;
    return this.fail(node, path, `expected a string, found ${describeKind(node)}`);
  }

  /** An optional member: absent and `null` both read as undefined. */
  member(obj: ObjectNode, key: string, path: string): { node: DocNode; path: string } | undefined {
    const node = obj.entries.get(key);
    return node && node.kind !== 'null' ? { node, path: childPath(path, key) } : undefined;
  }

  optText(obj: ObjectNode, key: string, path: string): Located<string> | undefined {
    const m = this.member(obj, key, path);
    return m && { value: this.text(m.node, m.path), loc: this.loc(m.node, m.path) };
  }

  optInt(obj: ObjectNode, key: string, path: string): Located<number> | undefined {
    const m = this.member(obj, key, path);
    if (!m) return undefined;
    const n = m.node.kind === 'number' ? (m.node.value as number) : m.node.kind === 'string' ? Number(m.node.value) : NaN;
    if (!Number.isInteger(n) || n < 0) this.fail(m.node, m.path, `expected a whole number, found ${describeKind(m.node)}`);
    return { value: n, loc: this.loc(m.node, m.path) };
  }

  optObject(obj: ObjectNode, key: string, path: string): { node: ObjectNode; path: string } | undefined {
    const m = this.member(obj, key, path);
    return m && { node: this.object(m.node, m.path), path: m.path };
  }

  /** An optional list; each item comes with its own path. */
  optList(obj: ObjectNode, key: string, path: string): Array<{ node: DocNode; path: string }> | undefined {
    const m = this.member(obj, key, path);
    return m && this.array(m.node, m.path).items.map((node, i) => ({ node, path: childPath(m.path, i) }));
  }

  /**
   * A list of strings; a lone string counts as a list of one, as the AWS CLI reads `Args=x`.
   * A lone number or boolean is refused: `Args: 42` is a mistake, not the argument "42".
   */
  textList(node: DocNode, path: string): Array<Located<string>> {
    if (node.kind === 'number' || node.kind === 'boolean' || node.kind === 'object') {
      const name = /(?:^|\.)([A-Za-z_$][\w$]*)$/.exec(path)?.[1] ?? 'the value';
      this.fail(node, path, `${name} must be a list of strings, found ${describeKind(node)}`);
    }
    if (node.kind !== 'array') return [{ value: this.text(node, path), loc: this.loc(node, path) }];
    return node.items.map((item, i) => {
      const p = childPath(path, i);
      return { value: this.text(item, p), loc: this.loc(item, p) };
    });
  }

  /** One error diagnostic for a shape error. */
  diagnostic(error: ShapeError, code: string, what: string, hint: string): Diagnostic {
    return fileDiagnostic(code, 'error', error.loc, `${what}: ${error.reason}`, hint);
  }
}

/** Runs `read`, turning a {@link ShapeError} into one diagnostic and undefined. */
export function tryRead<T>(
  reader: DocReader,
  diagnostics: Diagnostic[],
  code: string,
  what: string,
  hint: string,
  read: () => T,
): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    diagnostics.push(reader.diagnostic(error, code, what, hint));
    return undefined;
  }
}
