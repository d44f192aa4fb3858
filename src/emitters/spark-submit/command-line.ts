import type { JobPlan } from '../../model/job-plan.js';
import type { SubmitConf } from './submit-conf.js';

/**
 * The API server as seen from a pod: the `kubernetes` Service of the `default` namespace.
 * The port is written although 443 is the default: Spark's documentation asks for it
 * ("The port must always be specified", facts §6).
 */
export const IN_CLUSTER_MASTER = 'k8s://https://kubernetes.default.svc:443';

/** The dependency lists as spark-submit flags, in the Spark Operator's order (`dependenciesOption`). */
const DEP_FLAGS: ReadonlyArray<[keyof JobPlan['deps'], string]> = [
  ['jars', '--jars'],
  ['packages', '--packages'],
  ['excludePackages', '--exclude-packages'],
  ['repositories', '--repositories'],
  ['pyFiles', '--py-files'],
  ['files', '--files'],
  ['archives', '--archives'],
];

/**
 * The spark-submit arguments (without the `spark-submit` word) for a plan: master and deploy
 * mode, `--name`, `--class`, dependencies, `--proxy-user`, every setting as `--conf k=v`, then
 * the primary resource and the application arguments, verbatim (facts §1.2: everything after
 * the primary resource reaches the application untouched). The result is an exec array: each
 * element is one argument, never re-parsed by a shell, so values need no quoting.
 */
export function buildSubmitArgs(plan: JobPlan, conf: readonly SubmitConf[]): string[] {
  const args = ['--master', IN_CLUSTER_MASTER, '--deploy-mode', 'cluster', '--name', plan.name];
  if (plan.mainClass !== undefined) args.push('--class', plan.mainClass);
  for (const [field, flag] of DEP_FLAGS) {
    const list = plan.deps[field];
    if (list.length > 0) args.push(flag, list.join(','));
  }
  if (plan.proxyUser !== undefined) args.push('--proxy-user', plan.proxyUser);
  for (const { key, value } of conf) args.push('--conf', `${key}=${value}`);
  if (plan.mainApplicationFile !== undefined) args.push(plan.mainApplicationFile);
  args.push(...plan.arguments);
  return args;
}
