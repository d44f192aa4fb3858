import fc from 'fast-check';
import { clashingVariants, stepNameBase, userString } from './user-strings.js';

/** One Spark setting given on a step's command line, as spark-submit splits it (at the first `=`). */
export interface PlantedConf {
  key: string;
  value: string;
}

/** What the generator put into one step, to compare the written manifests with. */
export interface PlantedStep {
  id: string;
  name: string;
  kind: 'spark' | 'hive';
  /** Spark only: the `--conf` settings in command-line order, the `--class` value, the app arguments. */
  confs: PlantedConf[];
  mainClass?: string;
  primary: string;
  appArgs: string[];
  /** Creation order: a higher number is a newer run (folding keeps the newest). */
  created: number;
}

/** An `aws emr describe-cluster` + `aws emr list-steps` export and what was planted in it. */
export interface PlantedExport extends Omit<ExportParts, 'drafts'> {
  steps: PlantedStep[];
  /** Values planted under secret-looking names: none may appear in any written file. */
  secrets: string[];
  describeCluster: unknown;
  listSteps: unknown;
}

const EPOCH = Date.UTC(2026, 10, 1);

/** A conf key under a prefix no rule owns, so the passthrough rule carries it verbatim. */
const confKey = fc.oneof(
  userString.map((s) => `spark.acme.${s}`),
  fc.stringMatching(/^[a-z][a-zA-Z0-9.]{0,20}$/).map((s) => `spark.acme.${s}`),
);

/** A secret value that occurs nowhere else: its absence from the output means it was withheld. */
const plantedSecret = fc.stringMatching(/^[A-Za-z0-9]{12}$/).map((s) => `planted-secret-${s}`);

/** `spark.yarn.tags`: comma-separated tags, some of them `key=value` or `key:value` labels. */
const yarnTags = fc
  .array(fc.oneof(userString, fc.tuple(userString, fc.constantFrom('=', ':'), userString).map((t) => t.join('')), fc.stringMatching(/^[a-z]{1,8}(\.io\/)?[a-z]{1,8}=[a-z0-9]{0,8}$/)), { maxLength: 4 })
  .map((tags) => tags.join(','));

/** Settings that rules turn into Kubernetes fields: pod labels, environment variables, annotations. */
const ruleOwnedConf: fc.Arbitrary<PlantedConf> = fc.oneof(
  yarnTags.map((value) => ({ key: 'spark.yarn.tags', value })),
  userString.map((value) => ({ key: 'spark.app.name', value })),
  fc.record({ key: userString.map((s) => `spark.executorEnv.${s}`), value: userString }),
  fc.record({ key: userString.map((s) => `spark.executorEnv.${s}_TOKEN`), value: userString }),
  fc.record({ key: userString.map((s) => `spark.yarn.appMasterEnv.${s}`), value: userString }),
);

const confArb: fc.Arbitrary<PlantedConf> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ key: confKey, value: userString }) },
  { weight: 1, arbitrary: ruleOwnedConf },
);

const secretConfArb = fc.record({
  key: fc.constantFrom('spark.acme.db.password', 'spark.hadoop.fs.acme.secret.key', 'spark.executorEnv.API_TOKEN', 'spark.acme.jdbc.url'),
  secret: plantedSecret,
});

interface StepDraft {
  name: string;
  kind: 'spark' | 'hive';
  confs: PlantedConf[];
  secret?: { key: string; secret: string };
  mainClass?: string;
  primary: number;
  appArgs: string[];
}

const stepDraft = (names: string[]): fc.Arbitrary<StepDraft> =>
  fc.record(
    {
      name: fc.constantFrom(...names),
      kind: fc.constantFrom<'spark' | 'hive'>('spark', 'spark', 'spark', 'spark', 'hive'),
      confs: fc.array(confArb, { maxLength: 4 }),
      secret: fc.option(secretConfArb, { nil: undefined, freq: 3 }),
      mainClass: fc.option(userString, { nil: undefined }),
      // Two primary resources only, so that steps with the same name sometimes fold into one job.
      primary: fc.nat({ max: 1 }),
      appArgs: fc.array(userString, { maxLength: 5 }),
    },
    { requiredKeys: ['name', 'kind', 'confs', 'primary', 'appArgs'] },
  );

/** A `--conf` token: `key=value`, with a JDBC URL that carries the secret for the URL key. */
function secretSetting(s: { key: string; secret: string }): PlantedConf {
  if (s.key === 'spark.acme.jdbc.url') return { key: s.key, value: `jdbc:mysql://etl:${s.secret}@db.internal:3306/sales` };
  return { key: s.key, value: s.secret };
}

function stepJson(step: PlantedStep, allConfs: PlantedConf[]): Record<string, unknown> {
  const created = new Date(EPOCH + step.created * 60_000).toISOString();
  const args =
    step.kind === 'hive'
      ? ['hive-script', '--run-hive-script', '--args', '-f', step.primary]
      : [
          'spark-submit',
          '--deploy-mode',
          'cluster',
          ...allConfs.flatMap((c) => ['--conf', `${c.key}=${c.value}`]),
          ...(step.mainClass !== undefined ? ['--class', step.mainClass] : []),
          step.primary,
          ...step.appArgs,
        ];
  return {
    Id: step.id,
    Name: step.name,
    Config: { Jar: 'command-runner.jar', Properties: {}, Args: args },
    ActionOnFailure: 'CONTINUE',
    Status: { State: 'COMPLETED', StateChangeReason: {}, Timeline: { CreationDateTime: created, StartDateTime: created, EndDateTime: created } },
  };
}

/** The instance groups of a small, ordinary cluster: the strings under test are elsewhere. */
const INSTANCE_GROUPS = [
  { Id: 'ig-MASTER', Name: 'Primary', Market: 'ON_DEMAND', InstanceGroupType: 'MASTER', InstanceType: 'm5.xlarge', RequestedInstanceCount: 1, RunningInstanceCount: 1 },
  { Id: 'ig-CORE', Name: 'Core', Market: 'ON_DEMAND', InstanceGroupType: 'CORE', InstanceType: 'r5.2xlarge', RequestedInstanceCount: 2, RunningInstanceCount: 2 },
];

/** The drawn parts of an export: cluster identity, tags, the strings planted in it and its steps. */
export interface ExportParts {
  clusterId?: string;
  clusterName?: string;
  tags: Array<{ Key: string; Value: string }>;
  /** spark-defaults properties and spark-env exports of the cluster. */
  sparkDefaults: Record<string, string>;
  env: Record<string, string>;
  drafts: StepDraft[];
}

/** Builds the two CLI documents from the drawn parts; also used for fixed examples. */
export function buildExport(parts: ExportParts): PlantedExport {
  const secrets: string[] = [];
  const steps: PlantedStep[] = [];
  const stepsJson: unknown[] = [];
  parts.drafts.forEach((d, i) => {
    const secret = d.kind === 'spark' && d.secret ? secretSetting(d.secret) : undefined;
    if (secret && d.secret) secrets.push(d.secret.secret);
    const step: PlantedStep = {
      id: `s-${String(i).padStart(3, '0')}PROP`,
      name: d.name,
      kind: d.kind,
      confs: d.kind === 'spark' ? d.confs : [],
      ...(d.kind === 'spark' && d.mainClass !== undefined && { mainClass: d.mainClass }),
      primary: d.kind === 'hive' ? `s3://acme-artifacts/hive/query-${d.primary}.q` : `s3://acme-artifacts/jobs/app-${d.primary}.jar`,
      appArgs: d.kind === 'spark' ? d.appArgs : [],
      created: i,
    };
    steps.push(step);
    stepsJson.push(stepJson(step, secret ? [...step.confs, secret] : step.confs));
  });
  const cluster: Record<string, unknown> = {
    ...(parts.clusterId !== undefined && { Id: parts.clusterId }),
    ...(parts.clusterName !== undefined && { Name: parts.clusterName }),
    Status: { State: 'WAITING' },
    ReleaseLabel: 'emr-6.15.0',
    Applications: [{ Name: 'Hadoop' }, { Name: 'Spark' }, { Name: 'Hive' }],
    Tags: parts.tags,
    Configurations: [
      { Classification: 'spark-defaults', Properties: parts.sparkDefaults },
      { Classification: 'spark-env', Properties: {}, Configurations: [{ Classification: 'export', Properties: parts.env }] },
    ],
    InstanceCollectionType: 'INSTANCE_GROUP',
    InstanceGroups: INSTANCE_GROUPS,
  };
  return {
    ...(parts.clusterId !== undefined && { clusterId: parts.clusterId }),
    ...(parts.clusterName !== undefined && { clusterName: parts.clusterName }),
    tags: parts.tags,
    sparkDefaults: parts.sparkDefaults,
    env: parts.env,
    steps,
    secrets,
    describeCluster: { Cluster: cluster },
    // ListSteps lists the newest first.
    listSteps: { Steps: [...stepsJson].reverse() },
  };
}

/** Step names for one export: a few bases, each possibly with variants that sanitise alike. */
const namePool = fc
  .array(stepNameBase, { minLength: 1, maxLength: 3 })
  .chain((bases) => fc.subarray(bases.flatMap(clashingVariants), { minLength: 1, maxLength: 4 }));

/** Variable names: shell-like, arbitrary, and secret-looking ones (which the secrets rule turns into Secret references). */
const envName = fc.oneof(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,12}$/), userString, userString.map((s) => `${s}_PASSWORD`));

/** An EMR export whose every user-controlled string is drawn from {@link userString}. */
export const emrExportArb: fc.Arbitrary<PlantedExport> = namePool.chain((names) =>
  fc
    .record({
      clusterId: fc.option(fc.stringMatching(/^j-[A-Z0-9]{13}$/), { nil: undefined, freq: 4 }),
      clusterName: fc.option(userString, { nil: undefined, freq: 6 }),
      tags: fc.uniqueArray(fc.record({ Key: userString, Value: userString }), { maxLength: 4, selector: (t) => t.Key }),
      sparkDefaults: fc.dictionary(confKey, userString, { maxKeys: 3 }),
      env: fc.dictionary(envName, userString, { maxKeys: 3 }),
      drafts: fc.array(stepDraft(names), { minLength: 1, maxLength: 6 }),
    })
    .map((parts) => buildExport(parts)),
);
