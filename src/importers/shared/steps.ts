import type { Diagnostic } from '../../model/diagnostic.js';
import { refs, type EmrSnapshot, type EmrStep } from '../../model/emr-snapshot.js';
import type { SourceLocation } from '../../model/source.js';
import { childPath, type DocNode, type ObjectNode } from './doc-node.js';
import type { JsonSource } from './parse-json.js';
import { tryRead, type DocReader, type Located } from './reader.js';
import { addStepLocations, locatedFields, type StepLocationEntries } from './location-table.js';
import { isoTimestamp } from './timestamps.js';

/** The AWS CLI's default, which the API documentation does not contradict (facts §8.4). */
export const DEFAULT_ACTION_ON_FAILURE = 'CONTINUE';

/** A step before it gets its index: values with the place each was read from. */
export interface StepDraft {
  id?: Located<string>;
  name: Located<string> | { value: string; loc?: SourceLocation };
  actionOnFailure: { value: string; loc?: SourceLocation };
  jar: { value: string; loc: SourceLocation };
  mainClass?: Located<string>;
  args: Array<{ value: string; loc?: SourceLocation }>;
  properties: Array<{ key: string; value: string; loc?: SourceLocation }>;
  state?: string;
  createdAt?: string;
}

/**
 * Adds a step to the snapshot with its 1-based index; `locate` gives the location of every
 * leaf when one is first asked for (location-table.ts). A step key already located (the same
 * step id twice in one file) keeps its first locations.
 */
function addStepValues(snapshot: EmrSnapshot, draft: StepDraft, index: number, locate: () => StepLocationEntries): EmrStep {
  const properties: Record<string, string> = {};
  for (const p of draft.properties) properties[p.key] = p.value;
  const step: EmrStep = {
    index,
    name: draft.name.value,
    actionOnFailure: draft.actionOnFailure.value,
    jar: draft.jar.value,
    args: draft.args.map((a) => a.value),
    properties,
  };
  if (draft.id) step.id = draft.id.value;
  if (draft.mainClass) step.mainClass = draft.mainClass.value;
  if (draft.state !== undefined) step.state = draft.state;
  if (draft.createdAt !== undefined) step.createdAt = draft.createdAt;
  snapshot.steps.push(step);
  // The name's location is kept: a folded history's diagnostic points at the name of each
  // run, and only then would the other runs be read again.
  const kept: StepLocationEntries = draft.name.loc ? [['name', draft.name.loc]] : [];
  addStepLocations(snapshot.locations, refs.step(step, ''), locatedFields(stepLocationEntries(draft)), locate, kept);
  return step;
}

/** Adds a step read by an importer's own means, with the locations its draft holds. */
export function addStep(snapshot: EmrSnapshot, draft: StepDraft, index: number): EmrStep {
  return addStepValues(snapshot, draft, index, () => stepLocationEntries(draft));
}

/** `args/0`, `args/1`, …: made once, since every step names its arguments' fields (the lists of names are kept). */
const argFields: string[] = [];
function argField(i: number): string {
  for (let n = argFields.length; n <= i; n++) argFields.push(`args/${n}`);
  return argFields[i] as string;
}

/** A step's located leaves in a fixed order, keyed by field (`jar`, `args/3`, `properties/k`). */
function stepLocationEntries(draft: StepDraft): StepLocationEntries {
  const entries: StepLocationEntries = [
    ['id', draft.id?.loc],
    ['name', draft.name.loc],
    ['actionOnFailure', draft.actionOnFailure.loc],
    ['jar', draft.jar.loc],
    ['mainClass', draft.mainClass?.loc],
  ];
  draft.args.forEach((a, i) => entries.push([argField(i), a.loc]));
  for (const p of draft.properties) entries.push([`properties/${p.key}`, p.loc]);
  return entries;
}

/**
 * Step properties as a map. The API takes a list of `{Key, Value}` on input
 * (https://docs.aws.amazon.com/emr/latest/APIReference/API_HadoopJarStepConfig.html) and
 * returns a map in ListSteps/DescribeStep (API_HadoopStepConfig.html); both are accepted.
 */
export function readProperties(reader: DocReader, node: DocNode, path: string): StepDraft['properties'] {
  if (node.kind === 'object') {
    return [...node.entries].map(([key, value]) => {
      const p = childPath(path, key);
      return { key, value: reader.text(value, p), loc: reader.loc(value, p) };
    });
  }
  return reader.array(node, path).items.map((item, i) => {
    const p = childPath(path, i);
    const obj = reader.object(item, p);
    const key = reader.optText(obj, 'Key', p);
    if (!key) reader.fail(item, p, 'Key is missing');
    const value = reader.optText(obj, 'Value', p);
    return { key: key.value, value: value?.value ?? '', loc: value?.loc ?? key.loc };
  });
}

/**
 * One step in the API's shape: a StepConfig request (`HadoopJarStep`) or a ListSteps /
 * DescribeStep answer (`Config`, `Id`, `Status`; https://docs.aws.amazon.com/emr/latest/APIReference/API_Step.html).
 */
export function readApiStep(reader: DocReader, node: DocNode, path: string): StepDraft {
  const obj: ObjectNode = reader.object(node, path);
  const body = reader.optObject(obj, 'HadoopJarStep', path) ?? reader.optObject(obj, 'Config', path);
  if (!body) reader.fail(node, path, 'HadoopJarStep (or Config) is missing');
  const name = reader.optText(obj, 'Name', path);
  if (!name) reader.fail(node, path, 'Name is missing');
  const jar = reader.optText(body.node, 'Jar', body.path);
  if (!jar) reader.fail(body.node, body.path, 'Jar is missing');
  const args = reader.member(body.node, 'Args', body.path);
  // CloudFormation spells the list `StepProperties` (AWS::EMR::Step HadoopJarStepConfig).
  const props = reader.member(body.node, 'Properties', body.path) ?? reader.member(body.node, 'StepProperties', body.path);
  const status = reader.optObject(obj, 'Status', path);
  const timeline = status && reader.optObject(status.node, 'Timeline', status.path);
  const created = timeline && reader.member(timeline.node, 'CreationDateTime', timeline.path);
  let createdAt: string | undefined;
  if (created) {
    const raw = created.node.kind === 'number' ? (created.node.value as number) : reader.text(created.node, created.path);
    createdAt = isoTimestamp(raw);
    if (createdAt === undefined) reader.fail(created.node, created.path, 'CreationDateTime is not a timestamp');
  }
  const action = reader.optText(obj, 'ActionOnFailure', path);
  const mainClass = reader.optText(body.node, 'MainClass', body.path);
  const id = reader.optText(obj, 'Id', path);
  const state = status && reader.optText(status.node, 'State', status.path);
  return {
    ...(id && { id }),
    name,
    actionOnFailure: action ?? { value: DEFAULT_ACTION_ON_FAILURE },
    jar,
    ...(mainClass && { mainClass }),
    args: args ? reader.textList(args.node, args.path) : [],
    properties: props ? readProperties(reader, props.node, props.path) : [],
    ...(state && { state: state.value }),
    ...(createdAt !== undefined && { createdAt }),
  };
}

export const STEP_HINT = 'A step needs Name and HadoopJarStep (or Config) with Jar, and optional MainClass, Args (strings) and Properties.';

/**
 * Reads a list of API-shaped steps into the snapshot. A malformed step becomes one
 * `invalid-step` diagnostic and is skipped; its position still counts, so the steps after it
 * keep the index they have in the file. When the steps are values of a JSON text (`json`),
 * each is read again from its position for its locations, if they are ever asked for: a
 * position costs less to keep than a location and a ref for each leaf, or the parsed step.
 */
export function readApiSteps(
  reader: DocReader,
  snapshot: EmrSnapshot,
  items: Array<{ node: DocNode; path: string }>,
  indexBase: number,
  diagnostics: Diagnostic[],
  json?: JsonSource,
): void {
  items.forEach(({ node, path }, i) => {
    const draft = tryRead(reader, diagnostics, 'invalid-step', `step ${indexBase + i + 1} is invalid`, STEP_HINT, () =>
      readApiStep(reader, node, path),
    );
    if (draft) addStepValues(snapshot, draft, indexBase + i + 1, json ? readAgainAt(reader, json, node, path) : readAgain(reader, node, path));
  });
}

// Made in functions of their own so that a closure holds only what it names (a closure made
// beside the parsed step would keep it alive, whatever it uses).
function readAgainAt(reader: DocReader, json: JsonSource, node: DocNode, path: string): () => StepLocationEntries {
  const { line, column } = node;
  return () => stepLocationEntries(readApiStep(reader, json.valueAt(line, column), path));
}

function readAgain(reader: DocReader, node: DocNode, path: string): () => StepLocationEntries {
  return () => stepLocationEntries(readApiStep(reader, node, path));
}
