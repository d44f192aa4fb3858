import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultProjectConfig } from '../../config/project-config.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { group, jobOn } from '../../packing/packing-fixture.js';
import { nightlyEtlPlan } from '../plan-fixture.js';
import { emitSparkOperator } from '../spark-operator/index.js';
import { cellHelper, codeCellHelper, codeHelper, jsonHelper, mdCellHelper, mdHelper } from './markdown-helpers.js';
import { toStableJson } from '../stable-json.js';
import { buildReportData, emitReport } from './index.js';

const BAD_FILE: Diagnostic = {
  code: 'invalid-json',
  severity: 'error',
  message: 'input/steps.json is not JSON: Unexpected token } in JSON at position 310',
  refs: [],
  location: { file: 'input/steps.json', line: 12, column: 3 },
};

function batch() {
  const etl = nightlyEtlPlan();
  const hive = nightlyEtlPlan({
    jobId: 'j-2AXXXXXXGAPLF/s-0HIVE0000001',
    kind: 'hive',
    status: 'unsupported',
    name: 'daily-rollup',
    source: { ...etl.source, foldedRuns: 1, step: { key: 's-0HIVE0000001', name: 'Daily | rollup\n(hive)', actionOnFailure: 'CONTINUE' } },
    diagnostics: [{ code: 'unsupported-step', severity: 'warning', message: 'Hive steps are not converted.', refs: [], jobId: 'j-2AXXXXXXGAPLF/s-0HIVE0000001' }],
    dropped: [],
  });
  const files = emitSparkOperator([etl, hive]).files;
  return { plans: [etl, hive], files, diagnostics: [BAD_FILE], inputs: ['input/nightly', 'input/adhoc'], toolVersion: '0.1.0' };
}

describe('emitReport', () => {
  it('writes report.json with jobs by id, their files and a summary', () => {
    const [json] = emitReport(batch());
    expect(json?.path).toBe('report.json');
    const data = JSON.parse(json!.content);
    expect(data.schemaVersion).toBe(1);
    expect(data.inputs).toEqual(['input/adhoc', 'input/nightly']);
    expect(data.jobs.map((j: { id: string }) => j.id)).toEqual(['j-2AXXXXXXGAPLF/s-0HIVE0000001', 'j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q']);
    const etl = data.jobs[1];
    expect(etl).toMatchObject({
      cluster: 'j-2AXXXXXXGAPLF',
      step: { id: 's-1K4N2D6OZ8P9Q', name: 'Nightly ETL: orders # full' },
      kind: 'spark',
      status: 'converted',
      foldedRuns: 30,
      files: ['data-eng/nightly-etl-orders.provenance.json', 'data-eng/nightly-etl-orders.yaml'],
    });
    expect(etl.dropped.map((d: { setting: string; reason: string }) => [d.setting, d.reason])).toEqual([
      ['spark.shuffle.service.enabled', 'no-k8s-equivalent'],
      ['spark.yarn.queue', 'yarn-only'],
    ]);
    expect(data.jobs[0].files).toEqual([]);
    expect(data.diagnostics).toEqual([{ code: 'invalid-json', severity: 'error', message: BAD_FILE.message, location: BAD_FILE.location }]);
    expect(data.summary).toEqual({ jobs: 2, converted: 1, unsupported: 1, error: 0, warnings: 2, errors: 1 });
  });

  it('is byte-identical whatever order plans and inputs arrive in', () => {
    const input = batch();
    const reversed = { ...input, plans: [...input.plans].reverse(), inputs: [...input.inputs].reverse() };
    expect(emitReport(reversed)).toEqual(emitReport(input));
  });

  it('writes report.md with summary, per-job sections and batch diagnostics, table cells escaped', () => {
    const md = emitReport(batch())[1]!;
    expect(md.path).toBe('report.md');
    const text = md.content;
    expect(text).toContain('| 2 | 1 | 1 | 0 | 1 | 2 |');
    expect(text).toContain('| `j-2AXXXXXXGAPLF/s-0HIVE0000001` | `Daily \\| rollup (hive)` | hive | unsupported | 1 | 0 |');
    expect(text).toContain('### j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q');
    expect(text).toContain('- Folded runs: 30 runs');
    expect(text).toContain('  - `data-eng/nightly-etl-orders.yaml`');
    expect(text).toContain('| warning | `yarn-queue-unmapped` | YARN queue "etl\\|nightly" has no scheduler mapping; the job runs unqueued. |  | Map it under scheduler.queues in emr2k8s.config.yaml. |');
    expect(text).toContain('| `spark.yarn.queue` | yarn-only | Queue "etl\\|nightly" has no scheduler mapping. | `queue` |');
    expect(text).toMatch(/## Batch diagnostics\n\n\| Severity[^\n]*\n[^\n]*\n\| error \| `invalid-json` \|[^\n]*\| `input\/steps.json:12:3` \|/);
    // Every table row has the same number of unescaped cell separators as its header.
    for (const table of text.split('\n\n').filter((block) => block.startsWith('| '))) {
      const counts = table.split('\n').filter(Boolean).map((row) => row.split(/(?<!\\)\|/).length);
      expect(new Set(counts).size).toBe(1);
    }
  });

  it('says None. where a job has no diagnostics or dropped settings', () => {
    const plan = nightlyEtlPlan({ diagnostics: [], dropped: [] });
    const text = emitReport({ plans: [plan], files: [], diagnostics: [], inputs: ['input'], toolVersion: '0.1.0' })[1]!.content;
    expect(text).toContain('#### Diagnostics\n\nNone.');
    expect(text).toContain('#### Dropped settings\n\nNone.');
    expect(text).toContain('## Batch diagnostics\n\nNone.');
    expect(text).toContain('- Files: none');
  });
});

function reviewed() {
  const input = batch();
  const [hive, etl] = [input.plans[1]!, input.plans[0]!];
  hive.review = { decision: 'rejected', note: 'Stays on EMR | Hive until Q3', overrides: 0 };
  etl.review = { decision: 'accepted', overrides: 2 };
  return { ...input, answersFile: 'emr2k8s-answers.yaml' };
}

function packed(rightSize: boolean, input: ReturnType<typeof batch> = batch()) {
  // nightlyEtlPlan: 4 cores with a 3500m request, 9486m + 1779m = 11265 MiB executors.
  const roles = [group('CORE', ['m5.4xlarge']), group('TASK', ['r6g.4xlarge'], 'SPOT')];
  const jobs = new Map(input.plans.map((p) => [p.jobId, { ...jobOn(roles), id: p.jobId }]));
  return { ...input, packing: { jobs, settings: defaultProjectConfig().packing, rightSize } };
}

describe('emitReport with review answers', () => {
  it('adds each job\'s review and decision counts to report.json only when answers were replayed', () => {
    const data = JSON.parse(emitReport(reviewed())[0]!.content);
    expect(data.answersFile).toBe('emr2k8s-answers.yaml');
    expect(data.summary).toMatchObject({ accepted: 1, rejected: 1, converted: 1, unsupported: 1 });
    expect(data.jobs[0].review).toEqual({ decision: 'rejected', note: 'Stays on EMR | Hive until Q3', overrides: 0 });
    expect(data.jobs[1].review).toEqual({ decision: 'accepted', overrides: 2 });
    const plain = JSON.parse(emitReport(batch())[0]!.content);
    expect(plain.summary).not.toHaveProperty('accepted');
    expect(plain).not.toHaveProperty('answersFile');
    expect(plain.jobs[0]).not.toHaveProperty('review');
  });

  it('lists rejected jobs with their notes in their own section of report.md', () => {
    const text = emitReport(reviewed())[1]!.content;
    expect(text).toContain('Review answers replayed from `emr2k8s-answers.yaml`: 1 accepted, 1 rejected.');
    expect(text).toMatch(/## Rejected jobs\n\n\| Job \| Step name \| Note \|\n[^\n]*\n\| `j-2AXXXXXXGAPLF\/s-0HIVE0000001` \| `Daily \\\| rollup \(hive\)` \| Stays on EMR \\\| Hive until Q3 \|\n\n## Jobs/);
    expect(text).toContain('- Review: **accepted**, 2 overrides applied\n');
    expect(text).toContain('- Review: **rejected**, 0 overrides applied; note: Stays on EMR | Hive until Q3\n');
    expect(text).toContain('| hive | unsupported, rejected |');
    expect(emitReport(batch())[1]!.content).not.toContain('Rejected jobs');
  });
});

describe('Markdown helpers', () => {
  it('json quotes any value and refuses undefined', () => {
    expect(jsonHelper('a "b"\n\u2028')).toBe('"a \\"b\\"\\n\\u2028"');
    expect(jsonHelper(12)).toBe('12');
    expect(() => jsonHelper(undefined)).toThrow(/undefined/);
  });

  it('code picks a fence longer than any backtick run', () => {
    expect(codeHelper('a`b')).toBe('``a`b``');
    expect(codeHelper('`x`')).toBe('`` `x` ``');
    expect(codeHelper('plain')).toBe('`plain`');
  });

  it('md escapes Markdown and HTML punctuation and keeps one line', () => {
    expect(mdHelper('<script>*x*_y_ [l](u) #1\nnext')).toBe('\\<script\\>\\*x\\*\\_y\\_ \\[l\\](u) \\#1 next');
  });

  it('cell escapes pipes and newlines', () => {
    expect(cellHelper('a|b\nc')).toBe('a\\|b<br>c');
  });

  it('give the same text as the helpers without their shortcuts, and codeCell and mdCell as cell around code and md', () => {
    // The helpers as they were before returning plain text unchanged.
    const reference = {
      code: (s: string) => {
        const t = s.replace(/[\r\n\u2028\u2029]+/g, ' ');
        const fence = '`'.repeat(Math.max(0, ...(t.match(/`+/g) ?? []).map((run) => run.length)) + 1);
        const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
        return `${fence}${pad}${t}${pad}${fence}`;
      },
      md: (s: string) => s.replace(/[\\`*_[\]<>#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' '),
      cell: (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>'),
    };
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('a', ' ', '`', '\\', '*', '_', '[', ']', '<', '>', '#', '|', '\r', '\n', '\u2028', '\u2029') }));
    fc.assert(
      fc.property(text, (s) => {
        expect(codeHelper(s)).toBe(reference.code(s));
        expect(mdHelper(s)).toBe(reference.md(s));
        expect(cellHelper(s)).toBe(reference.cell(s));
        expect(codeCellHelper(s)).toBe(reference.cell(reference.code(s)));
        expect(mdCellHelper(s)).toBe(reference.cell(reference.md(s)));
      }),
      { numRuns: 500 },
    );
    expect(codeHelper(42)).toBe('`42`');
    expect(codeCellHelper(42)).toBe('`42`');
    expect(mdHelper(null)).toBe('null');
    expect(mdCellHelper(null)).toBe('null');
    expect(() => codeCellHelper(undefined)).toThrow(/undefined/);
  });
});

describe('emitReport with packing', () => {
  it('adds packing to report.json for Spark jobs with known instance types only', () => {
    const data = JSON.parse(emitReport(packed(false))[0]!.content);
    const [hive, etl] = data.jobs;
    expect(hive).not.toHaveProperty('packing');
    // m5.4xlarge: free 15690m, 62095 MiB; 15690 / 3500 = 4.48 → 4; 62095 / 11265 = 5.5 → 5 → 4 by CPU.
    // Stranded 15690 − 14000 = 1690m, 62095 − 45060 = 17035 MiB. EMR: 57344 / 11265 = 5.09 → 5.
    expect(etl.packing).toMatchObject({
      instanceType: 'm5.4xlarge',
      pod: { cpuMilli: 3500, memoryMiB: 11265 },
      perNode: 4,
      boundBy: 'cpu',
      stranded: { cpuMilli: 1690, memoryMiB: 17035 },
      emrPerNode: 5,
      otherTypes: [{ instanceType: 'r6g.4xlarge' }],
    });
    expect(etl.packing).not.toHaveProperty('rightSize');
    expect(JSON.parse(emitReport(batch())[0]!.content).jobs[1]).not.toHaveProperty('packing');
  });

  it('writes a Packing table to report.md, flagging fewer executors per node than on EMR', () => {
    const text = emitReport(packed(false))[1]!.content;
    expect(text).toContain('minus DaemonSets (200m CPU, 512 MiB and 4 pod slots)');
    expect(text).toContain('| `j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q` | `m5.4xlarge` | 15890m, 62607 MiB, 234 pods (formula) | 3500m, 11265 MiB | 5 | **4** (fewer than on EMR) | cpu | 1690m, 17035 MiB |');
    expect(text).toMatch(/\| `r6g\.4xlarge` \| 15890m, 128143 MiB, 234 pods \(formula\) \|/);
    expect(text).not.toContain('Right-size proposals');
    expect(emitReport(batch())[1]!.content).not.toContain('## Packing');
  });

  it('explains the right-size proposal with the settings to apply', () => {
    const [json, md] = emitReport(packed(true));
    const etl = JSON.parse(json!.content).jobs[1];
    expect(etl.packing.rightSize.proposal.settings['spark.executor.memory']).toMatch(/^\d+m$/);
    expect(md!.content).toContain('### Right-size proposals\n\n- `j-2AXXXXXXGAPLF/s-1K4N2D6OZ8P9Q`: 4 executors of 4 cores (3500m, 11265 MiB) per node strand 1690m CPU and 17035 MiB on m5.4xlarge');
    expect(md!.content).toMatch(/Apply: `spark\.executor\.memory=\d+m`/);
  });
});

describe('report.json', () => {
  it('is the generic stable JSON of the report data, for jobs with and without review, packing, right-size, hints and locations', () => {
    const located = batch();
    located.plans[0]!.diagnostics.push(
      { code: 'queue-unmapped', severity: 'warning', message: 'YARN queue "etl" has no mapping', refs: [], location: { file: 'input/steps.json', line: 4, column: 9, path: 'Steps[0].Args[3]' } },
      { code: 'java-version-change', severity: 'info', message: 'Java 8 → 11', hint: 'Check JVM options.', refs: [], location: { path: 'Cluster.ReleaseLabel' } },
    );
    const inputs = [batch(), reviewed(), packed(false), packed(true), packed(true, reviewed()), located];
    for (const input of inputs) {
      const data = buildReportData(input);
      expect(emitReport(input)[0]!.content).toBe(toStableJson(data));
    }
    // The fixtures do reach every optional member of a job.
    const jobs = inputs.flatMap((input) => buildReportData(input).jobs);
    for (const member of ['review', 'packing']) expect(jobs.some((j) => member in j)).toBe(true);
    expect(jobs.some((j) => j.packing?.rightSize !== undefined && 'proposal' in j.packing.rightSize)).toBe(true);
    const diagnostics = jobs.flatMap((j) => j.diagnostics);
    expect(diagnostics.some((d) => d.hint !== undefined) && diagnostics.some((d) => d.hint === undefined)).toBe(true);
    expect(diagnostics.some((d) => d.location !== undefined) && diagnostics.some((d) => d.location === undefined)).toBe(true);
  });
});
