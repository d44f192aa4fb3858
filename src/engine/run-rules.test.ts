import { describe, expect, it } from 'vitest';
import { defaultProjectConfig } from '../config/project-config.js';
import { buildJob } from './job-builder.js';
import { defineRule } from './rule-types.js';
import type { Rule } from './rule-types.js';
import { planJob } from './run-rules.js';

const config = defaultProjectConfig();
const meta = { description: 'test', category: 'resources' as const, reads: [], messages: {}, docs: 'docs/rules/x.md' };

const setMemory = defineRule({
  id: 'set-memory',
  meta: { ...meta, writes: ['executor.memory'] },
  apply(job, ctx) {
    const entry = ctx.conf('spark.executor.memory');
    if (entry) ctx.set('executor.memory', entry.value, entry);
  },
});

const run = (rules: Rule[], spec = {}) => planJob(buildJob(spec), rules.map((rule) => ({ rule, options: {} })), config);

describe('planJob', () => {
  it('records provenance with the winning ref and the values it shadowed', () => {
    const plan = run([setMemory], {
      conf: { 'spark.executor.memory': { value: '8g', layer: 'flag', shadowed: [{ value: '4g', layer: 'spark-defaults' }] } },
    });
    expect(plan.executor.memory).toBe('8g');
    expect(plan.provenance['executor.memory']).toEqual({
      rule: 'set-memory',
      from: ['flag/spark.executor.memory', 'cluster/configurations/spark-defaults/spark.executor.memory'],
    });
  });

  it('reports every input no rule consumed', () => {
    const plan = run([setMemory], { conf: { 'spark.executor.memory': '4g', 'spark.sql.shuffle.partitions': '400' } });
    expect(plan.diagnostics.map((d) => [d.code, d.refs])).toEqual([
      ['unmapped-setting', ['cluster/configurations/spark-defaults/spark.sql.shuffle.partitions']],
    ]);
  });

  it('turns a write outside meta.writes into an error job, not a crash', () => {
    const rogue = defineRule({
      id: 'rogue',
      meta: { ...meta, writes: ['executor.cores'] },
      apply(_job, ctx) {
        ctx.setDefault('driver.cores', 1, 'because');
      },
    });
    const plan = run([rogue]);
    expect(plan.status).toBe('error');
    expect(plan.diagnostics[0]?.message).toMatch(/rogue wrote driver.cores/);
  });

  it('rejects two rules writing the same field', () => {
    const again = defineRule({ ...setMemory, id: 'set-memory-again' });
    const plan = run([setMemory, again], { conf: { 'spark.executor.memory': '4g' } });
    expect(plan.status).toBe('error');
    expect(plan.diagnostics[0]?.message).toMatch(/set-memory and set-memory-again both write executor.memory/);
  });

  it('runs fallback rules last, seeing what the others consumed', () => {
    const passthrough = defineRule({
      id: 'passthrough',
      meta: { ...meta, writes: ['sparkConf.*'], fallback: true },
      apply(job, ctx) {
        for (const key of ctx.confKeys()) {
          const entry = ctx.conf(key);
          if (entry && !ctx.isConsumed(entry)) ctx.set(`sparkConf.${key}`, entry.value, entry);
        }
      },
    });
    const plan = run([passthrough, setMemory], { conf: { 'spark.executor.memory': '4g', 'spark.sql.shuffle.partitions': '400' } });
    expect(plan.sparkConf).toEqual({ 'spark.sql.shuffle.partitions': '400' });
    expect(plan.diagnostics).toEqual([]);
  });

  it('fills message templates and locates the diagnostic at its first ref', () => {
    const reporter = defineRule({
      id: 'reporter',
      meta: { ...meta, writes: [], messages: { 'too-big': '{key} is {size}' }, severities: { 'too-big': 'error' } },
      apply(job, ctx) {
        const entry = ctx.conf('spark.executor.memory');
        if (entry) ctx.report('too-big', { key: entry.key, size: entry.value }, { refs: [entry] });
      },
    });
    const job = buildJob({ conf: { 'spark.executor.memory': '900g' } });
    const located = { ...job, locations: { 'cluster/configurations/spark-defaults/spark.executor.memory': { file: 'c.json', line: 7, column: 9 } } };
    const plan = planJob(located, [{ rule: reporter, options: {} }], config);
    const report = plan.diagnostics.find((d) => d.code === 'too-big');
    expect(report).toMatchObject({ severity: 'error', message: 'spark.executor.memory is 900g', location: { file: 'c.json', line: 7 } });
    expect(plan.status).toBe('error');
  });
});
