import type { Diagnostic } from '../../model/diagnostic.js';
import type { Classification } from '../../model/emr-snapshot.js';
import type { SettingRef, SourceLocation } from '../../model/source.js';
import { childPath, type DocNode } from './doc-node.js';
import { fileDiagnostic } from './diagnostics.js';
import { tryRead, type DocReader } from './reader.js';

/** Builds the ref of one classification property from its classification path. */
export type PropertyRef = (path: string[], key: string) => SettingRef;

/**
 * Reads an EMR `Configurations` list (API `Configuration`: Classification, Properties map,
 * nested Configurations; https://docs.aws.amazon.com/emr/latest/APIReference/API_Configuration.html),
 * the same shape in describe-cluster output, RunJobFlow requests and configurations files, and
 * in CloudFormation templates with `ConfigurationProperties` for the map.
 * A malformed classification becomes one diagnostic; its siblings are kept.
 */
export function readConfigurations(
  reader: DocReader,
  node: DocNode,
  path: string,
  ref: PropertyRef,
  onLocation: (ref: SettingRef, loc: SourceLocation) => void,
  diagnostics: Diagnostic[],
  parents: string[] = [],
): Classification[] {
  const list = tryRead(reader, diagnostics, 'invalid-value', 'Configurations is not a list', HINT, () =>
    reader.array(node, path),
  );
  const out: Classification[] = [];
  list?.items.forEach((item, i) => {
    const itemPath = childPath(path, i);
    const read = tryRead(reader, diagnostics, 'invalid-value', 'invalid configuration classification', HINT, () => {
      const obj = reader.object(item, itemPath);
      const name = reader.optText(obj, 'Classification', itemPath);
      if (!name) reader.fail(item, itemPath, 'Classification is missing');
      const here = [...parents, name.value];
      const properties: Record<string, string> = {};
      const locations: Array<[SettingRef, SourceLocation]> = [];
      // CloudFormation spells the map `ConfigurationProperties` (AWS::EMR::Cluster Configuration).
      const props = reader.optObject(obj, 'Properties', itemPath) ?? reader.optObject(obj, 'ConfigurationProperties', itemPath);
      for (const [key, value] of props?.node.entries ?? []) {
        const p = childPath(props!.path, key);
        properties[key] = reader.text(value, p);
        locations.push([ref(here, key), reader.loc(value, p)]);
      }
      const nested = reader.member(obj, 'Configurations', itemPath);
      return { name: name.value, here, properties, locations, nested };
    });
    if (!read) return;
    read.locations.forEach(([r, loc]) => onLocation(r, loc));
    const configurations = read.nested
      ? readConfigurations(reader, read.nested.node, read.nested.path, ref, onLocation, diagnostics, read.here)
      : [];
    out.push({ classification: read.name, properties: read.properties, configurations });
  });
  return out;
}

const HINT = 'Each item needs "Classification", an optional "Properties" map of strings and optional nested "Configurations".';

/**
 * Merges classification lists from several files of one cluster by classification name,
 * recursively. The first file wins a property; a different value later is reported (without
 * either value, which may be a secret).
 */
export function mergeClassifications(
  into: Classification[],
  from: Classification[],
  conflict: (path: string[], key: string) => void,
  parents: string[] = [],
): void {
  for (const c of from) {
    const existing = into.find((e) => e.classification === c.classification);
    if (!existing) {
      into.push(structuredClone(c));
      continue;
    }
    const here = [...parents, c.classification];
    for (const [key, value] of Object.entries(c.properties)) {
      if (!(key in existing.properties)) existing.properties[key] = value;
      else if (existing.properties[key] !== value) conflict(here, key);
    }
    mergeClassifications(existing.configurations, c.configurations, conflict, here);
  }
}

/** A `conflicting-input` warning for a value two files of one cluster disagree on. */
export function conflictDiagnostic(what: string, loc: SourceLocation, ref: SettingRef, kept: string): Diagnostic {
  return fileDiagnostic(
    'conflicting-input',
    'warning',
    loc,
    `${what} differs between files of the same cluster; the value from ${kept} is used`,
    'Export all files of a folder from the same cluster, or remove the stale file.',
    [ref],
  );
}
