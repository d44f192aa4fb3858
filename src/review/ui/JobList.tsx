import type { JobListRow, JobMark, Line, ReviewState } from '../types.js';
import { LinesView, windowOf } from './lines.js';

/** The status mark of each job, one column wide; its meaning does not depend on colour. */
export const MARK_CHAR: Record<JobMark, string> = { converted: '✓', warnings: '!', unsupported: '–', error: '✗' };
const MARK_TONE: Record<JobMark, 'added' | 'warning' | 'muted' | 'error'> = {
  converted: 'added',
  warnings: 'warning',
  unsupported: 'muted',
  error: 'error',
};
/** The decision tag at the end of a row. */
export const DECISION_TAG = { accepted: 'A', rejected: 'R' } as const;

function filterLine(filter: ReviewState['filter'], shown: number): Line {
  const parts = [filter.text && `/${filter.text}`, filter.mark && `only ${filter.mark}`].filter(Boolean);
  if (parts.length === 0) return [{ text: `Jobs (${shown})`, tone: 'accent' }];
  return [{ text: `Jobs (${shown}) `, tone: 'accent' }, { text: parts.join(' '), tone: 'info' }];
}

function rowLine(row: JobListRow, width: number): Line {
  const cursor = row.selected ? '>' : ' ';
  const tags = `${row.overrides > 0 ? `*${row.overrides}` : ''}${row.decision ? ` ${DECISION_TAG[row.decision]}` : ''}`;
  const room = Math.max(1, width - 4 - tags.length);
  const chars = Array.from(row.stepName || row.id);
  const name = chars.length > room ? `${chars.slice(0, room - 1).join('')}…` : chars.join('').padEnd(room);
  return [
    { text: `${cursor} ` },
    { text: MARK_CHAR[row.mark], tone: MARK_TONE[row.mark] },
    { text: ` ${name}`, ...(row.open && { tone: 'accent' as const }) },
    { text: tags, tone: row.decision === 'rejected' ? 'removed' : 'added' },
  ];
}

/**
 * The list lines: a filter/count line, then each cluster's header followed by its jobs. The
 * rows come grouped from the selector; a header is printed wherever the cluster changes.
 */
export function jobListLines(rows: readonly JobListRow[], width: number): { lines: Line[]; selectedLine: number } {
  const lines: Line[] = [];
  let selectedLine = 0;
  let cluster: string | undefined;
  for (const row of rows) {
    if (row.cluster !== cluster) {
      cluster = row.cluster;
      lines.push([{ text: cluster, tone: 'key' }]);
    }
    if (row.selected) selectedLine = lines.length;
    lines.push(rowLine(row, width));
  }
  if (rows.length === 0) lines.push([{ text: '  no job matches', tone: 'muted' }]);
  return { lines, selectedLine };
}

/**
 * Left column: the jobs grouped by cluster with their marks, scrolled so that the selected
 * row is always visible.
 */
export function JobList(props: {
  rows: readonly JobListRow[];
  filter: ReviewState['filter'];
  width: number;
  height: number;
  color: boolean;
}) {
  const { rows, filter, width, height, color } = props;
  const { lines, selectedLine } = jobListLines(rows, width);
  const room = Math.max(0, height - 1);
  // Scroll only as far as needed to keep the selected row on the last visible line.
  const scroll = selectedLine >= room ? selectedLine - room + 1 : 0;
  const visible = [filterLine(filter, rows.length), ...windowOf(lines, scroll, room)];
  return <LinesView lines={visible} width={width} height={height} color={color} />;
}
