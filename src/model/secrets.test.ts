import { describe, expect, it } from 'vitest';
import { holdsCredentials, isSecretKey, isSecretSetting, mustWithhold, redactCredentials } from './secrets.js';

describe('isSecretKey', () => {
  it.each([
    'javax.jdo.option.ConnectionPassword',
    'fs.s3a.secret.key',
    'fs.s3a.access.key',
    'fs.s3a.session.token',
    'spark.jdbc.password',
    'spark.authenticate.secret',
    'CRM_API_TOKEN',
    'DB_PASSWORD',
    'spark.ssl.keyPassword',
  ])('%s holds a secret', (name) => expect(isSecretKey(name)).toBe(true));

  it.each([
    'fs.s3a.aws.credentials.provider',
    'spark.yarn.am.tokenConfRegex',
    'spark.security.credentials.hive.enabled',
    'spark.executor.memory',
    'hive.metastore.client.factory.class',
    'PYSPARK_PYTHON',
  ])('%s does not', (name) => expect(isSecretKey(name)).toBe(false));
});

describe('credentials inside values', () => {
  it.each([
    ['jdbc:mysql://hive:Hv3-pw!@metastore.acme.internal:3306/hive', 'jdbc:mysql://hive:<redacted>@metastore.acme.internal:3306/hive'],
    ['jdbc:postgresql://db/app?user=etl&password=s3cr3t&ssl=true', 'jdbc:postgresql://db/app?user=etl&password=<redacted>&ssl=true'],
    ['jdbc:sqlserver://db;user=etl;pwd=s3cr3t', 'jdbc:sqlserver://db;user=etl;pwd=<redacted>'],
    ['AKIAIOSFODNN7EXAMPLE', '<redacted>'],
    ['Authorization: Bearer eyJhbGciOi.abc-123', 'Authorization: Bearer <redacted>'],
  ])('%s is redacted to %s', (value, redacted) => {
    expect(holdsCredentials(value)).toBe(true);
    expect(redactCredentials(value)).toBe(redacted);
  });

  it.each(['s3://acme-lake/raw/', 'jdbc:mysql://metastore.acme.internal:3306/hive', 'thrift://metastore:9083', '--input', 'org.apache.hadoop.fs.s3a.S3AFileSystem', 'AKIA'])(
    '%s holds none',
    (value) => {
      expect(holdsCredentials(value)).toBe(false);
      expect(redactCredentials(value)).toBe(value);
    },
  );

  it('a secret name or credentials in the value make a secret setting', () => {
    expect(isSecretSetting('javax.jdo.option.ConnectionURL', 'jdbc:mysql://hive:pw@h/db')).toBe(true);
    expect(isSecretSetting('javax.jdo.option.ConnectionURL', 'jdbc:mysql://h/db')).toBe(false);
    expect(isSecretSetting('spark.jdbc.password', 'x')).toBe(true);
  });
});

describe('mustWithhold', () => {
  it('withholds literals under secret names and credentials in any value, never an env reference', () => {
    expect(mustWithhold('spark.jdbc.password', 'hunter2')).toBe(true);
    expect(mustWithhold('spark.jdbc.password', '${env:DB_PASSWORD}')).toBe(false);
    expect(mustWithhold('javax.jdo.option.ConnectionURL', 'jdbc:mysql://hive:pw@h/db')).toBe(true);
    expect(mustWithhold('javax.jdo.option.ConnectionURL', 'jdbc:mysql://h/db')).toBe(false);
  });
});
