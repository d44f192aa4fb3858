import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../rules/index.js';
import { zod } from '../src/model/zod.js';
import { buildJob, checkRuleCase } from '../src/rule-api.js';
import type { JobSpec } from '../src/rule-api.js';
import { ROOT } from './support/run-cli.js';

const ruleFiles = readdirSync(join(ROOT, 'rules'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

describe('rule registry', () => {
  it('registers every rule file exactly once, with its file name as id', () => {
    expect(allRules.map((r) => r.id).sort()).toEqual(ruleFiles);
  });

  for (const rule of allRules) {
    describe(rule.id, () => {
      if (rule.meta.options) {
        const { schema, defaults } = rule.meta.options;
        it('declares as defaults exactly what its options schema makes of {}', () => {
          // A run without options in the config gets `defaults` without loading zod.
          expect(JSON.stringify(defaults)).toBe(JSON.stringify(schema(zod()).parse({})));
        });
      }

      it('has a docs page that names every diagnostic it can report', () => {
        expect(rule.meta.docs).toBe(`docs/rules/${rule.id}.md`);
        const page = join(ROOT, rule.meta.docs);
        expect(existsSync(page)).toBe(true);
        const text = readFileSync(page, 'utf8');
        for (const code of Object.keys(rule.meta.messages)) {
          expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          expect(text, `${rule.id} docs mention ${code}`).toContain(code);
        }
      });

      it('is listed in docs/rules/README.md', () => {
        expect(readFileSync(join(ROOT, 'docs/rules/README.md'), 'utf8')).toContain(`[\`${rule.id}\`](${rule.id}.md)`);
      });

      it('runs the example of its docs page', () => {
        const text = readFileSync(join(ROOT, rule.meta.docs), 'utf8');
        const section = text.split(/^## Example\s*$/m)[1];
        const block = section?.match(/```json\n([\s\S]*?)\n```/)?.[1];
        expect(block, `${rule.meta.docs} has a json example`).toBeDefined();
        const example = JSON.parse(block ?? '{}') as { job: JobSpec; fields?: Record<string, unknown>; messages?: string[]; config?: object; options?: unknown };
        checkRuleCase(rule, { ...example, name: 'docs example', job: buildJob(example.job) });
      });
    });
  }
});
