import type { From } from '../src/rule-api.js';
import { defineRule, isSecretSetting, refs } from '../src/rule-api.js';
import { classificationProperties } from './_classifications.js';

/**
 * Template placeholders that an orchestrator filled in at run time (DESIGN §4: kept verbatim
 * and reported, never guessed): Airflow/Jinja `{{ … }}`, `${…}` (CloudFormation `Fn::Sub`,
 * Terraform, shell, and the Step Functions importer's `${$.args}` /
 * `${States.Format('{}', $.x)}`, whose one level of inner braces belongs to the placeholder),
 * Step Functions JSONata expressions `{% $states.input.date %}`, and CloudFormation intrinsics
 * kept as text (`!Ref x`, `Fn::GetAtt`).
 * A bare shell `$VAR` is left to normalization, which reports it where a shell would expand it.
 */
const PLACEHOLDER = /\{%[\s\S]*?%\}|\{\{.*?\}\}|\$\{(?:[^{}]|\{[^{}]*\})*\}|^!(Ref|Sub|GetAtt|Join|ImportValue|FindInMap|Select|Split|If)\b|Fn::[A-Za-z]+/;
/** In a `bash -c` string `${…}` is the shell's own (reported by normalization); Jinja is not. */
const JINJA = /\{\{.*?\}\}/;

export default defineRule({
  id: 'placeholders',
  meta: {
    description: 'Reports template placeholders ({{ ds }}, ${Param}, {% JSONata %}, !Ref) that are kept verbatim in the manifest.',
    category: 'application',
    reads: ['steps/*', 'spark.*', 'cluster/configurations/*'],
    writes: [],
    messages: {
      'placeholder-kept': '{where} holds the placeholder {placeholder}, kept verbatim: whatever filled it in on EMR does not run here',
    },
    // Every kind: a step whose whole argument list is one run-time value (a Step Functions
    // `Args.$`) is not recognisable as Spark, and its placeholder must still be reported.
    kinds: ['spark', 'hive', 'pig', 'streaming', 's3-dist-cp', 'script-runner', 'shell', 'custom-jar'],
    docs: 'docs/rules/placeholders.md',
  },
  apply(job, ctx) {
    const check = (where: string, value: string, from: From, pattern = PLACEHOLDER) => {
      const found = pattern.exec(value);
      if (!found) return;
      ctx.report(
        'placeholder-kept',
        { where, placeholder: found[0] },
        { refs: [from], hint: 'Fill it in the manifest, or template the manifest in the tool that deploys it (Airflow, Helm, Kustomize).' },
      );
    };
    const submit = job.submit;
    if (job.kind !== 'spark') {
      // Only the arguments: the cluster's settings are reported on the Spark jobs, once.
      job.step.args.forEach((value, i) => check(`step argument ${i + 1}`, value, refs.stepArg(job.step, i)));
      return;
    }
    if (submit) {
      const pattern = submit.launcher === 'bash-c' ? JINJA : PLACEHOLDER;
      if (submit.primaryResource) check('the application file', submit.primaryResource.value, submit.primaryResource, pattern);
      submit.appArgs.forEach((arg, i) => check(`application argument ${i + 1}`, arg.value, arg, pattern));
    }
    for (const key of ctx.confKeys()) {
      const entry = job.conf[key];
      if (entry && !isSecretSetting(key, entry.value)) check(key, entry.value, entry);
    }
    for (const property of classificationProperties(job)) {
      if (!isSecretSetting(property.key, property.value)) check(`${property.path.join('/')}/${property.key}`, property.value, property.ref);
    }
    // Event logs move under the LogUri (emr-only-settings), so a placeholder there reaches the manifest.
    if (job.cluster.logUri !== undefined) check('the cluster LogUri', job.cluster.logUri, refs.cluster('logUri'));
  },
});
