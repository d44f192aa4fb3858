import { describe, expect, it } from 'vitest';
import { buildJob, checkRule, runRuleCase } from '../src/rule-api.js';
import rule from './non-spark-step.js';

describe('non-spark-step', () => {
  it('follows its table', () => {
    checkRule(rule, [
      { name: 'Hive script', job: buildJob({ kind: 'hive', step: { name: 'Hive program' } }), messages: ['unsupported-step'] },
      { name: 'Pig script', job: buildJob({ kind: 'pig', step: { name: 'Pig program' } }), messages: ['unsupported-step'] },
      { name: 'streaming', job: buildJob({ kind: 'streaming', step: { name: 'Word count' } }), messages: ['unsupported-step'] },
      { name: 's3-dist-cp', job: buildJob({ kind: 's3-dist-cp', step: { name: 'Copy logs to S3' } }), messages: ['unsupported-step'] },
      { name: 'script-runner', job: buildJob({ kind: 'script-runner', step: { name: 'Install deps' } }), messages: ['unsupported-step'] },
      { name: 'shell', job: buildJob({ kind: 'shell', step: { name: 'Cleanup' } }), messages: ['unsupported-step'] },
      { name: 'custom jar', job: buildJob({ kind: 'custom-jar', step: { name: 'Legacy MR job' } }), messages: ['unsupported-step'] },
    ]);
  });

  it('names the step and gives a kind-specific hint', () => {
    const plan = runRuleCase(rule, { name: 'cp', job: buildJob({ kind: 's3-dist-cp', step: { id: 's-2JD8X0QF7LZ3K', key: 's-2JD8X0QF7LZ3K', name: 'Copy logs to S3' } }) });
    expect(plan.status).toBe('unsupported');
    expect(plan.diagnostics).toHaveLength(1);
    expect(plan.diagnostics[0]).toMatchObject({
      severity: 'warning',
      message: 'step "Copy logs to S3" runs an S3DistCp copy, which is not a Spark job and is not converted',
      refs: ['steps/s-2JD8X0QF7LZ3K/jar'],
      hint: expect.stringContaining('s5cmd'),
    });
  });

  it('does not run on Spark steps', () => {
    expect(runRuleCase(rule, { name: 'spark', job: buildJob() }).diagnostics).toEqual([]);
  });
});
