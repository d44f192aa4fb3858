import type { Diagnostic } from '../../model/diagnostic.js';
import { childPath, type DocNode, type ObjectNode } from '../shared/doc-node.js';
import { fileDiagnostic } from '../shared/diagnostics.js';
import type { DocReader } from '../shared/reader.js';

/**
 * Fields whose value must be a list, an object or a number in the EMR API: a run-time value
 * cannot stand in for them as text, so they are reported and left out instead.
 */
const STRUCTURED = new Set([
  'Applications',
  'BootstrapActions',
  'Configurations',
  'HadoopJarStep',
  'InstanceCount',
  'InstanceFleets',
  'InstanceGroups',
  'InstanceTypeConfigs',
  'Instances',
  'Properties',
  'ScriptBootstrapAction',
  'Step',
  'StepConcurrencyLevel',
  'Steps',
  'Tags',
  'TargetOnDemandCapacity',
  'TargetSpotCapacity',
]);

/**
 * The visible placeholder for a value Step Functions computes at run time: the JSONPath or
 * intrinsic function verbatim inside `${…}`, e.g. `${$.args}` or
 * `${States.Format('s3://acme/{}/', $.date)}`, which `rules/placeholders.ts` reports.
 */
export function runtimePlaceholder(expression: string): string {
  return `\${${expression}}`;
}

/**
 * Replaces every `Key.$` parameter (a JSONPath, context path or intrinsic function evaluated
 * at run time; https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html)
 * by `Key` holding {@link runtimePlaceholder} at the same position, so the shared EMR readers
 * read it like a written value. An `Args.$` list thus becomes one placeholder argument.
 * The input tree is not changed.
 */
export function resolveDynamic(reader: DocReader, node: DocNode, path: string, diagnostics: Diagnostic[]): DocNode {
  if (node.kind === 'array') return { ...node, items: node.items.map((item, i) => resolveDynamic(reader, item, childPath(path, i), diagnostics)) };
  if (node.kind !== 'object') return node;
  const entries: ObjectNode['entries'] = new Map();
  for (const [key, value] of node.entries) {
    const valuePath = childPath(path, key);
    if (!key.endsWith('.$')) {
      entries.set(key, resolveDynamic(reader, value, valuePath, diagnostics));
      continue;
    }
    const field = key.slice(0, -2);
    const loc = reader.loc(value, valuePath);
    if (value.kind !== 'string') {
      diagnostics.push(
        fileDiagnostic('invalid-value', 'error', loc, `${key} must be a JSONPath or intrinsic function string`, 'See "Parameters" in the Amazon States Language specification.'),
      );
    } else if (STRUCTURED.has(field)) {
      diagnostics.push(
        fileDiagnostic(
          'runtime-parameter',
          'warning',
          loc,
          `${field} is computed when the state machine runs, so its content is not in the definition and is not imported`,
          `Write ${field} out in the definition, or import the RunJobFlow request or the cluster export that the execution used.`,
        ),
      );
    } else {
      const text = runtimePlaceholder(value.value as string);
      entries.set(field, { kind: 'string', value: text, raw: text, line: value.line, column: value.column });
    }
  }
  return { ...node, entries };
}
