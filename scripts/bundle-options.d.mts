import type { BuildOptions } from 'esbuild';

/** Packages left out of dist/ (see bundle-options.mjs). */
export declare const EXTERNAL_PACKAGES: ReadonlySet<string>;
/** The esbuild options of the CLI bundle, writing to `outdir`. */
export declare function bundleOptions(outdir: string): BuildOptions;
