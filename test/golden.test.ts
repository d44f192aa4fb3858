import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { validateSparkApplication } from '../src/validate/index.js';
import { validateCoreObject } from '../src/validate/validate-core.js';
import { ROOT, readTree, runCli, tempDir } from './support/run-cli.js';

/**
 * Every scenario in fixtures/ runs through the real binary (with `--answers answers.yaml` when
 * the scenario has one); its output folder, stdout JSON and exit code must equal the reviewed
 * goldens in `expected/` byte for byte.
 * `UPDATE_GOLDEN=1 npm test` rewrites them; review the diff before committing.
 */
const FIXTURES = join(ROOT, 'fixtures');
const update = process.env.UPDATE_GOLDEN === '1';
const scenarios = readdirSync(FIXTURES).filter((d) => existsSync(join(FIXTURES, d, 'input'))).sort();

/** A scenario with an `answers.yaml` replays it, as a reviewed conversion in CI would. */
function convert(scenario: string, out: string) {
  const cwd = join(FIXTURES, scenario);
  const answers = existsSync(join(cwd, 'answers.yaml')) ? ['--answers', 'answers.yaml'] : [];
  return runCli(['convert', 'input', '--out', out, '--format', 'json', ...answers], { cwd });
}

describe('golden scenarios', () => {
  it('has at least ten scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
  });

  for (const scenario of scenarios) {
    it(`${scenario} converts to its reviewed output`, () => {
      const out = tempDir();
      const run = convert(scenario, out);
      expect(run.stderr).not.toMatch(/internal error/);
      const actual = { ...readTree(out), 'stdout.json': run.stdout.split(out).join('<out>'), 'exit-code': `${run.status}\n` };
      const expectedDir = join(FIXTURES, scenario, 'expected');
      if (update) {
        rmSync(expectedDir, { recursive: true, force: true });
        for (const [file, content] of Object.entries(actual)) {
          mkdirSync(dirname(join(expectedDir, file)), { recursive: true });
          writeFileSync(join(expectedDir, file), content);
        }
      }
      expect(actual).toEqual(readTree(expectedDir));

      // Every Kubernetes object written is valid: SparkApplications against the operator's CRD,
      // core kinds with kubernetes-models.
      for (const [file, content] of Object.entries(actual)) {
        if (!file.endsWith('.yaml') || file.endsWith('kustomization.yaml')) continue;
        for (const doc of loadAll(content) as Array<{ kind?: string; apiVersion?: string }>) {
          const result = doc.kind === 'SparkApplication' ? validateSparkApplication(doc) : validateCoreObject(doc as Record<string, unknown>);
          expect(result.errors, `${scenario}/${file} ${doc.kind}`).toEqual([]);
        }
      }
    });
  }

  it('a second run is byte-identical and leaves the output untouched', () => {
    const out = tempDir();
    const first = convert('nightly-etl', out);
    const before = readTree(out);
    const second = convert('nightly-etl', out);
    expect(second.stdout).toBe(first.stdout);
    expect(readTree(out)).toEqual(before);
  });
});
