import type { InstanceTypeFacts } from '../model/spark-job.js';

/**
 * What an EKS node of an EC2 instance type offers to pods (facts §9), with the formulas of the
 * EKS AMI's kubelet configuration (awslabs/amazon-eks-ami `nodeadm/internal/kubelet/config.go`
 * `getMemoryMebibytesToReserve`, `getCPUMillicoresToReserve`, `defaultKubeletSubConfig`).
 */

/** The kubelet's default maxPods when the ENI table does not know the type (EKS-AMI `eni_max_pods.go`). */
export const FALLBACK_MAX_PODS = 110;

/** `evictionHard: memory.available<100Mi` of the EKS AMI's kubelet config. */
export const EVICTION_HARD_MEMORY_MIB = 100;

/**
 * Families whose ENI-based maxPods follows one ladder (facts §9, EKS-AMI
 * `nodeadm/internal/kubelet/instance-info.jsonl`): large 29; xlarge and 2xlarge 58;
 * 4xlarge to 12xlarge 234; 16xlarge and up 737.
 */
const LADDER_FAMILIES = new Set([
  'm5', 'm5d', 'm6i', 'm7i', 'm6a', 'm6g', 'm7g',
  'r5', 'r5d', 'r6i', 'r6g', 'r7g',
  'c5', 'c6i', 'c6g', 'c7g',
  'i3',
]);

/** Types whose maxPods is off the ladder (facts §9). */
const EXCEPTIONS: Record<string, number> = { 'i4i.24xlarge': 437 };

function ladderMaxPods(size: string): number | undefined {
  if (size === 'large') return 29;
  const m = /^(\d*)xlarge$/.exec(size);
  if (!m) return undefined;
  const n = m[1] === '' ? 1 : Number(m[1]);
  if (n <= 2) return 58;
  // c5.9xlarge sits in the 234 band and c5.18xlarge in the 737 band, like their neighbours.
  if (n >= 4 && n <= 12) return 234;
  if (n >= 16) return 737;
  return undefined;
}

/**
 * ENI-based maxPods of an instance type: `ENIs × (IPv4 per ENI − 1) + 2`, as the EKS AMI's
 * table gives it for the families facts §9 lists; {@link FALLBACK_MAX_PODS} for any other type.
 */
export function maxPods(instanceType: string): number {
  const type = instanceType.trim();
  const exception = EXCEPTIONS[type];
  if (exception !== undefined) return exception;
  const [family = '', size = ''] = type.split('.');
  if (!LADDER_FAMILIES.has(family)) return FALLBACK_MAX_PODS;
  return ladderMaxPods(size) ?? FALLBACK_MAX_PODS;
}

/** kube-reserved memory of the EKS AMI: `11 × maxPods + 255` MiB. */
export function kubeReservedMemoryMiB(pods: number): number {
  return 11 * pods + 255;
}

/**
 * kube-reserved CPU of the EKS AMI in millicores: 6% of the first core, 1% of the second,
 * 0.5% of cores 3–4 and 0.25% of every further core, each band rounded down as the AMI's
 * integer arithmetic does (m5.2xlarge: 60 + 10 + 10 + 10 = 90m).
 */
export function kubeReservedCpuMilli(vcpu: number): number {
  const total = vcpu * 1000;
  const bands: Array<[start: number, end: number, per10000: number]> = [
    [0, 1000, 600],
    [1000, 2000, 100],
    [2000, 4000, 50],
    [4000, Math.max(total, 4000), 25],
  ];
  let reserved = 0;
  for (const [start, end, per10000] of bands) {
    if (total <= start) continue;
    reserved += Math.floor(((Math.min(total, end) - start) * per10000) / 10000);
  }
  return reserved;
}

/** CPU, memory and pod slots a node gives to pods. */
export interface EksAllocatable {
  cpuMilli: number;
  memoryMiB: number;
  maxPods: number;
}

/**
 * Node allocatable on EKS = capacity − kube-reserved − evictionHard (facts §9), computed from the
 * type's nominal vCPU and memory. The kubelet's real memory capacity is a bit lower than the
 * nominal GiB (kernel and firmware take their share), so these figures are an upper bound:
 * measured values (`kubectl get node -o jsonpath='{.status.allocatable}'`) should win, and a
 * config override for them is planned (issue 5). DaemonSet requests are not subtracted here.
 */
export function eksAllocatable(type: InstanceTypeFacts): EksAllocatable {
  const pods = maxPods(type.type);
  return {
    cpuMilli: type.vcpu * 1000 - kubeReservedCpuMilli(type.vcpu),
    memoryMiB: type.memoryMiB - kubeReservedMemoryMiB(pods) - EVICTION_HARD_MEMORY_MIB,
    maxPods: pods,
  };
}
