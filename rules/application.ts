import type { ConfEntry, RuleContext, SparkJob } from '../src/rule-api.js';
import { defineRule, REDACTED } from '../src/rule-api.js';
import { redactArguments } from './_secret-arguments.js';
import { isEmrfsUri, splitList, toS3a } from './_s3-paths.js';
import { imageExamplesJar, isEmrExamplesJar } from './_spark-examples.js';

/**
 * Dependency lists and the Spark keys that feed them. On YARN, spark-submit puts `--jars`,
 * `--files`, `--archives` in `spark.yarn.dist.*` and YARN distributes them together with the
 * generic keys (facts §1.1, §5); the operator's `deps` become `--jars`, `--files`, … on
 * Kubernetes, which set the generic keys.
 */
const PATH_DEPS = [
  { field: 'deps.jars', keys: ['spark.jars', 'spark.yarn.dist.jars'] },
  { field: 'deps.files', keys: ['spark.files', 'spark.yarn.dist.files'] },
  { field: 'deps.pyFiles', keys: ['spark.submit.pyFiles', 'spark.yarn.dist.pyFiles'] },
  { field: 'deps.archives', keys: ['spark.archives', 'spark.yarn.dist.archives'] },
] as const;

/** Maven coordinates and repositories: lists, but not paths. */
const MAVEN_DEPS = [
  { field: 'deps.packages', key: 'spark.jars.packages' },
  { field: 'deps.repositories', key: 'spark.jars.repositories' },
  { field: 'deps.excludePackages', key: 'spark.jars.excludes' },
] as const;

const MERGED_KEYS = new Set<string>(PATH_DEPS.flatMap((d) => d.keys));

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export default defineRule({
  id: 'application',
  meta: {
    description:
      'Carries the application over: type, main class, main file, arguments (verbatim, except credentials, which are redacted), proxy user and dependencies, merging the YARN-only spark.yarn.dist.* lists into the generic ones.',
    category: 'application',
    reads: ['spark.jars*', 'spark.files', 'spark.submit.pyFiles', 'spark.archives', 'spark.yarn.dist.*', 'spark.yarn.isPython', 'steps/*'],
    writes: ['type', 'mainClass', 'mainApplicationFile', 'arguments', 'proxyUser', 'deps.*'],
    messages: {
      's3-scheme-rewritten': '{count} path(s) of the application changed from s3:// to s3a:// for the Apache Spark image, which has no EMRFS',
      'examples-jar-from-image': "the application file {path} is EMR's copy of the Spark examples; the job runs the same examples from the image, {image}",
      'missing-primary-resource': 'the spark-submit command of step {step} names no application jar or file',
      'secret-argument-redacted': '{count} application argument(s) carried credentials ({positions}); they are written as {redacted}, so the job does not get them',
    },
    severities: { 's3-scheme-rewritten': 'info', 'examples-jar-from-image': 'info', 'missing-primary-resource': 'error', 'secret-argument-redacted': 'warning' },
    docs: 'docs/rules/application.md',
  },
  apply(job, ctx) {
    const submit = job.submit;
    if (!submit) return;
    const apacheImage = ctx.config.image.flavor === 'apache';
    let rewritten = 0;
    const path = (p: string): string => {
      if (!apacheImage || !isEmrfsUri(p)) return p;
      rewritten += 1;
      return toS3a(p);
    };

    const primary = submit.primaryResource;
    if (primary) {
      ctx.set('type', submit.appType, primary);
      if (isEmrExamplesJar(primary.value)) {
        const inImage = imageExamplesJar(job.facts, ctx.config.image.flavor);
        ctx.set('mainApplicationFile', inImage, primary);
        ctx.report('examples-jar-from-image', { path: primary.value, image: inImage }, { refs: [primary] });
      } else {
        ctx.set('mainApplicationFile', path(primary.value), primary);
      }
    } else {
      ctx.report('missing-primary-resource', { step: job.step.name }, { hint: 'Check the step arguments: options must come before the application jar or file.' });
    }
    if (submit.mainClass) ctx.set('mainClass', submit.mainClass.value, submit.mainClass);
    if (submit.appArgs.length > 0) {
      const { values, redacted } = redactArguments(submit.appArgs);
      ctx.set('arguments', values, ...submit.appArgs);
      if (redacted.length > 0) {
        const positions = redacted.map((a) => `argument ${submit.appArgs.indexOf(a) + 1}`).join(', ');
        ctx.report('secret-argument-redacted', { count: redacted.length, positions, redacted: REDACTED }, {
          refs: redacted,
          hint: 'Put the credentials in a Kubernetes Secret, pass them to the pods as environment variables (driver.env / executor.env in review or the config), and have the application read them from there.',
        });
      }
    }
    const proxyUser = submit.options['proxy-user'];
    if (proxyUser) ctx.set('proxyUser', proxyUser.value, proxyUser);

    for (const dep of PATH_DEPS) {
      const entries = dep.keys.map((k) => ctx.conf(k)).filter((e): e is ConfEntry => e !== undefined);
      if (entries.length === 0) continue;
      const values = unique(entries.flatMap((e) => splitList(e.value)).map(path));
      setList(ctx, dep.field, values, entries);
    }
    for (const dep of MAVEN_DEPS) {
      const entry = ctx.conf(dep.key);
      if (entry) setList(ctx, dep.field, unique(splitList(entry.value)), [entry]);
    }

    dropYarnOnly(job, ctx);
    if (rewritten > 0) ctx.report('s3-scheme-rewritten', { count: rewritten });
  },
});

/** A list field from its entries; an empty list carries nothing, so the entries are dropped instead. */
function setList(ctx: RuleContext, field: string, values: string[], entries: ConfEntry[]): void {
  if (values.length > 0) {
    ctx.set(field, values, ...entries);
    return;
  }
  for (const entry of entries) ctx.drop(entry, 'not-applicable', 'the list is empty');
}

/** `spark.yarn.isPython` is internal to spark-submit on YARN; other `spark.yarn.dist.*` keys steer YARN's distributed cache. */
function dropYarnOnly(job: Readonly<SparkJob>, ctx: RuleContext): void {
  const isPython = ctx.conf('spark.yarn.isPython');
  if (isPython) ctx.drop(isPython, 'yarn-only', 'set internally by spark-submit for Python apps on YARN; the operator sets type: Python');
  for (const key of ctx.confKeys('spark.yarn.dist.')) {
    if (MERGED_KEYS.has(key)) continue;
    const entry = job.conf[key];
    if (entry) ctx.drop(entry, 'yarn-only', 'steers the YARN distributed cache, which Kubernetes does not have');
  }
}
