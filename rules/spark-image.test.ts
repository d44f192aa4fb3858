import { describe, expect, it } from 'vitest';
import { buildJob, checkRule, runRuleCase } from '../src/rule-api.js';
import rule from './spark-image.js';

const emr6 = { releaseLabel: 'emr-6.15.0', sparkVersion: '3.4.1', hadoopVersion: '3.3.6', scalaVersion: '2.12', javaVersion: '8', pythonVersion: '3.7' };
const emr5 = { releaseLabel: 'emr-5.36.2', sparkVersion: '2.4.8', hadoopVersion: '2.10.1', scalaVersion: '2.11.12', javaVersion: '8', pythonVersion: '3.7' };

describe('spark-image', () => {
  it('follows its table', () => {
    checkRule(rule, [
      {
        name: 'EMR 7.13 Scala job on the official Apache image',
        job: buildJob({ submit: { appType: 'Scala' } }),
        fields: { sparkVersion: '3.5.6', image: 'docker.io/library/spark:3.5.6-scala2.12-java17-ubuntu' },
        messages: [],
      },
      {
        name: 'EMR 7.13 PySpark job gets the python3 variant',
        job: buildJob({ submit: { appType: 'Python' } }),
        fields: { image: 'docker.io/library/spark:3.5.6-scala2.12-java17-python3-ubuntu' },
        messages: [],
      },
      {
        name: 'EMR 6.15 ran Java 8; Spark 3.4 images run Java 11',
        job: buildJob({ facts: emr6, submit: { appType: 'R' } }),
        fields: { sparkVersion: '3.4.1', image: 'docker.io/library/spark:3.4.1-scala2.12-java11-r-ubuntu' },
        messages: ['java-version-change'],
      },
      {
        name: 'EMR 6.7 Spark 3.2.1 predates the official images',
        job: buildJob({ facts: { ...emr6, releaseLabel: 'emr-6.7.0', sparkVersion: '3.2.1' }, submit: { appType: 'Python' } }),
        fields: { sparkVersion: '3.2.1', image: 'docker.io/apache/spark-py:v3.2.1' },
        messages: ['pre-official-image', 'java-version-change'],
      },
      {
        name: 'EMR 5.36 Spark 2.4.8 moves to Spark 3.5',
        job: buildJob({ facts: emr5 }),
        fields: { sparkVersion: '3.5.6', image: 'docker.io/library/spark:3.5.6-scala2.12-java17-ubuntu' },
        messages: ['spark-2-upgrade', 'java-version-change'],
      },
      {
        name: 'EMR on EKS image in eu-west-1',
        config: { image: { flavor: 'emr', region: 'eu-west-1' } },
        job: buildJob({ facts: emr6 }),
        fields: { sparkVersion: '3.4.1', image: '483788554619.dkr.ecr.eu-west-1.amazonaws.com/spark/emr-6.15.0:latest' },
        messages: [],
      },
      {
        name: 'EMR on EKS image in a China region',
        config: { image: { flavor: 'emr', region: 'cn-northwest-1' } },
        job: buildJob({ facts: { releaseLabel: 'emr-7.9.0', sparkVersion: '3.5.5' } }),
        fields: { image: '068420816659.dkr.ecr.cn-northwest-1.amazonaws.com.cn/spark/emr-7.9.0:latest' },
        messages: [],
      },
      {
        name: 'EMR on EKS for a Spark 2 job uses the newest EMR 7 image',
        config: { image: { flavor: 'emr', region: 'us-west-2' } },
        job: buildJob({ facts: emr5 }),
        fields: { image: '895885662937.dkr.ecr.us-west-2.amazonaws.com/spark/emr-7.13.0:latest' },
        messages: ['spark-2-upgrade'],
      },
      {
        name: 'EMR on EKS in a region without a published account',
        config: { image: { flavor: 'emr', region: 'mx-central-1' } },
        job: buildJob(),
        fields: { sparkVersion: '3.5.6', image: undefined },
        messages: ['unknown-ecr-region'],
      },
      {
        name: 'a configured repository takes the default tag',
        config: { image: { flavor: 'apache', region: 'us-east-1', repository: '123456789012.dkr.ecr.us-east-1.amazonaws.com/acme/spark' } },
        job: buildJob({ submit: { appType: 'Python' } }),
        fields: { image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/acme/spark:3.5.6-scala2.12-java17-python3-ubuntu' },
        messages: [],
      },
      {
        name: 'a configured repository with a tag is used as is',
        config: { image: { flavor: 'emr', region: 'us-east-1', repository: 'registry.acme.internal:5000/spark/emr-custom:7.13-2024.05' } },
        job: buildJob(),
        fields: { image: 'registry.acme.internal:5000/spark/emr-custom:7.13-2024.05' },
        messages: [],
      },
    ]);
  });

  it('names the release and the config as the source of the image', () => {
    const plan = runRuleCase(rule, {
      name: 'provenance',
      config: { image: { flavor: 'apache', region: 'us-east-1', repository: 'ghcr.io/acme/spark' } },
      job: buildJob(),
    });
    expect(plan.provenance.image).toEqual({ rule: 'spark-image', from: ['config/image.repository', 'cluster/releaseLabel'] });
    expect(plan.provenance.sparkVersion).toEqual({ rule: 'spark-image', from: ['cluster/releaseLabel'] });
  });
});
