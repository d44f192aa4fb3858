import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emrDefaults } from '../catalog/emr-defaults.js';
import { compareStrings } from '../model/order.js';
import { parseSparkSubmit } from './spark-submit-parser.js';
import { FLAG_KEYS, resolveConf } from './resolve-conf.js';

const defaults = emrDefaults({ major: 6, minor: 15, patch: 0 });
const submitOf = (...args: string[]) =>
  parseSparkSubmit(
    args.map((value, i) => ({ value, ref: `steps/s-1K4N2D6OZ8P9Q/args/${i + 1}` })),
    { launcher: 'spark-submit' },
  ).submit;
const sparkDefaults = [
  { key: 'spark.executor.memory', value: '18971M', ref: 'cluster/configurations/spark-defaults/spark.executor.memory' },
  { key: 'spark.sql.shuffle.partitions', value: '400', ref: 'cluster/configurations/spark-defaults/spark.sql.shuffle.partitions' },
];

describe('resolveConf', () => {
  it('layers EMR defaults < maximizeResourceAllocation < spark-defaults < --conf < flags', () => {
    const submit = submitOf('--conf', 'spark.executor.memory=12g', '--executor-memory', '10g', '--conf', 'spark.driver.memory=6g', 'app.jar');
    const { conf } = resolveConf({
      defaults,
      maximized: [{ key: 'spark.executor.memory', value: '48289m' }, { key: 'spark.driver.memory', value: '10347m' }],
      sparkDefaults,
      submit,
    });
    expect(conf['spark.executor.memory']).toEqual({
      key: 'spark.executor.memory',
      value: '10g',
      layer: 'flag',
      ref: 'steps/s-1K4N2D6OZ8P9Q/args/4',
      shadowed: [
        { value: '4743M', layer: 'emr-default', ref: 'emr-defaults/spark.executor.memory' },
        { value: '48289m', layer: 'maximize-resource-allocation', ref: 'cluster/configurations/spark/maximizeResourceAllocation' },
        { value: '18971M', layer: 'spark-defaults', ref: 'cluster/configurations/spark-defaults/spark.executor.memory' },
        { value: '12g', layer: 'conf', ref: 'steps/s-1K4N2D6OZ8P9Q/args/2' },
      ],
    });
    expect(conf['spark.driver.memory']).toMatchObject({ value: '6g', layer: 'conf' });
    expect(conf['spark.shuffle.service.enabled']).toMatchObject({ value: 'true', layer: 'emr-default', shadowed: [] });
    expect(Object.keys(conf)).toEqual(Object.keys(conf).sort(compareStrings));
  });

  it('maps every dedicated flag to its key', () => {
    const args = Object.keys(FLAG_KEYS).flatMap((option) => [`--${option}`, option === 'deploy-mode' ? 'cluster' : `v-${option}`]);
    const { conf } = resolveConf({ defaults: [], maximized: [], sparkDefaults: [], submit: submitOf(...args, 'app.jar') });
    for (const [option, key] of Object.entries(FLAG_KEYS)) {
      expect(conf[key], option).toMatchObject({ layer: 'flag', value: option === 'deploy-mode' ? 'cluster' : `v-${option}` });
    }
    expect(Object.values(conf).some((e) => e.value === 'v-proxy-user')).toBe(false);
  });

  it('warns about the assumed executor size only when a Spark job relies on it', () => {
    const assumed = resolveConf({ defaults, maximized: [], sparkDefaults: [], submit: submitOf('app.jar') });
    expect(assumed.diagnostics).toMatchObject([{ code: 'emr-executor-size-assumed', severity: 'warning', refs: ['emr-defaults/spark.executor.cores', 'emr-defaults/spark.executor.memory'] }]);
    expect(assumed.diagnostics[0]?.hint).toContain('/etc/spark/conf/spark-defaults.conf');

    const coresOnly = resolveConf({ defaults, maximized: [], sparkDefaults, submit: submitOf('app.jar') });
    expect(coresOnly.diagnostics[0]?.refs).toEqual(['emr-defaults/spark.executor.cores']);

    const sized = resolveConf({ defaults, maximized: [], sparkDefaults, submit: submitOf('--executor-cores', '5', 'app.jar') });
    expect(sized.diagnostics).toEqual([]);
    expect(resolveConf({ defaults, maximized: [], sparkDefaults: [] }).diagnostics).toEqual([]);
  });

  it('reports an unreadable properties file and says it replaces spark-defaults.conf', () => {
    const { diagnostics } = resolveConf({ defaults: [], maximized: [], sparkDefaults, submit: submitOf('--properties-file', 's3://acme/conf/etl.conf', 'app.jar') });
    expect(diagnostics).toMatchObject([{ code: 'properties-file-unreadable', severity: 'warning', refs: ['steps/s-1K4N2D6OZ8P9Q/args/2'] }]);
    expect(diagnostics[0]?.message).toContain('replaces spark-defaults.conf');
  });

  it('lets the last --conf win and shadows every earlier value, lowest first', () => {
    const values = fc.array(fc.string(), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(values, (list) => {
        const submit = submitOf(...list.flatMap((v) => ['--conf', `spark.app.name=${v}`]), 'app.jar');
        const entry = resolveConf({ defaults: [], maximized: [], sparkDefaults: [], submit }).conf['spark.app.name'];
        expect(entry?.value).toBe(list[list.length - 1]);
        expect(entry?.shadowed.map((s) => s.value)).toEqual(list.slice(0, -1));
      }),
    );
  });
});
