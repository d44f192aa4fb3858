import { childPath, type ObjectNode } from '../shared/doc-node.js';
import type { DocReader } from '../shared/reader.js';

/** One state of the machine, wherever it is nested. */
export interface StateVisit {
  name: string;
  state: ObjectNode;
  /** Property path of the state object, e.g. `States.Fork.Branches[0].States.Load`. */
  path: string;
}

/** Where a state can go next: `Next`, a Choice's `Choices[].Next` and `Default`, `Catch[].Next`. */
function transitions(reader: DocReader, state: ObjectNode, path: string): string[] {
  const out: string[] = [];
  const next = (obj: ObjectNode, key: string, p: string) => {
    const v = reader.optText(obj, key, p);
    if (v) out.push(v.value);
  };
  next(state, 'Next', path);
  for (const key of ['Choices', 'Catch']) {
    for (const item of reader.optList(state, key, path) ?? []) {
      if (item.node.kind === 'object') next(item.node, 'Next', item.path);
    }
  }
  next(state, 'Default', path);
  return out;
}

/** The state machines nested in a Parallel state's `Branches` or a Map state's `ItemProcessor` (formerly `Iterator`). */
function nestedMachines(reader: DocReader, state: ObjectNode, path: string): Array<{ node: ObjectNode; path: string }> {
  const branches = (reader.optList(state, 'Branches', path) ?? []).map((b) => ({ node: reader.object(b.node, b.path), path: b.path }));
  const processor = reader.optObject(state, 'ItemProcessor', path) ?? reader.optObject(state, 'Iterator', path);
  return processor ? [...branches, processor] : branches;
}

function visitMachine(reader: DocReader, machine: ObjectNode, path: string, out: StateVisit[]): void {
  const states = reader.optObject(machine, 'States', path);
  if (!states) reader.fail(machine, path, 'States is missing');
  const seen = new Set<string>();
  const visit = (name: string) => {
    const node = states.node.entries.get(name);
    if (seen.has(name) || !node) return;
    seen.add(name);
    const statePath = childPath(states.path, name);
    const state = reader.object(node, statePath);
    out.push({ name, state, path: statePath });
    for (const nested of nestedMachines(reader, state, statePath)) visitMachine(reader, nested.node, nested.path, out);
    for (const target of transitions(reader, state, statePath)) visit(target);
  };
  const start = reader.optText(machine, 'StartAt', path);
  if (start) visit(start.value);
  // Unreachable states never run, but their settings are still input (nothing silently dropped): keep them, in written order.
  for (const name of states.node.entries.keys()) visit(name);
}

/**
 * Every state of a state machine (https://states-language.net/spec.html), nested Parallel
 * branches and Map processors included, in execution order: depth first from `StartAt`
 * along `Next`, Choice rules and `Catch` targets, then any state no transition reaches,
 * in written order. This order numbers the steps, so it must not depend on key order alone.
 */
export function statesInOrder(reader: DocReader, machine: ObjectNode, path: string): StateVisit[] {
  const out: StateVisit[] = [];
  visitMachine(reader, machine, path, out);
  return out;
}
