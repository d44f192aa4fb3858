import type { Line, ResourceRow, ResourcesView, WhyView } from '../types.js';
import { windowOf } from './lines.js';

/**
 * Turning the two structured views (Resources, Why) into lines: the layout half of those
 * panes, kept apart from the components so it can be read and tested as plain data.
 */

const ROLE_TITLE: Record<ResourceRow['role'], string> = { driver: 'Driver', executor: 'Executor' };

function widest(values: readonly string[], floor: number): number {
  return values.reduce((max, v) => Math.max(max, Array.from(v).length), floor);
}

/** EMR and Kubernetes side by side, per role, then how executors pack one node. */
export function resourceLines(view: ResourcesView): Line[] {
  const labelWidth = widest(view.rows.map((r) => r.label), 8);
  const emrWidth = widest(view.rows.map((r) => r.emr), 3);
  const lines: Line[] = [
    [{ text: `  ${''.padEnd(labelWidth)}  ${'EMR'.padEnd(emrWidth)}  Kubernetes`, tone: 'muted' }],
  ];
  for (const role of ['driver', 'executor'] as const) {
    const rows = view.rows.filter((r) => r.role === role);
    if (rows.length === 0) continue;
    lines.push([{ text: ROLE_TITLE[role], tone: 'accent' }]);
    for (const row of rows) {
      lines.push([
        { text: `${row.differs ? '*' : ' '} ${row.label.padEnd(labelWidth)}  `, tone: 'key' },
        { text: row.emr.padEnd(emrWidth) },
        { text: '  ' },
        { text: row.k8s, ...(row.differs && { tone: 'warning' as const }) },
      ]);
      if (row.note) lines.push([{ text: `    ${row.note}`, tone: 'muted' }]);
    }
  }
  const packing = view.packing;
  if (packing) {
    lines.push([], [{ text: `Executors per node (${packing.instanceType})`, tone: 'accent' }]);
    if (packing.emrExecutorsPerNode !== undefined) {
      lines.push([{ text: '  EMR (YARN, by memory)  ', tone: 'key' }, { text: String(packing.emrExecutorsPerNode), tone: 'number' }]);
    }
    if (packing.eksExecutorsPerNode !== undefined) {
      const bound = packing.eksBoundBy ? ` (bound by ${packing.eksBoundBy})` : '';
      lines.push([{ text: '  EKS (allocatable)      ', tone: 'key' }, { text: String(packing.eksExecutorsPerNode), tone: 'number' }, { text: bound, tone: 'muted' }]);
    }
    if (packing.note) lines.push([{ text: `  ${packing.note}`, tone: 'muted' }]);
  }
  if (view.rows.length === 0 && !packing) lines.push([{ text: 'No resources: the job was not converted.', tone: 'muted' }]);
  return lines;
}

/**
 * The Why pane in `height` rows: a window of the field list around the selected field (at
 * most a third of the pane), a rule, then the selected field's explanation scrolled by `scroll`.
 */
export function whyLines(view: WhyView, height: number, scroll: number): Line[] {
  if (view.fields.length === 0) {
    const none: Line = [{ text: 'No fields: the job was not converted.', tone: 'muted' }];
    return [none, ...windowOf(view.detail, scroll, height - 1)];
  }
  const listHeight = Math.min(view.fields.length, Math.max(1, Math.floor(height / 3)));
  const selected = Math.max(0, view.fields.findIndex((f) => f.selected));
  const first = Math.max(0, Math.min(selected - Math.floor(listHeight / 2), view.fields.length - listHeight));
  const fieldLines: Line[] = view.fields.slice(first, first + listHeight).map((f): Line =>
    f.selected ? [{ text: `> ${f.path}`, tone: 'accent' }] : [{ text: `  ${f.path}`, tone: 'muted' }],
  );
  const position: Line = [{ text: `── field ${selected + 1}/${view.fields.length} ──`, tone: 'muted' }];
  const detailHeight = Math.max(0, height - fieldLines.length - 1);
  return [...fieldLines, position, ...windowOf(view.detail, scroll, detailHeight)];
}
