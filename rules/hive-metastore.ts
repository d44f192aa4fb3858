import { defineRule, isSecretSetting } from '../src/rule-api.js';
import {
  classificationDrop,
  classificationProperties,
  HADOOP_CLASSIFICATIONS,
  isTableFormatClassification,
  type ClassificationProperty,
} from './_classifications.js';

const GLUE_FACTORY = 'com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory';
const FACTORY_KEY = 'hive.metastore.client.factory.class';

/** Classifications other rules own: the Spark conf itself, spark-env (environment), emrfs-site (s3-access). */
const OWNED_ELSEWHERE = new Set(['spark-defaults', 'spark', 'spark-env', 'emrfs-site']);

function rank(top: string): number {
  return (HADOOP_CLASSIFICATIONS as readonly string[]).indexOf(top);
}

export default defineRule({
  id: 'hive-metastore',
  meta: {
    description:
      'Carries core-site, hive-site and spark-hive-site into hadoopConf (Spark builds its Hive client from the Hadoop conf), warns about the Glue Data Catalog client, and drops the classifications of other EMR applications with a reason.',
    category: 'storage',
    reads: ['cluster/configurations/*', 'spark.hadoop.*'],
    writes: ['hadoopConf.*'],
    messages: {
      'glue-catalog-client': 'the job uses the AWS Glue Data Catalog as its Hive metastore; the Apache Spark image has no Glue client',
      'needs-configmap': '{classification} ({count} setting(s)) is a Spark configuration file; it needs a ConfigMap mounted into the pods',
      'table-format-jars': '{classification} made EMR add the table format to the Spark classpath; the image does not have it',
    },
    docs: 'docs/rules/hive-metastore.md',
  },
  apply(job, ctx) {
    const props = classificationProperties(job);
    const hadoop = props.filter((p) => rank(p.top) >= 0 && !isSecretSetting(p.key, p.value));
    const winners = new Map<string, ClassificationProperty>();
    for (const p of hadoop) {
      if (job.conf[`spark.hadoop.${p.key}`]) {
        ctx.drop(p.ref, 'superseded', `spark.hadoop.${p.key} in the Spark conf wins over the XML files, as on EMR`);
        continue;
      }
      const current = winners.get(p.key);
      if (current && rank(current.top) > rank(p.top)) {
        ctx.drop(p.ref, 'superseded', `${current.top} also sets ${p.key}, and Spark reads it last`);
        continue;
      }
      if (current) ctx.drop(current.ref, 'superseded', `${p.top} also sets ${p.key}, and Spark reads it last`);
      winners.set(p.key, p);
    }
    for (const p of winners.values()) ctx.set(`hadoopConf.${p.key}`, p.value, p.ref);

    const factory = winners.get(FACTORY_KEY)?.value ?? job.conf[`spark.hadoop.${FACTORY_KEY}`]?.value;
    if (factory === GLUE_FACTORY && ctx.config.image.flavor === 'apache') {
      const refs = [winners.get(FACTORY_KEY)?.ref ?? job.conf[`spark.hadoop.${FACTORY_KEY}`]?.ref ?? ''];
      ctx.report('glue-catalog-client', {}, {
        refs,
        hint: 'Pick one: use EMR on EKS images (image.flavor: emr), which include the client; build the awslabs Glue Data Catalog client (it needs a patched Hive) into the image; switch to Iceberg GlueCatalog; or run a Hive Metastore.',
      });
    }

    const others = props.filter((p) => rank(p.top) < 0 && !OWNED_ELSEWHERE.has(p.top));
    const byTop = new Map<string, ClassificationProperty[]>();
    for (const p of others) byTop.set(p.top, [...(byTop.get(p.top) ?? []), p]);
    for (const [top, list] of byTop) {
      const fate = classificationDrop(top, ctx.config.scheduler?.name);
      for (const p of list) ctx.drop(p.ref, fate.reason, fate.detail);
      const refs = list.map((p) => p.ref);
      if (fate.configMap) {
        ctx.report('needs-configmap', { classification: top, count: list.length }, { refs, hint: 'Create a ConfigMap with the file and mount it at the Spark conf directory (sparkConfigMap), or set the equivalent spark.* options.' });
      }
      if (isTableFormatClassification(top)) {
        ctx.report('table-format-jars', { classification: top }, { refs, hint: 'Add the runtime jar of the table format matching the Spark version to the image, or to deps.packages.' });
      }
    }
  },
});
