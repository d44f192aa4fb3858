import type { z } from 'zod';
import { lazy, zod } from '../../model/zod.js';

/**
 * The StartJobRun request of EMR on EKS as emr2k8s writes it, with the service's limits
 * (https://docs.aws.amazon.com/emr-on-eks/latest/APIReference/API_StartJobRun.html and the
 * shapes of the API model, `emr-containers-2020-10-01`: ResourceNameString, ReleaseLabel,
 * IAMRoleArn, EntryPointPath, EntryPointArgument, SparkSubmitParameters, SparkSqlParameters,
 * Configuration, SensitivePropertiesMap, TagMap, UriString). Checked before a file is written,
 * so a request that the API would reject is an error on its job instead.
 *
 * `clientToken` is required by the API but filled in by the AWS CLI and SDKs (an idempotency
 * token), so files leave it out and stay byte-identical from run to run.
 */

/** Written when the config has no `emrOnEks.virtualClusterId`: visible, and refused by the API until replaced. */
export const VIRTUAL_CLUSTER_PLACEHOLDER = '${EMR_ON_EKS_VIRTUAL_CLUSTER_ID}';
/** Written when the config has no `emrOnEks.executionRoleArn`. */
export const EXECUTION_ROLE_PLACEHOLDER = '${EMR_ON_EKS_EXECUTION_ROLE_ARN}';

/** The model's `.*\S.*`: at least one non-blank character, on one line (Java's `.` stops at line ends). */
const NOT_BLANK = /^.*\S.*$/;

/** One classification, nested ones included (ConfigurationList: at most 100). */
export interface ConfigurationShape {
  classification: string;
  properties?: Record<string, string>;
  configurations?: ConfigurationShape[];
}

/** The request's schema, built on first use (src/model/zod.ts): only runs with this target need zod. */
export const startJobRunSchema = lazy(() => {
  const z = zod();
  const text = (max: number) => z.string().min(1).max(max).regex(NOT_BLANK, 'must contain a non-blank character and no line break');

  const ResourceName = z.string().min(1).max(64).regex(/^[.\-_/#A-Za-z0-9]+$/, 'only letters, digits and . - _ / #');
  const ResourceId = z.string().min(1).max(64).regex(/^[0-9a-z]+$/, 'only lowercase letters and digits');
  const ReleaseLabel = z.string().min(1).max(64).regex(/^[.\-_/A-Za-z0-9]+$/, 'only letters, digits and . - _ /');
  const IamRoleArn = z
    .string()
    .min(20)
    .max(2048)
    .regex(/^arn:(aws[a-zA-Z0-9-]*):iam::(\d{12})?:(role((\u002F)|(\u002F[\u0021-\u007F]+\u002F))[\w+=,.@-]+)$/, 'expected an IAM role ARN');

  /** A property map of one classification: at most 100 entries, keys and values 1–1024 characters. */
  const Properties = z
    .record(text(1024), text(1024))
    .refine((p) => Object.keys(p).length <= 100, 'at most 100 properties per classification');

  const Configuration: z.ZodType<ConfigurationShape> = z.lazy(() =>
    z
      .object({
        classification: text(1024),
        properties: Properties.optional(),
        configurations: z.array(Configuration).max(100).optional(),
      })
      .strict(),
  );

  const SparkSubmitJobDriver = z
    .object({
      entryPoint: text(256),
      entryPointArguments: z.array(text(10280)).optional(),
      sparkSubmitParameters: text(102400).optional(),
    })
    .strict();

  const SparkSqlJobDriver = z
    .object({
      entryPoint: text(256),
      sparkSqlParameters: text(102400).optional(),
    })
    .strict();

  const Tags = z
    .record(text(128), z.string().max(256))
    .refine((t) => Object.keys(t).length <= 50, 'at most 50 tags');

  const StartJobRunRequest = z
    .object({
      name: ResourceName,
      virtualClusterId: z.union([z.literal(VIRTUAL_CLUSTER_PLACEHOLDER), ResourceId]),
      executionRoleArn: z.union([z.literal(EXECUTION_ROLE_PLACEHOLDER), IamRoleArn]),
      releaseLabel: ReleaseLabel,
      jobDriver: z
        .object({ sparkSubmitJobDriver: SparkSubmitJobDriver.optional(), sparkSqlJobDriver: SparkSqlJobDriver.optional() })
        .strict()
        .refine((d) => (d.sparkSubmitJobDriver === undefined) !== (d.sparkSqlJobDriver === undefined), 'exactly one job driver'),
      configurationOverrides: z
        .object({
          applicationConfiguration: z.array(Configuration).max(100).optional(),
          monitoringConfiguration: z
            .object({ s3MonitoringConfiguration: z.object({ logUri: z.string().min(1).max(10280) }).strict().optional() })
            .strict()
            .optional(),
        })
        .strict()
        .optional(),
      tags: Tags.optional(),
      retryPolicyConfiguration: z.object({ maxAttempts: z.number().int().min(1) }).strict().optional(),
    })
    .strict();
  return StartJobRunRequest;
});
export type StartJobRunRequest = z.infer<ReturnType<typeof startJobRunSchema>>;

/** Every violation as `path: message`, or none. */
export function checkStartJobRun(request: unknown): string[] {
  const parsed = startJobRunSchema().safeParse(request);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(request)'}: ${i.message}`);
}
