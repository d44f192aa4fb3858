/**
 * Kubernetes resource quantities (`resource.Quantity`), read exactly as a fraction of two
 * BigInts so that `0.1` + rounding never makes two different values look equal.
 *
 * Grammar (k8s.io/apimachinery/pkg/api/resource/quantity.go):
 *   quantity ::= signedNumber suffix
 *   suffix   ::= binarySI (Ki Mi Gi Ti Pi Ei) | decimalSI (m "" k M G T P E) | decimalExponent (e|E signedInt)
 * https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */
export interface ExactQuantity {
  /** Numerator; the value is numerator / denominator. */
  numerator: bigint;
  /** Always positive. */
  denominator: bigint;
}

const QUANTITY = /^([+-]?)([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

const BINARY_POWER: Record<string, bigint> = { Ki: 10n, Mi: 20n, Gi: 30n, Ti: 40n, Pi: 50n, Ei: 60n };
const DECIMAL_POWER: Record<string, number> = { m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/**
 * The exact value of a quantity (a string, or a JSON number such as `cpu: 2` or `0.5`), or
 * undefined when Kubernetes would reject it. Kubernetes allows no spaces inside a quantity.
 */
export function parseKubeQuantity(value: unknown): ExactQuantity | undefined {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else return undefined;
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const [, sign, number, suffix] = m as unknown as [string, string, string, string | undefined];
  const [whole, fraction = ''] = number.split('.') as [string, string?];
  let numerator = BigInt(`${whole || '0'}${fraction}`) * (sign === '-' ? -1n : 1n);
  let exponent10 = -fraction.length;
  let denominator = 1n;
  if (suffix !== undefined && suffix in BINARY_POWER) numerator *= 2n ** BINARY_POWER[suffix]!;
  else if (suffix !== undefined && suffix in DECIMAL_POWER) exponent10 += DECIMAL_POWER[suffix]!;
  else if (suffix !== undefined) exponent10 += Number(suffix.slice(1));
  // An absurd exponent (1e999999) would make BigInt arithmetic hang; Kubernetes caps
  // quantities far below this too.
  if (Math.abs(exponent10) > 1000) return undefined;
  if (exponent10 >= 0) numerator *= 10n ** BigInt(exponent10);
  else denominator = 10n ** BigInt(-exponent10);
  return { numerator, denominator };
}

/** Whether two exact quantities are the same number (cross-multiplied, no division). */
export function sameQuantity(a: ExactQuantity, b: ExactQuantity): boolean {
  return a.numerator * b.denominator === b.numerator * a.denominator;
}
