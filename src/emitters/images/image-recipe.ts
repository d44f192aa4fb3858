import { createHash } from 'node:crypto';
import { refs } from '../../model/emr-snapshot.js';
import { compareStrings } from '../../model/order.js';
import { isSecretKey, REDACTED } from '../../model/secrets.js';
import type { SettingRef } from '../../model/source.js';
import type { SparkJob } from '../../model/spark-job.js';
import type { BaseImage } from './base-image.js';

/** One bootstrap action as a scaffold build step. */
export interface BootstrapStep {
  /** 1-based run order on EMR. */
  index: number;
  name: string;
  /** The script's location (usually `s3://…`), verbatim. */
  path: string;
  /** Its arguments, with secret values redacted. */
  args: string[];
  /** Where to download the script to, next to the Dockerfile. */
  localPath: string;
  /** Where the COPY step puts it in the image. */
  imagePath: string;
}

/** What makes an image: the base and what EMR added to every node of the cluster. */
export interface ImageRecipe {
  base: BaseImage;
  bootstrapActions: BootstrapStep[];
  /** spark-env exports, by name; values of node paths are flagged for review. */
  env: Array<{ name: string; value: string; emrPath: boolean }>;
  /** spark-env exports that cannot be baked in (secrets: named, never valued), with why. */
  skippedEnv: Array<{ name: string; why: string }>;
}

/** Paths that exist on EMR nodes and not in a Spark image (as rules/environment.ts flags them). */
const EMR_PATH = /(^|[:=\s])(\/usr\/lib\/|\/usr\/share\/aws\/|\/home\/hadoop\b|\/etc\/(hadoop|spark|hive)\/|\/mnt\/)/;
const SECRET_WHY = 'holds a secret, which the pods get from a Kubernetes Secret at run time (docs/rules/secrets.md), never from the image';
/** A name the Dockerfile `ENV` instruction can carry as it is. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A file name that is safe in any shell or Dockerfile context. */
function scriptFileName(index: number, path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/[^A-Za-z0-9._-]/g, '_') || 'script.sh';
  return `${String(index).padStart(2, '0')}-${base}`;
}

/**
 * Arguments with secrets replaced: `NAME=value` where NAME names a secret, and the argument after
 * a `--flag` that names one (`--db-password hunter2`). Secrets never reach output (DESIGN §1).
 */
export function redactArgs(args: readonly string[]): string[] {
  return args.map((arg, i) => {
    const previous = i > 0 ? (args[i - 1] as string) : '';
    if (/^-{1,2}[\w.-]+$/.test(previous) && isSecretKey(previous.replace(/^-+/, ''))) return REDACTED;
    const eq = arg.indexOf('=');
    if (eq > 0 && isSecretKey(arg.slice(0, eq).replace(/^-+/, ''))) return `${arg.slice(0, eq + 1)}${REDACTED}`;
    return arg;
  });
}

/** The spark-env `export` sub-classification's properties, with their refs. */
function sparkEnvExports(job: Pick<SparkJob, 'classifications'>): Array<{ name: string; value: string; ref: SettingRef }> {
  const sparkEnv = job.classifications.filter((c) => c.classification === 'spark-env');
  return sparkEnv.flatMap((c) =>
    c.configurations
      .filter((n) => n.classification === 'export')
      .flatMap((n) => Object.entries(n.properties).map(([name, value]) => ({ name, value, ref: refs.classification(['spark-env', 'export'], name) }))),
  );
}

/**
 * The image a job needs beyond the stock one: its cluster's bootstrap actions (in run order) and
 * spark-env exports (by name), on the base image of its Spark line. Undefined when the cluster
 * had neither: the stock image serves. Also returns the input settings it read, for diagnostics.
 */
export function imageRecipe(job: Pick<SparkJob, 'cluster' | 'classifications'>, base: BaseImage): { recipe: ImageRecipe; refs: SettingRef[] } | undefined {
  const actions = job.cluster.bootstrapActions ?? [];
  const exports = sparkEnvExports(job);
  if (actions.length === 0 && exports.length === 0) return undefined;
  const bootstrapActions = actions.map((a, i) => {
    const file = scriptFileName(i + 1, a.path);
    return { index: i + 1, name: a.name, path: a.path, args: redactArgs(a.args), localPath: `bootstrap/${file}`, imagePath: `/opt/emr2k8s/bootstrap/${file}` };
  });
  const visible = exports.filter((e) => !isSecretKey(e.name) && ENV_NAME.test(e.name)).sort((a, b) => compareStrings(a.name, b.name));
  const hidden = exports.filter((e) => !visible.includes(e));
  return {
    recipe: {
      base,
      bootstrapActions,
      env: visible.map((e) => ({ name: e.name, value: e.value, emrPath: EMR_PATH.test(e.value) })),
      skippedEnv: hidden
        .map((e) => ({ name: e.name, why: isSecretKey(e.name) ? SECRET_WHY : 'not a variable name that ENV accepts' }))
        .sort((a, b) => compareStrings(a.name, b.name)),
    },
    refs: [...actions.map((_, i) => refs.cluster(`bootstrapActions/${i}/path`)), ...exports.map((e) => e.ref)],
  };
}

/**
 * A stable, readable id for a recipe: flavor and Spark version, then 8 hex digits of a SHA-256
 * of its content (`apache-spark-3.5.6-1f2e3d4c`). The same recipe gets the same id in every run
 * and on every machine; different recipes get different ids.
 */
export function recipeId(recipe: ImageRecipe): string {
  const canonical = JSON.stringify([recipe.base, recipe.bootstrapActions, recipe.env, recipe.skippedEnv]);
  const hash = createHash('sha256').update(canonical).digest('hex').slice(0, 8);
  return `${recipe.base.flavor}-spark-${recipe.base.sparkVersion}-${hash}`;
}
