import { describe, expect, it } from 'vitest';
import { isSecretKey } from './secrets.js';

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
