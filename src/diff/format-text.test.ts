import { describe, expect, it } from 'vitest';
import type { DiffResult } from './diff-objects.js';
import { formatChange, formatDiffText, MAX_VALUE_WIDTH, shortenValue } from './format-text.js';

const SA = { apiVersion: 'sparkoperator.k8s.io/v1beta2', kind: 'SparkApplication' };

function result(partial: Partial<DiffResult>): DiffResult {
  const merged = { schemaVersion: 1 as const, same: false, added: [], removed: [], changed: [], unchanged: 0, ...partial };
  return { ...merged, same: merged.added.length + merged.removed.length + merged.changed.length === 0 };
}

describe('formatDiffText', () => {
  it('prints one same line when nothing differs', () => {
    expect(formatDiffText(result({ unchanged: 2 }), false)).toBe('same: 2 objects, no differences\n');
    expect(formatDiffText(result({ unchanged: 1 }), true)).toBe('same: 1 object, no differences\n');
  });

  it('prints a block per object in identity order, changed paths indented, then a summary', () => {
    const text = formatDiffText(
      result({
        added: [{ ...SA, namespace: 'default', name: 'weekly', file: 'n/weekly.yaml' }],
        removed: [{ ...SA, namespace: 'default', name: 'customer-aggregates', file: 'o/c.yaml' }],
        changed: [
          {
            ...SA,
            namespace: 'default',
            name: 'daily-orders-etl',
            oldFile: 'o/d.yaml',
            newFile: 'n/d.yaml',
            changes: [
              { path: 'spec.executor.memory', old: '16384m', new: '20g' },
              { path: 'spec.arguments[4]', new: '--dry-run' },
              { path: 'spec.deps', old: { jars: ['a.jar'] } },
            ],
          },
        ],
        unchanged: 3,
      }),
      false,
    );
    expect(text).toBe(
      [
        '- SparkApplication default/customer-aggregates',
        '~ SparkApplication default/daily-orders-etl',
        '    spec.executor.memory: "16384m" -> "20g"',
        '    spec.arguments[4]: (absent) -> "--dry-run"',
        '    spec.deps: {"jars":["a.jar"]} -> (absent)',
        '+ SparkApplication default/weekly',
        '1 added, 1 removed, 1 changed, 3 unchanged',
        '',
      ].join('\n'),
    );
  });

  it('colours headers only when asked', () => {
    const diff = result({ added: [{ apiVersion: 'v1', kind: 'Namespace', namespace: '', name: 'etl', file: 'ns.yaml' }] });
    expect(formatDiffText(diff, false)).not.toContain('\u001b[');
    expect(formatDiffText(diff, true)).toContain('\u001b[32m+ Namespace etl\u001b[0m');
  });

  it('shows the apiVersion when it is all that tells two listed objects apart', () => {
    const text = formatDiffText(
      result({
        removed: [{ ...SA, apiVersion: 'sparkoperator.k8s.io/v1beta1', namespace: 'default', name: 'a', file: 'o.yaml' }],
        added: [{ ...SA, namespace: 'default', name: 'a', file: 'n.yaml' }, { ...SA, namespace: 'default', name: 'b', file: 'n.yaml' }],
      }),
      false,
    );
    expect(text).toContain('- SparkApplication default/a (sparkoperator.k8s.io/v1beta1)');
    expect(text).toContain('+ SparkApplication default/a (sparkoperator.k8s.io/v1beta2)');
    expect(text).toContain('+ SparkApplication default/b\n');
  });
});

describe('shortenValue', () => {
  it('keeps short values whole and cuts long ones in the middle', () => {
    expect(shortenValue('4g')).toBe('"4g"');
    const long = `s3a://bucket/${'x'.repeat(300)}/end.jar`;
    const shown = shortenValue(long);
    expect(shown).toHaveLength(MAX_VALUE_WIDTH);
    expect(shown.startsWith('"s3a://bucket/')).toBe(true);
    expect(shown.endsWith('/end.jar"')).toBe(true);
    expect(shown).toContain('…');
    expect(shortenValue('y'.repeat(MAX_VALUE_WIDTH - 2))).toHaveLength(MAX_VALUE_WIDTH);
  });

  it('formats a change with both sides JSON-encoded', () => {
    expect(formatChange({ path: 'a', old: 1, new: '1.0' })).toBe('a: 1 -> "1.0"');
    expect(formatChange({ path: 'a', old: null })).toBe('a: null -> (absent)');
  });
});
