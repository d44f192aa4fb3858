import type { Diagnostic } from '../../model/diagnostic.js';
import { refs, type EmrSnapshot } from '../../model/emr-snapshot.js';
import { readRequest } from '../run-job-flow/request.js';
import { fileDiagnostic } from '../shared/diagnostics.js';
import { childPath, ParseError, type ObjectNode } from '../shared/doc-node.js';
import { jsonataExpression } from '../shared/jsonata.js';
import { DocReader, tryRead } from '../shared/reader.js';
import { emptySnapshot, hasClusterContext, locate } from '../shared/snapshot-draft.js';
import { addStep, readApiStep, STEP_HINT } from '../shared/steps.js';
import type { Importer, ImportContext, ImportInput, ImportOutput } from '../types.js';
import { definitionRoot, isStateMachine } from './definition.js';
import { resolveDynamic, runtimePlaceholder } from './dynamic-parameters.js';
import { clusterIdPaths, clusterTarget, emrTaskKind, isSdkTask, jsonataClusterIdPaths } from './tasks.js';
import { statesInOrder, type StateVisit } from './walk-states.js';

const ID = 'step-functions';
const HINT = 'Compare with the Amazon States Language specification and the Step Functions EMR integration reference.';

interface CreateTask {
  order: number;
  snapshot: EmrSnapshot;
  idPaths: string[];
}

interface AddTask {
  order: number;
  visit: StateVisit;
  sdk: boolean;
}

class StateMachineImport {
  readonly diagnostics: Diagnostic[] = [];
  readonly creates: CreateTask[] = [];
  readonly adds: AddTask[] = [];
  /** Steps whose cluster is not created here, by written cluster id or by unresolved placeholder. */
  readonly others = new Map<string, EmrSnapshot>();
  readonly reader: DocReader;
  /** The state machine's `QueryLanguage` (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html), which its states inherit. */
  private queryLanguage = 'JSONPath';
  /** The last step index given in each snapshot: a malformed step keeps its number, as in readApiSteps. */
  private readonly lastIndex = new Map<EmrSnapshot, number>();

  constructor(
    readonly input: ImportInput,
    readonly ctx: ImportContext,
  ) {
    this.reader = new DocReader(input.file);
  }

  /** Whether a state is written in JSONata: its own `QueryLanguage`, else the state machine's. */
  isJsonata(visit: StateVisit): boolean {
    return (this.reader.optText(visit.state, 'QueryLanguage', visit.path)?.value ?? this.queryLanguage) === 'JSONata';
  }

  /**
   * The task's arguments as written (`raw`) and with run-time values made placeholders
   * (`node`): `Parameters` with its `Key.$` JSONPaths, or in JSONata `Arguments`, whose
   * `{% … %}` expressions are placeholders as they are.
   */
  parameters(visit: StateVisit): { raw: ObjectNode; node: ObjectNode; path: string } {
    const key = this.isJsonata(visit) ? 'Arguments' : 'Parameters';
    const written = visit.state.entries.get(key);
    if (written?.kind === 'string' && jsonataExpression(written.value as string) !== undefined) {
      this.reader.fail(written, childPath(visit.path, key), `${key} is one JSONata expression, computed at run time; its step cannot be read without running it`);
    }
    const params = this.reader.optObject(visit.state, key, visit.path);
    if (!params) this.reader.fail(visit.state, visit.path, `${key} is missing`);
    if (key === 'Arguments') return { raw: params.node, node: params.node, path: params.path };
    const node = resolveDynamic(this.reader, params.node, params.path, this.diagnostics);
    return { raw: params.node, node: this.reader.object(node, params.path), path: params.path };
  }

  collect(visit: StateVisit, order: number): void {
    const { reader } = this;
    if (reader.optText(visit.state, 'Type', visit.path)?.value !== 'Task') return;
    const resource = reader.optText(visit.state, 'Resource', visit.path);
    const kind = resource && emrTaskKind(resource.value);
    if (!resource || !kind) return;
    const sdk = isSdkTask(resource.value);
    if (kind === 'add-step') this.adds.push({ order, visit, sdk });
    else if (kind === 'other-spark') {
      this.diagnostics.push(
        fileDiagnostic('unsupported-task', 'info', resource.loc, `state ${visit.name} runs Spark on EMR on EKS or EMR Serverless, not as an EMR step; it is not converted`, 'Its job run already targets containers: port its sparkSubmitParameters by hand.'),
      );
    } else {
      const snapshot = emptySnapshot(this.input.file, ID);
      const params = this.parameters(visit);
      readRequest(reader, snapshot, params, this.ctx.stepIndexBase, this.diagnostics);
      const idPaths = this.isJsonata(visit) ? jsonataClusterIdPaths(reader, visit.state, visit.path, sdk) : clusterIdPaths(reader, visit.state, visit.path, sdk);
      this.creates.push({ order, snapshot, idPaths });
    }
  }

  /** The snapshot an add-step task belongs to; see readme "Linking steps to clusters". */
  target(add: AddTask, params: ObjectNode, path: string): EmrSnapshot {
    const target = clusterTarget(this.reader, params, path, add.sdk);
    if (!target) this.reader.fail(params, path, `${add.sdk ? 'JobFlowId' : 'ClusterId'} is missing`);
    if (target.kind === 'path') {
      const linked = this.creates.filter((c) => c.idPaths.includes(target.path.value));
      const before = linked.filter((c) => c.order < add.order).at(-1);
      const create = before ?? linked[0];
      if (create) return create.snapshot;
    }
    const id = target.kind === 'static' ? target.id : { value: target.placeholder ?? runtimePlaceholder(target.path.value), loc: target.path.loc };
    const key = `${target.kind}:${id.value}`;
    let snapshot = this.others.get(key);
    if (!snapshot) {
      snapshot = emptySnapshot(this.input.file, ID);
      snapshot.cluster.id = id.value;
      locate(snapshot, refs.cluster('id'), id.loc);
      this.others.set(key, snapshot);
      if (target.kind === 'path') {
        this.diagnostics.push(
          fileDiagnostic(
            'unlinked-step',
            'info',
            id.loc,
            `state ${add.visit.name} adds steps to a cluster that no createCluster state of this state machine makes; they are kept as a cluster of their own without cluster settings`,
            'Add the describe-cluster output of the cluster the execution used to the same folder, or create the cluster in this state machine.',
          ),
        );
      }
    }
    return snapshot;
  }

  /** The next 1-based step index of a snapshot, after the steps of earlier files of the same folder. */
  nextIndex(snapshot: EmrSnapshot): number {
    const last = snapshot.steps.reduce((max, s) => Math.max(max, s.index), this.lastIndex.get(snapshot) ?? this.ctx.stepIndexBase);
    this.lastIndex.set(snapshot, last + 1);
    return last + 1;
  }

  addSteps(add: AddTask): void {
    const { reader } = this;
    const params = this.parameters(add.visit);
    const snapshot = this.target(add, params.raw, params.path);
    const items = add.sdk
      ? (reader.optList(params.node, 'Steps', params.path) ?? [])
      : [reader.optObject(params.node, 'Step', params.path)].flatMap((s) => (s ? [s] : []));
    for (const { node, path } of items) {
      const index = this.nextIndex(snapshot);
      const draft = tryRead(reader, this.diagnostics, 'invalid-step', `step ${index} (state ${add.visit.name}) is invalid`, STEP_HINT, () =>
        readApiStep(reader, node, path),
      );
      if (draft) addStep(snapshot, draft, index);
    }
  }

  run(): ImportOutput {
    const { reader, diagnostics } = this;
    let root;
    try {
      root = definitionRoot(this.input.text, this.input.document);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      const at = { file: this.input.file, line: error.line, column: error.column, path: 'definition' };
      diagnostics.push(fileDiagnostic('invalid-json', 'error', at, `invalid JSON in the state machine definition: ${error.reason}`, 'Export it again with `aws stepfunctions describe-state-machine`.'));
      return { snapshots: [], diagnostics, standalone: true };
    }
    if (!root) {
      diagnostics.push(fileDiagnostic('invalid-value', 'error', { file: this.input.file, line: 1, column: 1 }, 'the definition is not a state machine (StartAt and States)', HINT));
      return { snapshots: [], diagnostics, standalone: true };
    }
    this.queryLanguage = reader.optText(root.node, 'QueryLanguage', root.path)?.value ?? 'JSONPath';
    const visits = tryRead(reader, diagnostics, 'invalid-value', 'invalid state machine', HINT, () => statesInOrder(reader, root.node, root.path)) ?? [];
    visits.forEach((visit, order) =>
      tryRead(reader, diagnostics, 'invalid-value', `invalid state ${visit.name}`, HINT, () => this.collect(visit, order)),
    );
    for (const add of this.adds) {
      tryRead(reader, diagnostics, 'invalid-value', `invalid state ${add.visit.name}`, HINT, () => this.addSteps(add));
    }
    const snapshots = [...this.creates.map((c) => c.snapshot), ...this.others.values()];
    for (const s of snapshots) s.hasClusterContext = hasClusterContext(s);
    if (visits.length > 0 && this.creates.length + this.adds.length === 0) {
      diagnostics.push(
        fileDiagnostic('no-emr-tasks', 'warning', { file: this.input.file, line: root.node.line, column: root.node.column }, 'the state machine has no EMR createCluster or addStep task', 'Nothing to convert here; EMR tasks use arn:aws:states:::elasticmapreduce:createCluster or :addStep.'),
      );
    }
    return { snapshots, diagnostics, standalone: true };
  }
}

/**
 * Amazon States Language state machines and `aws stepfunctions describe-state-machine`
 * output: one snapshot per createCluster task with the addStep tasks linked to it, and one per
 * other cluster that addStep tasks name. See ./readme.md.
 */
export const stepFunctionsImporter: Importer = {
  id: ID,
  detect: (_path, head) => isStateMachine(head.document),
  import: (input, ctx) => new StateMachineImport(input, ctx).run(),
};
