import { z } from 'zod';

/**
 * The project config file `emr2k8s.config.{yaml,json}` (DESIGN §5, docs/config.md).
 * Strict: an unknown key is an error naming the key and the file.
 */
const RuleSetting = z.union([
  z.enum(['on', 'off']),
  z.tuple([z.literal('on'), z.record(z.string(), z.unknown())]),
]);

export const ProjectConfig = z
  .object({
    target: z.enum(['spark-operator']).default('spark-operator'),
    namespace: z.string().min(1).default('default'),
    serviceAccount: z.string().min(1).optional(),
    image: z
      .object({
        flavor: z.enum(['apache', 'emr']).default('apache'),
        repository: z.string().min(1).optional(),
        region: z.string().min(1).default('us-east-1'),
      })
      .strict()
      .default({ flavor: 'apache', region: 'us-east-1' }),
    scheduler: z
      .object({
        name: z.enum(['volcano', 'yunikorn']),
        queues: z.record(z.string(), z.string()).default({}),
      })
      .strict()
      .optional(),
    rules: z.record(z.string(), RuleSetting).default({}),
  })
  .strict();
export type ProjectConfig = z.infer<typeof ProjectConfig>;

/** The config used when there is no config file. */
export function defaultProjectConfig(): ProjectConfig {
  return ProjectConfig.parse({});
}
