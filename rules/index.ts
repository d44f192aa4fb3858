import type { Rule } from '../src/rule-api.js';

/** Every built-in rule, in the order they run (fallback rules run last whatever their place). */
export const allRules: Rule[] = [];
