import type { From } from '../src/rule-api.js';
import { defineRule, isSecretKey } from '../src/rule-api.js';
import { classificationProperties } from './_classifications.js';

/**
 * Template placeholders that an orchestrator filled in at run time (DESIGN §4: kept verbatim
 * and reported, never guessed): Airflow/Jinja `{{ … }}`, `${…}` (CloudFormation `Fn::Sub`,
 * Terraform, shell), and CloudFormation intrinsics kept as text (`!Ref x`, `Fn::GetAtt`).
 * A bare shell `$VAR` is left to normalization, which reports it where a shell would expand it.
 */
const PLACEHOLDER = /\{\{.*?\}\}|\$\{[^}]*\}|^!(Ref|Sub|GetAtt|Join|ImportValue|FindInMap|Select|Split|If)\b|Fn::[A-Za-z]+/;

export default defineRule({
  id: 'placeholders',
  meta: {
    description: 'Reports template placeholders ({{ ds }}, ${Param}, !Ref) that are kept verbatim in the manifest.',
    category: 'application',
    reads: ['steps/*', 'spark.*', 'cluster/configurations/*'],
    writes: [],
    messages: {
      'placeholder-kept': '{where} holds the placeholder {placeholder}, kept verbatim: whatever filled it in on EMR does not run here',
    },
    docs: 'docs/rules/placeholders.md',
  },
  apply(job, ctx) {
    const check = (where: string, value: string, from: From) => {
      const found = PLACEHOLDER.exec(value);
      if (!found) return;
      ctx.report(
        'placeholder-kept',
        { where, placeholder: found[0] },
        { refs: [from], hint: 'Fill it in the manifest, or template the manifest in the tool that deploys it (Airflow, Helm, Kustomize).' },
      );
    };
    const submit = job.submit;
    // A `bash -c` string's variables were expanded by the shell and are reported by normalization.
    if (submit && submit.launcher !== 'bash-c') {
      if (submit.primaryResource) check('the application file', submit.primaryResource.value, submit.primaryResource);
      submit.appArgs.forEach((arg, i) => check(`application argument ${i + 1}`, arg.value, arg));
    }
    for (const key of ctx.confKeys()) {
      const entry = job.conf[key];
      if (entry && !isSecretKey(key)) check(key, entry.value, entry);
    }
    for (const property of classificationProperties(job)) {
      if (!isSecretKey(property.key)) check(`${property.path.join('/')}/${property.key}`, property.value, property.ref);
    }
  },
});
