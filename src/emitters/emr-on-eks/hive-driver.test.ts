import { describe, expect, it } from 'vitest';
import { hiveDriver } from './hive-driver.js';

const step = (...args: string[]) => ({ step: { args: ['hive-script', '--run-hive-script', '--args', ...args] } }) as Parameters<typeof hiveDriver>[0];

describe('hiveDriver', () => {
  it('turns -f into the entry point and -d, --define, --hivevar, --hiveconf into spark-sql options', () => {
    expect(hiveDriver(step('-f', 's3://b/q.sql', '-d', 'A=1', '--define', 'B=2', '--hivevar', 'C=3', '--hiveconf', 'hive.exec.dynamic.partition=true', '--hivevar=D=4'))).toEqual({
      ok: true,
      entryPoint: 's3://b/q.sql',
      sparkSqlParameters: '--hivevar A=1 --hivevar B=2 --hivevar C=3 --hiveconf hive.exec.dynamic.partition=true --hivevar D=4',
    });
  });

  it('has no parameters for a bare script', () => {
    expect(hiveDriver(step('-f', 's3://b/q.sql'))).toEqual({ ok: true, entryPoint: 's3://b/q.sql' });
  });

  it.each([
    [step('-e', 'select 1'), 'option -e has no sparkSqlJobDriver equivalent'],
    [step('-d', 'A=1'), 'the step names no script (-f)'],
    [step('-f'), 'option -f has no value'],
    [step('-f', 's3://b/q.sql', '-d', 'A=two words'), '"A=two words" contains white space, which sparkSqlParameters cannot quote'],
    [{ step: { args: ['s3://b/script.sh'] } } as Parameters<typeof hiveDriver>[0], 'the step does not run hive-script --run-hive-script --args'],
  ])('refuses what spark-sql cannot run the same way (%#)', (job, reason) => {
    expect(hiveDriver(job)).toEqual({ ok: false, reason });
  });
});
