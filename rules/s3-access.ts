import type { SparkJob } from '../src/rule-api.js';
import { defineRule, isSecretSetting } from '../src/rule-api.js';
import { classificationProperties, HADOOP_CLASSIFICATIONS } from './_classifications.js';
import { mentionsS3 } from './_s3-paths.js';
import { targetSpark } from './_spark-version.js';

const S3A_FILESYSTEM = 'org.apache.hadoop.fs.s3a.S3AFileSystem';
/** IRSA providers by AWS SDK generation of the image's hadoop-aws (facts §10). */
const WEB_IDENTITY_V1 = 'com.amazonaws.auth.WebIdentityTokenCredentialsProvider';
const WEB_IDENTITY_V2 = 'software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider';

/** Whether the job reads or writes S3 anywhere: the application, its arguments, its conf, the classifications. */
function usesS3(job: Readonly<SparkJob>): boolean {
  const submit = job.submit;
  const texts = [
    submit?.primaryResource?.value ?? '',
    ...(submit?.appArgs.map((a) => a.value) ?? []),
    ...Object.values(job.conf).map((e) => e.value),
    ...classificationProperties(job).map((p) => p.value),
  ];
  // emr-only-settings moves HDFS event logs under the cluster LogUri, which is on S3.
  const eventLogToS3 = job.cluster.logUri !== undefined && (job.conf['spark.eventLog.dir']?.value.startsWith('hdfs:') ?? false);
  return eventLogToS3 || texts.some(mentionsS3);
}

/** Hadoop keys the user already gives: the Spark conf (`spark.hadoop.*`) or a Hadoop XML classification wins. */
function userHadoopKeys(job: Readonly<SparkJob>): Set<string> {
  const fromConf = Object.keys(job.conf)
    .filter((k) => k.startsWith('spark.hadoop.'))
    .map((k) => k.slice('spark.hadoop.'.length));
  const fromXml = classificationProperties(job)
    .filter((p) => (HADOOP_CLASSIFICATIONS as readonly string[]).includes(p.top))
    .map((p) => p.key);
  return new Set([...fromConf, ...fromXml]);
}

export default defineRule({
  id: 's3-access',
  meta: {
    description:
      'Makes S3 work without EMRFS in Apache Spark images: s3:// and s3n:// served by S3A, IRSA credentials for S3A; emrfs-site carried over for EMR images.',
    category: 'storage',
    reads: ['spark.hadoop.*', 'cluster/configurations/emrfs-site/*', 'steps/*'],
    writes: ['hadoopConf.*'],
    messages: {
      'hadoop-aws-needed': 'the job uses S3: the image needs hadoop-aws {hadoop} and {sdk} on its classpath',
      'emrfs-site-dropped': 'emrfs-site settings {keys} configure EMRFS, which the Apache Spark image does not have',
    },
    severities: { 'hadoop-aws-needed': 'info', 'emrfs-site-dropped': 'warning' },
    docs: 'docs/rules/s3-access.md',
  },
  apply(job, ctx) {
    const apacheImage = ctx.config.image.flavor === 'apache';
    const userKeys = userHadoopKeys(job);
    const emrfs = classificationProperties(job).filter((p) => p.top === 'emrfs-site' && !isSecretSetting(p.key, p.value));
    for (const p of emrfs) {
      if (apacheImage) ctx.drop(p.ref, 'emr-only', 'an EMRFS setting; S3A reads S3 in the Apache Spark image and has its own fs.s3a.* settings');
      else if (userKeys.has(p.key)) ctx.drop(p.ref, 'superseded', `${p.key} is also set in the Spark conf or a Hadoop classification, which wins`);
      else ctx.set(`hadoopConf.${p.key}`, p.value, p.ref);
    }
    if (apacheImage && emrfs.length > 0) {
      ctx.report('emrfs-site-dropped', { keys: emrfs.map((p) => p.key).join(', ') }, {
        refs: emrfs.map((p) => p.ref),
        hint: 'Set the matching fs.s3a.* options (e.g. fs.s3a.connection.maximum, fs.s3a.server-side-encryption-algorithm) where the behaviour matters.',
      });
    }
    if (!apacheImage || !usesS3(job)) return;

    const target = targetSpark(job.facts);
    const sdkV2 = target.major >= 4;
    const scheme = 'EMR reads s3:// through EMRFS; the Apache Spark image has no EMRFS, so S3A serves the s3:// and s3n:// paths that application code and arguments still use';
    for (const key of ['fs.s3.impl', 'fs.s3n.impl']) {
      if (!userKeys.has(key)) ctx.setDefault(`hadoopConf.${key}`, S3A_FILESYSTEM, scheme);
    }
    // Static keys are picked up by S3A's default chain (SimpleAWSCredentialsProvider); forcing
    // the web-identity provider would silently ignore them.
    if (!userKeys.has('fs.s3a.aws.credentials.provider') && !userKeys.has('fs.s3a.access.key')) {
      ctx.setDefault(
        'hadoopConf.fs.s3a.aws.credentials.provider',
        sdkV2 ? WEB_IDENTITY_V2 : WEB_IDENTITY_V1,
        `IRSA: S3A's default credential chain has no web-identity provider; this is the one of the AWS SDK ${sdkV2 ? 'v2 (Hadoop 3.4)' : 'v1 (Hadoop 3.3)'} that Spark ${target.version} images use`,
      );
    }
    ctx.report(
      'hadoop-aws-needed',
      sdkV2
        ? { hadoop: "matching the image's Hadoop 3.4.x", sdk: 'the AWS SDK v2 bundle' }
        : { hadoop: target.minor >= 4 ? '3.3.4' : "matching the image's Hadoop", sdk: 'its aws-java-sdk-bundle (1.12.262 for 3.3.4)' },
      { hint: 'Bake the jars into the image (jars/), or add the hadoop-aws Maven package to deps.packages.' },
    );
  },
});
