import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../../rules/index.js';
import { defaultProjectConfig } from '../../config/project-config.js';
import { convertSnapshots } from '../../engine/convert-batch.js';
import { resolveRules } from '../../engine/resolve-rules.js';
import { emrCliImporter } from '../emr-cli/index.js';
import { runJobFlowImporter } from '../run-job-flow/index.js';
import { parseText } from '../shared/parse-document.js';
import { terraformImporter } from '../terraform/index.js';
import type { Importer } from '../types.js';
import { stepFunctionsImporter } from './index.js';

/** A local list in the order the registry is meant to use; the global one is not touched here. */
const IMPORTERS: readonly Importer[] = [emrCliImporter, runJobFlowImporter, stepFunctionsImporter, terraformImporter];

function convertScenario(scenario: string, file: string) {
  const path = `fixtures/${scenario}/input/${file}`;
  const text = readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
  const { document } = parseText(path, text);
  const head = { text: text.slice(0, 4096), ...(document && { document }) };
  const importer = IMPORTERS.find((i) => i.detect(path, head));
  const out = importer!.import({ file: path, text, ...(document && { document }) }, { stepIndexBase: 0 });
  return { importer: importer!.id, ...convertSnapshots(out.snapshots, resolveRules(allRules, {}), defaultProjectConfig()) };
}

const placeholderMessages = (plans: ReturnType<typeof convertScenario>['plans']) =>
  plans.flatMap((p) => p.diagnostics.filter((d) => d.code === 'placeholder-kept').map((d) => d.message));

describe('end to end through normalization and rules', () => {
  it('converts the Step Functions pipeline and reports the Args.$ placeholder at the state machine line', () => {
    const run = convertScenario('step-functions-pipeline', 'state-machine.asl.json');
    expect(run.importer).toBe('step-functions');
    // The second step's whole argument list is computed at run time: nothing says it is spark-submit.
    expect(run.plans.map((p) => [p.jobId.split('/').at(-1), p.status])).toEqual([
      ['step-1', 'converted'],
      ['step-2', 'unsupported'],
    ]);
    const exportJob = run.plans.find((p) => p.jobId.endsWith('step-2'))!;
    const placeholder = exportJob.diagnostics.find((d) => d.code === 'placeholder-kept');
    expect(placeholder).toBeDefined();
    expect(placeholderMessages([exportJob]).join('\n')).toContain('${$.exportArgs}');
    const job = run.jobs.find((j) => j.id === exportJob.jobId)!;
    const text = readFileSync(new URL('../../../fixtures/step-functions-pipeline/input/state-machine.asl.json', import.meta.url), 'utf8');
    const line = job.locations[placeholder!.refs[0]!]!.line!;
    expect(text.split('\n')[line - 1]).toContain('"Args.$": "$.exportArgs"');
  });

  it('converts the Terraform plan with the cluster configuration and task group', () => {
    const run = convertScenario('terraform-plan', 'plan.json');
    expect(run.importer).toBe('terraform');
    expect(run.plans.map((p) => [p.jobId, p.status])).toEqual([
      ['clickstream-nightly/step-1', 'converted'],
      ['clickstream-nightly/step-2', 'converted'],
    ]);
    expect(run.jobs[0]!.conf['spark.executor.memory']?.value).toBe('18971M');
  });
});
