import type { AppType, RuleContext } from '../src/rule-api.js';
import { defineRule, refs } from '../src/rule-api.js';
import { emrOnEksRegistry } from './_emr-on-eks-accounts.js';
import { SPARK_2_TARGET, targetSpark, type TargetSpark } from './_spark-version.js';

/** The first Spark release with an official image built from apache/spark-docker. */
const FIRST_OFFICIAL = { major: 3, minor: 3 };

/**
 * The official Apache Spark image (https://hub.docker.com/_/spark, built from
 * apache/spark-docker): tags `<version>-scala<s>-java<j>[-python3|-r]-ubuntu`. Spark 3.1 and
 * 3.2 predate it; the Spark project published `apache/spark` and `apache/spark-py` images
 * (`v<version>`) built with `docker-image-tool.sh` for those.
 */
function apacheImage(target: TargetSpark, type: AppType | undefined): { image: string; official: boolean } {
  const official = target.major > FIRST_OFFICIAL.major || (target.major === FIRST_OFFICIAL.major && target.minor >= FIRST_OFFICIAL.minor);
  if (!official) {
    const repo = type === 'Python' ? 'docker.io/apache/spark-py' : 'docker.io/apache/spark';
    return { image: `${repo}:v${target.version}`, official };
  }
  const variant = type === 'Python' ? '-python3' : type === 'R' ? '-r' : '';
  return { image: `docker.io/library/spark:${target.version}-scala${target.scala}-java${target.java}${variant}-ubuntu`, official };
}

/** `emr-7.13.0` from a release label (EMR on EKS tags use the bare release). */
function releaseOf(label: string): string | undefined {
  return /^emr-\d+\.\d+\.\d+/.exec(label)?.[0];
}

/** A repository from the config keeps its own tag or digest, else takes the tag the default image would have. */
function withRepository(repository: string, defaultImage: string): string {
  const lastSegment = repository.slice(repository.lastIndexOf('/') + 1);
  if (lastSegment.includes(':') || repository.includes('@')) return repository;
  return `${repository}:${defaultImage.slice(defaultImage.lastIndexOf(':') + 1)}`;
}

export default defineRule({
  id: 'spark-image',
  meta: {
    description:
      'Picks the Spark version and container image: the official Apache Spark image matching the EMR Spark (flavor apache) or the EMR on EKS image of the same release (flavor emr).',
    category: 'platform',
    reads: ['cluster/releaseLabel', 'config/image.*'],
    writes: ['sparkVersion', 'image'],
    messages: {
      'spark-2-upgrade': 'EMR {release} runs Spark {from}, which is end-of-life and has no Kubernetes operator support; the manifest targets Spark {to}',
      'java-version-change': 'EMR {release} ran Spark on Java {emrJava}; the image runs Java {imageJava}',
      'pre-official-image': 'Spark {version} predates the official Apache Spark images (3.3.0+); the manifest uses {image}',
      'unknown-ecr-region': 'there is no EMR on EKS image account for region {region}',
    },
    severities: {
      'spark-2-upgrade': 'warning',
      'java-version-change': 'info',
      'pre-official-image': 'info',
      'unknown-ecr-region': 'error',
    },
    docs: 'docs/rules/spark-image.md',
  },
  apply(job, ctx) {
    const { image: config } = ctx.config;
    const release = refs.cluster('releaseLabel');
    const target = targetSpark(job.facts);
    ctx.set('sparkVersion', target.version, release);
    if (target.upgradedFrom) {
      ctx.report(
        'spark-2-upgrade',
        { release: job.facts.releaseLabel, from: target.upgradedFrom, to: target.version },
        { refs: [release], hint: 'Test the job on Spark 3.5 first: see the Spark 2.4 → 3.x migration guides (SQL, core, PySpark).' },
      );
    }

    if (config.flavor === 'emr') {
      const registry = emrOnEksRegistry(config.region);
      if (registry === undefined) {
        ctx.report('unknown-ecr-region', { region: config.region }, { refs: [refs.config('image.region')], hint: 'Set image.region to a region from the EMR on EKS image list, or image.repository to your own image.' });
        return;
      }
      const emrRelease = target.upgradedFrom ? SPARK_2_TARGET.releaseLabel : (releaseOf(job.facts.releaseLabel) ?? SPARK_2_TARGET.releaseLabel);
      const image = `${registry}/spark/${emrRelease}:latest`;
      setImage(ctx, config.repository, image, release);
      return;
    }

    const chosen = apacheImage(target, job.submit?.appType);
    setImage(ctx, config.repository, chosen.image, release);
    if (!chosen.official) {
      ctx.report('pre-official-image', { version: target.version, image: chosen.image }, { hint: 'Check that the tag exists, or build an image with bin/docker-image-tool.sh of that Spark release and set image.repository.' });
    }
    if (job.facts.javaVersion !== target.java) {
      ctx.report(
        'java-version-change',
        { release: job.facts.releaseLabel, emrJava: job.facts.javaVersion, imageJava: target.java },
        { refs: [release], hint: 'Check JVM options and native or bytecode-level dependencies of the application for the newer Java.' },
      );
    }
  },
});

function setImage(ctx: RuleContext, repository: string | undefined, image: string, release: string): void {
  if (repository) ctx.set('image', withRepository(repository, image), refs.config('image.repository'), release);
  else ctx.set('image', image, release);
}
