import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { defaultProjectConfig } from '../config/project-config.js';
import { answerRef, type JobAnswer, type LoadedAnswers } from '../model/answers.js';
import type { EmrSnapshot } from '../model/emr-snapshot.js';
import { nightlyEtlCluster, step } from '../normalize/__fixtures__/snapshots.js';
import { convertSnapshots } from './convert-batch.js';
import { jobInputHash } from './job-fingerprint.js';
import { resolveRules } from './resolve-rules.js';

const ORDERS = 'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q';
const REPORT = 'j-2AXXXXXXGAPLF/s-0C7XK2M3N4P5Q';
const rules = resolveRules(allRules, {});

function snapshot(): EmrSnapshot {
  return nightlyEtlCluster([
    step({ id: 's-1K4N2D6OZ8P9Q', name: 'daily-orders-etl', args: ['spark-submit', '--deploy-mode', 'cluster', '--executor-memory', '16g', 's3://acme/etl/orders.py'] }),
    step({ id: 's-0C7XK2M3N4P5Q', name: 'daily-report', args: ['spark-submit', '--class', 'com.acme.Report', 's3://acme/report.jar'] }),
  ]);
}

/** The current fingerprints, as `emr2k8s review` would record them. */
function hashes(): Record<string, string> {
  const batch = convertSnapshots([snapshot()], rules, defaultProjectConfig());
  return Object.fromEntries(batch.jobs.map((j) => [j.id, jobInputHash(j)]));
}

function run(answers: Record<string, JobAnswer>, lines: Record<string, number> = {}) {
  const loaded: LoadedAnswers = { file: 'answers.yaml', answers, lines };
  return convertSnapshots([snapshot()], rules, defaultProjectConfig(), loaded);
}

describe('convertSnapshots with answers', () => {
  it('applies a Spark setting as the review layer, so derived fields follow it', () => {
    const before = convertSnapshots([snapshot()], rules, defaultProjectConfig());
    const hash = hashes()[ORDERS] as string;
    const batch = run({ [ORDERS]: { inputHash: hash, decision: 'accepted', sparkConf: { 'spark.executor.memory': '8g' } } }, {
      [ORDERS]: 3,
      [`${ORDERS}#sparkConf.spark.executor.memory`]: 6,
    });
    const job = batch.jobs.find((j) => j.id === ORDERS);
    const plan = batch.plans.find((p) => p.jobId === ORDERS);
    const ref = answerRef(ORDERS, 'sparkConf', 'spark.executor.memory');
    expect(job?.conf['spark.executor.memory']).toMatchObject({ value: '8g', layer: 'review', ref });
    expect(job?.conf['spark.executor.memory']?.shadowed.at(-1)).toMatchObject({ value: '16g', layer: 'flag' });
    expect(job?.locations[ref]).toEqual({ file: 'answers.yaml', line: 6 });
    expect(plan?.executor.memory).toBe('8192m');
    const oldPlan = before.plans.find((p) => p.jobId === ORDERS);
    expect(plan?.executor.memoryOverhead).not.toBe(oldPlan?.executor.memoryOverhead);
    expect(plan?.provenance['executor.memoryOverhead']).toMatchObject({ rule: 'executor-resources', from: expect.arrayContaining([ref]) });
    expect(plan?.review).toEqual({ decision: 'accepted', overrides: 1 });
    expect(plan?.status).toBe('converted');
    // The answered job keeps its fingerprint: the review layer is not input.
    expect(jobInputHash(job!)).toBe(hash);
  });

  it('writes plan fields after the rules with review provenance', () => {
    const batch = run({
      [REPORT]: { inputHash: hashes()[REPORT] as string, fields: { 'executor.coreRequest': '3500m', 'executor.instances': 4, 'driver.env.TZ': 'UTC' } },
    });
    const plan = batch.plans.find((p) => p.jobId === REPORT);
    expect(plan?.executor.coreRequest).toBe('3500m');
    expect(plan?.executor.instances).toBe(4);
    expect(plan?.driver.env.TZ).toEqual({ value: 'UTC' });
    expect(plan?.provenance['executor.coreRequest']).toEqual({ override: 'review', from: [answerRef(REPORT, 'fields', 'executor.coreRequest')] });
    expect(plan?.review).toEqual({ overrides: 3 });
  });

  it('records a rejection with its note', () => {
    const batch = run({ [REPORT]: { inputHash: hashes()[REPORT] as string, decision: 'rejected', note: 'stays on EMR' } });
    expect(batch.plans.find((p) => p.jobId === REPORT)?.review).toEqual({ decision: 'rejected', note: 'stays on EMR', overrides: 0 });
  });

  it('applies nothing of a stale answer and says so on the job', () => {
    const batch = run(
      { [ORDERS]: { inputHash: '0123456789abcdef', decision: 'rejected', sparkConf: { 'spark.executor.memory': '8g' }, fields: { namespace: 'etl' } } },
      { [ORDERS]: 3 },
    );
    const plan = batch.plans.find((p) => p.jobId === ORDERS);
    expect(plan?.review).toBeUndefined();
    expect(plan?.executor.memory).toBe('16384m');
    expect(plan?.namespace).toBe('default');
    expect(plan?.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'answer-stale', severity: 'warning', location: { file: 'answers.yaml', line: 3 }, hint: expect.stringMatching(/[Rr]eview the job again/) }),
    );
    expect(batch.jobs.find((j) => j.id === ORDERS)?.conf['spark.executor.memory']?.layer).toBe('flag');
  });

  it('reports answers for jobs not in the batch, naming the id, file and line', () => {
    const batch = run({ 'j-OTHER/s-1': { inputHash: '0123456789abcdef' } }, { 'j-OTHER/s-1': 9 });
    expect(batch.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'answer-unknown-job', severity: 'warning', message: expect.stringContaining('j-OTHER/s-1'), location: { file: 'answers.yaml', line: 9 } }),
    );
    expect(batch.plans.every((p) => p.review === undefined)).toBe(true);
  });

  it('makes the job an error for an invalid override and applies none of the answer', () => {
    const batch = run(
      { [ORDERS]: { inputHash: hashes()[ORDERS] as string, decision: 'accepted', sparkConf: { 'spark.executor.memory': '8g' }, fields: { 'executor.cores': 'many' } } },
      { [`${ORDERS}#fields.executor.cores`]: 7 },
    );
    const plan = batch.plans.find((p) => p.jobId === ORDERS);
    expect(plan?.status).toBe('error');
    expect(plan?.review).toBeUndefined();
    expect(plan?.executor.memory).toBe('16384m');
    expect(plan?.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'answer-invalid-override', severity: 'error', location: { file: 'answers.yaml', line: 7 }, message: expect.stringContaining('fields.executor.cores') }),
    );
    expect(batch.plans.find((p) => p.jobId === REPORT)?.status).toBe('converted');
  });

  it('refuses a review name that another job already has', () => {
    const other = convertSnapshots([snapshot()], rules, defaultProjectConfig()).plans.find((p) => p.jobId === REPORT);
    const batch = run({ [ORDERS]: { inputHash: hashes()[ORDERS] as string, fields: { name: other?.name as string } } });
    const plan = batch.plans.find((p) => p.jobId === ORDERS);
    expect(plan?.status).toBe('error');
    expect(plan?.diagnostics.map((d) => d.code)).toContain('answer-invalid-override');
    expect(batch.plans.find((p) => p.jobId === REPORT)?.status).toBe('converted');
  });

  it('gives the same plans without answers as before', () => {
    const plain = convertSnapshots([snapshot()], rules, defaultProjectConfig());
    expect(run({})).toEqual(plain);
  });
});
