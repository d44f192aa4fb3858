import type { ConfEntry, From } from '../src/rule-api.js';
import { defineRule } from '../src/rule-api.js';
import { isEmrSystemPath } from './_emr-paths.js';
import { splitList } from './_s3-paths.js';
import { imageExamplesJar, isEmrExamplesJar } from './_spark-examples.js';

/** Settings whose value is a list of files Spark fetches (facts §1.1, §5). */
const LIST_KEYS = ['spark.jars', 'spark.yarn.dist.jars', 'spark.files', 'spark.yarn.dist.files', 'spark.submit.pyFiles', 'spark.yarn.dist.pyFiles', 'spark.archives', 'spark.yarn.dist.archives'];
/** Settings that name one file Spark or the JVM opens. */
const FILE_KEY = /(File|\.file|keytab|\.keyStore|\.trustStore)$/;
const CLASSPATH_KEYS = ['spark.driver.extraClassPath', 'spark.executor.extraClassPath'];

const EXAMPLES = '/usr/lib/spark/examples/';
/** A scheme other than `file:`: remote (s3, https, …) or `local://` (already in the image). */
const REMOTE = /^(?!file:)[a-z][a-z0-9+.-]*:\/\//i;

type Where = 'master' | 'hdfs' | 'examples';

/** Where a path lives if it cannot be fetched from Kubernetes, or undefined when it can. */
function localKind(path: string): Where | undefined {
  const p = path.replace(/#.*$/, '');
  if (p.startsWith('hdfs:')) {
    // No authority, or an EMR node's private DNS name: the cluster's own HDFS.
    const host = /^hdfs:\/\/([^/]*)/.exec(p)?.[1] ?? '';
    return host === '' || /(\.ec2\.internal|\.compute\.internal|^localhost)(:\d+)?$/.test(host) ? 'hdfs' : undefined;
  }
  if (REMOTE.test(p)) return undefined;
  if (p.replace(/^file:(\/\/)?/, '').startsWith(EXAMPLES)) return 'examples';
  return 'master';
}

export default defineRule({
  id: 'master-local-paths',
  meta: {
    description:
      'Reports application files, dependencies and file settings that live on the EMR master node or in the cluster HDFS, which pods cannot read.',
    category: 'application',
    reads: [...LIST_KEYS, ...CLASSPATH_KEYS, 'spark.*File', 'spark.*keytab', 'steps/*'],
    writes: [],
    messages: {
      'master-local-path': '{setting} names {path}, a file on the EMR node that pods cannot read',
      'hdfs-path': '{setting} names {path} in the EMR cluster HDFS, which does not exist on Kubernetes',
      'spark-examples-path': '{setting} names the EMR copy of the Spark examples, {path}',
    },
    docs: 'docs/rules/master-local-paths.md',
  },
  apply(job, ctx) {
    const examplesJar = imageExamplesJar(job.facts, 'apache');
    const check = (setting: string, path: string, from: From) => {
      const kind = localKind(path);
      if (kind === 'examples') {
        const rest = path.replace(/^file:(\/\/)?/, '').slice(EXAMPLES.length);
        const local = /^jars\/spark-examples[^/]*\.jar$/.test(rest) ? examplesJar : `local:///opt/spark/examples/${rest}`;
        ctx.report('spark-examples-path', { setting, path }, { refs: [from], hint: `The Apache Spark images carry the examples: use ${local}.` });
      } else if (kind === 'hdfs') {
        ctx.report('hdfs-path', { setting, path }, { refs: [from], hint: 'Copy the data to S3 (s3-dist-cp or DistCp) and point the job there.' });
      } else if (kind === 'master') {
        ctx.report('master-local-path', { setting, path }, { refs: [from], hint: 'Upload it to S3, or bake it into the image and use local:///path/in/image.' });
      }
    };

    const primary = job.submit?.primaryResource;
    // The application rule points EMR's examples jar at the image's own copy.
    if (primary && !isEmrExamplesJar(primary.value)) check('the application file', primary.value, primary);
    for (const key of LIST_KEYS) {
      const entry = ctx.conf(key);
      if (entry) splitList(entry.value).forEach((p) => check(key, p, entry));
    }
    for (const key of CLASSPATH_KEYS) {
      const entry = ctx.conf(key);
      // The EMR installation paths are removed by emr-only-settings; the user's own entries stay.
      if (entry) entry.value.split(':').filter((p) => p.trim() !== '' && !isEmrSystemPath(p)).forEach((p) => check(key, p, entry));
    }
    for (const key of ctx.confKeys()) {
      const entry = ctx.conf(key) as ConfEntry;
      if (FILE_KEY.test(key) && entry.value.trim() !== '') check(key, entry.value.trim(), entry);
    }
  },
});
