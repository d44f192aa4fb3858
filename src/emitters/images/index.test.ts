import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { defaultProjectConfig, type ProjectConfig } from '../../config/project-config.js';
import { buildJob } from '../../engine/job-builder.js';
import type { BootstrapAction, Classification } from '../../model/emr-snapshot.js';
import type { JobPlan } from '../../model/job-plan.js';
import type { SparkJob } from '../../model/spark-job.js';
import { nightlyEtlPlan } from '../plan-fixture.js';
import { emitImageScaffolds, scaffoldsByJob } from './index.js';
import { sparkVersionSummary } from './spark-versions.js';

const INSTALL: BootstrapAction = { name: 'install python libs', path: 's3://acme-bootstrap/install-libs.sh', args: ['--requirements', 's3://acme-bootstrap/requirements.txt', '--db-password', 'hunter2'] };

function sparkEnv(exports: Record<string, string>): Classification {
  return { classification: 'spark-env', properties: {}, configurations: [{ classification: 'export', properties: exports, configurations: [] }] };
}

function job(cluster: string, step: string, actions: BootstrapAction[], exports?: Record<string, string>): SparkJob {
  const built = buildJob({ id: `${cluster}/${step}`, cluster: { key: cluster, bootstrapActions: actions }, classifications: exports ? [sparkEnv(exports)] : [] });
  return { ...built, locations: { 'cluster/bootstrapActions/0/path': { file: `${cluster}.json`, line: 7 } } };
}

function planOf(j: SparkJob, overrides: Partial<JobPlan> = {}): JobPlan {
  return { ...nightlyEtlPlan(), jobId: j.id, type: 'Scala', ...overrides };
}

function emit(jobs: SparkJob[], config: ProjectConfig = defaultProjectConfig(), plans = jobs.map((j) => planOf(j))) {
  return emitImageScaffolds(plans, { jobs: new Map(jobs.map((j) => [j.id, j])), config });
}

/** The Dockerfile instructions (lines that are neither comments nor blank). */
function instructions(dockerfile: string): string[] {
  return dockerfile.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

describe('image scaffolds', () => {
  it('writes one Dockerfile per distinct combination, shared by the jobs that need it', () => {
    const a1 = job('j-A', 's-1', [INSTALL], { TZ: 'UTC' });
    const a2 = job('j-A', 's-2', [INSTALL], { TZ: 'UTC' });
    const b = job('j-B', 's-1', [INSTALL], { TZ: 'Europe/Paris' });
    const plain = job('j-C', 's-1', []);
    const { files, diagnostics } = emit([a1, a2, b, plain]);
    expect(files).toHaveLength(2);
    expect(files.every((f) => /^images\/apache-spark-3\.5\.6-[0-9a-f]{8}\/Dockerfile$/.test(f.path))).toBe(true);
    const scaffolds = scaffoldsByJob([a1, a2, b, plain].map((j) => planOf(j)), { jobs: new Map([a1, a2, b, plain].map((j) => [j.id, j])), config: defaultProjectConfig() });
    expect(scaffolds.get(a1.id)).toBe(scaffolds.get(a2.id));
    expect(scaffolds.get(b.id)).not.toBe(scaffolds.get(a1.id));
    expect(scaffolds.has(plain.id)).toBe(false);
    expect(diagnostics.map((d) => [d.jobId, d.code, d.severity])).toEqual([
      ['j-A/s-1', 'image-scaffold', 'info'],
      ['j-A/s-2', 'image-scaffold', 'info'],
      ['j-B/s-1', 'image-scaffold', 'info'],
    ].sort((x, y) => (scaffolds.get(x[0] as string)! < scaffolds.get(y[0] as string)! ? -1 : 1)));
    const first = diagnostics.find((d) => d.jobId === 'j-A/s-1');
    expect(first?.message).toContain(scaffolds.get(a1.id));
    expect(first?.location).toEqual({ file: 'j-A.json', line: 7 });
  });

  it('keeps the same id from run to run and for the same content in another order of jobs', () => {
    const jobs = [job('j-A', 's-1', [INSTALL], { TZ: 'UTC', LANG: 'C.UTF-8' }), job('j-B', 's-1', [INSTALL])];
    expect(emit(jobs).files.map((f) => f.path)).toEqual(emit([...jobs].reverse()).files.map((f) => f.path));
  });

  it('bases the image on the stock image and turns bootstrap actions into commented build steps', () => {
    const dockerfile = emit([job('j-A', 's-1', [INSTALL], { TZ: 'UTC', JAVA_HOME: '/usr/lib/jvm/java-17-amazon-corretto', DB_PASSWORD: 'hunter2' })]).files[0]?.content ?? '';
    expect(instructions(dockerfile)).toEqual([
      'ARG BASE_IMAGE="docker.io/library/spark:3.5.6-scala2.12-java17-ubuntu"',
      'FROM ${BASE_IMAGE}',
      'USER root',
      'ENV TZ="UTC"',
      'USER 185',
    ]);
    expect(dockerfile).toContain('# bootstrap action 1 "install python libs": "s3://acme-bootstrap/install-libs.sh" "--requirements" "s3://acme-bootstrap/requirements.txt" "--db-password" "<redacted>"');
    expect(dockerfile).toContain('#   aws s3 cp "s3://acme-bootstrap/install-libs.sh" "bootstrap/01-install-libs.sh"');
    expect(dockerfile).toContain('# RUN ["bash", "/opt/emr2k8s/bootstrap/01-install-libs.sh", "--requirements", "s3://acme-bootstrap/requirements.txt", "--db-password", "<redacted>"]');
    expect(dockerfile).toContain('# ENV JAVA_HOME="/usr/lib/jvm/java-17-amazon-corretto"');
    expect(dockerfile).toContain('# spark-env "DB_PASSWORD" is not baked in');
    expect(dockerfile).not.toContain('hunter2');
  });

  it('uses the EMR on EKS image and user for the emr flavor', () => {
    const config = { ...defaultProjectConfig(), image: { ...defaultProjectConfig().image, flavor: 'emr' as const } };
    const dockerfile = emit([job('j-A', 's-1', [INSTALL])], config).files[0]?.content ?? '';
    expect(instructions(dockerfile)).toEqual(['ARG BASE_IMAGE="755674844232.dkr.ecr.us-east-1.amazonaws.com/spark/emr-7.13.0:latest"', 'FROM ${BASE_IMAGE}', 'USER root', 'USER hadoop:hadoop']);
  });

  it('cannot be made to write instructions by any bootstrap action or spark-env value', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 3 }), text, (name, path, args, value) => {
        const dockerfile = emit([job('j-A', 's-1', [{ name, path, args }], { TZ: value, [`X${name.replace(/\W/g, '')}`]: value })]).files[0]?.content ?? '';
        const lines = instructions(dockerfile);
        expect(lines.slice(0, 3)).toEqual(['ARG BASE_IMAGE="docker.io/library/spark:3.5.6-scala2.12-java17-ubuntu"', 'FROM ${BASE_IMAGE}', 'USER root']);
        expect(lines.at(-1)).toBe('USER 185');
        for (const line of lines.slice(3, -1)) expect(line).toMatch(/^ENV [A-Za-z_][A-Za-z0-9_]*=".*"$/);
      }),
      { numRuns: 200 },
    );
  });

  it('renders a project template, and reports one that fails instead of writing a broken scaffold', () => {
    const image = defaultProjectConfig().image;
    const custom = { ...defaultProjectConfig(), image: { ...image, dockerfileTemplate: 'FROM {{baseImage}}\n{{#each bootstrapActions}}# {{json path}}\n{{/each}}' } };
    expect(emit([job('j-A', 's-1', [INSTALL])], custom).files[0]?.content).toBe('FROM docker.io/library/spark:3.5.6-scala2.12-java17-ubuntu\n# "s3://acme-bootstrap/install-libs.sh"\n');
    const broken = { ...defaultProjectConfig(), image: { ...image, dockerfileTemplate: 'FROM {{baseImag}}' } };
    const result = emit([job('j-A', 's-1', [INSTALL])], broken);
    expect(result.files).toEqual([]);
    expect(result.diagnostics).toMatchObject([{ code: 'image-template-failed', severity: 'error', refs: ['config/image.dockerfileTemplate'] }]);
    expect(result.diagnostics[0]?.message).toContain('baseImag');
  });
});

describe('docs/images.md', () => {
  it('has a template example that renders', () => {
    const docs = readFileSync(join(import.meta.dirname, '../../../docs/images.md'), 'utf8');
    const yaml = /```yaml\n(# emr2k8s\.config\.yaml\nimage:[\s\S]*?)```/.exec(docs)?.[1];
    const image = (load(yaml ?? '') as { image: ProjectConfig['image'] }).image;
    const config = { ...defaultProjectConfig(), image: { ...defaultProjectConfig().image, ...image } };
    const dockerfile = emit([job('j-A', 's-1', [INSTALL], { TZ: 'UTC' })], config).files[0]?.content ?? '';
    expect(instructions(dockerfile)).toEqual([
      'ARG BASE_IMAGE="docker.io/library/spark:3.5.6-scala2.12-java17-ubuntu"',
      'FROM ${BASE_IMAGE}',
      'LABEL com.acme.spark-version="3.5.6"',
      'USER root',
      'COPY ["bootstrap/01-install-libs.sh", "/opt/emr2k8s/bootstrap/01-install-libs.sh"]',
      'RUN ["bash", "/opt/emr2k8s/bootstrap/01-install-libs.sh", "--requirements", "s3://acme-bootstrap/requirements.txt", "--db-password", "<redacted>"]',
      'ENV TZ="UTC"',
      'USER 185',
    ]);
  });
});

describe('sparkVersionSummary', () => {
  it('lists each Spark version with its jobs and images, scaffolded or stock', () => {
    const plans = [
      planOf(buildJob({ id: 'j-B/s-1' }), { sparkVersion: '3.10.0', image: 'spark:3.10.0' }),
      planOf(buildJob({ id: 'j-A/s-2' }), { sparkVersion: '3.4.1', image: 'spark:3.4.1' }),
      planOf(buildJob({ id: 'j-A/s-1' }), { sparkVersion: '3.4.1', image: 'spark:3.4.1' }),
      planOf(buildJob({ id: 'j-C/s-1' }), { sparkVersion: '3.4.1', image: 'spark:3.4.1', status: 'error' }),
    ];
    expect(sparkVersionSummary(plans, new Map([['j-A/s-2', 'images/x/Dockerfile']]))).toEqual([
      {
        sparkVersion: '3.4.1',
        jobs: ['j-A/s-1', 'j-A/s-2'],
        images: [
          { image: 'spark:3.4.1', jobs: ['j-A/s-1'] },
          { image: 'spark:3.4.1', scaffold: 'images/x/Dockerfile', jobs: ['j-A/s-2'] },
        ],
      },
      { sparkVersion: '3.10.0', jobs: ['j-B/s-1'], images: [{ image: 'spark:3.10.0', jobs: ['j-B/s-1'] }] },
    ]);
  });
});
