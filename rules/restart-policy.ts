import { defineRule, refs } from '../src/rule-api.js';
import { classificationProperty, deployMode, parseSparkInt } from './_resources-common.js';

const MAX_ATTEMPTS = 'spark.yarn.maxAppAttempts';
const RM_MAX_ATTEMPTS = 'yarn.resourcemanager.am.max-attempts';
/** Hadoop yarn-default.xml `yarn.resourcemanager.am.max-attempts`. */
const HADOOP_DEFAULT_ATTEMPTS = 2;
/** The operator's default retry interval in seconds when the type is not Never (defaults.go). */
const OPERATOR_RETRY_INTERVAL_S = 5;
/** Step actions that stop the steps after a failed one (facts §8.4). */
const STOPPING_ACTIONS = new Set(['TERMINATE_CLUSTER', 'TERMINATE_JOB_FLOW', 'CANCEL_AND_WAIT']);

/**
 * How often EMR retried the driver, as an operator `restartPolicy` (facts §5 maxAppAttempts
 * row, §7.1). YARN retries the ApplicationMaster; in cluster mode the driver lives in it, in
 * client mode it does not. See docs/rules/restart-policy.md.
 */
export default defineRule({
  id: 'restart-policy',
  meta: {
    description: 'Driver retries from spark.yarn.maxAppAttempts in cluster mode, none in client mode; step failure actions explained',
    category: 'yarn',
    reads: [MAX_ATTEMPTS, 'spark.submit.deployMode', `cluster/configurations/yarn-site/${RM_MAX_ATTEMPTS}`, 'steps/*/actionOnFailure'],
    writes: ['restartPolicy.*'],
    messages: {
      'invalid-value': '{key} = "{value}" is not {expected}, so Spark would reject it; restartPolicy is left unset',
      'client-mode-no-retry':
        'spark.yarn.maxAppAttempts = {attempts} had no effect on the driver: it ran in client mode on the EMR master node, outside YARN, and was never retried; restartPolicy is Never',
      'step-chain':
        'The step stops later steps when it fails ({action}); Kubernetes has no step chain, so express that dependency in the orchestrator that runs the jobs',
    },
    severities: { 'invalid-value': 'error', 'client-mode-no-retry': 'info', 'step-chain': 'info' },
    docs: 'docs/rules/restart-policy.md',
  },
  apply(job, ctx) {
    const action = job.step.actionOnFailure;
    if (STOPPING_ACTIONS.has(action)) {
      ctx.report(
        'step-chain',
        { action },
        {
          refs: [refs.step(job.step, 'actionOnFailure')],
          hint: 'Run the converted jobs in order from Airflow, Argo Workflows or AWS Step Functions and stop on failure there.',
        },
      );
    }

    const attempts = job.conf[MAX_ATTEMPTS];
    const mode = deployMode(job);
    if (mode.mode === 'client') {
      if (attempts) {
        ctx.report('client-mode-no-retry', { attempts: attempts.value }, { refs: [attempts] });
        ctx.drop(attempts, 'not-applicable', 'in client mode YARN retried only the executor launcher, never the driver');
      }
      const reason = 'client deploy mode (spark-submit default on EMR): the driver ran on the master node and EMR never retried it';
      if (mode.entry) ctx.set('restartPolicy.type', 'Never', mode.entry);
      else ctx.setDefault('restartPolicy.type', 'Never', reason);
      return;
    }

    const individual = attempts === undefined ? undefined : parseSparkInt(attempts.value, Number.MIN_SAFE_INTEGER);
    if (attempts !== undefined && individual === undefined) {
      ctx.report('invalid-value', { key: MAX_ATTEMPTS, value: attempts.value, expected: 'a whole number' }, { refs: [attempts] });
      ctx.consume(attempts);
      return;
    }
    // The ResourceManager caps the application's value at its global maximum and uses the
    // global value when the application's is missing or not positive (RMAppImpl constructor).
    const rm = classificationProperty(job, 'yarn-site', RM_MAX_ATTEMPTS);
    const rmValue = rm === undefined ? undefined : parseSparkInt(rm.value, 1);
    const global = rmValue ?? HADOOP_DEFAULT_ATTEMPTS;
    const useIndividual = individual !== undefined && individual > 0 && individual <= global;
    const total = useIndividual ? individual : global;
    const from = [...(mode.entry ? [mode.entry] : []), ...(attempts ? [attempts] : []), ...(rm && rmValue !== undefined && !useIndividual ? [rm] : [])];

    if (total <= 1) {
      ctx.set('restartPolicy.type', 'Never', ...from);
      return;
    }
    ctx.set('restartPolicy.type', 'OnFailure', ...from);
    ctx.set('restartPolicy.onFailureRetries', total - 1, ...from);
    // A failed submission is the closest Kubernetes analogue of an attempt YARN could not launch.
    ctx.set('restartPolicy.onSubmissionFailureRetries', total - 1, ...from);
    const interval = `YARN starts the next attempt at once; ${OPERATOR_RETRY_INTERVAL_S} s is the operator's own default`;
    ctx.setDefault('restartPolicy.onFailureRetryInterval', OPERATOR_RETRY_INTERVAL_S, interval);
    ctx.setDefault('restartPolicy.onSubmissionFailureRetryInterval', OPERATOR_RETRY_INTERVAL_S, interval);
  },
});
