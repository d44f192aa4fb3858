/**
 * Step Functions JSONata (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html):
 * in a state whose query language is JSONata, a string that begins with `{%` and ends with `%}`
 * is an expression evaluated at run time. Such values are kept verbatim as placeholders (the
 * `placeholders` rule reports them); this finds the expression, for linking steps to clusters.
 */
export function jsonataExpression(text: string): string | undefined {
  if (!text.startsWith('{%') || !text.endsWith('%}') || text.length < 4) return undefined;
  return text.slice(2, -2).trim();
}

/**
 * The expressions through which later states read the id of the cluster a JSONata create task
 * made: `$states.input.<field>` when the state's output is its result (no `Output`, or
 * `{% $states.result %}`), which the next state receives as input, and `$<name>` for each
 * `Assign` entry that is `{% $states.result.<field> %}`.
 */
export function jsonataClusterIdRefs(output: string | undefined, hasOutput: boolean, assign: ReadonlyMap<string, string>, idField: string): string[] {
  const refs: string[] = [];
  if (!hasOutput || (output !== undefined && jsonataExpression(output) === '$states.result')) refs.push(`$states.input.${idField}`);
  for (const [name, value] of assign) if (jsonataExpression(value) === `$states.result.${idField}`) refs.push(`$${name}`);
  return refs;
}
