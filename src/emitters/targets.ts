import type { TargetId } from '../config/project-config.js';
import type { PlatformEmitter, TargetEmitter } from './emitter.js';
import { sparkOperatorTarget } from './spark-operator/index.js';

/** The emitter of each target; a target without one is refused before anything is converted. */
export const TARGET_EMITTERS: Partial<Record<TargetId, TargetEmitter>> = {
  'spark-operator': sparkOperatorTarget,
};

/** Emitters of batch-wide output, in the order they run. */
export const PLATFORM_EMITTERS: PlatformEmitter[] = [];
