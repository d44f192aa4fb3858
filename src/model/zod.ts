import { createRequire } from 'node:module';
import type * as zodModule from 'zod';

export type Zod = typeof zodModule.z;

let loaded: Zod | undefined;

/**
 * zod, loaded on first use. Every schema of the project (config file, answers file, rule
 * options, EMR on EKS requests, NodePools) is built through this, when it is first needed:
 * zod's module alone cost about a sixth of a small conversion's start-up, and a conversion
 * without a config file, answers or those targets needs none of it. One instance for all.
 */
export function zod(): Zod {
  loaded ??= (createRequire(import.meta.url)('zod') as typeof zodModule).z;
  return loaded;
}

/** A value built by `make` on first call and kept: how the project's schemas are declared. */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
