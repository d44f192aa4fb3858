import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliJsonText, toCliValue } from './cli-json.js';
import { writeClusterFolder } from './write-cluster.js';

describe('toCliValue', () => {
  it('drops response metadata and absent members, and prints timestamps as ISO strings', () => {
    const answer = {
      $metadata: { httpStatusCode: 200, requestId: '5f1e0c2a' },
      Cluster: { Id: 'j-2AXXXXXXGAPLF', LogUri: undefined, Status: { Timeline: { CreationDateTime: new Date(Date.UTC(2026, 9, 1, 2, 0, 11, 532)) } } },
    };
    expect(toCliValue(answer)).toEqual({ Cluster: { Id: 'j-2AXXXXXXGAPLF', Status: { Timeline: { CreationDateTime: '2026-10-01T02:00:11.532Z' } } } });
    expect(cliJsonText({ Steps: [] })).toBe('{\n  "Steps": []\n}\n');
  });
});

describe('writeClusterFolder', () => {
  it('replaces an earlier import whole and leaves no temporary folder', async () => {
    const out = mkdtempSync(join(tmpdir(), 'emr2k8s-aws-'));
    await writeClusterFolder(out, 'j-2AXXXXXXGAPLF', { 'describe-cluster.json': '{"old":1}\n', 'list-steps.json': '{"Steps":[]}\n' });
    writeFileSync(join(out, 'j-2AXXXXXXGAPLF', 'notes.txt'), 'added by hand');
    await writeClusterFolder(out, 'j-2AXXXXXXGAPLF', { 'describe-cluster.json': '{"new":1}\n', 'list-steps.json': '{"Steps":[]}\n' });
    expect(readdirSync(out)).toEqual(['j-2AXXXXXXGAPLF']);
    expect(readdirSync(join(out, 'j-2AXXXXXXGAPLF')).sort()).toEqual(['describe-cluster.json', 'list-steps.json']);
    expect(readFileSync(join(out, 'j-2AXXXXXXGAPLF', 'describe-cluster.json'), 'utf8')).toBe('{"new":1}\n');
  });

  it('refuses a folder name that is not a cluster id', async () => {
    const out = mkdtempSync(join(tmpdir(), 'emr2k8s-aws-'));
    await expect(writeClusterFolder(out, '../j-2AXXXXXXGAPLF', {})).rejects.toThrow(/not an EMR cluster id/);
    expect(readdirSync(out)).toEqual([]);
  });
});
