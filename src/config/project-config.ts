import type { z } from 'zod';
import { lazy, zod } from '../model/zod.js';

/**
 * The project config file `emr2k8s.config.{yaml,json}` (DESIGN §5, docs/config.md).
 * Strict: an unknown key is an error naming the key and the file.
 */
export const TARGETS = ['spark-operator', 'emr-on-eks', 'spark-submit'] as const;
export type TargetId = (typeof TARGETS)[number];

/**
 * The config file's schema (docs/config.md), built on first use (src/model/zod.ts): a run
 * without a config file never loads zod.
 */
export const projectConfigSchema = lazy(() => {
  const z = zod();
  const TargetId = z.enum(TARGETS);
  const RuleSetting = z.union([
    z.enum(['on', 'off']),
    z.tuple([z.literal('on'), z.record(z.string(), z.unknown())]),
  ]);

  /** The ways to run Spark on Kubernetes that `convert` can write (docs/targets/). */

  const IamRoleArn = z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, 'expected an IAM role ARN such as arn:aws:iam::123456789012:role/spark-etl');
  /** Kubernetes CPU and memory quantities as a user writes them (`200m`, `1.5`, `512Mi`). */
  // A bare YAML number (`cpu: 1`) is a CPU quantity too, as kubectl reads it.
  const CpuQuantity = z.union([
    z.string().regex(/^(\d+(\.\d+)?|\d+m)$/, 'expected a CPU quantity such as 200m or 1.5'),
    z.number().nonnegative().transform((n) => String(n)),
  ]);
  const MemoryQuantity = z.string().regex(/^\d+(Ki|Mi|Gi|Ti|k|M|G|T)?$/, 'expected a memory quantity such as 512Mi or 2Gi');

  const Toleration = z
    .object({
      key: z.string().min(1).optional(),
      operator: z.enum(['Exists', 'Equal']).optional(),
      value: z.string().optional(),
      effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']).optional(),
      tolerationSeconds: z.number().int().optional(),
    })
    .strict();

  /**
   * Where pods run (docs/placement.md): which node labels say capacity type, instance type,
   * family and architecture, and which taints the pods tolerate. Defaults follow EKS with Karpenter.
   */
  const Placement = z
    .object({
      labels: z
        .object({
          capacityType: z.string().min(1).default('karpenter.sh/capacity-type'),
          instanceType: z.string().min(1).default('node.kubernetes.io/instance-type'),
          instanceFamily: z.string().min(1).default('karpenter.k8s.aws/instance-family'),
          arch: z.string().min(1).default('kubernetes.io/arch'),
        })
        .strict()
        .default({ capacityType: 'karpenter.sh/capacity-type', instanceType: 'node.kubernetes.io/instance-type', instanceFamily: 'karpenter.k8s.aws/instance-family', arch: 'kubernetes.io/arch' }),
      /** The capacity-type label's values for on-demand and spot nodes. */
      capacityTypes: z
        .object({ onDemand: z.string().min(1).default('on-demand'), spot: z.string().min(1).default('spot') })
        .strict()
        .default({ onDemand: 'on-demand', spot: 'spot' }),
      /** How closely executors follow the EMR instance types: the family (default), the exact type, or not at all. */
      instanceTypes: z.enum(['family', 'type', 'any']).default('family'),
      /** Tolerations for every driver and executor pod. */
      tolerations: z.array(Toleration).default([]),
      /** Extra tolerations for pods placed on spot capacity. */
      spotTolerations: z.array(Toleration).default([]),
    })
    .strict();

  /** Bin-packing inputs (docs/placement.md): what a node really offers and what DaemonSets take. */
  const Packing = z
    .object({
      daemonSetOverhead: z
        .object({ cpu: CpuQuantity.default('200m'), memory: MemoryQuantity.default('512Mi') })
        .strict()
        .default({ cpu: '200m', memory: '512Mi' }),
      /** Measured `kubectl get node -o jsonpath='{.status.allocatable}'` per instance type; beats the formula. */
      allocatable: z.record(z.string().min(1), z.object({ cpu: CpuQuantity, memory: MemoryQuantity, pods: z.number().int().positive().optional() }).strict()).default({}),
      /** `emr-density`: a fractional executor CPU request that keeps EMR's executors per node. */
      coreRequest: z.enum(['cores', 'emr-density']).default('cores'),
    })
    .strict();

  const ProjectConfig = z
    .object({
      target: z.union([TargetId, z.array(TargetId).min(1)]).default('spark-operator'),
      namespace: z.string().min(1).default('default'),
      serviceAccount: z.string().min(1).optional(),
      /** IRSA: the role annotated on the generated ServiceAccount (`eks.amazonaws.com/role-arn`). */
      iamRoleArn: IamRoleArn.optional(),
      image: z
        .object({
          flavor: z.enum(['apache', 'emr']).default('apache'),
          repository: z.string().min(1).optional(),
          region: z.string().min(1).default('us-east-1'),
          /** Handlebars text replacing the built-in Dockerfile scaffold template (docs/images.md). */
          dockerfileTemplate: z.string().min(1).optional(),
        })
        .strict()
        .default({ flavor: 'apache', region: 'us-east-1' }),
      scheduler: z
        .object({
          name: z.enum(['volcano', 'yunikorn']),
          queues: z.record(z.string(), z.string()).default({}),
        })
        .strict()
        .optional(),
      emrOnEks: z
        .object({
          executionRoleArn: IamRoleArn.optional(),
          virtualClusterId: z.string().regex(/^[0-9a-z]+$/, 'expected a virtual cluster id (lowercase letters and digits)').optional(),
        })
        .strict()
        .optional(),
      placement: Placement.default(Placement.parse({})),
      packing: Packing.default(Packing.parse({})),
      rules: z.record(z.string(), RuleSetting).default({}),
    })
    .strict();
  return ProjectConfig;
});
export type ProjectConfig = z.infer<ReturnType<typeof projectConfigSchema>>;

/**
 * The config used when there is no config file: what the schema makes of `{}`, written out so
 * that such a run needs no zod (a test holds the two equal, key order included).
 */
const DEFAULT_CONFIG: ProjectConfig = {
  target: 'spark-operator',
  namespace: 'default',
  image: { flavor: 'apache', region: 'us-east-1' },
  placement: {
    labels: { capacityType: 'karpenter.sh/capacity-type', instanceType: 'node.kubernetes.io/instance-type', instanceFamily: 'karpenter.k8s.aws/instance-family', arch: 'kubernetes.io/arch' },
    capacityTypes: { onDemand: 'on-demand', spot: 'spot' },
    instanceTypes: 'family',
    tolerations: [],
    spotTolerations: [],
  },
  packing: { daemonSetOverhead: { cpu: '200m', memory: '512Mi' }, allocatable: {}, coreRequest: 'cores' },
  rules: {},
};

export function defaultProjectConfig(): ProjectConfig {
  return structuredClone(DEFAULT_CONFIG);
}

/** The targets to write, in a fixed order whatever order the config or flags list them in. */
export function targetList(target: ProjectConfig['target']): TargetId[] {
  const wanted = new Set(Array.isArray(target) ? target : [target]);
  return TARGETS.filter((t) => wanted.has(t));
}
