import type { DocNode } from '../shared/doc-node.js';

/**
 * Members whose object value is a map of the user's own keys (Spark settings, step
 * properties, tags): their keys stay as written.
 */
const USER_MAPS = new Set(['configurationProperties', 'properties', 'tags']);

/**
 * CDK props in the API's spelling: CDK writes the CloudFormation and EMR API members in
 * camelCase (`releaseLabel`, `hadoopJarStep`;
 * https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_emr.CfnCluster.html), the shared
 * readers read them in PascalCase (`ReleaseLabel`). Positions (and files) are kept.
 */
export function toPascalCase(node: DocNode, userMap = false): DocNode {
  if (node.kind === 'array') return { ...node, items: node.items.map((item) => toPascalCase(item)) };
  if (node.kind !== 'object') return node;
  const entries = new Map<string, DocNode>();
  for (const [key, value] of node.entries) {
    if (userMap) entries.set(key, value);
    else entries.set(key.charAt(0).toUpperCase() + key.slice(1), toPascalCase(value, USER_MAPS.has(key) && value.kind === 'object'));
  }
  return { ...node, entries };
}
