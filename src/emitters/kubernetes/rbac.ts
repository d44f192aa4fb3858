import { posix } from 'node:path';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { JobPlan } from '../../model/job-plan.js';
import { compareStrings } from '../../model/order.js';
import { validateCoreObject } from '../../validate/validate-core.js';
import type { EmitResult } from '../emitted-file.js';
import type { EmitContext } from '../emitter.js';
import { toYaml } from '../yaml-writer.js';

/** Marks every object emr2k8s writes (Kubernetes recommended labels). */
export const MANAGED_BY_LABELS: Readonly<Record<string, string>> = { 'app.kubernetes.io/managed-by': 'emr2k8s' };

/**
 * The ServiceAccount annotation that EKS's pod identity webhook turns into `AWS_ROLE_ARN` and
 * `AWS_WEB_IDENTITY_TOKEN_FILE` in every pod using the account (IRSA, facts §10,
 * https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html).
 */
export const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';

/** The file, in each namespace folder, that holds the service accounts and their RBAC. */
export const RBAC_FILE_NAME = 'spark-rbac.yaml';

/**
 * What the Spark driver does through the Kubernetes API: it creates, watches, lists and deletes
 * its executor pods (deleting them by label selector, hence `deletecollection`), creates its
 * headless service and the executor ConfigMap, creates and reuses on-demand PVCs, and patches
 * executor pods when it decommissions them (facts §6). These are the rules the Spark Operator
 * Helm chart gives its Spark service account
 * (kubeflow/spark-operator `charts/spark-operator-chart/templates/spark/rbac.yaml`), so a job
 * behaves the same whichever of the two accounts it runs under.
 */
export const SPARK_DRIVER_RULES = [
  {
    apiGroups: [''],
    resources: ['pods', 'configmaps', 'persistentvolumeclaims', 'services'],
    verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'],
  },
] as const;

/** The Role and RoleBinding of a service account: named after it, so several accounts can share a namespace. */
export function sparkRoleName(serviceAccountName: string): string {
  return `${serviceAccountName}-driver`;
}

/**
 * The objects a Spark driver needs to run under `serviceAccountName` in `namespace`: the
 * ServiceAccount (annotated with the IAM role for IRSA when one is given), a Role with
 * {@link SPARK_DRIVER_RULES} and the RoleBinding between them. Plain objects in the key
 * order they are written in; validate them with `validateCoreObject` before writing.
 * Spark settings: `spark.kubernetes.authenticate.driver.serviceAccountName` (and
 * `…executor.serviceAccountName`, 3.1+), https://spark.apache.org/docs/latest/running-on-kubernetes.html#rbac.
 */
export function sparkServiceAccountObjects(namespace: string, serviceAccountName: string, iamRoleArn?: string): Record<string, unknown>[] {
  const roleName = sparkRoleName(serviceAccountName);
  const labels = { ...MANAGED_BY_LABELS };
  return [
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: serviceAccountName,
        namespace,
        labels,
        ...(iamRoleArn !== undefined && { annotations: { [IRSA_ANNOTATION]: iamRoleArn } }),
      },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: roleName, namespace, labels },
      rules: SPARK_DRIVER_RULES.map((r) => ({ apiGroups: [...r.apiGroups], resources: [...r.resources], verbs: [...r.verbs] })),
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: roleName, namespace, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: roleName },
      subjects: [{ kind: 'ServiceAccount', name: serviceAccountName, namespace }],
    },
  ];
}

/** The service accounts the plans run under, by namespace, both in name order. */
function accountsByNamespace(plans: readonly JobPlan[]): Map<string, Map<string, JobPlan[]>> {
  const byNamespace = new Map<string, Map<string, JobPlan[]>>();
  const sorted = plans.filter((p) => p.status === 'converted' && p.serviceAccount !== undefined);
  sorted.sort((a, b) => compareStrings(a.namespace, b.namespace) || compareStrings(a.serviceAccount!, b.serviceAccount!) || compareStrings(a.jobId, b.jobId));
  for (const plan of sorted) {
    const accounts = byNamespace.get(plan.namespace) ?? new Map<string, JobPlan[]>();
    byNamespace.set(plan.namespace, accounts);
    const jobs = accounts.get(plan.serviceAccount!) ?? [];
    accounts.set(plan.serviceAccount!, jobs);
    jobs.push(plan);
  }
  return byNamespace;
}

/**
 * `<outRoot>/<namespace>/spark-rbac.yaml` for every namespace the converted plans run in: the
 * objects of {@link sparkServiceAccountObjects} for each service account used there. When one
 * of an account's objects fails validation none of them is written, and every job that runs
 * under the account gets an `invalid-manifest` error (it could not start).
 */
export function emitSparkRbac(plans: readonly JobPlan[], options: { outRoot: string; iamRoleArn?: string }): EmitResult {
  const result: EmitResult = { files: [], diagnostics: [] };
  for (const [namespace, accounts] of accountsByNamespace(plans)) {
    const objects: Record<string, unknown>[] = [];
    for (const [account, jobs] of accounts) {
      const built = sparkServiceAccountObjects(namespace, account, options.iamRoleArn);
      const problems = built.flatMap((obj) => {
        const { errors } = validateCoreObject(obj);
        return errors.length === 0 ? [] : [`${String(obj.kind)} ${namespace}/${(obj.metadata as { name: string }).name}: ${errors.join('; ')}`];
      });
      // All or nothing: a ServiceAccount without its Role would let the driver start and then fail.
      if (problems.length === 0) {
        objects.push(...built);
        continue;
      }
      for (const job of jobs) {
        result.diagnostics.push({
          code: 'invalid-manifest',
          severity: 'error',
          message: `the service account ${namespace}/${account} and its RBAC are not valid Kubernetes objects, so they were not written: ${problems.join('; ')}`,
          jobId: job.jobId,
          refs: [],
          hint: 'Choose a shorter service account name (config `serviceAccount`).',
        });
      }
    }
    if (objects.length > 0) result.files.push({ path: posix.join(options.outRoot, namespace, RBAC_FILE_NAME), content: toYaml(objects), kind: 'manifest' });
  }
  return result;
}

/** Whether a plan reads or writes S3: an `s3://`, `s3a://` or `s3n://` location anywhere in what it runs. */
function usesS3(plan: JobPlan): boolean {
  const values = [plan.mainApplicationFile ?? '', ...plan.arguments, ...Object.values(plan.deps).flat(), ...Object.values(plan.sparkConf), ...Object.values(plan.hadoopConf)];
  return values.some((v) => /\bs3[an]?:\/\//i.test(v));
}

/**
 * Once per batch, not per job: without `iamRoleArn` the generated service accounts carry no
 * IRSA annotation, so S3 calls from pods get no web-identity credentials and fall back to the
 * node's instance role (or fail). Only said when a converted job touches S3.
 */
export function missingIrsaRoleDiagnostic(plans: readonly JobPlan[], iamRoleArn: string | undefined): Diagnostic[] {
  if (iamRoleArn !== undefined) return [];
  const s3Jobs = plans.filter((p) => p.status === 'converted' && usesS3(p)).length;
  if (s3Jobs === 0) return [];
  return [
    {
      code: 'irsa-role-missing',
      severity: 'info',
      message: `${s3Jobs === 1 ? '1 job uses' : `${s3Jobs} jobs use`} S3, but the project config has no iamRoleArn: the generated ServiceAccounts have no ${IRSA_ANNOTATION} annotation, so IRSA gives the pods no role; S3 calls fail or fall back to the node's instance role`,
      refs: ['config/iamRoleArn'],
      hint: 'Set iamRoleArn in emr2k8s.config.yaml to an IAM role whose trust policy allows the service account, or associate a role with it through EKS Pod Identity (docs/targets/spark-operator.md#irsa).',
    },
  ];
}

/**
 * The batch half of both Kubernetes targets: the service account and RBAC of every namespace
 * the written jobs run in, and the IRSA finding. Only written jobs count: a job whose manifest
 * failed validation runs nowhere.
 */
export function emitServiceAccounts(written: readonly JobPlan[], context: Pick<EmitContext, 'config' | 'outRoot'>): EmitResult {
  const { iamRoleArn } = context.config;
  const rbac = emitSparkRbac(written, { outRoot: context.outRoot, ...(iamRoleArn !== undefined && { iamRoleArn }) });
  return { files: rbac.files, diagnostics: [...rbac.diagnostics, ...missingIrsaRoleDiagnostic(written, iamRoleArn)] };
}
