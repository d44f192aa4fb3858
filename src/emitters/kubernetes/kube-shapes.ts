import type { Affinity, NodeSelectorRequirement, Toleration } from '../../model/kubernetes.js';

/** An object from entries in the order given, leaving out undefined values. */
function ordered(entries: Array<[string, unknown]>): Record<string, unknown> {
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}

/**
 * core/v1 Toleration with its fields in the order the Kubernetes API lists them, whatever
 * order the plan's object was built in, so that the same placement reads the same in every file.
 */
export function tolerationObject(t: Toleration): Record<string, unknown> {
  return ordered([['key', t.key], ['operator', t.operator], ['value', t.value], ['effect', t.effect], ['tolerationSeconds', t.tolerationSeconds]]);
}

function requirementObject(r: NodeSelectorRequirement): Record<string, unknown> {
  return ordered([['key', r.key], ['operator', r.operator], ['values', r.values && [...r.values]]]);
}

/**
 * core/v1 Affinity (the plan carries node affinity only) in a fixed field order; terms keep
 * the plan's order, which is the rule's to choose. Undefined when it says nothing.
 */
export function affinityObject(a: Affinity | undefined): Record<string, unknown> | undefined {
  const node = a?.nodeAffinity;
  if (!node) return undefined;
  const terms = node.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  const preferred = node.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  const nodeAffinity = ordered([
    ['requiredDuringSchedulingIgnoredDuringExecution', terms.length > 0 ? { nodeSelectorTerms: terms.map((t) => ({ matchExpressions: t.matchExpressions.map(requirementObject) })) } : undefined],
    ['preferredDuringSchedulingIgnoredDuringExecution', preferred.length > 0 ? preferred.map((p) => ({ weight: p.weight, preference: { matchExpressions: p.preference.matchExpressions.map(requirementObject) } })) : undefined],
  ]);
  return Object.keys(nodeAffinity).length > 0 ? { nodeAffinity } : undefined;
}
