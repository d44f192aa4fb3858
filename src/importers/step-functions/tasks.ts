import type { ObjectNode } from '../shared/doc-node.js';
import { jsonataClusterIdRefs, jsonataExpression } from '../shared/jsonata.js';
import type { DocReader, Located } from '../shared/reader.js';

/** What a Task state does to EMR, from its `Resource`. */
export type EmrTaskKind = 'create-cluster' | 'add-step' | 'other-spark';

/**
 * Optimized integrations (https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr.html)
 * and the AWS SDK integrations of the same API calls
 * (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html), any partition.
 */
const CREATE = /^arn:aws[a-z-]*:states:::(?:elasticmapreduce:createCluster(?:\.sync)?|aws-sdk:emr:runJobFlow)$/;
const ADD_STEP = /^arn:aws[a-z-]*:states:::(?:elasticmapreduce:addStep(?:\.sync)?|aws-sdk:emr:addJobFlowSteps)$/;
/** Spark jobs on EMR on EKS and EMR Serverless: not EMR-on-EC2 steps, reported as not converted. */
const OTHER_SPARK = /^arn:aws[a-z-]*:states:::(?:emr-containers|emr-serverless):startJobRun/;

export function emrTaskKind(resource: string): EmrTaskKind | undefined {
  if (CREATE.test(resource)) return 'create-cluster';
  if (ADD_STEP.test(resource)) return 'add-step';
  if (OTHER_SPARK.test(resource)) return 'other-spark';
  return undefined;
}

/** The SDK integration speaks the EMR API (`JobFlowId`); the optimized one says `ClusterId`. */
export function isSdkTask(resource: string): boolean {
  return resource.includes(':aws-sdk:');
}

/**
 * The JSONPaths at which later states find the id of the cluster a create task made: its
 * `ResultPath` (default `$`, `null` discards the result) joined with `ClusterId` (or the SDK's
 * `JobFlowId`), or with each `ResultSelector` key that picks that field out of the result.
 */
export function clusterIdPaths(reader: DocReader, state: ObjectNode, path: string, sdk: boolean): string[] {
  const idField = sdk ? 'JobFlowId' : 'ClusterId';
  const resultPath = state.entries.get('ResultPath');
  if (resultPath?.kind === 'null') return [];
  const base = reader.optText(state, 'ResultPath', path)?.value ?? '$';
  const selector = reader.optObject(state, 'ResultSelector', path);
  const fields = selector
    ? [...selector.node.entries].flatMap(([key, value]) =>
        key.endsWith('.$') && value.kind === 'string' && value.value === `$.${idField}` ? [key.slice(0, -2)] : [],
      )
    : [idField];
  return fields.map((f) => (base === '$' ? `$.${f}` : `${base}.${f}`));
}

/**
 * {@link clusterIdPaths} for a JSONata create task: the expressions later states read the
 * cluster id with (shared/jsonata.ts `jsonataClusterIdRefs`).
 */
export function jsonataClusterIdPaths(reader: DocReader, state: ObjectNode, path: string, sdk: boolean): string[] {
  const assign = reader.optObject(state, 'Assign', path);
  const texts = new Map([...(assign?.node.entries ?? [])].flatMap(([name, value]) => (value.kind === 'string' ? [[name, value.value as string] as const] : [])));
  return jsonataClusterIdRefs(reader.optText(state, 'Output', path)?.value, state.entries.has('Output'), texts, sdk ? 'JobFlowId' : 'ClusterId');
}

/**
 * The cluster an add-step task names: a written id, or a value read at run time: a JSONPath
 * (`ClusterId.$`), or a JSONata expression (`{% … %}`, kept as written in `placeholder`).
 */
export type ClusterTarget = { kind: 'static'; id: Located<string> } | { kind: 'path'; path: Located<string>; placeholder?: string };

export function clusterTarget(reader: DocReader, params: ObjectNode, path: string, sdk: boolean): ClusterTarget | undefined {
  const key = sdk ? 'JobFlowId' : 'ClusterId';
  const dynamic = reader.optText(params, `${key}.$`, path);
  if (dynamic) return { kind: 'path', path: dynamic };
  const id = reader.optText(params, key, path);
  const expression = id && jsonataExpression(id.value);
  if (id && expression !== undefined) return { kind: 'path', path: { ...id, value: expression }, placeholder: id.value };
  return id && { kind: 'static', id };
}
