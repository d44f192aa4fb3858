import { load, YAML11_SCHEMA, YAMLException } from 'js-yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { splitDocuments } from './split-documents.js';
import { validateSparkApplication } from './validate-spark-application.js';

const SPARK_APPLICATION = 'sparkoperator.k8s.io/v1beta2 SparkApplication';

function diagnostic(code: string, severity: Diagnostic['severity'], message: string, file: string, line: number): Diagnostic {
  return { code, severity, message, refs: [], location: { file, line } };
}

/**
 * Checks every document of a manifest file (DESIGN §5 `emr2k8s validate`). Documents are read
 * with YAML 1.1 rules, as Kubernetes' go-yaml reads them, so `yes` or `on` count as the
 * booleans the API server would see. SparkApplications are checked against the upstream CRD
 * schema (one `validation-failed` error per problem, at the document's line); other kinds are
 * listed as not checked.
 */
export function validateManifestText(text: string, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of splitDocuments(text)) {
    let obj: unknown;
    try {
      obj = load(doc.text, { schema: YAML11_SCHEMA, filename: file });
    } catch (error) {
      if (!(error instanceof YAMLException)) throw error;
      const line = error.mark ? doc.firstLine + error.mark.line : doc.line;
      out.push(diagnostic('invalid-yaml', 'error', `Not valid YAML: ${error.reason}.`, file, line));
      continue;
    }
    const { apiVersion, kind } = (obj ?? {}) as { apiVersion?: unknown; kind?: unknown };
    if (typeof obj !== 'object' || Array.isArray(obj) || typeof apiVersion !== 'string' || typeof kind !== 'string') {
      out.push(diagnostic('not-a-kubernetes-object', 'error', 'The document is not a Kubernetes object (a mapping with apiVersion and kind).', file, doc.line));
      continue;
    }
    const name = (obj as { metadata?: { name?: unknown } }).metadata?.name;
    if (`${apiVersion} ${kind}` !== SPARK_APPLICATION) {
      out.push(diagnostic('kind-not-checked', 'info', `${kind} (${apiVersion}) is not checked: only ${SPARK_APPLICATION} has a schema here.`, file, doc.line));
      continue;
    }
    const label = typeof name === 'string' ? `SparkApplication ${name}` : 'SparkApplication';
    for (const error of validateSparkApplication(obj).errors) {
      out.push(diagnostic('validation-failed', 'error', `${label}: ${error}`, file, doc.line));
    }
  }
  return out;
}
