import { describe, expect, it } from 'vitest';
import { checkStartJobRun, EXECUTION_ROLE_PLACEHOLDER, VIRTUAL_CLUSTER_PLACEHOLDER } from './start-job-run-schema.js';

const VALID = {
  name: 'daily-orders',
  virtualClusterId: 'abcdefghij1234567890klmno',
  executionRoleArn: 'arn:aws:iam::123456789012:role/emr-eks-job',
  releaseLabel: 'emr-7.13.0-latest',
  jobDriver: { sparkSubmitJobDriver: { entryPoint: 's3://b/app.jar', entryPointArguments: ['--date', '2026-01-01'], sparkSubmitParameters: '--class a.B' } },
  configurationOverrides: {
    applicationConfiguration: [{ classification: 'spark-defaults', properties: { 'spark.executor.memory': '4g' } }],
    monitoringConfiguration: { s3MonitoringConfiguration: { logUri: 's3://logs/' } },
  },
  tags: { team: 'etl' },
  retryPolicyConfiguration: { maxAttempts: 2 },
};

describe('checkStartJobRun', () => {
  it('accepts a request within every limit, and the placeholders', () => {
    expect(checkStartJobRun(VALID)).toEqual([]);
    expect(checkStartJobRun({ ...VALID, virtualClusterId: VIRTUAL_CLUSTER_PLACEHOLDER, executionRoleArn: EXECUTION_ROLE_PLACEHOLDER })).toEqual([]);
  });

  it('holds the API limits at their exact bounds', () => {
    const driver = (entryPoint: string, arg: string, params: string) => ({ ...VALID, jobDriver: { sparkSubmitJobDriver: { entryPoint, entryPointArguments: [arg], sparkSubmitParameters: params } } });
    expect(checkStartJobRun(driver('e'.repeat(256), 'a'.repeat(10280), 'p'.repeat(102400)))).toEqual([]);
    expect(checkStartJobRun(driver('e'.repeat(257), 'a'.repeat(10281), 'p'.repeat(102401))).map((e) => e.split(':')[0])).toEqual([
      'jobDriver.sparkSubmitJobDriver.entryPoint',
      'jobDriver.sparkSubmitJobDriver.entryPointArguments.0',
      'jobDriver.sparkSubmitJobDriver.sparkSubmitParameters',
    ]);
    expect(checkStartJobRun({ ...VALID, name: 'n'.repeat(65) })).toHaveLength(1);
  });

  it('rejects what the API model rejects', () => {
    const props = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v']));
    const cases: unknown[] = [
      { ...VALID, name: 'has space' },
      { ...VALID, virtualClusterId: 'UPPER' },
      { ...VALID, executionRoleArn: 'arn:aws:iam::123:user/x' },
      { ...VALID, jobDriver: {} },
      { ...VALID, configurationOverrides: { applicationConfiguration: [{ classification: 'spark-defaults', properties: props }] } },
      { ...VALID, configurationOverrides: { applicationConfiguration: [{ classification: 'spark-defaults', properties: { k: 'v'.repeat(1025) } }] } },
      { ...VALID, jobDriver: { sparkSubmitJobDriver: { entryPoint: 's3://b/a.jar', entryPointArguments: [''] } } },
      { ...VALID, retryPolicyConfiguration: { maxAttempts: 0 } },
      { ...VALID, tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'v'])) },
      { ...VALID, clientToken: 'not written by emr2k8s' },
    ];
    for (const request of cases) expect(checkStartJobRun(request), JSON.stringify(request).slice(0, 120)).not.toEqual([]);
  });
});
