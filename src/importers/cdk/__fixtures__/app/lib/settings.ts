export const RELEASE = 'emr-7.1.0';
export const BUCKET = 's3://acme-risk-models';

export const executor = { memory: '9g', cores: '3' } as const;

export const scoringConf = {
  'spark.executor.memory': executor.memory,
  'spark.executor.cores': executor.cores,
} satisfies Record<string, string>;

export const commonArgs = ['spark-submit', '--deploy-mode', 'cluster'] as const;

// Changed by the deploy script: not a const, so it stays a placeholder.
export let modelVersion = 'v42';
