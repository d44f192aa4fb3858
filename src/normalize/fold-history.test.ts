import { describe, expect, it } from 'vitest';
import { step } from './__fixtures__/snapshots.js';
import { foldedDiagnostic, foldHistory } from './fold-history.js';

const run = (id: string, index: number, createdAt: string | undefined, resource = 's3://acme-jobs/etl/daily.py') => ({
  step: step({ id, index, name: 'daily-etl', args: ['spark-submit', resource], ...(createdAt ? { createdAt } : {}) }),
  identity: ['spark', 'daily-etl', 'command-runner.jar', resource],
});

describe('foldHistory', () => {
  it('folds runs of the same job and keeps the newest by createdAt', () => {
    // ListSteps order: newest first.
    const items = [
      run('s-3C', 1, '2024-05-03T02:00:00.000Z'),
      run('s-2B', 2, '2024-05-02T02:00:00.000Z'),
      run('s-OTHER', 3, '2024-05-02T03:00:00.000Z', 's3://acme-jobs/etl/weekly.py'),
      run('s-1A', 4, '2024-05-01T02:00:00.000Z'),
    ];
    const folded = foldHistory(items);
    expect(folded.map((f) => f.item.step.id)).toEqual(['s-3C', 's-OTHER']);
    expect(folded[0]?.runs.map((r) => r.step.id)).toEqual(['s-1A', 's-2B', 's-3C']);
    expect(folded[1]?.runs).toHaveLength(1);
  });

  it('compares instants, not strings', () => {
    const folded = foldHistory([run('s-LATER', 1, '2024-05-01T10:00:00+02:00'), run('s-EARLIER', 2, '2024-05-01T07:30:00Z')]);
    expect(folded[0]?.item.step.id).toBe('s-LATER');
  });

  it('falls back to input order, later wins, when a time is missing', () => {
    const folded = foldHistory([run('s-1A', 1, '2024-05-03T02:00:00Z'), run('s-2B', 2, undefined)]);
    expect(folded[0]?.item.step.id).toBe('s-2B');
  });

  it('says how many runs were folded', () => {
    const items = [run('s-1A', 1, undefined), run('s-2B', 2, undefined)];
    const d = foldedDiagnostic('j-2AXXXXXXGAPLF/s-2B', items, items[1]!.step);
    expect(d).toMatchObject({ code: 'step-history-folded', severity: 'info', jobId: 'j-2AXXXXXXGAPLF/s-2B', refs: ['steps/s-1A/name', 'steps/s-2B/name'] });
    expect(d.message).toContain('2 runs of step "daily-etl"');
  });
});
