import { describe, expect, it } from 'vitest';
import { buildJob, checkRule, runRuleCase } from '../src/rule-api.js';
import type { Classification } from '../src/rule-api.js';
import rule from './restart-policy.js';

const CLUSTER = { value: 'cluster', layer: 'flag' } as const;
const rmMaxAttempts = (n: string): Classification[] => [
  { classification: 'yarn-site', properties: { 'yarn.resourcemanager.am.max-attempts': n }, configurations: [] },
];

describe('restart-policy', () => {
  it('follows its case table', () => {
    checkRule(rule, [
      {
        name: 'a client-mode step (EMR default) was never retried',
        job: buildJob({}),
        fields: { 'restartPolicy.type': 'Never', 'restartPolicy.onFailureRetries': undefined },
        messages: [],
        dropped: [],
      },
      {
        name: 'spark.yarn.maxAppAttempts in client mode did not retry the driver',
        job: buildJob({ conf: { 'spark.yarn.maxAppAttempts': { value: '3', layer: 'conf' }, 'spark.submit.deployMode': { value: 'client', layer: 'flag' } } }),
        fields: { 'restartPolicy.type': 'Never' },
        dropped: [['spark.yarn.maxAppAttempts', 'not-applicable']],
        messages: ['client-mode-no-retry'],
      },
      {
        name: 'cluster mode with the YARN default of 2 attempts: one retry',
        job: buildJob({ conf: { 'spark.submit.deployMode': CLUSTER } }),
        fields: {
          'restartPolicy.type': 'OnFailure',
          'restartPolicy.onFailureRetries': 1,
          'restartPolicy.onFailureRetryInterval': 5,
          'restartPolicy.onSubmissionFailureRetries': 1,
          'restartPolicy.onSubmissionFailureRetryInterval': 5,
        },
        messages: [],
      },
      {
        name: 'cluster mode with 4 attempts allowed by the ResourceManager: three retries',
        job: buildJob({
          conf: { 'spark.submit.deployMode': CLUSTER, 'spark.yarn.maxAppAttempts': { value: '4', layer: 'conf' } },
          classifications: rmMaxAttempts('4'),
        }),
        fields: { 'restartPolicy.type': 'OnFailure', 'restartPolicy.onFailureRetries': 3 },
        messages: [],
      },
      {
        name: "the ResourceManager's global maximum caps the application's value",
        job: buildJob({ conf: { 'spark.submit.deployMode': CLUSTER, 'spark.yarn.maxAppAttempts': '4' } }),
        fields: { 'restartPolicy.onFailureRetries': 1 },
      },
      {
        name: 'a non-positive value falls back to the global maximum',
        job: buildJob({ conf: { 'spark.submit.deployMode': CLUSTER, 'spark.yarn.maxAppAttempts': '0' }, classifications: rmMaxAttempts('3') }),
        fields: { 'restartPolicy.onFailureRetries': 2 },
      },
      {
        name: 'one attempt means no retry',
        job: buildJob({ conf: { 'spark.submit.deployMode': CLUSTER, 'spark.yarn.maxAppAttempts': { value: '1', layer: 'conf' } } }),
        fields: { 'restartPolicy.type': 'Never', 'restartPolicy.onFailureRetries': undefined },
        messages: [],
      },
      {
        name: 'an unreadable attempt count is an error',
        job: buildJob({ conf: { 'spark.submit.deployMode': CLUSTER, 'spark.yarn.maxAppAttempts': 'two' } }),
        fields: { restartPolicy: undefined },
        messages: ['invalid-value'],
      },
      {
        name: 'TERMINATE_CLUSTER chained the later steps on this one',
        job: buildJob({ step: { id: 's-1K4N2D6OZ8P9Q', name: 'nightly-sessionize', actionOnFailure: 'TERMINATE_CLUSTER' } }),
        fields: { 'restartPolicy.type': 'Never' },
        messages: ['step-chain'],
      },
      {
        name: 'CANCEL_AND_WAIT chained the later steps too; CONTINUE does not',
        job: buildJob({ step: { id: 's-2QJ7W0XKD3M8A', name: 'load-warehouse', actionOnFailure: 'CANCEL_AND_WAIT' } }),
        messages: ['step-chain'],
      },
    ]);
  });

  it('points the step-chain diagnostic at the step action', () => {
    const plan = runRuleCase(rule, {
      name: 'refs',
      job: buildJob({ step: { id: 's-1K4N2D6OZ8P9Q', actionOnFailure: 'TERMINATE_JOB_FLOW' } }),
    });
    const chain = plan.diagnostics.find((d) => d.code === 'step-chain');
    expect(chain?.refs).toEqual(['steps/s-1K4N2D6OZ8P9Q/actionOnFailure']);
    expect(chain?.message).toContain('TERMINATE_JOB_FLOW');
    expect(chain?.severity).toBe('info');
  });
});
