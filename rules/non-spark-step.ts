import type { SparkJob } from '../src/rule-api.js';
import { defineRule, refs } from '../src/rule-api.js';

type Kind = Exclude<SparkJob['kind'], 'spark'>;

/** What each EMR step type does (facts §8.4) and the usual way to run it on Kubernetes. */
const KINDS: Record<Kind, { label: string; hint: string }> = {
  hive: {
    label: 'a Hive script',
    hint: 'Run the script with spark-sql (Spark SQL reads most HiveQL; sparkSqlJobDriver on EMR on EKS), or keep a Hive runtime for it.',
  },
  pig: { label: 'a Pig script', hint: 'Rewrite the Pig script as a Spark job (DataFrames or Spark SQL).' },
  streaming: { label: 'a Hadoop streaming job', hint: 'Rewrite the mapper and reducer as a Spark job (for example RDD.pipe or PySpark).' },
  's3-dist-cp': { label: 'an S3DistCp copy', hint: 'Run the copy as a Kubernetes Job with s5cmd, aws s3 sync, or Hadoop DistCp.' },
  'script-runner': { label: 'a script-runner script', hint: 'Run the script as a Kubernetes Job from an image that contains it and its tools.' },
  shell: { label: 'a shell command', hint: 'Run the command as a Kubernetes Job from an image that contains its tools.' },
  'custom-jar': {
    label: 'a custom JAR',
    hint: 'If the JAR runs Spark, submit it with spark-submit (an EMR Spark step) and convert again; otherwise run it as a Kubernetes Job.',
  },
};

export default defineRule({
  id: 'non-spark-step',
  meta: {
    description: 'Reports EMR steps that are not Spark jobs (Hive, Pig, streaming, S3DistCp, scripts, custom JARs) with the usual way to run them on Kubernetes.',
    category: 'application',
    reads: ['steps/*'],
    writes: [],
    messages: {
      'unsupported-step': 'step "{step}" runs {what}, which is not a Spark job and is not converted',
    },
    kinds: ['hive', 'pig', 'streaming', 's3-dist-cp', 'script-runner', 'shell', 'custom-jar'],
    docs: 'docs/rules/non-spark-step.md',
  },
  apply(job, ctx) {
    if (job.kind === 'spark') return;
    const { label, hint } = KINDS[job.kind];
    ctx.report('unsupported-step', { step: job.step.name, what: label }, { refs: [refs.step(job.step, 'jar')], hint });
  },
});
