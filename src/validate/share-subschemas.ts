type SchemaNode = Record<string, unknown>;

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keywords whose values are data, not subschemas. */
const DATA_KEYWORDS = new Set(['enum', 'required', 'default', 'x-kubernetes-list-map-keys']);

/**
 * The same schema with every object schema (one that lists `properties`) moved to
 * `definitions` and referenced by `$ref`, identical ones once; `description`s are dropped.
 *
 * A CRD schema is fully inlined: the SparkApplication one spells out the container schema
 * four times, the probe schema twelve, and so on. Compiled as is, it becomes one 2 MB function
 * that V8 must compile whole on the first call; shared, with ajv's `inlineRefs: false`, each
 * object schema becomes one small function, compiled only when a manifest reaches it.
 * Validation is unchanged: `$ref` to an identical schema checks the same data at the same
 * instance path, and descriptions are annotations.
 */
export function shareSubschemas(root: SchemaNode): SchemaNode {
  if ('definitions' in root) throw new Error('shareSubschemas: the schema already has definitions');
  const names = new Map<string, string>();
  const definitions: Record<string, SchemaNode> = {};

  const share = (node: SchemaNode): SchemaNode => {
    const key = JSON.stringify(node);
    let name = names.get(key);
    if (name === undefined) {
      name = `s${names.size}`;
      names.set(key, name);
      definitions[name] = node;
    }
    return { $ref: `#/definitions/${name}` };
  };

  // Children first, so that a shared schema refers to its shared children by name and two
  // copies of it serialise identically.
  const rewrite = (node: unknown, isRoot: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => rewrite(n, false));
    if (!isNode(node)) return node;
    const out: SchemaNode = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'description') continue;
      if (key === 'properties' && isNode(value)) {
        out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, rewrite(sub, false)]));
      } else {
        out[key] = DATA_KEYWORDS.has(key) ? value : rewrite(value, false);
      }
    }
    return !isRoot && isNode(out.properties) ? share(out) : out;
  };

  const shared = rewrite(root, true) as SchemaNode;
  return { ...shared, definitions };
}
