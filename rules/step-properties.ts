import { defineRule, refs } from '../src/rule-api.js';

/**
 * `HadoopJarStep.Properties` are Java system properties of the step's main JVM
 * (https://docs.aws.amazon.com/emr/latest/APIReference/API_HadoopJarStepConfig.html). For a
 * Spark step that JVM is command-runner (or script-runner), which starts spark-submit as a
 * child process: system properties are not inherited, so they never reached Spark.
 */
export default defineRule({
  id: 'step-properties',
  meta: {
    description: 'Drops the step Properties of Spark steps: they were system properties of command-runner, not of Spark.',
    category: 'application',
    reads: ['steps/*/properties/*'],
    writes: [],
    messages: {
      'step-properties-dropped': 'step properties {keys} were set on the JVM of {jar}, which starts spark-submit as a separate process; Spark never saw them',
    },
    severities: { 'step-properties-dropped': 'info' },
    docs: 'docs/rules/step-properties.md',
  },
  apply(job, ctx) {
    const keys = Object.keys(job.step.properties).sort();
    if (keys.length === 0) return;
    const stepRefs = keys.map((key) => refs.step(job.step, `properties/${key}`));
    stepRefs.forEach((ref) => ctx.drop(ref, 'not-applicable', `a Java system property of ${job.step.jar}, not of the Spark application`));
    ctx.report('step-properties-dropped', { keys: keys.join(', '), jar: job.step.jar }, {
      refs: stepRefs,
      hint: 'If the application does read them, pass them as -Dkey=value in spark.driver.extraJavaOptions.',
    });
  },
});
