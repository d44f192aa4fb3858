import * as settings from './settings';

function partitionsFor(days: number): string {
  return String(days * 200);
}

export const scoreArgs = [
  ...settings.commonArgs,
  '--conf',
  `spark.sql.shuffle.partitions=${partitionsFor(7)}`,
  `${settings.BUCKET}/jobs/score.py`,
  '--model',
  `${settings.BUCKET}/models/${settings.modelVersion}/`,
];
