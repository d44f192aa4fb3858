import type { TypePacking } from '../../packing/index.js';
import type { ReportJob } from './report-data.js';

/** One row of report.md's Packing table: a job on one of its executor instance types. */
export interface PackingRow {
  job: string;
  instanceType: string;
  allocatable: string;
  pod: string;
  emrPerNode: string;
  eksPerNode: string;
  boundBy: string;
  stranded: string;
}

/** A right-size proposal (or why there is none) of one job, for report.md. */
export interface RightSizeLine {
  job: string;
  explanation: string;
  settings: string[];
}

function row(job: string, t: TypePacking): PackingRow {
  const fewer = t.emrPerNode !== undefined && t.perNode < t.emrPerNode;
  return {
    job,
    instanceType: t.instanceType,
    allocatable: `${t.allocatable.cpuMilli}m, ${t.allocatable.memoryMiB} MiB, ${t.allocatable.pods} pods (${t.allocatable.source})`,
    pod: `${t.pod.cpuMilli}m, ${t.pod.memoryMiB} MiB`,
    emrPerNode: t.emrPerNode === undefined ? '–' : `${t.emrPerNode}${t.emrBoundBy === 'vcores' ? ' (vCores)' : ''}`,
    eksPerNode: fewer ? `**${t.perNode}** (fewer than on EMR)` : String(t.perNode),
    boundBy: t.boundBy,
    stranded: `${t.stranded.cpuMilli}m, ${t.stranded.memoryMiB} MiB`,
  };
}

/** The Packing table of report.md: each job's target type first, then its other executor types. */
export function packingRows(jobs: readonly ReportJob[]): PackingRow[] {
  return jobs.flatMap((j) => (j.packing === undefined ? [] : [j.packing, ...(j.packing.otherTypes ?? [])].map((t) => row(j.id, t))));
}

/** The DaemonSet overhead the table subtracts, as one phrase (the same for every job of a batch). */
export function daemonSetPhrase(jobs: readonly ReportJob[]): string | null {
  const overhead = jobs.find((j) => j.packing !== undefined)?.packing?.daemonSetOverhead;
  return overhead === undefined ? null : `${overhead.cpuMilli}m CPU, ${overhead.memoryMiB} MiB and ${overhead.pods} pod slots`;
}

/** The `--right-size` lines: the explanation and, with a proposal, the Spark settings to apply. */
export function rightSizeLines(jobs: readonly ReportJob[]): RightSizeLine[] {
  return jobs.flatMap((j) => {
    const rightSize = j.packing?.rightSize;
    if (rightSize === undefined) return [];
    const settings = 'proposal' in rightSize ? Object.entries(rightSize.proposal.settings).map(([k, v]) => `${k}=${v}`) : [];
    return [{ job: j.id, explanation: rightSize.explanation, settings }];
  });
}
