import { describe, expect, it } from 'vitest';
import { buildJob, checkRule, runRuleCase } from '../src/rule-api.js';
import rule from './step-properties.js';

describe('step-properties', () => {
  it('follows its table', () => {
    checkRule(rule, [
      {
        name: 'a command-runner Spark step with Properties',
        job: buildJob({ step: { key: 'step-1', properties: { 'acme.audit': 'enabled', 'acme.team': 'risk' } } }),
        messages: ['step-properties-dropped'],
        dropped: [
          ['steps/step-1/properties/acme.audit', 'not-applicable'],
          ['steps/step-1/properties/acme.team', 'not-applicable'],
        ],
      },
      { name: 'no Properties', job: buildJob(), messages: [], dropped: [] },
    ]);
  });

  it('leaves nothing unmapped and names the launcher', () => {
    const plan = runRuleCase(rule, { name: 'x', job: buildJob({ step: { key: 's-1', jar: 'command-runner.jar', properties: { 'acme.audit': 'on' } } }) });
    expect(plan.diagnostics.map((d) => d.code)).toEqual(['step-properties-dropped']);
    expect(plan.diagnostics[0]?.message).toContain('command-runner.jar');
  });
});
