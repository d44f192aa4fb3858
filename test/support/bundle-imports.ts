import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * What a bundled chunk imports statically (`import … from "x"`, `export … from "x"`,
 * `import "x"`), written plainly or minified (`import{a as b}from"./x.js"`), but not dynamic
 * `import("x")`, which is how the lazily loaded commands are reached.
 */
export function staticImports(code: string): string[] {
  const pattern = /\b(?:import|export)\s*(?:\{[^}]*\}|\*\s*as\s*[\w$]+|[\w$]+(?:\s*,\s*\{[^}]*\})?|\*)\s*from\s*["']([^"']+)["']|\bimport\s*["']([^"']+)["']/g;
  return [...code.matchAll(pattern)].map((m) => (m[1] ?? m[2]) as string);
}

/** Every chunk reachable from `entry` through static imports of relative files, entry included. */
export function staticallyReachable(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) if (spec.startsWith('./')) visit(join(dirname(file), spec));
  };
  visit(entry);
  return [...seen];
}
