import type { Diagnostic } from '../../model/diagnostic.js';
import type { JobPlan } from '../../model/job-plan.js';
import { compareStrings } from '../../model/order.js';
import { firstLocation, type SettingRef } from '../../model/source.js';
import type { EmitResult, EmittedFile } from '../emitted-file.js';
import type { EmitContext, PlatformEmitter } from '../emitter.js';
import { baseImage } from './base-image.js';
import { compileDockerfileTemplate, defaultDockerfileTemplate, type DockerfileData } from './dockerfile-template.js';
import { imageRecipe, recipeId, type ImageRecipe } from './image-recipe.js';

/** The folder of the image scaffolds, one sub-folder per distinct image. */
export const IMAGES_FOLDER = 'images';

let compiledDefault: ((data: DockerfileData) => string) | undefined;

function defaultTemplate(): (data: DockerfileData) => string {
  compiledDefault ??= defaultDockerfileTemplate();
  return compiledDefault;
}

interface Scaffold {
  id: string;
  recipe: ImageRecipe;
  jobs: Array<{ jobId: string; refs: SettingRef[] }>;
}

/** Scaffold path of an image id. */
export function scaffoldPath(id: string): string {
  return `${IMAGES_FOLDER}/${id}/Dockerfile`;
}

/**
 * Groups the converted jobs by the image they need: jobs whose clusters ran the same bootstrap
 * actions and spark-env exports on the same Spark line share one scaffold. Jobs whose cluster
 * had neither are left out: the stock image serves them. Keys are scaffold ids, in id order.
 */
export function imageScaffolds(plans: readonly JobPlan[], context: Pick<EmitContext, 'jobs' | 'config'>): Map<string, Scaffold> {
  const byId = new Map<string, Scaffold>();
  for (const plan of [...plans].sort((a, b) => compareStrings(a.jobId, b.jobId))) {
    const job = context.jobs.get(plan.jobId);
    if (plan.status !== 'converted' || !job) continue;
    const base = baseImage(job, plan.type, context.config.image);
    const found = base && imageRecipe(job, base);
    if (!found) continue;
    const id = recipeId(found.recipe);
    const scaffold = byId.get(id) ?? { id, recipe: found.recipe, jobs: [] };
    scaffold.jobs.push({ jobId: plan.jobId, refs: found.refs });
    byId.set(id, scaffold);
  }
  return new Map([...byId].sort(([a], [b]) => compareStrings(a, b)));
}

/** Job id → its scaffold's path, for `sparkVersionSummary` (spark-versions.ts). */
export function scaffoldsByJob(plans: readonly JobPlan[], context: Pick<EmitContext, 'jobs' | 'config'>): Map<string, string> {
  const out = new Map<string, string>();
  for (const scaffold of imageScaffolds(plans, context).values()) for (const job of scaffold.jobs) out.set(job.jobId, scaffoldPath(scaffold.id));
  return out;
}

function templateData(scaffold: Scaffold): DockerfileData {
  const { recipe } = scaffold;
  return {
    id: scaffold.id,
    flavor: recipe.base.flavor,
    emr: recipe.base.flavor === 'emr',
    baseImage: recipe.base.image,
    sparkVersion: recipe.base.sparkVersion,
    jobs: scaffold.jobs.map((j) => j.jobId),
    bootstrapActions: recipe.bootstrapActions,
    env: recipe.env,
    skippedEnv: recipe.skippedEnv,
  };
}

function describe(recipe: ImageRecipe): string {
  const parts = [];
  if (recipe.bootstrapActions.length > 0) parts.push(`${recipe.bootstrapActions.length} bootstrap action(s)`);
  if (recipe.env.length + recipe.skippedEnv.length > 0) parts.push(`${recipe.env.length + recipe.skippedEnv.length} spark-env export(s)`);
  return parts.join(' and ');
}

/**
 * Dockerfile scaffolds (docs/images.md): one `images/<id>/Dockerfile` per distinct combination
 * of Spark line, bootstrap actions and spark-env exports, from the default template or the
 * project's own (`image.dockerfileTemplate`), and an info diagnostic on each job pointing to its
 * scaffold. A template that fails on some data is an error diagnostic on the batch and no
 * scaffold is written. Pure.
 */
export function emitImageScaffolds(plans: readonly JobPlan[], context: Pick<EmitContext, 'jobs' | 'config'>): EmitResult {
  const scaffolds = imageScaffolds(plans, context);
  if (scaffolds.size === 0) return { files: [], diagnostics: [] };
  const custom = context.config.image.dockerfileTemplate;
  const files: EmittedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  try {
    const render = custom === undefined ? defaultTemplate() : compileDockerfileTemplate(custom);
    for (const scaffold of scaffolds.values()) files.push({ path: scaffoldPath(scaffold.id), content: render(templateData(scaffold)), kind: 'report' });
  } catch (error) {
    return {
      files: [],
      diagnostics: [
        {
          code: 'image-template-failed',
          severity: 'error',
          message: `The Dockerfile template (${custom === undefined ? 'built-in' : 'image.dockerfileTemplate'}) failed, so no image scaffold was written: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
          refs: custom === undefined ? [] : ['config/image.dockerfileTemplate'],
          hint: 'See docs/images.md for the fields and helpers a template may use.',
        },
      ],
    };
  }
  for (const scaffold of scaffolds.values()) {
    for (const job of scaffold.jobs) {
      const locations = context.jobs.get(job.jobId)?.locations ?? {};
      const location = firstLocation(locations, job.refs);
      diagnostics.push({
        ...(location && { location }),
        code: 'image-scaffold',
        severity: 'info',
        message: `The cluster ran ${describe(scaffold.recipe)} that the stock image lacks; ${scaffoldPath(scaffold.id)} is a scaffold of the image this job needs`,
        jobId: job.jobId,
        refs: job.refs,
        hint: 'Fill in its build steps, build and push it, then point the job at it (image.repository, or override the image in review).',
      });
    }
  }
  return { files, diagnostics };
}

/** Image scaffolds per distinct bootstrap actions and spark-env (docs/images.md). */
export const imageScaffoldsEmitter: PlatformEmitter = {
  id: 'image-scaffolds',
  emit: (plans, context) => emitImageScaffolds(plans, context),
};
