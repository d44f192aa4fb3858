import type { TemplateDelegate } from 'handlebars';
import { builtInTemplate, compileTemplate } from '../templates/runtime.js';


/**
 * A JSON string literal, the one way values reach the Dockerfile text: JSON escapes quotes,
 * backslashes and line breaks, and the characters JSON leaves alone that some readers treat as
 * line breaks or controls (U+007F–U+009F, U+2028, U+2029) are escaped too (toolchain.md,
 * "YAML safety"). Strict mode does not check helper arguments, so `undefined` is refused here.
 */
export function jsonQuote(value: unknown): string {
  if (value === undefined) throw new Error('json helper: the value is undefined (a field the template names is missing)');
  const text = JSON.stringify(typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : String(value));
  return text.replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An environment variable name for `ENV NAME=…`; anything else would inject Dockerfile text. */
function envName(value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) throw new Error(`envName helper: ${JSON.stringify(value)} is not a variable name`);
  return value;
}

/** The data every Dockerfile template gets (docs/images.md "Template data"). */
export interface DockerfileData {
  id: string;
  flavor: 'apache' | 'emr';
  emr: boolean;
  baseImage: string;
  sparkVersion: string;
  jobs: string[];
  bootstrapActions: Array<{ index: number; name: string; path: string; args: string[]; localPath: string; imagePath: string }>;
  env: Array<{ name: string; value: string; emrPath: boolean }>;
  skippedEnv: Array<{ name: string; why: string }>;
}

const HELPERS = { json: jsonQuote, envName };

/**
 * Compiles a Dockerfile template the way every emr2k8s template is compiled (DESIGN §4): in a
 * private Handlebars environment, strict (a missing field is an error, not an empty string),
 * without HTML escaping, with the `json` and `envName` helpers. Compilation is lazy in
 * Handlebars, so the template is also run once on sample data here: a syntax error or an unknown
 * field surfaces now, with Handlebars' line and column, not in the middle of a conversion.
 */
export function compileDockerfileTemplate(text: string): (data: DockerfileData) => string {
  return checked(compileTemplate<DockerfileData>(text, HELPERS));
}

/** The built-in template, precompiled at build time. */
export function defaultDockerfileTemplate(): (data: DockerfileData) => string {
  return checked(builtInTemplate<DockerfileData>('dockerfile', HELPERS));
}

function checked(render: TemplateDelegate<DockerfileData>): (data: DockerfileData) => string {
  render(SAMPLE);
  return (data) => render(data);
}

const SAMPLE: DockerfileData = {
  id: 'apache-spark-3.5.6-00000000',
  flavor: 'apache',
  emr: false,
  baseImage: 'docker.io/library/spark:3.5.6-scala2.12-java17-ubuntu',
  sparkVersion: '3.5.6',
  jobs: ['j-SAMPLE/s-SAMPLE'],
  bootstrapActions: [{ index: 1, name: 'sample', path: 's3://bucket/sample.sh', args: ['--flag'], localPath: 'bootstrap/01-sample.sh', imagePath: '/opt/emr2k8s/bootstrap/01-sample.sh' }],
  env: [{ name: 'SAMPLE', value: 'value', emrPath: false }],
  skippedEnv: [{ name: 'SAMPLE_SECRET', why: 'sample' }],
};
