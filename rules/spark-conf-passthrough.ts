import { defineRule, isSecretSetting } from '../src/rule-api.js';

export default defineRule({
  id: 'spark-conf-passthrough',
  meta: {
    description: 'Copies every Spark setting no other rule handled into sparkConf, unchanged (secret settings excepted).',
    category: 'platform',
    reads: ['*'],
    writes: ['sparkConf.*'],
    messages: {},
    fallback: true,
    docs: 'docs/rules/spark-conf-passthrough.md',
  },
  apply(_job, ctx) {
    for (const key of ctx.confKeys()) {
      const entry = ctx.conf(key);
      if (!entry || ctx.isConsumed(entry) || isSecretSetting(key, entry.value)) continue;
      const owner = ctx.fieldOwner(`sparkConf.${key}`);
      if (owner !== undefined) {
        ctx.drop(entry, 'superseded', `rule ${owner} sets sparkConf ${key} from other inputs`);
        continue;
      }
      ctx.set(`sparkConf.${key}`, entry.value, entry);
    }
  },
});
