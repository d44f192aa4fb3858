import { EVENT_ID, SCALAR_STYLE, YAMLException, getScalarValue, parseEvents, type Event } from 'js-yaml';
import { ParseError, lineStarts, positionAt, type DocNode, type ScalarNode } from './doc-node.js';
import { formatMiB, InputLimitError, MAX_VALUES, MAX_YAML_CHARS, tooManyValues } from './parse-limits.js';

export interface YamlOptions {
  /**
   * Called for every node with a local tag (`!Ref`, `!Sub`, …, not `!!str`) with the tag, the
   * node and the tag's position; what it returns replaces the node. Without it the tag is
   * dropped and the value kept verbatim.
   */
  onTag?: (tag: string, node: DocNode, at: { line: number; column: number }) => DocNode;
}

/**
 * Parses one YAML document into {@link DocNode}s with positions, from js-yaml 5's event
 * stream (`parseEvents`, which keeps source offsets that `load` throws away). Scalars resolve
 * as YAML 1.2 core schema does (https://yaml.org/spec/1.2.2/#1032-tag-resolution); explicit
 * tags such as `!Ref` keep the text verbatim. Duplicate keys are an error, as in `load`.
 * Text over {@link MAX_YAML_CHARS} is refused before it is parsed, and a document of more than
 * {@link MAX_VALUES} values before its tree is built ({@link InputLimitError}).
 */
export function parseYaml(text: string, options: YamlOptions = {}): DocNode | undefined {
  if (text.length > MAX_YAML_CHARS) {
    throw new InputLimitError(`YAML over ${formatMiB(MAX_YAML_CHARS)} (${formatMiB(text.length)}); YAML input is limited to ${formatMiB(MAX_YAML_CHARS)}`, 1, 1);
  }
  const starts = lineStarts(text);
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch (error) {
    if (error instanceof YAMLException && error.mark) {
      throw new ParseError(error.reason, error.mark.line + 1, error.mark.column + 1);
    }
    throw new ParseError(error instanceof Error ? error.message : String(error), 1, 1);
  }
  // Every event but POP and DOCUMENT is one value (an alias reuses its target, it adds no tree).
  if (events.length > MAX_VALUES) {
    let values = 0;
    for (const event of events) {
      if (event.type === EVENT_ID.POP || event.type === EVENT_ID.DOCUMENT) continue;
      if (++values > MAX_VALUES) {
        const at = positionAt(starts, 'start' in event ? event.start : 'valueStart' in event ? event.valueStart : event.anchorStart);
        throw tooManyValues('YAML', at.line, at.column);
      }
    }
  }
  return new TreeBuilder(text, starts, events, options).document();
}

const NULL = /^(?:~|null|Null|NULL|)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

class TreeBuilder {
  private i = 0;
  private readonly anchors = new Map<string, DocNode>();

  constructor(
    private readonly text: string,
    private readonly starts: number[],
    private readonly events: Event[],
    private readonly options: YamlOptions,
  ) {}

  document(): DocNode | undefined {
    const docs = this.events.filter((e) => e.type === EVENT_ID.DOCUMENT).length;
    if (docs > 1) {
      throw new ParseError(`expected one YAML document, found ${docs}`, 1, 1);
    }
    if (docs === 0) return undefined;
    this.i = 1;
    const next = this.events[this.i];
    return next && next.type !== EVENT_ID.POP ? this.node() : undefined;
  }

  private node(): DocNode {
    const event = this.events[this.i] as Event;
    const built = this.build();
    const onTag = this.options.onTag;
    if (!onTag || !('tagStart' in event) || event.tagStart < 0) return built;
    const tag = this.text.slice(event.tagStart, event.tagEnd);
    if (tag.startsWith('!!') || tag.startsWith('!<')) return built;
    const replaced = onTag(tag, built, positionAt(this.starts, event.tagStart));
    if (event.anchorStart >= 0) this.anchor(event.anchorStart, event.anchorEnd, replaced);
    return replaced;
  }

  private build(): DocNode {
    const event = this.events[this.i++] as Event;
    switch (event.type) {
      case EVENT_ID.MAPPING: {
        const node: DocNode = { kind: 'object', entries: new Map(), ...positionAt(this.starts, event.start) };
        this.anchor(event.anchorStart, event.anchorEnd, node);
        while ((this.events[this.i] as Event).type !== EVENT_ID.POP) {
          const key = this.node();
          if (key.kind === 'object' || key.kind === 'array') {
            throw new ParseError('a mapping key must be a scalar', key.line, key.column);
          }
          const name = key.kind === 'string' ? (key.value as string) : key.raw;
          if (node.entries.has(name)) {
            throw new ParseError(`duplicated mapping key ${JSON.stringify(name)}`, key.line, key.column);
          }
          node.entries.set(name, this.node());
        }
        this.i++;
        return node;
      }
      case EVENT_ID.SEQUENCE: {
        const node: DocNode = { kind: 'array', items: [], ...positionAt(this.starts, event.start) };
        this.anchor(event.anchorStart, event.anchorEnd, node);
        while ((this.events[this.i] as Event).type !== EVENT_ID.POP) node.items.push(this.node());
        this.i++;
        return node;
      }
      case EVENT_ID.SCALAR: {
        const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
        const raw = getScalarValue(this.text, event);
        const node = resolveScalar(raw, event.style === SCALAR_STYLE.PLAIN && event.tagStart < 0);
        Object.assign(node, positionAt(this.starts, quoted ? event.valueStart - 1 : event.valueStart));
        this.anchor(event.anchorStart, event.anchorEnd, node);
        return node;
      }
      case EVENT_ID.ALIAS: {
        const name = this.text.slice(event.anchorStart, event.anchorEnd);
        const target = this.anchors.get(name);
        const at = positionAt(this.starts, event.anchorStart - 1);
        if (!target) throw new ParseError(`unknown alias *${name}`, at.line, at.column);
        return target;
      }
      default: {
        const at = positionAt(this.starts, this.text.length);
        throw new ParseError('unexpected document structure', at.line, at.column);
      }
    }
  }

  private anchor(start: number, end: number, node: DocNode): void {
    if (start >= 0) this.anchors.set(this.text.slice(start, end), node);
  }
}

function resolveScalar(raw: string, plain: boolean): ScalarNode {
  const base = { raw, line: 0, column: 0 };
  if (!plain) return { kind: 'string', value: raw, ...base };
  if (NULL.test(raw)) return { kind: 'null', value: null, ...base };
  if (TRUE.test(raw)) return { kind: 'boolean', value: true, ...base };
  if (FALSE.test(raw)) return { kind: 'boolean', value: false, ...base };
  if (INT.test(raw) || FLOAT.test(raw)) return { kind: 'number', value: Number(raw), ...base };
  return { kind: 'string', value: raw, ...base };
}
