import type { z } from 'zod';
import { lazy, zod } from './zod.js';

/**
 * Review decisions, saved by `emr2k8s review` and replayed by `convert --answers`
 * (docs/answers.md, docs/review.md). Keyed by stable job id (`<cluster key>/<step key>`), so an answers file
 * survives re-exports of the same clusters.
 *
 * - `sparkConf` overrides a Spark setting as the `review` layer of the job's ResolvedConf,
 *   the highest layer: the rules see it like any other input, so derived fields (pod memory,
 *   overhead, dynamic allocation) follow, and its provenance names the answer.
 * - `fields` overrides a plan field after the rules ran (`executor.coreRequest`, `namespace`,
 *   `sparkConf.spark.sql.shuffle.partitions`); its provenance is `{ override: 'review' }`.
 * - `inputHash` fingerprints the job's inputs when the answer was made: an answer whose job
 *   changed since is reported and not applied, never silently applied.
 *
 * Built on first use (src/model/zod.ts).
 */
export const jobAnswerSchema = lazy(() => {
  const z = zod();
  return z
    .object({
      decision: z.enum(['accepted', 'rejected']).optional(),
      note: z.string().optional(),
      inputHash: z.string().regex(/^[0-9a-f]{16}$/, 'expected 16 hex digits, as written by emr2k8s review'),
      sparkConf: z.record(z.string().min(1), z.string()).optional(),
      fields: z.record(z.string().min(1), z.union([z.string(), z.number(), z.boolean()])).optional(),
    })
    .strict();
});
export type JobAnswer = z.infer<ReturnType<typeof jobAnswerSchema>>;

/** The answers file's schema, built on first use (src/model/zod.ts). */
export const answersFileSchema = lazy(() => {
  const z = zod();
  return z
    .object({
      schemaVersion: z.literal(1),
      answers: z.record(z.string().min(1), jobAnswerSchema()).default({}),
    })
    .strict();
});
export type AnswersFile = z.infer<ReturnType<typeof answersFileSchema>>;

/** Answers with where each one sits in its file, so that findings about them can cite a line. */
export interface LoadedAnswers {
  file: string;
  answers: Record<string, JobAnswer>;
  /** Line (1-based) of each job's entry and of each override, keyed `<jobId>` and `<jobId>#sparkConf.<key>` / `<jobId>#fields.<path>`. */
  lines: Record<string, number>;
}

/** The SettingRef of one override in an answers file. */
export function answerRef(jobId: string, kind: 'sparkConf' | 'fields', key: string): string {
  return `answers/${jobId}/${kind}/${key}`;
}
