import type { TargetId } from '../config/project-config.js';
import type { PlatformEmitter, TargetEmitter } from './emitter.js';
import { emrOnEksTarget } from './emr-on-eks/index.js';
import { imageScaffoldsEmitter } from './images/index.js';
import { nodePoolsEmitter } from './nodepools/index.js';
import { sparkOperatorTarget } from './spark-operator/index.js';
import { sparkSubmitTarget } from './spark-submit/index.js';
import { yunikornQueuesEmitter } from './yunikorn/index.js';

/** The emitter of each target; a target without one is refused before anything is converted. */
export const TARGET_EMITTERS: Partial<Record<TargetId, TargetEmitter>> = {
  'spark-operator': sparkOperatorTarget,
  'emr-on-eks': emrOnEksTarget,
  'spark-submit': sparkSubmitTarget,
};

/** Emitters of batch-wide output, in the order they run. */
export const PLATFORM_EMITTERS: PlatformEmitter[] = [nodePoolsEmitter, yunikornQueuesEmitter, imageScaffoldsEmitter];
