import type { Severity } from '../../model/diagnostic.js';
import { childPath, type DocNode, type ObjectNode } from '../shared/doc-node.js';
import { evaluateCondition, type Truth } from './conditions.js';
import { pseudoParameter, type ParameterValue } from './parameters.js';

type Position = { line: number; column: number };

/** A value that could not be worked out, kept as a visible placeholder. */
export interface Unresolved {
  code: 'unresolved-reference' | 'unresolved-condition' | 'unsupported-intrinsic' | 'invalid-intrinsic';
  severity: Severity;
  /** Where the intrinsic is written. */
  at: Position;
  /** Property path of the value that holds the placeholder. */
  path: string;
  /** Why, in words, naming no value (a parameter may be a secret). */
  reason: string;
  /** The text kept in the value, e.g. `${LogBucket}`. */
  placeholder: string;
}

/** The parts of a template that intrinsics read. */
export interface TemplateScope {
  parameters: Map<string, ParameterValue>;
  mappings?: ObjectNode | undefined;
  conditions?: ObjectNode | undefined;
  resources: Set<string>;
  given: Readonly<Record<string, string>>;
  region?: string | undefined;
}

class Malformed extends Error {}

const scalar = (value: string, at: Position): DocNode => ({ kind: 'string', value, raw: value, line: at.line, column: at.column });
const inner = (placeholder: string) => placeholder.replace(/^\$\{(.*)\}$/s, '$1');

/** The name and argument of a JSON-form intrinsic (`{Ref: x}`, `{Fn::Sub: …}`), if `node` is one. */
export function intrinsicOf(node: DocNode): { name: string; arg: DocNode } | undefined {
  if (node.kind !== 'object' || node.entries.size !== 1) return undefined;
  const [name, arg] = [...node.entries][0]!;
  return name === 'Ref' || name.startsWith('Fn::') ? { name, arg } : undefined;
}

/**
 * Works out CloudFormation intrinsic functions
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html)
 * with what is known before deployment: parameters, pseudo parameters, Mappings and
 * Conditions. What depends on deployment (`Fn::GetAtt`, `Fn::ImportValue`, a resource's `Ref`,
 * a parameter without a value) becomes a placeholder such as `${LogBucket}`,
 * `${EmrCluster.MasterPublicDNS}` or `${ImportValue:shared-DataBucket}`, recorded in `problems`.
 */
export class TemplateResolver {
  readonly problems: Unresolved[] = [];
  private readonly truths = new Map<string, { value: Truth; why?: string }>();
  private readonly evaluating = new Set<string>();

  constructor(private readonly scope: TemplateScope) {}

  /** The value of `node` standing at property `path`; undefined for `AWS::NoValue`. */
  value(node: DocNode, path: string): DocNode | undefined {
    const fn = intrinsicOf(node);
    if (fn) return this.intrinsic(fn.name, fn.arg, node, path);
    if (node.kind === 'object') {
      const entries = new Map<string, DocNode>();
      for (const [key, child] of node.entries) {
        const resolved = this.value(child, childPath(path, key));
        if (resolved) entries.set(key, resolved);
      }
      return { ...node, entries };
    }
    if (node.kind === 'array') {
      const items: DocNode[] = [];
      node.items.forEach((item, i) => {
        const resolved = this.value(item, childPath(path, i));
        if (resolved) items.push(resolved);
      });
      return { ...node, items };
    }
    return node;
  }

  /** A named condition, evaluated once; `why` says what made it unknown. */
  condition(name: string): { value: Truth; why?: string } {
    const cached = this.truths.get(name);
    if (cached) return cached;
    const node = this.scope.conditions?.entries.get(name);
    if (!node || this.evaluating.has(name)) {
      return { value: undefined, why: node ? `condition ${name} refers to itself` : `there is no condition ${name} in Conditions` };
    }
    this.evaluating.add(name);
    const mark = this.problems.length;
    const value = evaluateCondition(node, {
      known: (v) => {
        const before = this.problems.length;
        const resolved = this.value(v, '');
        return this.problems.length > before || !resolved ? undefined : this.text(resolved);
      },
      condition: (n) => this.condition(n).value,
      invalid: (at, reason) => {
        this.keep('invalid-intrinsic', 'Fn::Condition', `condition ${name}: ${reason}`, at, '');
        return undefined;
      },
    });
    // What made the condition unknown explains the Fn::If that uses it, not a value of its own.
    const causes = this.problems.splice(mark);
    this.evaluating.delete(name);
    const result = value === undefined ? { value, why: causes[0]?.reason ?? `condition ${name} cannot be evaluated` } : { value };
    this.truths.set(name, result);
    return result;
  }

  private keep(code: Unresolved['code'], placeholder: string, reason: string, at: Position, path: string): DocNode {
    const severity: Severity = code === 'invalid-intrinsic' ? 'error' : 'warning';
    const text = `\${${placeholder}}`;
    this.problems.push({ code, severity, at: { line: at.line, column: at.column }, path, reason, placeholder: text });
    return scalar(text, at);
  }

  private text(node: DocNode): string {
    if (node.kind === 'string') return node.value as string;
    if (node.kind === 'number' || node.kind === 'boolean') return node.raw;
    throw new Malformed(`expected a string, found ${node.kind === 'array' ? 'a list' : node.kind === 'object' ? 'an object' : 'null'}`);
  }

  /** Resolves an argument that must end up a string; `unknown` tells whether it holds a placeholder. */
  private textOf(node: DocNode, path: string): { text: string; unknown: boolean } {
    const before = this.problems.length;
    const resolved = this.value(node, path);
    if (!resolved) throw new Malformed('AWS::NoValue where a value is needed');
    return { text: this.text(resolved), unknown: this.problems.length > before };
  }

  private list(arg: DocNode, min: number, max: number, name: string): DocNode[] {
    if (arg.kind !== 'array' || arg.items.length < min || arg.items.length > max) {
      throw new Malformed(`${name} takes a list of ${min === max ? min : `${min} to ${max}`} values`);
    }
    return arg.items;
  }

  private intrinsic(name: string, arg: DocNode, at: DocNode, path: string): DocNode | undefined {
    try {
      switch (name) {
        case 'Ref':
          return this.ref(this.text(arg), at, path);
        case 'Fn::Sub':
          return this.sub(arg, at, path);
        case 'Fn::Join': {
          const [delimiter, items] = this.list(arg, 2, 2, name) as [DocNode, DocNode];
          const sep = this.textOf(delimiter, path).text;
          const resolved = this.value(items, path);
          if (!resolved) throw new Malformed('Fn::Join needs a list');
          if (resolved.kind !== 'array') return scalar(this.text(resolved), at);
          return scalar(resolved.items.map((i) => this.text(i)).join(sep), at);
        }
        case 'Fn::Select': {
          const [index, items] = this.list(arg, 2, 2, name) as [DocNode, DocNode];
          const i = Number(this.textOf(index, path).text);
          const resolved = this.value(items, path);
          if (resolved?.kind !== 'array') {
            if (resolved?.kind === 'string') return scalar(`\${Select:${i}:${inner(resolved.value as string)}}`, at);
            throw new Malformed('Fn::Select needs a list');
          }
          const picked = resolved.items[i];
          if (!Number.isInteger(i) || !picked) throw new Malformed(`Fn::Select index ${i} is outside the list`);
          return { ...picked, line: at.line, column: at.column };
        }
        case 'Fn::Split': {
          const [delimiter, source] = this.list(arg, 2, 2, name) as [DocNode, DocNode];
          const sep = this.textOf(delimiter, path).text;
          const text = this.textOf(source, path).text;
          return { kind: 'array', items: text.split(sep).map((s) => scalar(s, at)), line: at.line, column: at.column };
        }
        case 'Fn::FindInMap':
          return this.findInMap(this.list(arg, 3, 4, name), at, path);
        case 'Fn::If': {
          const [cond, yes, no] = this.list(arg, 3, 3, name) as [DocNode, DocNode, DocNode];
          const conditionName = this.text(cond);
          const truth = this.condition(conditionName);
          if (truth.value === undefined) {
            return this.keep('unresolved-condition', `If:${conditionName}`, `Fn::If cannot choose: ${truth.why}`, at, path);
          }
          return this.value(truth.value ? yes : no, path);
        }
        case 'Fn::GetAtt': {
          const [resource, attribute] = this.list(arg, 2, 2, name) as [DocNode, DocNode];
          const target = `${this.text(resource)}.${this.textOf(attribute, path).text}`;
          return this.keep('unresolved-reference', target, `Fn::GetAtt ${target} is only known after deployment`, at, path);
        }
        case 'Fn::ImportValue': {
          const exported = inner(this.textOf(arg, path).text);
          return this.keep('unresolved-reference', `ImportValue:${exported}`, `Fn::ImportValue ${exported} is exported by another stack`, at, path);
        }
        case 'Fn::Base64': {
          const { text, unknown } = this.textOf(arg, path);
          return scalar(unknown ? text : Buffer.from(text, 'utf8').toString('base64'), at);
        }
        case 'Fn::GetAZs':
          return this.keep('unresolved-reference', 'GetAZs', 'Fn::GetAZs lists Availability Zones only known from the EC2 API', at, path);
        default:
          return this.keep('unsupported-intrinsic', name, `${name} is not evaluated by emr2k8s`, at, path);
      }
    } catch (error) {
      if (!(error instanceof Malformed)) throw error;
      return this.keep('invalid-intrinsic', name, `invalid ${name}: ${error.message}`, at, path);
    }
  }

  private ref(name: string, at: Position, path: string): DocNode | undefined {
    if (name === 'AWS::NoValue') return undefined;
    const value = this.scope.parameters.get(name) ?? pseudoParameter(name, this.scope.given, this.scope.region);
    if (value && 'value' in value) {
      const v = value.value;
      return typeof v === 'string' ? scalar(v, at) : { kind: 'array', items: v.map((s) => scalar(s, at)), line: at.line, column: at.column };
    }
    if (value) return this.keep('unresolved-reference', name, value.why, at, path);
    if (this.scope.resources.has(name)) {
      return this.keep('unresolved-reference', name, `Ref ${name} is the id of a resource, only known after deployment`, at, path);
    }
    throw new Malformed(`Ref ${name} names no parameter, pseudo parameter or resource`);
  }

  /** `Fn::Sub` in both forms; `${!Literal}` stays `${Literal}`. */
  private sub(arg: DocNode, at: Position, path: string): DocNode {
    const [template, variables] = arg.kind === 'array' ? (this.list(arg, 2, 2, 'Fn::Sub') as [DocNode, DocNode]) : [arg, undefined];
    if (variables && variables.kind !== 'object') throw new Malformed('the second item of Fn::Sub must be a map of variables');
    const text = this.text(template);
    const out = text.replace(/\$\{([^}]*)\}/g, (_whole, name: string) => {
      if (name.startsWith('!')) return `\${${name.slice(1)}}`;
      const variable = variables?.entries.get(name);
      if (variable) return this.textOf(variable, path).text;
      const dot = name.indexOf('.');
      if (dot > 0) {
        return this.text(this.keep('unresolved-reference', name, `Fn::GetAtt ${name} is only known after deployment`, at, path));
      }
      const resolved = this.ref(name, at, path);
      if (!resolved) throw new Malformed('AWS::NoValue inside Fn::Sub');
      return this.text(resolved);
    });
    return scalar(out, at);
  }

  private findInMap(items: DocNode[], at: Position, path: string): DocNode | undefined {
    const [map, top, second] = items.slice(0, 3).map((k) => this.textOf(k, path));
    const keys = [map!, top!, second!];
    if (keys.some((k) => k.unknown)) return scalar(`\${FindInMap:${keys.map((k) => inner(k.text)).join(':')}}`, at);
    const names = keys.map((k) => k.text);
    let node: DocNode | undefined = this.scope.mappings;
    for (const key of names) node = node?.kind === 'object' ? node.entries.get(key) : undefined;
    if (node) return this.value({ ...node, line: at.line, column: at.column }, path);
    const fallback = items[3]?.kind === 'object' ? items[3].entries.get('DefaultValue') : undefined;
    if (fallback) return this.value(fallback, path);
    throw new Malformed(`Mappings has no ${names.join(' → ')}`);
  }
}
