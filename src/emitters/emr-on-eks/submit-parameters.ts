import type { JobPlan } from '../../model/job-plan.js';

/**
 * The spark-submit options that stay flags in `sparkSubmitParameters` (facts §1.1, §7.1 `deps`),
 * in a fixed order. Everything else is a Spark property and goes to `spark-defaults`.
 */
const LIST_FLAGS = [
  ['--jars', 'jars'],
  ['--packages', 'packages'],
  ['--repositories', 'repositories'],
  ['--exclude-packages', 'excludePackages'],
  ['--py-files', 'pyFiles'],
  ['--files', 'files'],
  ['--archives', 'archives'],
] as const;

export interface SubmitParameters {
  /** `--class com.example.Main --jars s3://…`, or undefined when there is nothing to pass. */
  text?: string;
  /** Values that cannot be written, each as `--flag value (why)`. */
  problems: string[];
}

/**
 * `sparkSubmitParameters` for a plan: the main class, the proxy user and the dependency lists
 * (comma-joined, as spark-submit reads them). EMR on EKS splits this text on spaces, so a
 * value with white space or a comma inside a list entry cannot be passed and is a problem.
 */
export function buildSubmitParameters(plan: JobPlan): SubmitParameters {
  const parts: string[] = [];
  const problems: string[] = [];
  const add = (flag: string, entries: readonly string[], list: boolean) => {
    for (const entry of entries) {
      if (/\s/.test(entry)) problems.push(`${flag} ${JSON.stringify(entry)} (contains white space, which sparkSubmitParameters cannot quote)`);
      else if (list && entry.includes(',')) problems.push(`${flag} ${JSON.stringify(entry)} (a comma inside one list entry)`);
    }
    parts.push(flag, entries.join(','));
  };
  if (plan.mainClass !== undefined) add('--class', [plan.mainClass], false);
  if (plan.proxyUser !== undefined) add('--proxy-user', [plan.proxyUser], false);
  for (const [flag, field] of LIST_FLAGS) {
    const values = plan.deps[field];
    if (values.length > 0) add(flag, values, true);
  }
  return { ...(parts.length > 0 && { text: parts.join(' ') }), problems };
}
