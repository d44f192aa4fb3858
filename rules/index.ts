import type { Rule } from '../src/rule-api.js';
import application from './application.js';
import batchQueue from './batch-queue.js';
import driverResources from './driver-resources.js';
import dynamicAllocation from './dynamic-allocation.js';
import emrOnlySettings from './emr-only-settings.js';
import environment from './environment.js';
import executorResources from './executor-resources.js';
import hiveMetastore from './hive-metastore.js';
import jobIdentity from './job-identity.js';
import masterLocalPaths from './master-local-paths.js';
import nonSparkStep from './non-spark-step.js';
import placement from './placement.js';
import placeholders from './placeholders.js';
import restartPolicy from './restart-policy.js';
import s3Access from './s3-access.js';
import secrets from './secrets.js';
import sparkConfPassthrough from './spark-conf-passthrough.js';
import sparkImage from './spark-image.js';
import stepProperties from './step-properties.js';
import yarnSettings from './yarn-settings.js';

/**
 * Every built-in rule, in the order they run. Order only matters for reading: rules may not
 * write the same field, and fallback rules (the passthrough) run last whatever their place.
 */
export const allRules: Rule[] = [
  jobIdentity,
  application,
  sparkImage,
  executorResources,
  driverResources,
  dynamicAllocation,
  restartPolicy,
  batchQueue,
  yarnSettings,
  placement,
  emrOnlySettings,
  s3Access,
  environment,
  hiveMetastore,
  secrets,
  masterLocalPaths,
  placeholders,
  stepProperties,
  nonSparkStep,
  sparkConfPassthrough,
] as Rule[];
