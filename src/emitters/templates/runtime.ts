import { createRequire } from 'node:module';
import type { HelperDelegate, TemplateDelegate } from 'handlebars';
import runtimeModule from 'handlebars/runtime.js';
import * as precompiled from '../generated/templates.js';
import { TEMPLATE_OPTIONS } from './options.js';

// handlebars/runtime is the runtime half of the `handlebars` export, which its own typings do not say.
const HandlebarsRuntime = runtimeModule as unknown as Pick<typeof import('handlebars'), 'create'>;

export type TemplateName = keyof typeof precompiled;
export type TemplateHelpers = Record<string, HelperDelegate>;

/**
 * A built-in template, precompiled at build time, in a private Handlebars environment: helpers
 * registered here cannot leak into, or be replaced by, other templates. Only Handlebars'
 * runtime is loaded.
 */
export function builtInTemplate<T>(name: TemplateName, helpers: TemplateHelpers, partials: readonly TemplateName[] = []): TemplateDelegate<T> {
  const env = HandlebarsRuntime.create();
  for (const [helper, fn] of Object.entries(helpers)) env.registerHelper(helper, fn);
  for (const partial of partials) env.registerPartial(partial, env.template(precompiled[partial]));
  return env.template<T>(precompiled[name]);
}

/**
 * A template given at run time (the project config's `image.dockerfileTemplate`), compiled
 * with the same options as the built-in ones. The compiler is loaded here, on first use, so
 * that runs with only built-in templates never load it.
 */
export function compileTemplate<T>(text: string, helpers: TemplateHelpers): TemplateDelegate<T> {
  const Handlebars = createRequire(import.meta.url)('handlebars') as typeof import('handlebars');
  const env = Handlebars.create();
  for (const [helper, fn] of Object.entries(helpers)) env.registerHelper(helper, fn);
  return env.compile<T>(text, TEMPLATE_OPTIONS);
}
