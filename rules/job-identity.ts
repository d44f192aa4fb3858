import { defineRule, refs } from '../src/rule-api.js';
import { jobName, labelValue, MAX_APP_NAME } from './_names.js';

/**
 * The service account emr2k8s writes (with its Role and RoleBinding) in every namespace it
 * converts into, when the config names none. It is our own name rather than the one the Spark
 * Operator Helm chart creates (`spark-operator-spark`, only in the chart's `spark.jobNamespaces`),
 * so that applying the output never takes over an object a Helm release owns.
 */
const DEFAULT_SERVICE_ACCOUNT = 'emr2k8s-spark';

export default defineRule({
  id: 'job-identity',
  meta: {
    description:
      'Names the SparkApplication after its EMR step (DNS-1035), sets namespace and service account, and records where it came from in annotations and labels.',
    category: 'naming',
    reads: ['steps/*', 'cluster/*', 'config/namespace', 'config/serviceAccount', 'spark.app.name'],
    writes: ['name', 'namespace', 'serviceAccount', 'labels.*', 'annotations.*'],
    messages: {
      'name-shortened': 'step name "{step}" gives a name longer than {max} characters; the job is named {name}',
    },
    severities: { 'name-shortened': 'info' },
    kinds: ['spark', 'hive', 'pig', 'streaming', 's3-dist-cp', 'script-runner', 'shell', 'custom-jar'],
    docs: 'docs/rules/job-identity.md',
  },
  apply(job, ctx) {
    const stepName = refs.step(job.step, 'name');
    const { name, shortened } = jobName(job);
    ctx.set('name', name, stepName);
    if (shortened) ctx.report('name-shortened', { step: job.step.name, max: MAX_APP_NAME, name }, { refs: [stepName] });

    const { namespace, serviceAccount } = ctx.config;
    if (namespace === 'default') ctx.setDefault('namespace', namespace, 'no namespace in the project config: the Kubernetes default namespace');
    else ctx.set('namespace', namespace, refs.config('namespace'));
    if (serviceAccount) ctx.set('serviceAccount', serviceAccount, refs.config('serviceAccount'));
    else ctx.setDefault('serviceAccount', DEFAULT_SERVICE_ACCOUNT, 'no serviceAccount in the project config: the service account emr2k8s writes, with the RBAC the Spark driver needs, into each namespace it converts into');

    const cluster = job.cluster.id ? refs.cluster('id') : job.cluster.name ? refs.cluster('name') : refs.cluster('source');
    const step = job.step.id ? refs.step(job.step, 'id') : refs.step(job.step, 'index');
    ctx.set('annotations.emr2k8s.io/source-cluster', job.cluster.key, cluster);
    ctx.set('annotations.emr2k8s.io/source-step', job.step.key, step);
    ctx.set('annotations.emr2k8s.io/step-name', job.step.name, stepName);
    ctx.setDefault('labels.app.kubernetes.io/managed-by', 'emr2k8s', 'marks the objects emr2k8s generated (Kubernetes recommended labels)');
    const clusterLabel = labelValue(job.cluster.key);
    if (clusterLabel !== '') ctx.set('labels.emr2k8s.io/cluster', clusterLabel, cluster);

    // The operator passes --name <metadata.name>, which beats --conf spark.app.name
    // (SparkSubmitArguments), so the EMR application name is kept as an annotation instead.
    const appName = ctx.conf('spark.app.name');
    if (appName) ctx.set('annotations.emr2k8s.io/spark-app-name', appName.value, appName);
  },
});
