import { boolYaml11Tag, floatYaml11Tag, intYaml11Tag, load, mapTag, mergeTag, nullYaml11Tag, Schema, seqTag, strTag, YAMLException } from 'js-yaml';
import { splitDocuments } from '../validate/split-documents.js';

/** A Kubernetes object read from a manifest file, with where it was found. */
export interface ManifestObject {
  object: Record<string, unknown>;
  file: string;
  /** 1-based line where the object's document starts. */
  line: number;
}

/** A manifest file that is not valid YAML (or JSON); `line` is 1-based. */
export class ManifestParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: not valid YAML: ${reason}`);
  }
}

/**
 * Kubernetes reads manifests with go-yaml (sigs.k8s.io/yaml), i.e. YAML 1.1 scalars: `yes`
 * and `on` are booleans, `012` is octal, `<<` merges. go-yaml keeps timestamp-looking
 * scalars as strings when decoding into untyped JSON, so the timestamp tag is left out, as
 * are the exotic collection tags (`!!set`, `!!omap`, `!!binary`) that no manifest uses.
 */
const KUBERNETES_YAML = new Schema([strTag, seqTag, mapTag, nullYaml11Tag, boolYaml11Tag, intYaml11Tag, floatYaml11Tag, mergeTag]);

function isKubernetesObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { apiVersion, kind } = value as { apiVersion?: unknown; kind?: unknown };
  return typeof apiVersion === 'string' && typeof kind === 'string';
}

/**
 * Every Kubernetes object (a mapping with string `apiVersion` and `kind`) in a YAML or JSON
 * text, multi-document files included, in file order. Other documents (a conversion's
 * report.json or provenance files, empty documents, lists, scalars) are skipped. Throws
 * {@link ManifestParseError} naming the file and line of the first syntax error; duplicate
 * keys are an error, as they are for kubectl.
 */
export function parseManifests(text: string, file: string): ManifestObject[] {
  const objects: ManifestObject[] = [];
  for (const doc of splitDocuments(text)) {
    let value: unknown;
    try {
      value = load(doc.text, { schema: KUBERNETES_YAML, filename: file });
    } catch (error) {
      if (!(error instanceof YAMLException)) throw error;
      throw new ManifestParseError(file, error.mark ? doc.firstLine + error.mark.line : doc.line, error.reason);
    }
    if (isKubernetesObject(value)) objects.push({ object: value, file, line: doc.line });
  }
  return objects;
}
