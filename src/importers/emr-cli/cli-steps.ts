import type { Diagnostic } from '../../model/diagnostic.js';
import type { EmrSnapshot } from '../../model/emr-snapshot.js';
import type { SourceLocation } from '../../model/source.js';
import { childPath, type DocNode } from '../shared/doc-node.js';
import { fileDiagnostic } from '../shared/diagnostics.js';
import { tryRead, type DocReader, type Located } from '../shared/reader.js';
import { DEFAULT_ACTION_ON_FAILURE, addStep, readProperties, type StepDraft } from '../shared/steps.js';

/** Keys of one `--steps` item (aws-cli `awscli/customizations/emr/argumentschema.py` STEPS_SCHEMA). */
const KNOWN_KEYS = new Set(['Type', 'Name', 'ActionOnFailure', 'Jar', 'Args', 'MainClass', 'Properties']);

const COMMAND_RUNNER = 'command-runner.jar';

/**
 * How each step Type expands on a release-label cluster, from aws-cli
 * `awscli/customizations/emr/steputils.py` and `constants.py` (facts §8.4): the default name,
 * the arguments put before the user's, and whether Args is required.
 */
const TYPES: Record<string, { name: string; prefix: string[] | undefined }> = {
  custom_jar: { name: 'Custom JAR', prefix: undefined },
  spark: { name: 'Spark application', prefix: ['spark-submit'] },
  streaming: { name: 'Streaming program', prefix: ['hadoop-streaming'] },
  hive: { name: 'Hive program', prefix: ['hive-script', '--run-hive-script', '--args'] },
  pig: { name: 'Pig program', prefix: ['pig-script', '--run-pig-script', '--args'] },
};

const HINT =
  'A --steps item has Type (Spark, CUSTOM_JAR, STREAMING, HIVE or PIG; CUSTOM_JAR when omitted), Name, ActionOnFailure, Args, and for CUSTOM_JAR Jar, MainClass and Properties.';

/**
 * The `Properties` of a CUSTOM_JAR step: the CLI's `k=v,k2=v2` string, split as
 * `emrutils.parse_key_value_string` does (on every comma, a key without `=` gets ''), or a
 * list / map as the API takes it.
 */
function cliProperties(reader: DocReader, node: DocNode, path: string): StepDraft['properties'] {
  if (node.kind !== 'string') return readProperties(reader, node, path);
  const loc = reader.loc(node, path);
  return (node.value as string).split(',').map((kv) => {
    const eq = kv.indexOf('=');
    return eq === -1 ? { key: kv, value: '', loc } : { key: kv.slice(0, eq), value: kv.slice(eq + 1), loc };
  });
}

/**
 * Expands one `--steps` item exactly as `aws emr add-steps` / `create-cluster --steps` does
 * for a release-label cluster. Throws a ShapeError for what the CLI itself would reject.
 * Fields the CLI ignores for a Type (e.g. Jar on a Spark step) are reported, not silently lost.
 */
function expandStep(reader: DocReader, node: DocNode, path: string, ignored: Diagnostic[]): StepDraft {
  const obj = reader.object(node, path);
  for (const [key, value] of obj.entries) {
    if (!KNOWN_KEYS.has(key)) reader.fail(value, childPath(path, key), `unknown parameter ${key}`);
  }
  const typeField = reader.optText(obj, 'Type', path);
  const type = (typeField?.value ?? 'CUSTOM_JAR').toLowerCase();
  const spec = TYPES[type];
  if (!spec) {
    const where = obj.entries.get('Type') as DocNode;
    const why = type === 'impala' ? 'IMPALA steps exist only on AMI-version clusters' : `unknown step Type ${typeField?.value}`;
    reader.fail(where, childPath(path, 'Type'), why);
  }
  const origin: SourceLocation = typeField?.loc ?? reader.loc(node, path);
  const name = reader.optText(obj, 'Name', path);
  const action = reader.optText(obj, 'ActionOnFailure', path);
  const argsMember = reader.member(obj, 'Args', path);
  const args = argsMember ? reader.textList(argsMember.node, argsMember.path) : [];
  const common = {
    name: name ?? { value: spec.name, loc: origin },
    actionOnFailure: action ?? { value: DEFAULT_ACTION_ON_FAILURE, loc: origin },
  };
  if (!spec.prefix) {
    const jar = reader.optText(obj, 'Jar', path);
    if (!jar) reader.fail(node, path, 'Jar is missing (required for a CUSTOM_JAR step)');
    const mainClass = reader.optText(obj, 'MainClass', path);
    const props = reader.member(obj, 'Properties', path);
    return {
      ...common,
      jar,
      ...(mainClass && { mainClass }),
      args,
      properties: props ? cliProperties(reader, props.node, props.path) : [],
    };
  }
  // steputils: Spark needs Args; streaming, Hive and Pig also reject a single blank argument.
  const blank = args.length === 0 || (type !== 'spark' && args.length === 1 && (args[0] as Located<string>).value.trim() === '');
  if (blank) reader.fail(argsMember?.node ?? node, argsMember?.path ?? path, `Args is required for a ${typeField?.value} step`);
  for (const key of ['Jar', 'MainClass', 'Properties']) {
    const m = reader.member(obj, key, path);
    if (m) {
      ignored.push(
        fileDiagnostic(
          'ignored-step-field',
          'warning',
          reader.loc(m.node, m.path),
          `${key} is ignored for a ${typeField?.value} step: the AWS CLI builds the step from Type and Args only`,
          'Use Type=CUSTOM_JAR to give Jar, MainClass or Properties yourself, or remove the field.',
        ),
      );
    }
  }
  return {
    ...common,
    jar: { value: COMMAND_RUNNER, loc: origin },
    args: [...spec.prefix.map((value) => ({ value, loc: origin })), ...args],
    properties: [],
  };
}

/**
 * Adds `--steps` items to the snapshot; each bad item is one `invalid-step` diagnostic and
 * the others are kept with the index they have in the file.
 */
export function readCliSteps(
  reader: DocReader,
  snapshot: EmrSnapshot,
  items: Array<{ node: DocNode; path: string }>,
  indexBase: number,
  diagnostics: Diagnostic[],
): void {
  items.forEach(({ node, path }, i) => {
    const ignored: Diagnostic[] = [];
    const draft = tryRead(reader, diagnostics, 'invalid-step', `step ${indexBase + i + 1} is invalid`, HINT, () =>
      expandStep(reader, node, path, ignored),
    );
    if (!draft) return;
    diagnostics.push(...ignored);
    addStep(snapshot, draft, indexBase + i + 1);
  });
}
