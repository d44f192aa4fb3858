import type { SettingRef, SourceLocation } from '../../model/source.js';

/**
 * A snapshot's `locations` record whose step entries are worked out on first read.
 *
 * A 10,000-step history has ~200,000 step leaves (every argument of every step), and each
 * used to cost a ref string, a location object and a property of one big record, all kept
 * to the end of the conversion, and copied again when a folder's files were merged. A job's
 * provenance reads about 49 of them, and the jobs of a cluster only touch the steps that are
 * not folded into another run, so most were never read. Here a step is one entry holding a
 * function that reads its locations again from the parsed step when a ref of it is first
 * asked for.
 *
 * To its readers it is the plain record it always was (`locations[ref]`, `ref in locations`,
 * `Object.entries`, spread, JSON): a Proxy answers each of these as the eagerly filled
 * record would, with the same values and the same key order (the order refs were first
 * recorded; a CloudFormation report depends on it). Freezing, deleting or defining a
 * property first turns it into that plain record.
 */

/** A step's located leaves, e.g. `['jar', loc]`, `['args/3', loc]`, in the order they were read. */
export type StepLocationEntries = Array<[field: string, loc: SourceLocation | undefined]>;

interface StepBlock {
  /** `steps/<step key>/`. */
  readonly prefix: string;
  /** How many plain entries the record held when the step was added: its place in key order. */
  readonly after: number;
  /** The fields that have a location, in key order: known without reading, for `in` and key listings. */
  readonly names: readonly string[];
  /** Locations kept from the first reading, answered without reading the step again. */
  readonly kept: StepLocationEntries;
  /** Reads the step's locations; dropped once they are read. */
  read: (() => StepLocationEntries) | undefined;
  fields: Map<string, SourceLocation> | undefined;
}

const STEPS = 'steps/';

class LocationTable implements ProxyHandler<Record<SettingRef, SourceLocation>> {
  /** Every entry that is not a lazy step: the Proxy's target. */
  readonly plain: Record<SettingRef, SourceLocation> = {};
  plainCount = 0;
  blocks: StepBlock[] = [];
  readonly byPrefix = new Map<string, StepBlock>();

  fieldsOf(block: StepBlock): Map<string, SourceLocation> {
    if (!block.fields) {
      const fields = new Map<string, SourceLocation>();
      // Same as the eager record: a field without a place is left out, a repeated one keeps its first position.
      for (const [field, loc] of block.read!()) if (loc) fields.set(field, loc);
      block.fields = fields;
      block.read = undefined;
    }
    return block.fields;
  }

  /** The lazy step block a ref falls in, and the ref's field within it. */
  private blockOf(ref: string): { block: StepBlock; field: string } | undefined {
    if (this.byPrefix.size === 0 || !ref.startsWith(STEPS)) return undefined;
    const slash = ref.indexOf('/', STEPS.length);
    const block = slash === -1 ? undefined : this.byPrefix.get(ref.slice(0, slash + 1));
    return block && { block, field: ref.slice(slash + 1) };
  }

  lazy(ref: string): SourceLocation | undefined {
    const at = this.blockOf(ref);
    if (!at?.block.names.includes(at.field)) return undefined;
    const { block, field } = at;
    if (!block.fields) for (const [name, loc] of block.kept) if (name === field) return loc;
    return this.fieldsOf(block).get(field);
  }

  /** Whether a lazy step has a location for `ref`, without reading the step. */
  private hasLazy(ref: string): boolean {
    const at = this.blockOf(ref);
    return at !== undefined && at.block.names.includes(at.field);
  }

  has(target: Record<SettingRef, SourceLocation>, key: string | symbol): boolean {
    return key in target || (typeof key === 'string' && this.hasLazy(key));
  }

  get(target: Record<SettingRef, SourceLocation>, key: string | symbol): unknown {
    const value: unknown = Reflect.get(target, key);
    return value !== undefined || typeof key !== 'string' ? value : this.lazy(key);
  }

  set(target: Record<SettingRef, SourceLocation>, key: string | symbol, value: SourceLocation): boolean {
    if (typeof key === 'string' && !Object.hasOwn(target, key)) {
      const at = this.blockOf(key);
      if (at?.block.names.includes(at.field)) {
        this.fieldsOf(at.block).set(at.field, value);
        return true;
      }
      this.plainCount++;
    }
    (target as Record<string | symbol, unknown>)[key] = value;
    return true;
  }

  ownKeys(target: Record<SettingRef, SourceLocation>): Array<string | symbol> {
    if (this.blocks.length === 0) return Reflect.ownKeys(target);
    const keys: string[] = [];
    for (const item of this.segments()) {
      if (Array.isArray(item)) keys.push(item[0]);
      else for (const name of item.names) keys.push(item.prefix + name);
    }
    return keys;
  }

  /**
   * A lazy step's entry is described by an accessor, so that listing keys (`Object.keys`
   * asks whether each is enumerable) does not read the step; reading the value goes through
   * {@link get} as for any property.
   */
  getOwnPropertyDescriptor(target: Record<SettingRef, SourceLocation>, key: string | symbol): PropertyDescriptor | undefined {
    const own = Reflect.getOwnPropertyDescriptor(target, key);
    if (own || typeof key !== 'string' || !this.hasLazy(key)) return own;
    return { get: () => this.lazy(key), enumerable: true, configurable: true };
  }

  defineProperty(target: Record<SettingRef, SourceLocation>, key: string | symbol, descriptor: PropertyDescriptor): boolean {
    this.materialize();
    const done = Reflect.defineProperty(target, key, descriptor);
    this.plainCount = Object.keys(target).length;
    return done;
  }

  deleteProperty(target: Record<SettingRef, SourceLocation>, key: string | symbol): boolean {
    this.materialize();
    const done = Reflect.deleteProperty(target, key);
    this.plainCount = Object.keys(target).length;
    return done;
  }

  preventExtensions(target: Record<SettingRef, SourceLocation>): boolean {
    this.materialize();
    return Reflect.preventExtensions(target);
  }

  /** Every entry in key order: the plain ones with each step block at its place among them. */
  *entries(): Generator<[SettingRef, SourceLocation]> {
    for (const item of this.segments()) {
      if (Array.isArray(item)) yield item;
      else for (const [field, loc] of this.fieldsOf(item)) yield [item.prefix + field, loc];
    }
  }

  /** Plain entries and step blocks, unread, in key order. */
  *segments(): Generator<[SettingRef, SourceLocation] | StepBlock> {
    const blocks = this.blocks;
    let b = 0;
    let index = 0;
    for (const ref of Object.keys(this.plain)) {
      while (b < blocks.length && blocks[b]!.after <= index) yield blocks[b++]!;
      yield [ref, this.plain[ref]!];
      index++;
    }
    while (b < blocks.length) yield blocks[b++]!;
  }

  addBlock(
    prefix: string,
    names: readonly string[],
    kept: StepLocationEntries,
    read: (() => StepLocationEntries) | undefined,
    fields?: Map<string, SourceLocation>,
  ): void {
    const block: StepBlock = { prefix, after: this.plainCount, names, kept, read, fields };
    this.blocks.push(block);
    this.byPrefix.set(prefix, block);
  }

  /** Turns the table into the plain record, in the same key order (before freezing, deleting, defining). */
  materialize(): void {
    if (this.blocks.length === 0) return;
    const all = [...this.entries()];
    for (const ref of Object.keys(this.plain)) delete this.plain[ref];
    for (const [ref, loc] of all) this.plain[ref] = loc;
    this.plainCount = all.length;
    this.blocks = [];
    this.byPrefix.clear();
  }
}

const tables = new WeakMap<object, LocationTable>();

/** An empty `locations` record that can hold steps whose locations are read on demand. */
export function createLocations(): Record<SettingRef, SourceLocation> {
  const table = new LocationTable();
  const record = new Proxy(table.plain, table);
  tables.set(record, table);
  return record;
}

/** Whether a step prefix can be found again from a ref: `steps/<key>/` with no `/` inside the key. */
function isBlockPrefix(prefix: string): boolean {
  return prefix.startsWith(STEPS) && prefix.indexOf('/', STEPS.length) === prefix.length - 1;
}

/** The fields of `entries` that have a location, each once, in the order a record would keep them. */
export function locatedFields(entries: StepLocationEntries): string[] {
  const names: string[] = [];
  // Only property keys can repeat; a set pays only for long steps.
  const seen = entries.length > 32 ? new Set<string>() : undefined;
  for (const [field, loc] of entries) {
    if (!loc || (seen ? seen.has(field) : names.includes(field))) continue;
    seen?.add(field);
    names.push(field);
  }
  // Exact size: every step of the run keeps its list (pushing leaves room for twice as many).
  return names.slice();
}

/**
 * Records a step's locations under `prefix` (`steps/<key>/`): `names` are the fields that
 * have one ({@link locatedFields}), `read` gives them when one is first asked for and must
 * give the same fields; `kept` are some of them, known already, that a reader often asks
 * for alone (answered without reading the step). A step key already located (the same step id twice in one file)
 * keeps its first locations. On a plain record (tests build those) they are written at once.
 */
export function addStepLocations(
  locations: Record<SettingRef, SourceLocation>,
  prefix: string,
  names: readonly string[],
  read: () => StepLocationEntries,
  kept: StepLocationEntries = [],
): void {
  const table = tables.get(locations);
  if (table && isBlockPrefix(prefix)) {
    if (!table.byPrefix.has(prefix) && !(`${prefix}jar` in table.plain)) table.addBlock(prefix, names, kept, read);
    return;
  }
  if (`${prefix}jar` in locations) return;
  for (const [field, loc] of read()) if (loc) locations[prefix + field] = loc;
}

/**
 * Copies into `into` every entry of `from` that `into` lacks and that does not start with one
 * of `excluded`, in `from`'s key order, as `for (const [ref, loc] of Object.entries(from))`
 * would; step blocks move across unread.
 */
export function mergeLocations(
  into: Record<SettingRef, SourceLocation>,
  from: Record<SettingRef, SourceLocation>,
  excluded: readonly string[],
): void {
  const target = tables.get(into);
  const source = tables.get(from);
  const copy = (ref: SettingRef, loc: SourceLocation) => {
    if (!(ref in into) && !excluded.some((p) => ref.startsWith(p))) into[ref] = loc;
  };
  if (!target || !source) {
    for (const [ref, loc] of Object.entries(from)) copy(ref, loc);
    return;
  }
  for (const item of source.segments()) {
    if (Array.isArray(item)) copy(item[0], item[1]);
    else if (target.byPrefix.has(item.prefix) || `${item.prefix}jar` in target.plain || excluded.some((p) => p.startsWith(item.prefix) || item.prefix.startsWith(p))) {
      // The same step in both (list-steps and describe-step of one step): field by field, first wins.
      for (const [field, loc] of source.fieldsOf(item)) copy(item.prefix + field, loc);
    } else target.addBlock(item.prefix, item.names, item.kept, item.read, item.fields);
  }
}
