import { zod } from '../../model/zod.js';
import { allRules } from '../../../rules/index.js';
import { EXIT, UserError } from '../errors.js';
import type { CliIo } from '../io.js';

/** `emr2k8s rules [list | show ID]`: what each rule maps, reads, writes and reports. */
export function runRules(action: string, id: string | undefined, options: { format: 'text' | 'json' }, io: CliIo): number {
  if (action === 'list') {
    if (options.format === 'json') {
      const rules = allRules.map((r) => ({ id: r.id, category: r.meta.category, description: r.meta.description, docs: r.meta.docs }));
      io.stdout(`${JSON.stringify({ schemaVersion: 1, rules }, null, 2)}\n`);
    } else {
      const width = Math.max(...allRules.map((r) => r.id.length));
      for (const r of allRules) io.stdout(`${r.id.padEnd(width)}  ${r.meta.category.padEnd(18)}  ${r.meta.description}\n`);
    }
    return EXIT.ok;
  }
  if (action !== 'show') throw new UserError(`rules: unknown action "${action}"`, 'Use `rules list` or `rules show ID`.');
  const rule = allRules.find((r) => r.id === id);
  if (!rule) throw new UserError(`rules show: there is no rule "${id ?? ''}"`, 'See `emr2k8s rules list`.');
  const { meta } = rule;
  const optionsSchema = meta.options ? zod().toJSONSchema(meta.options.schema(zod()), { io: 'input' }) : undefined;
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify({ schemaVersion: 1, id: rule.id, ...meta, options: optionsSchema }, null, 2)}\n`);
    return EXIT.ok;
  }
  const lines = [
    `${rule.id} (${meta.category})`,
    meta.description,
    '',
    `reads:   ${meta.reads.join(', ')}`,
    `writes:  ${meta.writes.join(', ') || '(reports only)'}`,
    `applies: ${(meta.kinds ?? ['spark']).join(', ')}${meta.fallback ? ' (fallback: runs after all other rules)' : ''}`,
    `options: ${optionsSchema ? JSON.stringify(optionsSchema) : 'none'}`,
    'diagnostics:',
    ...Object.entries(meta.messages).map(([code, text]) => `  ${code} (${meta.severities?.[code] ?? 'warning'}): ${text}`),
    `docs:    ${meta.docs}`,
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
