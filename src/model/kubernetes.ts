/**
 * The few core/v1 shapes a plan carries for placement, spelled as Kubernetes spells them so
 * that every emitter writes them unchanged (SparkPodSpec `tolerations`/`affinity`, pod templates).
 */
export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  tolerationSeconds?: number;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values?: string[];
}

/** Node affinity: required terms (ORed), each a list of requirements (ANDed). */
export interface NodeAffinity {
  requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: Array<{ matchExpressions: NodeSelectorRequirement[] }> };
  preferredDuringSchedulingIgnoredDuringExecution?: Array<{ weight: number; preference: { matchExpressions: NodeSelectorRequirement[] } }>;
}

export interface Affinity {
  nodeAffinity?: NodeAffinity;
}
