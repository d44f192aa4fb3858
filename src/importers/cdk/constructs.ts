import { Node, SyntaxKind, type CallExpression, type Expression, type NewExpression, type SourceFile } from 'ts-morph';

/** The EMR constructs this importer reads, by class name. */
export type ConstructKind = 'CfnCluster' | 'CfnStep' | 'EmrCreateCluster' | 'EmrAddStep';
const KINDS = new Set<string>(['CfnCluster', 'CfnStep', 'EmrCreateCluster', 'EmrAddStep']);
/** The Step Functions tasks, which aws-cdk-lib (2.178+) also makes through static factories. */
const TASK_KINDS = new Set<string>(['EmrCreateCluster', 'EmrAddStep']);
/**
 * `EmrAddStep.jsonPath(scope, id, props)` and `EmrAddStep.jsonata(scope, id, props)` return
 * `new EmrAddStep(scope, id, props)` (aws-cdk-lib `aws-stepfunctions-tasks/lib/emr`), and the
 * same for EmrCreateCluster: the JSONPath and JSONata flavours of the same task.
 */
const FACTORIES = new Set(['jsonPath', 'jsonata']);

/** Where a construct is made: `new X(scope, id, props)`, or a task's `X.jsonata(scope, id, props)`. */
export type ConstructNode = NewExpression | CallExpression;

/** One EMR construct made in the app. */
export interface ConstructUse {
  kind: ConstructKind;
  /** The construct id (second argument) when it is a literal, else the class name. */
  id: string;
  props: Expression;
  node: ConstructNode;
  /** A JSONata task: made by `X.jsonata(…)`, or with `queryLanguage: QueryLanguage.JSONATA`. */
  jsonata: boolean;
}

/** The class a `new X(…)` or a task factory call `X.jsonata(…)` makes, by its name as written. */
function constructKind(node: ConstructNode): string {
  const callee = node.getExpression();
  if (Node.isNewExpression(node)) return callee.getText().split('.').at(-1) ?? '';
  if (!Node.isPropertyAccessExpression(callee) || !FACTORIES.has(callee.getName())) return '';
  const kind = callee.getExpression().getText().split('.').at(-1) ?? '';
  return TASK_KINDS.has(kind) ? kind : '';
}

/** The `new` expressions and calls of a file, in source order. */
function constructNodes(file: SourceFile): ConstructNode[] {
  const nodes: ConstructNode[] = [...file.getDescendantsOfKind(SyntaxKind.NewExpression), ...file.getDescendantsOfKind(SyntaxKind.CallExpression)];
  return nodes.sort((a, b) => a.getStart() - b.getStart());
}

/**
 * The EMR constructs of the app's files in file order, then source order. The class is told
 * by its name as written (`emr.CfnCluster`, `tasks.EmrAddStep`): without `aws-cdk-lib` installed
 * there is nothing to type-check it against, and files that do not import it are not read.
 */
export function findConstructs(files: SourceFile[]): ConstructUse[] {
  const out: ConstructUse[] = [];
  for (const file of files) {
    for (const node of constructNodes(file)) {
      const kind = constructKind(node);
      if (!KINDS.has(kind)) continue;
      const [, idArg, props] = node.getArguments();
      if (!props || !Node.isExpression(props)) continue;
      const id = literalText(idArg) ?? kind;
      const factory = Node.isCallExpression(node) ? node.getExpression() : undefined;
      const jsonata = (factory && Node.isPropertyAccessExpression(factory) && factory.getName() === 'jsonata') || /\bJSONATA$/.test(propExpression(props, 'queryLanguage')?.getText() ?? '');
      out.push({ kind: kind as ConstructKind, id, props, node, jsonata });
    }
  }
  return out;
}

/**
 * The `new CfnCluster(…)` a `jobFlowId: cluster.ref` (or `cluster.attrId`) points at, following
 * the `const` it was assigned to.
 */
export function referencedCluster(expr: Node, constInitializer: (node: Node) => Expression | undefined): NewExpression | undefined {
  if (!Node.isPropertyAccessExpression(expr) || !['ref', 'attrId'].includes(expr.getName())) return undefined;
  const owner = expr.getExpression();
  const init = Node.isIdentifier(owner) ? constInitializer(owner) : undefined;
  return init && Node.isNewExpression(init) ? init : undefined;
}

/** The text of a string literal (`'x'`, or a template without substitutions) as written; undefined for anything else. */
export function literalText(node: Node | undefined): string | undefined {
  return node && (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) ? node.getLiteralValue() : undefined;
}

/** The member `key` of an object-literal props expression, as written. */
export function propExpression(props: Expression, key: string): Expression | undefined {
  if (!Node.isObjectLiteralExpression(props)) return undefined;
  const prop = props.getProperty(key);
  return prop && Node.isPropertyAssignment(prop) ? prop.getInitializer() : undefined;
}
