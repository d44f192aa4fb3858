import { fnv1a32Hex } from './_hash.js';

/**
 * Longest SparkApplication name kept without shortening: 63 (DNS-1035) minus `-ui-svc`,
 * so the UI Service name of operators before v2.1.0 still fits (facts §7.4).
 */
export const MAX_APP_NAME = 56;
const MAX_LABEL_VALUE = 63;

/**
 * A DNS-1035 label for `metadata.name` (facts §7.4, the operator's `validateName`):
 * lower-case alphanumerics and `-`, starting with a letter, ending alphanumeric, at most
 * {@link MAX_APP_NAME} characters. `[^a-z0-9-]` becomes `-` as in Spark's
 * `KubernetesConf.getResourceNamePrefix`. A name that had to be shortened ends with `-` and
 * 8 hex digits of a hash of `stableKey`, so two long names that share a prefix still differ.
 */
export function dns1035Name(text: string, stableKey: string): { name: string; shortened: boolean } {
  let name = text
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (name === '') name = 'app';
  if (!/^[a-z]/.test(name)) name = `app-${name}`;
  if (name.length <= MAX_APP_NAME) return { name, shortened: false };
  const suffix = `-${fnv1a32Hex(stableKey)}`;
  const base = name.slice(0, MAX_APP_NAME - suffix.length).replace(/-+$/, '');
  return { name: `${base}${suffix}`, shortened: true };
}

/**
 * A valid Kubernetes label value: at most 63 characters of `[A-Za-z0-9._-]`, beginning and
 * ending alphanumeric (https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set).
 */
export function labelValue(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  if (cleaned.length <= MAX_LABEL_VALUE) return cleaned;
  const suffix = `-${fnv1a32Hex(text)}`;
  return `${cleaned.slice(0, MAX_LABEL_VALUE - suffix.length).replace(/[^A-Za-z0-9]+$/, '')}${suffix}`;
}

/** The SparkApplication name of a job: its EMR step name as a DNS-1035 label, stable per job id. */
export function jobName(job: { id: string; step: { name: string } }): { name: string; shortened: boolean } {
  return dns1035Name(job.step.name, job.id);
}
