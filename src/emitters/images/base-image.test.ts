import { describe, expect, it } from 'vitest';
import sparkImage from '../../../rules/spark-image.js';
import { defaultProjectConfig } from '../../config/project-config.js';
import { buildJob } from '../../engine/job-builder.js';
import { runRuleCase } from '../../engine/rule-tester.js';
import type { AppType, ClusterFacts } from '../../model/spark-job.js';
import { baseImage } from './base-image.js';

const EMR6 = { releaseLabel: 'emr-6.15.0', sparkVersion: '3.4.1', hadoopVersion: '3.3.6', scalaVersion: '2.12', javaVersion: '8', pythonVersion: '3.7' };
const EMR67 = { ...EMR6, releaseLabel: 'emr-6.7.0', sparkVersion: '3.2.1' };
const EMR5 = { releaseLabel: 'emr-5.36.2', sparkVersion: '2.4.8', hadoopVersion: '2.10.1', scalaVersion: '2.11.12', javaVersion: '8', pythonVersion: '3.7' };

const CASES: Array<{ facts: Partial<ClusterFacts>; appType: AppType; flavor: 'apache' | 'emr'; region?: string }> = [
  { facts: {}, appType: 'Scala', flavor: 'apache' },
  { facts: {}, appType: 'Python', flavor: 'apache' },
  { facts: EMR6, appType: 'R', flavor: 'apache' },
  { facts: EMR67, appType: 'Python', flavor: 'apache' },
  { facts: EMR67, appType: 'Java', flavor: 'apache' },
  { facts: EMR5, appType: 'Scala', flavor: 'apache' },
  { facts: EMR6, appType: 'Python', flavor: 'emr', region: 'eu-west-1' },
  { facts: EMR5, appType: 'Java', flavor: 'emr', region: 'cn-north-1' },
];

describe('baseImage', () => {
  it('is the image the spark-image rule picks when no repository is configured', () => {
    for (const c of CASES) {
      const image = { ...defaultProjectConfig().image, flavor: c.flavor, ...(c.region && { region: c.region }) };
      const job = buildJob({ facts: c.facts, submit: { appType: c.appType } });
      const plan = runRuleCase(sparkImage, { name: 'base', job, config: { image } });
      const base = baseImage(job, c.appType, image);
      expect(base?.image, JSON.stringify(c)).toBe(plan.image);
      expect(base?.sparkVersion).toBe(plan.sparkVersion);
    }
  });

  it('ignores image.repository, which is where the built image goes', () => {
    const image = { ...defaultProjectConfig().image, repository: '123456789012.dkr.ecr.us-east-1.amazonaws.com/acme/spark' };
    expect(baseImage(buildJob(), 'Scala', image)?.image).toBe('docker.io/library/spark:3.5.6-scala2.12-java17-ubuntu');
  });

  it('returns to the image\'s own Spark user after the build steps', () => {
    const apache = baseImage(buildJob(), 'Scala', defaultProjectConfig().image);
    const emr = baseImage(buildJob(), 'Scala', { ...defaultProjectConfig().image, flavor: 'emr' });
    expect([apache?.user, emr?.user]).toEqual(['185', 'hadoop:hadoop']);
  });

  it('has no base for a region without EMR on EKS images', () => {
    expect(baseImage(buildJob(), 'Scala', { ...defaultProjectConfig().image, flavor: 'emr', region: 'xx-nowhere-1' })).toBeUndefined();
  });
});
