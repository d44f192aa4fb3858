import type { ErrorObject } from 'ajv';

// Types of spark-application-validator.js, which `npm run build` generates
// (scripts/generate-validator.mjs) and git ignores. Written by hand so that type checking,
// which runs before the build, does not depend on it.

/** A validator compiled ahead of time by ajv's standalone code. */
export interface GeneratedValidator {
  (data: unknown): boolean;
  /** The problems the last call found, `null` when it found none. */
  errors?: ErrorObject[] | null;
}

/** Validates a SparkApplication v1beta2 (kubeflow/spark-operator v2.5.2 CRD, closed against unknown fields). */
export const validate: GeneratedValidator;
export default validate;
