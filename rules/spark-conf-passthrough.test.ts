import { describe, expect, it } from 'vitest';
import type { RuleContext } from '../src/rule-api.js';
import { buildJob, checkRule, defaultProjectConfig } from '../src/rule-api.js';
import rule from './spark-conf-passthrough.js';

/** The default project config, as the engine hands it to rules. */
const config: RuleContext['config'] = defaultProjectConfig();

describe('spark-conf-passthrough', () => {
  it('follows its table', () => {
    checkRule(rule, [
      {
        name: 'every setting copied unchanged, secrets never',
        job: buildJob({
          conf: {
            'spark.sql.shuffle.partitions': { value: '400', layer: 'conf' },
            'spark.serializer': 'org.apache.spark.serializer.KryoSerializer',
            'spark.hadoop.fs.s3a.fast.upload': 'true',
            'spark.ssl.keyStorePassword': 'ks-EXAMPLE',
          },
        }),
        fields: {
          'sparkConf.spark.sql.shuffle.partitions': '400',
          'sparkConf.spark.serializer': 'org.apache.spark.serializer.KryoSerializer',
          'sparkConf.spark.hadoop.fs.s3a.fast.upload': 'true',
          'sparkConf.spark.ssl.keyStorePassword': undefined,
        },
        messages: [],
        dropped: [],
      },
    ]);
  });

  it('leaves settings that other rules consumed, and drops those whose field another rule wrote', () => {
    const job = buildJob({
      conf: {
        'spark.yarn.executor.memoryOverheadFactor': { value: '0.1875', layer: 'emr-default' },
        'spark.executor.memoryOverheadFactor': { value: '0.1', layer: 'conf' },
        'spark.sql.adaptive.enabled': 'true',
      },
    });
    const consumed = new Set(['emr-defaults/spark.yarn.executor.memoryOverheadFactor']);
    const calls: string[] = [];
    // The context as the engine gives it to a fallback rule after a resources rule translated
    // the EMR-only factor into sparkConf.spark.executor.memoryOverheadFactor.
    const ctx: RuleContext = {
      config,
      conf: (key) => job.conf[key],
      confKeys: () => Object.keys(job.conf),
      set: (field, value) => calls.push(`set ${field}=${String(value)}`),
      setDefault: () => calls.push('setDefault'),
      drop: (from, reason) => calls.push(`drop ${typeof from === 'string' ? from : 'key' in from ? from.key : ''} ${reason}`),
      consume: () => calls.push('consume'),
      isConsumed: (from) => typeof from !== 'string' && 'ref' in from && consumed.has(from.ref),
      fieldOwner: (field) => (field === 'sparkConf.spark.executor.memoryOverheadFactor' ? 'executor-resources' : undefined),
      report: () => calls.push('report'),
    };
    rule.apply(job, ctx, {});
    expect(calls).toEqual(['drop spark.executor.memoryOverheadFactor superseded', 'set sparkConf.spark.sql.adaptive.enabled=true']);
  });
});
