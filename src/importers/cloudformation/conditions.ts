import type { DocNode } from '../shared/doc-node.js';

/** Three-valued: undefined when the condition depends on a value unknown before deployment. */
export type Truth = boolean | undefined;

/** What condition evaluation needs from the resolver. */
export interface ConditionScope {
  /** The text of a resolved value, or undefined when it is (or holds) a placeholder. */
  known(node: DocNode): string | undefined;
  /** A named condition of the `Conditions` section. */
  condition(name: string): Truth;
  /** Reports a malformed condition; it then counts as unknown. */
  invalid(node: DocNode, reason: string): undefined;
}

function args(node: DocNode | undefined): DocNode[] | undefined {
  return node?.kind === 'array' ? node.items : undefined;
}

/**
 * Evaluates a condition expression
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html):
 * `Fn::Equals`, `Fn::Not`, `Fn::And`, `Fn::Or` and `{Condition: name}`, in three-valued logic so
 * that `And` with one false input is false even when another input is unknown.
 */
export function evaluateCondition(node: DocNode, scope: ConditionScope): Truth {
  const [key, arg] = node.kind === 'object' && node.entries.size === 1 ? [...node.entries][0]! : [undefined, undefined];
  const list = args(arg);
  switch (key) {
    case 'Condition':
      return arg?.kind === 'string' ? scope.condition(arg.value as string) : scope.invalid(node, 'Condition takes a condition name');
    case 'Fn::Equals': {
      if (list?.length !== 2) return scope.invalid(node, 'Fn::Equals takes a list of two values');
      const [a, b] = list.map((v) => scope.known(v));
      return a === undefined || b === undefined ? undefined : a === b;
    }
    case 'Fn::Not': {
      if (list?.length !== 1) return scope.invalid(node, 'Fn::Not takes a list of one condition');
      const value = evaluateCondition(list[0]!, scope);
      return value === undefined ? undefined : !value;
    }
    case 'Fn::And':
    case 'Fn::Or': {
      if (!list || list.length < 2 || list.length > 10) return scope.invalid(node, `${key} takes a list of 2 to 10 conditions`);
      const values = list.map((c) => evaluateCondition(c, scope));
      const decisive = key === 'Fn::And' ? false : true;
      if (values.includes(decisive)) return decisive;
      return values.includes(undefined) ? undefined : !decisive;
    }
    default:
      return scope.invalid(node, 'expected Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition');
  }
}
