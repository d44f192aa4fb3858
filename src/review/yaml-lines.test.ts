import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { toYaml } from '../emitters/yaml-writer.js';
import type { Line } from './types.js';
import { tokeniseYaml } from './yaml-lines.js';

const text = (line: Line): string => line.map((s) => s.text).join('');

describe('tokeniseYaml', () => {
  it('keeps every character of what the canonical writer produces', () => {
    const yaml = toYaml([
      {
        metadata: { name: 'job', annotations: { 'emr2k8s.io/step-name': 'a: b # c', 'x.y': '012' } },
        spec: { arguments: ['--input', 'yes', '-Xmx4g'], javaOptions: 'line one\nline two\n', empty: {}, list: [], n: 1.5, t: true },
      },
      { kind: 'Second' },
    ]);
    expect(tokeniseYaml(yaml).map(text)).toEqual(yaml.replace(/\n$/, '').split('\n'));
  });

  it('tones quoted keys and values, literals, and block scalar text', () => {
    const lines = tokeniseYaml(dump({ 'a: b': 'x', n: -3, f: false, z: null, s: '12', block: 'one\ntwo\n' }, { lineWidth: -1 }));
    expect(lines[0]).toEqual([{ text: "'a: b'", tone: 'key' }, { text: ': ', tone: 'muted' }, { text: 'x', tone: 'string' }]);
    expect(lines[1]?.at(-1)).toEqual({ text: '-3', tone: 'number' });
    expect(lines[2]?.at(-1)).toEqual({ text: 'false', tone: 'number' });
    expect(lines[3]?.at(-1)).toEqual({ text: 'null', tone: 'number' });
    expect(lines[4]?.at(-1)).toEqual({ text: "'12'", tone: 'string' });
    expect(lines[5]?.at(-1)).toEqual({ text: '|', tone: 'muted' });
    expect(lines[6]).toEqual([{ text: '  one', tone: 'string' }]);
    expect(lines[7]).toEqual([{ text: '  two', tone: 'string' }]);
  });

  it('mutes comments and document markers', () => {
    expect(tokeniseYaml('# generated\n---\nkind: X\n')).toEqual([
      [{ text: '# generated', tone: 'muted' }],
      [{ text: '---', tone: 'muted' }],
      [{ text: 'kind', tone: 'key' }, { text: ': ', tone: 'muted' }, { text: 'X', tone: 'string' }],
    ]);
  });

  it('tones sequences of mappings and nested sequence markers', () => {
    expect(tokeniseYaml('- - a\n  - name: b\n')).toEqual([
      [{ text: '- ', tone: 'muted' }, { text: '- ', tone: 'muted' }, { text: 'a', tone: 'string' }],
      [{ text: '  ' }, { text: '- ', tone: 'muted' }, { text: 'name', tone: 'key' }, { text: ': ', tone: 'muted' }, { text: 'b', tone: 'string' }],
    ]);
  });
});
