import { parseKubeQuantity } from '../diff/kube-quantity.js';

/**
 * Kubernetes CPU and memory quantities as whole millicores and MiB, the units every packing
 * figure uses. Both round down: a node offers no more than it says, and a fraction of a MiB or
 * millicore cannot hold a pod.
 */

/** Millicores of a CPU quantity (`2`, `0.5`, `500m`, `1.5`), or undefined if it is not one. */
export function cpuMillicores(quantity: string): number | undefined {
  const exact = parseKubeQuantity(quantity.trim());
  if (exact === undefined || exact.numerator < 0n) return undefined;
  return Number((exact.numerator * 1000n) / exact.denominator);
}

/** MiB of a memory quantity (`512Mi`, `60164544Ki`, `64G`, a byte count), or undefined if it is not one. */
export function memoryMiB(quantity: string): number | undefined {
  const exact = parseKubeQuantity(quantity.trim());
  if (exact === undefined || exact.numerator < 0n) return undefined;
  return Number(exact.numerator / (exact.denominator * 1048576n));
}
