import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir, type CliRun } from './support/run-cli.js';

/**
 * The secrets corpus (issue 6): realistic EMR exports full of passwords, AWS keys, session
 * tokens, JDBC URLs with passwords and bearer tokens. No secret value may reach any written
 * file (manifests, provenance, report, state), stdout or stderr of convert, explain or diff.
 * A leak fails with the list of every place it was found, so the rule or emitter to fix is
 * named in the failure.
 */
const CORPUS = join(ROOT, 'test', 'secrets-corpus');
const INPUTS = ['cluster-export', 'steps-file', 'run-job-flow'] as const;
const TARGETS = ['--target', 'spark-operator', '--target', 'spark-submit', '--target', 'emr-on-eks'];

/** Every secret value planted in the corpus, by the input and setting that carries it. */
const SECRETS: Record<string, string> = {
  'cluster-export spark-defaults spark.hadoop.fs.s3a.access.key': 'AKIAQ7CORPUSSPARK001',
  'cluster-export spark-defaults spark.hadoop.fs.s3a.secret.key': 'sparkDefaultsSecretKey/Corpus+0001xyzABCDEFGHIJ',
  'cluster-export spark-defaults spark.hadoop.fs.s3a.session.token': 'FwoGZXIvYXdzEBcorpusSessionTokenSparkDefaults0001',
  'cluster-export spark-defaults spark.executorEnv.WAREHOUSE_DB_PASSWORD': 'execEnvWarehousePw-c0rpus-0002',
  'cluster-export spark-defaults spark.yarn.appMasterEnv.STRIPE_API_KEY': 'sk_live_corpusStripeKey0003',
  'cluster-export hive-site ConnectionURL user:password@': 'hiveUrlPw-c0rpus-0004',
  'cluster-export hive-site ConnectionURL ?password=': 'hiveQueryPw-c0rpus-0005',
  'cluster-export hive-site javax.jdo.option.ConnectionPassword': 'hiveMetastorePw-c0rpus-0006',
  'cluster-export core-site fs.s3a.access.key': 'AKIAQ7CORPUSCORE0007',
  'cluster-export core-site fs.s3a.secret.key': 'coreSiteSecretKey/Corpus+0007xyzABCDEFGHIJKL',
  'cluster-export core-site fs.azure.account.oauth2.client.secret': 'azureClientSecret-c0rpus-0008',
  'cluster-export spark-env AWS_SESSION_TOKEN': 'IQoJb3JpZ2luX2VjEcorpusSparkEnvSessionToken0009',
  'cluster-export step --conf spark.hadoop.fs.s3a.secret.key': 'stepConfSecretKey/Corpus+0010xyzABCDEFGHIJ',
  'cluster-export step --conf spark.hadoop.fs.s3a.access.key': 'AKIAQ7CORPUSSTEP0011',
  'cluster-export step --conf spark.jdbc.password': 'stepConfJdbcPw-c0rpus-0012',
  'cluster-export step argument JDBC URL user:password@': 'argUrlPw-c0rpus-0013',
  'cluster-export step argument --token': 'argPartnerToken-c0rpus-0014',
  'cluster-export step argument Authorization: Bearer': 'eyJhbGciOiJIUzI1NiJ9.corpusBearer0015.sig',
  'cluster-export step argument --password=': 'argInlinePw-c0rpus-0016',
  'cluster-export step --conf spark.executorEnv.AWS_SECRET_ACCESS_KEY': 'stepEnvSecretAccessKey/Corpus+0017xyzABCDEF',
  'cluster-export step --conf spark.kubernetes.driverEnv.AWS_SESSION_TOKEN': 'FwoGZXIvYXdzEBcorpusStepDriverEnvToken0018',
  'cluster-export step argument JDBC URL ?password=': 'argQueryPw-c0rpus-0019',
  'cluster-export step argument --aws-secret-access-key': 'argAwsSecretKey/Corpus+0020xyzABCDEFGHIJKL',
  'steps-file --conf spark.hadoop.fs.s3a.session.token': 'FwoGZXIvYXdzEBcorpusStepsFileToken0021',
  'steps-file --conf spark.cassandra.auth.password': 'stepsFileCassandraPw-c0rpus-0022',
  'steps-file argument --api-key': 'stepsFileApiKey-c0rpus-0023',
  'steps-file argument JDBC URL user:password@': 'stepsFileUrlPw-c0rpus-0024',
  'steps-file --conf spark.executorEnv.KAFKA_SASL_PASSWORD': 'stepsFileKafkaPw-c0rpus-0025',
  'steps-file argument --bearer-token': 'stepsFileBearer-c0rpus-0026',
  'run-job-flow spark-defaults spark.hadoop.fs.s3a.access.key': 'AKIAQ7CORPUSYAML0027',
  'run-job-flow spark-defaults spark.hadoop.fs.s3a.secret.key': 'yamlSparkSecretKey/Corpus+0028xyzABCDEFGHIJ',
  'run-job-flow spark-defaults spark.sql.catalog.crm.password': 'yamlCatalogPw-c0rpus-0029',
  'run-job-flow core-site fs.s3a.session.token': 'FwoGZXIvYXdzEBcorpusYamlCoreSiteToken0030',
  'run-job-flow spark-env SALESFORCE_CLIENT_SECRET': 'yamlSfClientSecret-c0rpus-0031',
  'run-job-flow bash -c --conf spark.executorEnv.SF_PASSWORD': 'yamlShellEnvPw-c0rpus-0032',
  'run-job-flow bash -c argument Authorization: Bearer': 'yamlShellBearer-c0rpus-0033',
  'run-job-flow argument --sf-token': 'yamlArgToken-c0rpus-0034',
  'run-job-flow argument JDBC URL ?password=': 'yamlQueryPw-c0rpus-0035',
};

/** A rotated secret for the second conversion that diff compares: differs, never contains the original. */
const rotate = (secret: string) => [...secret].reverse().join('');
const ALL_VALUES = Object.entries(SECRETS).flatMap(([name, value]) => [
  { name, value },
  { name: `${name} (rotated)`, value: rotate(value) },
]);

/** The part of `convert --format json` this test reads. */
interface ConvertReport {
  jobs: Array<{ id: string; files: string[]; diagnostics: Array<{ code: string }> }>;
}

/** One text the tool produced, named by where it went. */
interface Output {
  where: string;
  text: string;
}

let root: string;
const outputs: Output[] = [];
const converted: Record<string, CliRun> = {};

function run(label: string, args: string[]): CliRun {
  const result = runCli(args, { cwd: root });
  outputs.push({ where: `stdout of ${label}`, text: result.stdout }, { where: `stderr of ${label}`, text: result.stderr });
  return result;
}

/** Every file under `dir`, hidden state files included: they are written too. */
function collectFiles(dir: string): void {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) collectFiles(full);
    else outputs.push({ where: relative(root, full), text: readFileSync(full, 'utf8') });
  }
}

/** Every secret found, as "<secret name> in <where>". */
function leaks(filter: (o: Output) => boolean): string[] {
  const found: string[] = [];
  for (const output of outputs.filter(filter)) {
    for (const { name, value } of ALL_VALUES) if (output.text.includes(value)) found.push(`${name} in ${output.where}`);
  }
  return found;
}

/** Copies an input with every secret rotated, so that a diff of the two conversions touches every secret. */
function rotatedCopy(input: string): string {
  const copy = join(root, 'rotated', input);
  cpSync(join(CORPUS, input), copy, { recursive: true });
  for (const name of readdirSync(copy)) {
    let text = readFileSync(join(copy, name), 'utf8');
    for (const value of Object.values(SECRETS)) text = text.split(value).join(rotate(value));
    writeFileSync(join(copy, name), text);
  }
  return copy;
}

beforeAll(() => {
  root = tempDir('emr2k8s-secrets-');
  for (const input of INPUTS) {
    const source = join(CORPUS, input);
    const out = join('out', input);
    converted[input] = run(`convert ${input} --format json`, ['convert', source, '--out', out, ...TARGETS, '--format', 'json']);
    run(`convert ${input} (text, re-run)`, ['convert', source, '--out', out, ...TARGETS]);
    run(`convert ${input} --check`, ['convert', source, '--out', out, ...TARGETS, '--check', '--format', 'json']);
    const rotatedOut = join('rotated-out', input);
    run(`convert rotated ${input}`, ['convert', rotatedCopy(input), '--out', rotatedOut, ...TARGETS]);

    const report = JSON.parse(converted[input].stdout) as ConvertReport;
    for (const job of report.jobs) {
      run(`explain ${job.id} --format json`, ['explain', source, '--job', job.id, '--format', 'json']);
      run(`explain ${job.id}`, ['explain', source, '--job', job.id]);
    }
    run(`diff ${input} (text)`, ['diff', out, rotatedOut]);
    run(`diff ${input} --format json`, ['diff', out, rotatedOut, '--format', 'json']);
  }
  collectFiles(join(root, 'out'));
  collectFiles(join(root, 'rotated-out'));
}, 240_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('secrets corpus', () => {
  it('converts every input for every target', () => {
    for (const input of INPUTS) {
      expect(converted[input]?.status, `${input}: ${converted[input]?.stderr}`).toBe(0);
      const files = outputs.filter((o) => o.where.startsWith(join('out', input)));
      for (const target of ['spark-operator', 'spark-submit', 'emr-on-eks']) {
        expect(files.some((f) => f.where.startsWith(join('out', input, target))), `${input} ${target}`).toBe(true);
      }
    }
  });

  it('writes no secret value to any file: manifests, provenance, report, state', () => {
    const found = leaks((o) => !o.where.startsWith('stdout') && !o.where.startsWith('stderr'));
    expect(found, `secret values in written files:\n${found.join('\n')}`).toEqual([]);
  });

  it('prints no secret value on stdout or stderr of convert (json, text, --check)', () => {
    const found = leaks((o) => /^std(out|err) of convert/.test(o.where));
    expect(found, `secret values printed by convert:\n${found.join('\n')}`).toEqual([]);
  });

  it('prints no secret value from explain (text and json)', () => {
    const found = leaks((o) => /^std(out|err) of explain/.test(o.where));
    expect(found, `secret values printed by explain:\n${found.join('\n')}`).toEqual([]);
  });

  it('prints no secret value from a diff of two conversions whose secrets differ', () => {
    const found = leaks((o) => /^std(out|err) of diff/.test(o.where));
    expect(found, `secret values printed by diff:\n${found.join('\n')}`).toEqual([]);
  });

  it('replaces secret settings by Secret references, each reported', () => {
    for (const input of INPUTS) {
      const report = JSON.parse(converted[input]?.stdout ?? '{}') as ConvertReport;
      expect(report.jobs.length, input).toBeGreaterThan(0);
      for (const job of report.jobs) {
        // Every job of the corpus carries secret settings from its cluster or its own --conf.
        expect(job.diagnostics.map((d) => d.code), job.id).toContain('secret-reference');
        const manifestPath = job.files.find((f) => f.startsWith('spark-operator/') && f.endsWith('.yaml'));
        const manifest = outputs.find((o) => o.where === join('out', input, manifestPath ?? '\0'));
        expect(manifest?.text, job.id).toMatch(/secretKeyRef:\s+name: \S+-secrets\s+key: \S+/);
      }
    }
    const partnerExport = (JSON.parse(converted['cluster-export']?.stdout ?? '{}') as ConvertReport).jobs.find((j) => j.id.endsWith('s-BILLSTEP00002'));
    // spark.jdbc.password is a Spark conf key: it is passed as ${env:VAR}, with the note that only Spark expands it.
    expect(partnerExport?.diagnostics.map((d) => d.code)).toContain('spark-conf-secret');
  });
});
