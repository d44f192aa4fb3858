import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nightlyEtlPlan } from '../emitters/plan-fixture.js';
import type { JobPlan } from '../model/job-plan.js';
import { ensureUniqueNames } from './unique-names.js';

function plan(jobId: string, name: string, overrides: Partial<JobPlan> = {}): JobPlan {
  return nightlyEtlPlan({ jobId, name, namespace: 'default', secrets: [], diagnostics: [], ...overrides });
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);

describe('ensureUniqueNames', () => {
  it('suffixes every job of a shared name with a hash of its id', () => {
    const plans = [plan('c/s-1', 'etl'), plan('c/s-2', 'etl'), plan('c/s-3', 'other')];
    ensureUniqueNames(plans);
    expect(plans.map((p) => p.name)).toEqual([`etl-${hash('c/s-1')}`, `etl-${hash('c/s-2')}`, 'other']);
    expect(plans[0]?.diagnostics.map((d) => d.code)).toEqual(['name-collision']);
    // Both messages name the name the jobs wanted, not the first job's new one.
    expect(plans[1]?.diagnostics[0]?.message).toBe(`2 jobs in namespace default would be named etl; this one is etl-${hash('c/s-2')}`);
  });

  it('counts a Hive job that EMR on EKS still writes as a holder of its name', () => {
    const plans = [plan('c/s-1', 'etl', { kind: 'hive', status: 'unsupported' }), plan('c/s-2', 'etl'), plan('c/s-3', 'etl', { status: 'error' })];
    ensureUniqueNames(plans);
    expect(plans.map((p) => p.name)).toEqual([`etl-${hash('c/s-1')}`, `etl-${hash('c/s-2')}`, 'etl']);
  });

  it('keeps a suffixed name within the 56 characters of a SparkApplication name', () => {
    const long = `a${'b'.repeat(55)}`;
    const plans = [plan('c/s-1', long), plan('c/s-2', long)];
    ensureUniqueNames(plans);
    for (const p of plans) {
      expect(p.name.length).toBeLessThanOrEqual(56);
      expect(p.name).toMatch(/^[a-z]([-a-z0-9]*[a-z0-9])?$/);
    }
    expect(plans[0]?.name).not.toBe(plans[1]?.name);
  });

  it('never gives a suffixed name that another job already has', () => {
    const clash = `etl-${hash('c/s-1')}`;
    const plans = [plan('c/s-1', 'etl'), plan('c/s-2', 'etl'), plan('c/s-3', clash)];
    ensureUniqueNames(plans);
    const names = plans.map((p) => p.name);
    expect(new Set(names).size).toBe(3);
    expect(names[2]).toBe(clash);
    expect(names[0]).toMatch(/^etl-[0-9a-f]{8}$/);
  });

  it("renames the job's Secret with it, so two jobs of one name never share a Secret", () => {
    const withSecret = (jobId: string) =>
      plan(jobId, 'etl', {
        secrets: [{ name: 'etl-secrets', keys: ['spark.acme.db.password'], reason: 'values of spark.acme.db.password' }],
        driver: { ...nightlyEtlPlan().driver, env: { PW: { secretKeyRef: { name: 'etl-secrets', key: 'spark.acme.db.password' } } } },
        executor: { ...nightlyEtlPlan().executor, env: { PW: { secretKeyRef: { name: 'etl-secrets', key: 'spark.acme.db.password' } } } },
        diagnostics: [{ code: 'secret-reference', severity: 'warning', message: '1 secret setting(s) now come from the Kubernetes Secret etl-secrets', hint: 'kubectl create secret generic etl-secrets', jobId, refs: [] }],
      });
    const plans = [withSecret('c/s-1'), withSecret('c/s-2')];
    ensureUniqueNames(plans);
    for (const p of plans) {
      const secret = `${p.name}-secrets`;
      expect(p.secrets[0]?.name).toBe(secret);
      expect(p.driver.env.PW).toEqual({ secretKeyRef: { name: secret, key: 'spark.acme.db.password' } });
      expect(p.executor.env.PW).toEqual({ secretKeyRef: { name: secret, key: 'spark.acme.db.password' } });
      const reference = p.diagnostics.find((d) => d.code === 'secret-reference');
      expect(reference?.message).toContain(secret);
      expect(reference?.hint).toBe(`kubectl create secret generic ${secret}`);
    }
  });
});
