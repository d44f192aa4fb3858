import { Node, SyntaxKind, VariableDeclarationKind, type ArrayLiteralExpression, type Expression, type ObjectLiteralExpression, type PropertyAccessExpression, type SourceFile } from 'ts-morph';
import type { Diagnostic } from '../../model/diagnostic.js';
import { fileDiagnostic } from '../shared/diagnostics.js';
import type { DocNode, ObjectNode } from '../shared/doc-node.js';
import type { FiledNode } from './located-reader.js';

/**
 * Enums of `aws-cdk-lib/aws-stepfunctions-tasks` whose members are the EMR API's own strings
 * (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_stepfunctions_tasks-readme.html#emr):
 * `ActionOnFailure.CONTINUE` is `'CONTINUE'`, `EmrCreateCluster.InstanceRoleType.CORE` is `'CORE'`.
 */
const CDK_ENUMS = new Set([
  'ActionOnFailure',
  'InstanceRoleType',
  'InstanceMarket',
  'EmrClusterScaleDownBehavior',
  'CloudWatchAlarmComparisonOperator',
  'CloudWatchAlarmStatistic',
  'CloudWatchAlarmUnit',
  'OnDemandAllocationStrategy',
  'SpotAllocationStrategy',
  'SpotTimeoutAction',
  'EbsBlockDeviceVolumeType',
]);
const ENUM_MEMBER = /^[A-Z][A-Z0-9_]*$/;
/** Step Functions paths filled in at run time (`JsonPath.stringAt('$.date')`). */
const RUNTIME_CALL = /(?:^|\.)JsonPath\.(?:stringAt|listAt|numberAt|objectAt|format|jsonToString|arrayGetItem)$/;
const HINT = 'Write the value as a literal or a `const` (in this file or an imported one), or fill the placeholder in the manifest.';
/** Deep enough for realistic configuration nesting, shallow enough to stop a cycle of consts. */
const MAX_DEPTH = 64;

/**
 * Statically evaluates CDK prop expressions to located document nodes: literals, arrays and
 * objects with spreads, template literals, `+` on strings, `const` declarations (through
 * imports), `as const`/`satisfies`, and CDK EMR enums. Anything else (`let`, calls, tokens) is
 * a `${…}` placeholder string at its position, with one diagnostic, so the placeholders rule
 * reports it per job.
 */
export class Evaluator {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly displayName: (file: SourceFile) => string) {}

  private at(node: Node): { file: string; line: number; column: number } {
    const sf = node.getSourceFile();
    const { line, column } = sf.getLineAndColumnAtPos(node.getStart());
    return { file: this.displayName(sf), line, column };
  }

  private scalar(node: Node, kind: 'string' | 'number' | 'boolean' | 'null', value: string | number | boolean | null, raw: string): FiledNode {
    return { kind, value, raw, ...this.at(node) } as FiledNode;
  }

  /** A placeholder in place of a value only known at deploy or run time. */
  placeholder(expr: Node, why: string): FiledNode {
    const text = expr.getText().replace(/\s+/g, ' ').replace(/[{}]/g, '');
    const runtime = Node.isCallExpression(expr) && RUNTIME_CALL.test(expr.getExpression().getText());
    const value = runtime ? `\${${text}}` : `\${unresolved:${text}}`;
    const loc = this.at(expr);
    this.diagnostics.push(
      runtime
        ? fileDiagnostic('runtime-value', 'info', loc, 'a Step Functions JSONPath is filled in at run time; kept as a placeholder', HINT)
        : fileDiagnostic('unresolved-value', 'warning', loc, `cannot evaluate ${why} statically; kept as a placeholder`, HINT),
    );
    return this.scalar(expr, 'string', value, value);
  }

  /** The initializer of the `const` an identifier (or imported name) stands for. */
  constInitializer(node: Node): Expression | undefined {
    let symbol = node.getSymbol();
    if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol() ?? symbol;
    for (const decl of symbol?.getDeclarations() ?? []) {
      if (!Node.isVariableDeclaration(decl)) continue;
      const list = decl.getParent();
      if (Node.isVariableDeclarationList(list) && list.getDeclarationKind() === VariableDeclarationKind.Const) return decl.getInitializer();
    }
    return undefined;
  }

  /** Whether a name stands for a `let` or `var` (an exported one reached through a namespace import). */
  private isVariable(node: Node): boolean {
    let symbol = node.getSymbol();
    if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol() ?? symbol;
    return symbol?.getDeclarations().some((d) => Node.isVariableDeclaration(d)) ?? false;
  }

  evaluate(expr: Expression, depth = 0): FiledNode {
    if (depth > MAX_DEPTH) return this.placeholder(expr, 'a value nested this deep (a cycle of consts?)');
    const next = (e: Expression) => this.evaluate(e, depth + 1);
    if (Node.isParenthesizedExpression(expr) || Node.isAsExpression(expr) || Node.isSatisfiesExpression(expr) || Node.isNonNullExpression(expr) || Node.isTypeAssertion(expr)) {
      return next(expr.getExpression());
    }
    if (Node.isStringLiteral(expr) || Node.isNoSubstitutionTemplateLiteral(expr)) return this.scalar(expr, 'string', expr.getLiteralValue(), expr.getLiteralValue());
    if (Node.isNumericLiteral(expr)) return this.scalar(expr, 'number', expr.getLiteralValue(), expr.getText());
    if (Node.isTrueLiteral(expr) || Node.isFalseLiteral(expr)) return this.scalar(expr, 'boolean', expr.getLiteralValue(), expr.getText());
    if (Node.isNullLiteral(expr) || (Node.isIdentifier(expr) && expr.getText() === 'undefined')) return this.scalar(expr, 'null', null, 'null');
    if (Node.isPrefixUnaryExpression(expr) && expr.getOperatorToken() === SyntaxKind.MinusToken) {
      const operand = next(expr.getOperand());
      if (operand.kind === 'number') return this.scalar(expr, 'number', -(operand.value as number), `-${operand.raw}`);
      return this.placeholder(expr, 'a negated expression');
    }
    if (Node.isTemplateExpression(expr)) {
      let text = expr.getHead().getLiteralText();
      for (const span of expr.getTemplateSpans()) {
        text += this.textOf(next(span.getExpression())) + span.getLiteral().getLiteralText();
      }
      return this.scalar(expr, 'string', text, text);
    }
    if (Node.isBinaryExpression(expr) && expr.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
      const left = next(expr.getLeft());
      const right = next(expr.getRight());
      if (left.kind === 'number' && right.kind === 'number') {
        const sum = (left.value as number) + (right.value as number);
        return this.scalar(expr, 'number', sum, String(sum));
      }
      const text = this.textOf(left) + this.textOf(right);
      return this.scalar(expr, 'string', text, text);
    }
    if (Node.isArrayLiteralExpression(expr)) return this.array(expr, depth);
    if (Node.isObjectLiteralExpression(expr)) return this.object(expr, depth);
    if (Node.isIdentifier(expr)) {
      const init = this.constInitializer(expr);
      return init ? next(init) : this.placeholder(expr, 'a name that is not a `const` with a value');
    }
    if (Node.isPropertyAccessExpression(expr)) return this.member(expr, depth);
    if (Node.isElementAccessExpression(expr)) {
      const target = next(expr.getExpression());
      const arg = expr.getArgumentExpression();
      const key = arg && next(arg);
      if (target.kind === 'array' && key?.kind === 'number') {
        const item = target.items[key.value as number];
        if (item) return item as FiledNode;
      }
      if (target.kind === 'object' && key && (key.kind === 'string' || key.kind === 'number')) {
        const item = target.entries.get(String(key.value));
        if (item) return item as FiledNode;
      }
      return this.placeholder(expr, 'an element access');
    }
    if (Node.isCallExpression(expr)) return this.placeholder(expr, 'a function call');
    return this.placeholder(expr, 'this expression');
  }

  /** A scalar's text inside a template; lists and objects are not strings. */
  private textOf(node: DocNode): string {
    if (node.kind === 'string' || node.kind === 'number' || node.kind === 'boolean') return node.raw;
    return node.kind === 'null' ? 'undefined' : '[object]';
  }

  private member(expr: PropertyAccessExpression, depth: number): FiledNode {
    const name = expr.getName();
    const owner = expr.getExpression();
    const ownerName = Node.isPropertyAccessExpression(owner) ? owner.getName() : owner.getText();
    if (ENUM_MEMBER.test(name) && CDK_ENUMS.has(ownerName)) return this.scalar(expr, 'string', name, name);
    // `config.X` where `config` is `import * as config`: the name itself is an exported const.
    const init = this.constInitializer(expr.getNameNode());
    if (init) return this.evaluate(init, depth + 1);
    if (this.isVariable(expr.getNameNode())) return this.placeholder(expr, 'a name that is not a `const` with a value');
    const target = this.evaluate(owner, depth + 1);
    if (target.kind === 'object') {
      const value = target.entries.get(name);
      if (value) return value as FiledNode;
    }
    if (target.kind === 'array' && name === 'length') return this.scalar(expr, 'number', target.items.length, String(target.items.length));
    return this.placeholder(expr, 'a property that is not a literal member');
  }

  private array(expr: ArrayLiteralExpression, depth: number): FiledNode {
    const items: DocNode[] = [];
    for (const element of expr.getElements()) {
      if (Node.isSpreadElement(element)) {
        const spread = this.evaluate(element.getExpression(), depth + 1);
        if (spread.kind === 'array') items.push(...spread.items);
        else items.push(spread.kind === 'string' && String(spread.value).startsWith('${') ? spread : this.placeholder(element, 'a spread of something that is not a list'));
      } else if (!Node.isOmittedExpression(element)) items.push(this.evaluate(element, depth + 1));
    }
    return { kind: 'array', items, ...this.at(expr) } as FiledNode;
  }

  /**
   * A construct's props. Members in `skip` (roles, durations, other constructs) carry nothing
   * the snapshot holds, so they are not evaluated and raise no diagnostic.
   */
  props(expr: Expression, skip: ReadonlySet<string>): FiledNode {
    return Node.isObjectLiteralExpression(expr) ? this.object(expr, 0, skip) : this.evaluate(expr);
  }

  private object(expr: ObjectLiteralExpression, depth: number, skip?: ReadonlySet<string>): FiledNode {
    const entries = new Map<string, DocNode>();
    for (const prop of expr.getProperties()) {
      if ((Node.isPropertyAssignment(prop) || Node.isShorthandPropertyAssignment(prop)) && skip?.has(prop.getName())) continue;
      if (Node.isPropertyAssignment(prop)) {
        const nameNode = prop.getNameNode();
        const key = Node.isComputedPropertyName(nameNode) ? this.evaluate(nameNode.getExpression(), depth + 1) : undefined;
        const name = key ? (key.kind === 'string' ? (key.value as string) : undefined) : Node.isStringLiteral(nameNode) || Node.isNumericLiteral(nameNode) ? String(nameNode.getLiteralValue()) : nameNode.getText();
        const init = prop.getInitializer();
        if (name !== undefined && init) entries.set(name, this.evaluate(init, depth + 1));
      } else if (Node.isShorthandPropertyAssignment(prop)) {
        let symbol = prop.getValueSymbol();
        if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol() ?? symbol;
        const decl = symbol?.getDeclarations().find((d) => Node.isVariableDeclaration(d));
        const init = decl && Node.isVariableDeclaration(decl) && decl.getVariableStatement()?.getDeclarationKind() === VariableDeclarationKind.Const ? decl.getInitializer() : undefined;
        entries.set(prop.getName(), init ? this.evaluate(init, depth + 1) : this.placeholder(prop.getNameNode(), 'a name that is not a `const` with a value'));
      } else if (Node.isSpreadAssignment(prop)) {
        const spread = this.evaluate(prop.getExpression(), depth + 1);
        if (spread.kind === 'object') for (const [k, v] of (spread as ObjectNode).entries) entries.set(k, v);
        else this.placeholder(prop, 'a spread of something that is not an object');
      }
    }
    return { kind: 'object', entries, ...this.at(expr) } as FiledNode;
  }
}
