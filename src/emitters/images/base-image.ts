import type { ProjectConfig } from '../../config/project-config.js';
import type { AppType, SparkJob } from '../../model/spark-job.js';
import { emrOnEksRegistry } from '../../../rules/_emr-on-eks-accounts.js';
import { SPARK_2_TARGET, targetSpark } from '../../../rules/_spark-version.js';

/** The stock image a scaffold builds on, and who the image runs Spark as. */
export interface BaseImage {
  flavor: 'apache' | 'emr';
  image: string;
  sparkVersion: string;
  /** `USER` to return to after the root build steps. */
  user: string;
}

/** The first Spark release with an official image (apache/spark-docker), as in rules/spark-image.ts. */
const FIRST_OFFICIAL = { major: 3, minor: 3 };

/**
 * The stock image of the job's Spark line, chosen as the `spark-image` rule chooses it
 * (docs/rules/spark-image.md) but without `image.repository`: that repository is where the
 * image built from the scaffold goes, so it cannot be the base. Apache images run Spark as
 * uid 185 (`spark` in the official images, the `spark_uid` of docker-image-tool.sh before);
 * EMR on EKS images as `hadoop:hadoop`
 * (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/docker-custom-images-steps.html).
 * Undefined when the EMR on EKS region has no image account (the rule reports that).
 */
export function baseImage(job: Pick<SparkJob, 'facts'>, appType: AppType | undefined, image: ProjectConfig['image']): BaseImage | undefined {
  const target = targetSpark(job.facts);
  if (image.flavor === 'emr') {
    const registry = emrOnEksRegistry(image.region);
    if (registry === undefined) return undefined;
    const release = target.upgradedFrom ? SPARK_2_TARGET.releaseLabel : (/^emr-\d+\.\d+\.\d+/.exec(job.facts.releaseLabel)?.[0] ?? SPARK_2_TARGET.releaseLabel);
    return { flavor: 'emr', image: `${registry}/spark/${release}:latest`, sparkVersion: target.version, user: 'hadoop:hadoop' };
  }
  const official = target.major > FIRST_OFFICIAL.major || (target.major === FIRST_OFFICIAL.major && target.minor >= FIRST_OFFICIAL.minor);
  if (!official) {
    const repo = appType === 'Python' ? 'docker.io/apache/spark-py' : 'docker.io/apache/spark';
    return { flavor: 'apache', image: `${repo}:v${target.version}`, sparkVersion: target.version, user: '185' };
  }
  const variant = appType === 'Python' ? '-python3' : appType === 'R' ? '-r' : '';
  return {
    flavor: 'apache',
    image: `docker.io/library/spark:${target.version}-scala${target.scala}-java${target.java}${variant}-ubuntu`,
    sparkVersion: target.version,
    user: '185',
  };
}
