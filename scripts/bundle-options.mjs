/**
 * The esbuild options of the CLI bundle, shared by build.mjs and the test that proves which
 * modules start-up loads.
 *
 * Start-up cost decides what is bundled (toolchain.md "Start-up cost"). The dependencies every
 * conversion needs are bundled in, with their own dependencies: resolving and loading them file
 * by file from node_modules cost about 0.1 s a run. The heavy ones that only some commands need
 * (ink and react for `review`, ts-morph for CDK apps, the AWS SDK for `import`) stay external
 * and are reached only through dynamic imports, with code splitting keeping them out of the
 * start-up chunks.
 * Bundled CommonJS code calls `require`, which an ES module does not have: the banner makes one.
 */

/**
 * Packages left out of dist/: imported from node_modules, and only by the lazily loaded
 * commands that need them. Every other package is bundled with what it imports.
 */
export const EXTERNAL_PACKAGES = new Set(['@aws-sdk', '@smithy', 'ink', 'ink-testing-library', 'react', 'ts-morph']);

/** A bare import is external when its package, or the package's scope, is listed. */
function isExternal(specifier) {
  const [first, second] = specifier.split('/');
  return EXTERNAL_PACKAGES.has(first) || EXTERNAL_PACKAGES.has(`${first}/${second}`);
}

const lazyPackagesExternal = {
  name: 'lazy-packages-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (isExternal(args.path) ? { path: args.path, external: true } : undefined));
  },
};

/** @param {string} outdir */
export function bundleOptions(outdir) {
  return {
    // The CLI, and the writer thread that large conversions start (src/output/threaded-writer.ts
    // finds it next to its own chunk, in the same folder).
    entryPoints: [
      { in: 'src/cli.ts', out: 'cli' },
      { in: 'src/output/stage-thread.ts', out: 'stage-thread' },
    ],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [lazyPackagesExternal],
    // Minified: V8 reads and compiles every start-up chunk on each run, and 40% less text is
    // about 80 ms less of a small conversion. The linked source maps, which `--debug` turns on
    // (src/cli.ts), give stack traces their original names and lines.
    minify: true,
    sourcemap: 'linked',
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __emr2k8sCreateRequire } from 'node:module';\nconst require = __emr2k8sCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  };
}
