import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allRules } from '../rules/index.js';
import { defaultProjectConfig } from '../src/config/project-config.js';
import { convertSnapshots } from '../src/engine/convert-batch.js';
import { resolveRules } from '../src/engine/resolve-rules.js';
import { emitReport } from '../src/emitters/report/index.js';
import { emitSparkOperator } from '../src/emitters/spark-operator/index.js';
import { importPaths } from '../src/importers/index.js';
import { ROOT, tempDir } from './support/run-cli.js';

/**
 * Bad input never crashes the pipeline (DESIGN principle 5): every fixture input, damaged at
 * random (truncated, a value swapped for another JSON type, bytes spliced in), still goes
 * through import, normalization, rules and emitters without an exception.
 */
const inputs = readdirSync(join(ROOT, 'fixtures')).flatMap((scenario) => {
  const dir = join(ROOT, 'fixtures', scenario, 'input');
  try {
    return readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile()).map((f) => join(dir, f));
  } catch {
    return [];
  }
});

const REPLACEMENTS = [null, 5, -1, 1e308, 'text', '${X}', [], {}, [1, 'a', null], { a: { b: 1 } }, true];

type Damage = { kind: 'truncate'; at: number } | { kind: 'splice'; at: number; text: string } | { kind: 'swap'; pick: number; value: number };

function damage(text: string, d: Damage): string {
  if (d.kind === 'truncate') return text.slice(0, Math.floor(d.at * text.length));
  if (d.kind === 'splice') {
    const at = Math.floor(d.at * text.length);
    return text.slice(0, at) + d.text + text.slice(at);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return `${text}\n]`;
  }
  const slots: Array<[Record<string, unknown>, string]> = [];
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object') return;
    for (const k of Object.keys(v)) {
      slots.push([v as Record<string, unknown>, k]);
      walk((v as Record<string, unknown>)[k]);
    }
  };
  walk(doc);
  const slot = slots[d.pick % Math.max(1, slots.length)];
  if (slot) slot[0][slot[1]] = structuredClone(REPLACEMENTS[d.value % REPLACEMENTS.length]);
  return JSON.stringify(doc);
}

const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.string({ maxLength: 8, unit: 'binary' }) }),
  fc.record({ kind: fc.constant('swap' as const), pick: fc.nat(), value: fc.nat() }),
);

describe('damaged inputs', () => {
  it('never throw anywhere in the pipeline', async () => {
    const rules = resolveRules(allRules, {});
    const config = defaultProjectConfig();
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: inputs.length - 1 }), damageArb, async (which, d) => {
        const source = inputs[which] as string;
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir);
        writeFileSync(join(dir, 'input.txt'), damage(readFileSync(source, 'utf8'), d));
        const imported = await importPaths([dir]);
        const batch = convertSnapshots(imported.snapshots, rules, config);
        const emitted = emitSparkOperator(batch.plans, {});
        emitReport({ plans: batch.plans, files: emitted.files, diagnostics: imported.diagnostics, inputs: [dir], toolVersion: 'test' });
        for (const d of [...imported.diagnostics, ...batch.plans.flatMap((p) => p.diagnostics)]) {
          expect(d.message).not.toMatch(/\n/);
        }
      }),
      { numRuns: 120, seed: 20261123 },
    );
  });
});
