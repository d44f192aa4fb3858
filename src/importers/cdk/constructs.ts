import { Node, SyntaxKind, type Expression, type NewExpression, type SourceFile } from 'ts-morph';

/** The EMR constructs this importer reads, by class name. */
export type ConstructKind = 'CfnCluster' | 'CfnStep' | 'EmrCreateCluster' | 'EmrAddStep';
const KINDS = new Set<string>(['CfnCluster', 'CfnStep', 'EmrCreateCluster', 'EmrAddStep']);

/** One `new X(scope, id, props)` of an EMR construct. */
export interface ConstructUse {
  kind: ConstructKind;
  /** The construct id (second argument) when it is a literal, else the class name. */
  id: string;
  props: Expression;
  node: NewExpression;
}

/**
 * The EMR constructs of the app's files in file order, then source order. The class is told
 * by its name as written (`emr.CfnCluster`, `tasks.EmrAddStep`): without `aws-cdk-lib` installed
 * there is nothing to type-check it against, and files that do not import it are not read.
 */
export function findConstructs(files: SourceFile[]): ConstructUse[] {
  const out: ConstructUse[] = [];
  for (const file of files) {
    for (const node of file.getDescendantsOfKind(SyntaxKind.NewExpression)) {
      const kind = node.getExpression().getText().split('.').at(-1) ?? '';
      const [, idArg, props] = node.getArguments();
      if (!KINDS.has(kind) || !props || !Node.isExpression(props)) continue;
      const id = idArg && (Node.isStringLiteral(idArg) || Node.isNoSubstitutionTemplateLiteral(idArg)) ? idArg.getLiteralValue() : kind;
      out.push({ kind: kind as ConstructKind, id, props, node });
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

/** The member `key` of an object-literal props expression, as written. */
export function propExpression(props: Expression, key: string): Expression | undefined {
  if (!Node.isObjectLiteralExpression(props)) return undefined;
  const prop = props.getProperty(key);
  return prop && Node.isPropertyAssignment(prop) ? prop.getInitializer() : undefined;
}
