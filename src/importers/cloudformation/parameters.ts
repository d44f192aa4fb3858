import type { DocNode, ObjectNode } from '../shared/doc-node.js';

/** What `Ref` to a parameter gives: its value, or why it is unknown before deployment. */
export type ParameterValue = { value: string | string[] } | { why: string };

function scalarText(node: DocNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'string') return node.value as string;
  if (node.kind === 'number' || node.kind === 'boolean') return node.raw;
  return undefined;
}

function isList(type: string): boolean {
  return type === 'CommaDelimitedList' || type.startsWith('List<');
}

/**
 * The value of each declared parameter, as CloudFormation would use it
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html):
 * a value given by the user beats `Default`; list types (`CommaDelimitedList`, `List<…>`) are
 * split on commas with each member trimmed. An SSM parameter type
 * (`AWS::SSM::Parameter::Value<…>`) holds the name of an SSM parameter whose value is read at
 * deploy time, so its `Default` is not the value: it is unknown unless the user gives it.
 */
export function readParameters(parameters: ObjectNode | undefined, given: Readonly<Record<string, string>>): Map<string, ParameterValue> {
  const out = new Map<string, ParameterValue>();
  for (const [name, declaration] of parameters?.entries ?? []) {
    const decl = declaration.kind === 'object' ? declaration : undefined;
    const type = scalarText(decl?.entries.get('Type')) ?? 'String';
    const raw = Object.hasOwn(given, name) ? given[name] : type.startsWith('AWS::SSM::') ? undefined : scalarText(decl?.entries.get('Default'));
    if (raw === undefined) {
      out.set(name, {
        why: type.startsWith('AWS::SSM::')
          ? `parameter ${name} is read from SSM Parameter Store at deploy time`
          : `parameter ${name} has no Default and no --param value`,
      });
    } else out.set(name, { value: isList(type) ? raw.split(',').map((s) => s.trim()) : raw });
  }
  return out;
}

/** The partition of a region (https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html). */
function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

/**
 * A pseudo parameter (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html).
 * `AWS::Region` comes from `--region`; `AWS::Partition` and `AWS::URLSuffix` follow from it.
 * Any of them may also be given as `--param AWS::StackName=…`. Without a source they stay
 * unknown: a stack name or account id is never guessed. Returns undefined for a name that is
 * not a pseudo parameter.
 */
export function pseudoParameter(name: string, given: Readonly<Record<string, string>>, region: string | undefined): ParameterValue | undefined {
  if (Object.hasOwn(given, name)) return { value: given[name] as string };
  const needsRegion = { why: `${name} depends on the region, and no --region was given` };
  switch (name) {
    case 'AWS::Region':
      return region ? { value: region } : needsRegion;
    case 'AWS::Partition':
      return region ? { value: partitionOf(region) } : needsRegion;
    case 'AWS::URLSuffix':
      return region ? { value: region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com' } : needsRegion;
    case 'AWS::AccountId':
    case 'AWS::StackName':
    case 'AWS::StackId':
    case 'AWS::NotificationARNs':
      return { why: `${name} is only known when the stack is deployed (give it with --param ${name}=…)` };
    default:
      return undefined;
  }
}
