import { Node, Project, ts, type Expression, type SourceFile } from 'ts-morph';
import type { Diagnostic } from '../../model/diagnostic.js';
import { refs, type EmrSnapshot } from '../../model/emr-snapshot.js';
import { readClusterProperties } from '../cloudformation/cluster-resource.js';
import { readRequest } from '../run-job-flow/request.js';
import { fileDiagnostic } from '../shared/diagnostics.js';
import { jsonataClusterIdRefs, jsonataExpression } from '../shared/jsonata.js';
import type { DocNode, ObjectNode } from '../shared/doc-node.js';
import { tryRead } from '../shared/reader.js';
import { emptySnapshot, hasClusterContext, locate } from '../shared/snapshot-draft.js';
import { addStep, readApiStep, STEP_HINT } from '../shared/steps.js';
import type { ImportContext, ImportOutput } from '../types.js';
import { findConstructs, literalText, propExpression, referencedCluster, type ConstructNode, type ConstructUse } from './constructs.js';
import { Evaluator } from './evaluate.js';
import { LocatedReader, type FiledNode } from './located-reader.js';
import { toPascalCase } from './pascal-case.js';

export { findCdkApp, importsCdk } from './detect.js';

const ID = 'cdk';
const HINT = 'Compare with the aws-cdk-lib API reference for aws_emr and aws_stepfunctions_tasks.';
/**
 * Props that hold roles, durations, other constructs or the state machine's own data flow
 * (JSONPath `resultSelector`/`inputPath`/`outputPath`, JSONata `outputs`/`assign`): nothing
 * the snapshot records.
 */
const NOT_READ = new Set([
  'clusterRole', 'serviceRole', 'autoScalingRole', 'timeout', 'taskTimeout', 'heartbeat', 'heartbeatTimeout', 'integrationPattern',
  'comment', 'stateName', 'credentials', 'resultSelector', 'inputPath', 'outputPath', 'outputs', 'assign', 'queryLanguage',
]);

/** The files of one CDK app, as read by the caller. */
export interface CdkAppInput {
  source: string;
  files: Array<{ file: string; text: string }>;
}

interface Cluster {
  snapshot: EmrSnapshot;
  /**
   * Where a later EmrAddStep finds this cluster's id: the JSONPath `<resultPath>.ClusterId`, or
   * for a JSONata task the expressions of shared/jsonata.ts `jsonataClusterIdRefs`.
   */
  idPaths: string[];
}

class CdkImport {
  readonly diagnostics: Diagnostic[] = [];
  readonly clusters = new Map<ConstructNode, Cluster>();
  readonly others = new Map<string, EmrSnapshot>();
  readonly evaluator: Evaluator;

  constructor(
    readonly displayName: (file: SourceFile) => string,
    readonly ctx: ImportContext,
  ) {
    this.evaluator = new Evaluator(displayName);
  }

  reader(use: ConstructUse): LocatedReader {
    return new LocatedReader(this.displayName(use.node.getSourceFile()));
  }

  cluster(use: ConstructUse): void {
    const reader = this.reader(use);
    const snapshot = emptySnapshot(reader.file, ID);
    const props = toPascalCase(this.evaluator.props(use.props, NOT_READ));
    tryRead(reader, this.diagnostics, 'invalid-value', `${use.kind} ${use.id} is invalid`, HINT, () => {
      if (use.kind === 'CfnCluster') readClusterProperties(reader, snapshot, props, use.id, this.diagnostics);
      else readRequest(reader, snapshot, { node: props, path: use.id }, this.ctx.stepIndexBase, this.diagnostics);
    });
    this.clusters.set(use.node, { snapshot, idPaths: use.kind !== 'EmrCreateCluster' ? [] : use.jsonata ? jsonataIdPaths(use.props) : this.jsonPathIdPaths(use.props) });
  }

  private jsonPathIdPaths(props: Expression): string[] {
    const resultPath = propExpression(props, 'resultPath');
    const base = resultPath ? this.evaluator.evaluate(resultPath) : undefined;
    return !base || base.kind === 'string' ? [`${(base?.value as string | undefined) ?? '$'}.ClusterId`] : [];
  }

  /** The snapshot a step belongs to: a linked cluster, or one of its own per cluster id. */
  target(use: ConstructUse, key: 'jobFlowId' | 'clusterId'): EmrSnapshot {
    const written = propExpression(use.props, key);
    const linked = written && referencedCluster(written, (n) => this.evaluator.constInitializer(n));
    const byRef = linked && this.clusters.get(linked);
    if (byRef) return byRef.snapshot;
    const path = written && (jsonPathOf(written) ?? jsonataOf(written));
    const byPath = path && [...this.clusters.values()].find((c) => c.idPaths.includes(path));
    if (byPath) return byPath.snapshot;
    const reader = this.reader(use);
    const id: DocNode = written ? this.evaluator.evaluate(written) : { kind: 'null', value: null, raw: '', line: use.node.getStartLineNumber(), column: 1 };
    const idText = id.kind === 'string' ? (id.value as string) : '';
    let snapshot = this.others.get(idText);
    if (!snapshot) {
      snapshot = emptySnapshot(reader.file, ID);
      if (idText) {
        snapshot.cluster.id = idText;
        locate(snapshot, refs.cluster('id'), reader.loc(id, `${use.id}.${key}`));
      }
      this.others.set(idText, snapshot);
      this.diagnostics.push(
        fileDiagnostic('unlinked-step', 'info', reader.loc(id, `${use.id}.${key}`), `${use.kind} ${use.id} adds a step to a cluster this app does not create; it is kept as a cluster of its own without cluster settings`, 'Create the cluster in the same app, or add its describe-cluster output to convert it with its settings.'),
      );
    }
    return snapshot;
  }

  step(use: ConstructUse): void {
    const reader = this.reader(use);
    const key = use.kind === 'CfnStep' ? 'jobFlowId' : 'clusterId';
    const snapshot = this.target(use, key);
    const props = this.evaluator.props(use.props, new Set([...NOT_READ, key, 'resultPath']));
    const node = use.kind === 'CfnStep' ? toPascalCase(props) : addStepShape(props);
    const index = snapshot.steps.reduce((max, s) => Math.max(max, s.index), this.ctx.stepIndexBase) + 1;
    const draft = tryRead(reader, this.diagnostics, 'invalid-step', `${use.kind} ${use.id} is invalid`, STEP_HINT, () => readApiStep(reader, node, use.id));
    if (draft) addStep(snapshot, draft, index);
  }
}

/** The path of a `JsonPath.stringAt('$.ClusterId')`, how a task reads an earlier task's result. */
function jsonPathOf(expr: Expression): string | undefined {
  if (!Node.isCallExpression(expr) || !/(?:^|\.)JsonPath\.stringAt$/.test(expr.getExpression().getText())) return undefined;
  const [arg] = expr.getArguments();
  return arg && Node.isStringLiteral(arg) ? arg.getLiteralValue() : undefined;
}

/** The expression of a JSONata template written as a string literal (`'{% $clusterId %}'`). */
function jsonataOf(expr: Expression): string | undefined {
  const text = literalText(expr);
  return text === undefined ? undefined : jsonataExpression(text);
}

/**
 * {@link Cluster.idPaths} of a JSONata EmrCreateCluster, from its `outputs` and `assign` props
 * as written (string literals only: the importer does not evaluate the state machine's data flow).
 */
function jsonataIdPaths(props: Expression): string[] {
  const outputs = propExpression(props, 'outputs');
  const assign = propExpression(props, 'assign');
  const assigned = new Map<string, string>();
  for (const prop of assign && Node.isObjectLiteralExpression(assign) ? assign.getProperties() : []) {
    const value = Node.isPropertyAssignment(prop) ? literalText(prop.getInitializer()) : undefined;
    if (value !== undefined) assigned.set(prop.getSymbol()?.getName() ?? '', value);
  }
  return jsonataClusterIdRefs(literalText(outputs), outputs !== undefined, assigned, 'ClusterId');
}

/**
 * EmrAddStep props (`name`, `jar`, `mainClass`, `args`, `actionOnFailure`, `properties`;
 * https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_stepfunctions_tasks.EmrAddStep.html)
 * in the EMR API's StepConfig shape, each member at its own position.
 */
function addStepShape(props: FiledNode): DocNode {
  if (props.kind !== 'object') return props;
  const pick = (names: Array<[string, string]>) => new Map(names.flatMap(([from, to]) => (props.entries.has(from) ? [[to, props.entries.get(from)!] as const] : [])));
  const body: ObjectNode = { ...props, entries: pick([['jar', 'Jar'], ['mainClass', 'MainClass'], ['args', 'Args'], ['properties', 'Properties']]) };
  return { ...props, entries: new Map([...pick([['name', 'Name'], ['actionOnFailure', 'ActionOnFailure']]), ['HadoopJarStep', body]]) };
}

/** Module resolution as a bundler does it: `./config`, `./config.js` and `./config.ts` all resolve. */
function newProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    skipFileDependencyResolution: true,
    compilerOptions: { noLib: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, allowImportingTsExtensions: true, noEmit: true },
  });
}

/**
 * Statically evaluates the EMR constructs of an AWS CDK app (TypeScript): `aws_emr.CfnCluster`
 * and `CfnStep`, and `aws_stepfunctions_tasks.EmrCreateCluster` and `EmrAddStep`. One
 * snapshot per cluster the app creates (with its steps) and one per other cluster its steps
 * name. Nothing is run or type-checked: see ./readme.md.
 */
export function importCdkApp(input: CdkAppInput, ctx: ImportContext): ImportOutput {
  const project = newProject();
  const names = new Map<SourceFile, string>();
  for (const { file, text } of input.files) {
    const virtual = file.startsWith('/') ? file : `/${file.replace(/^\.\//, '')}`;
    names.set(project.createSourceFile(virtual, text, { overwrite: true }), file);
  }
  const app = new CdkImport((sf) => names.get(sf) ?? sf.getFilePath(), ctx);
  const uses = findConstructs([...names.keys()]);
  for (const use of uses) if (use.kind === 'CfnCluster' || use.kind === 'EmrCreateCluster') app.cluster(use);
  for (const use of uses) if (use.kind === 'CfnStep' || use.kind === 'EmrAddStep') app.step(use);
  const snapshots = [...[...app.clusters.values()].map((c) => c.snapshot), ...app.others.values()];
  for (const s of snapshots) s.hasClusterContext = hasClusterContext(s);
  const diagnostics = [...app.evaluator.diagnostics, ...app.diagnostics];
  if (uses.length === 0) {
    diagnostics.push(fileDiagnostic('no-emr-constructs', 'warning', { file: input.source }, 'the CDK app declares no CfnCluster, CfnStep, EmrCreateCluster or EmrAddStep', 'Nothing to convert here.'));
  }
  return { snapshots, diagnostics, standalone: true };
}
