import type { z } from 'zod';
import { lazy, zod } from '../../model/zod.js';

/**
 * The fields of a Karpenter `karpenter.sh/v1` NodePool that emr2k8s writes, checked structurally
 * before the file is written. There is no copy of Karpenter's CRD in this repository, so this is
 * a small schema of our own, following the CRD's validation rules for these fields
 * (kubernetes-sigs/karpenter `pkg/apis/crds/karpenter.sh_nodepools.yaml`, v1): patterns of
 * durations and quantities, the requirement operators, and the label domains a requirement may
 * not use. Strict: a field we do not know is an error too.
 */
/** Keys in the restricted `kubernetes.io` domain that the CRD still allows in requirements. */
const ALLOWED_KUBERNETES_IO = new Set([
  'beta.kubernetes.io/instance-type',
  'failure-domain.beta.kubernetes.io/region',
  'beta.kubernetes.io/os',
  'beta.kubernetes.io/arch',
  'failure-domain.beta.kubernetes.io/zone',
  'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region',
  'node.kubernetes.io/instance-type',
  'kubernetes.io/arch',
  'kubernetes.io/os',
  'node.kubernetes.io/windows-build',
]);

/** The CRD's CEL rules on requirement keys: restricted label domains. */
function allowedRequirementKey(key: string): boolean {
  const domain = key.includes('/') ? key.slice(0, key.indexOf('/')) : '';
  if (domain.endsWith('kubernetes.io') && !ALLOWED_KUBERNETES_IO.has(key) && !domain.endsWith('node.kubernetes.io') && !domain.endsWith('node-restriction.kubernetes.io')) return false;
  if (domain.endsWith('k8s.io') && !domain.endsWith('kops.k8s.io')) return false;
  if (domain.endsWith('karpenter.sh') && key !== 'karpenter.sh/capacity-type') return false;
  return key !== 'kubernetes.io/hostname';
}

/** The schema, built on first use (src/model/zod.ts): only runs that write NodePools need zod. */
export const nodePoolSchema = lazy(() => {
  const z = zod();
  const Duration = z.string().regex(/^(([0-9]+(s|m|h))+|Never)$/, 'expected a duration such as 5m or 720h, or Never');
  const Quantity = z.string().regex(/^(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE])?$/, 'expected a resource quantity such as 64 or 256Gi');
  const DnsLabel = z.string().max(63).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'expected a DNS label of at most 63 characters');
  const LabelKey = z
    .string()
    .max(316)
    .regex(/^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/, 'expected a label key');
  const LabelValue = z.string().max(63).regex(/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/, 'expected a label value');

  const Requirement = z
    .object({
      key: LabelKey.refine(allowedRequirementKey, 'label domain is restricted for NodePool requirements'),
      operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']),
      values: z.array(z.string().min(1)).min(1).optional(),
    })
    .strict()
    .refine((r) => (r.operator === 'In' ? (r.values?.length ?? 0) > 0 : true), 'operator In needs at least one value');

  const NodePoolManifest = z
    .object({
      apiVersion: z.literal('karpenter.sh/v1'),
      kind: z.literal('NodePool'),
      metadata: z
        .object({
          name: DnsLabel,
          labels: z.record(LabelKey, LabelValue).optional(),
          annotations: z.record(LabelKey, z.string()).optional(),
        })
        .strict(),
      spec: z
        .object({
          template: z
            .object({
              spec: z
                .object({
                  nodeClassRef: z.object({ group: z.string().min(1), kind: z.string().min(1), name: z.string().min(1) }).strict(),
                  requirements: z.array(Requirement).max(100),
                  expireAfter: Duration,
                })
                .strict(),
            })
            .strict(),
          limits: z.object({ cpu: Quantity, memory: Quantity }).strict().optional(),
          disruption: z
            .object({
              consolidationPolicy: z.enum(['WhenEmpty', 'WhenEmptyOrUnderutilized']),
              consolidateAfter: Duration,
            })
            .strict(),
        })
        .strict(),
    })
    .strict();
  return NodePoolManifest;
});
export type NodePoolManifest = z.infer<ReturnType<typeof nodePoolSchema>>;

/** Problems of a NodePool as `path: message` lines; empty when it is valid. */
export function nodePoolProblems(manifest: unknown): string[] {
  const result = nodePoolSchema().safeParse(manifest);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}
