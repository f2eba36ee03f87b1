// How a function becomes a Lambda bundle, stated once: CDK's NodejsFunction and the bundle budget check
// (infra/bundles.ts) both build from these settings, so the measured bundle is the deployed one.
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { aws_lambda_nodejs as nodejs } from 'aws-cdk-lib';
import type { BuildOptions } from 'esbuild';
import { FONT_MODULE } from '../shared/documents/fonts.ts';
import { SWAGGER_UI_FILES } from '../functions/public/docs.ts';
import { PROJECT_ROOT } from './function-specs.ts';

export const LAMBDA_TASK_ROOT = '/var/task';
export const REFERENCE_DATA_FOLDER = 'reference-data';
export const FONTS_FOLDER = 'fonts';
export const SWAGGER_UI_FOLDER = 'swagger-ui';
const SWAGGER_UI_PACKAGE = relative(
  PROJECT_ROOT,
  dirname(createRequire(join(PROJECT_ROOT, 'package.json')).resolve('swagger-ui-dist/package.json')),
);

const FONT_FILE = relative(PROJECT_ROOT, createRequire(join(PROJECT_ROOT, 'package.json')).resolve(FONT_MODULE));
const FONT_NAME = basename(FONT_FILE);

/** ESM for top-level await (the cursor secret is read before the first request); CJS dependencies get a real `require`. */
const BANNER = "import{createRequire as __wcRequire}from'node:module';const require=__wcRequire(import.meta.url);";

const stub = (file: string) => `./infra/bundle-stubs/${file}`;

/**
 * Modules a bundle takes from infra/bundle-stubs/ instead of node_modules: small stand-ins for parts of dependencies
 * that no function calls in Lambda, each file says why (without them the documents bundle was 2.1 MB, the API ones
 * 0.95 MB). An alias also catches the package's subpaths; the subpaths the stand-ins import are mapped to themselves
 * (an alias applies once), so they reach the real package.
 */
export const BUNDLE_ALIASES: Record<string, string> = {
  zod: stub('zod.ts'),
  'zod/v4': 'zod/v4',
  'brotli/decompress.js': stub('brotli-decompress.ts'),
  '@pdf-lib/upng': stub('upng.ts'),
  '@pdf-lib/standard-fonts': stub('standard-fonts.ts'),
  pako: stub('pako.ts'),
  'pako/lib/deflate.js': 'pako/lib/deflate.js',
  '@aws-sdk/credential-provider-sso': stub('credential-providers.ts'),
  '@aws-sdk/credential-provider-ini': stub('credential-providers.ts'),
  '@aws-sdk/credential-provider-process': stub('credential-providers.ts'),
  '@aws-sdk/credential-provider-web-identity': stub('credential-providers.ts'),
};

export const ESBUILD_SETTINGS = {
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  banner: BANNER,
} as const;

/** Files read at runtime: they ship beside the bundle (not counted in its budget); env vars point at them. */
export const RUNTIME_FILES_ENV = {
  REFERENCE_DATA_DIR: `${LAMBDA_TASK_ROOT}/${REFERENCE_DATA_FOLDER}`,
  FONT_PATH: `${LAMBDA_TASK_ROOT}/${FONTS_FOLDER}/${FONT_NAME}`,
  SWAGGER_UI_DIR: `${LAMBDA_TASK_ROOT}/${SWAGGER_UI_FOLDER}`,
};

/**
 * Shell commands run after esbuild: copy the reference data, the CJK font only into bundles that contain the
 * font loader (the file is 10 MB; functions that render no PDF don't carry it), and Swagger UI's script and
 * stylesheet (1.9 MB) only into the bundle that serves /docs.
 */
export function copyRuntimeFiles(inputDir: string, outputDir: string): string[] {
  const font = `${inputDir}/${FONT_FILE}`;
  return [
    `cp -R "${inputDir}/shared/reference/data" "${outputDir}/${REFERENCE_DATA_FOLDER}"`,
    `if grep -q "${FONT_NAME}" "${outputDir}/index.mjs"; then mkdir -p "${outputDir}/${FONTS_FOLDER}" && cp "${font}" "${outputDir}/${FONTS_FOLDER}/"; fi`,
    `if grep -q "${SWAGGER_UI_FILES[0]}" "${outputDir}/index.mjs"; then mkdir -p "${outputDir}/${SWAGGER_UI_FOLDER}" && ${SWAGGER_UI_FILES.map((f) => `cp "${inputDir}/${SWAGGER_UI_PACKAGE}/${f}" "${outputDir}/${SWAGGER_UI_FOLDER}/"`).join(' && ')}; fi`,
  ];
}

/** NodejsFunction bundling: local esbuild (a devDependency), never Docker; the AWS SDK is bundled, not taken from the runtime. */
export function cdkBundling(): nodejs.BundlingOptions {
  return {
    forceDockerBundling: false,
    bundleAwsSDK: true,
    target: ESBUILD_SETTINGS.target,
    format: nodejs.OutputFormat.ESM,
    minify: ESBUILD_SETTINGS.minify,
    sourceMap: ESBUILD_SETTINGS.sourcemap,
    sourcesContent: ESBUILD_SETTINGS.sourcesContent,
    mainFields: [...ESBUILD_SETTINGS.mainFields],
    banner: ESBUILD_SETTINGS.banner,
    esbuildArgs: { '--alias': Object.entries(BUNDLE_ALIASES).map(([from, to]) => `${from}=${to}`) },
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: copyRuntimeFiles,
    },
  };
}

/** The same build through esbuild's API (what CDK runs as a command line), for the budget check. */
export function esbuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: [entry],
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    platform: 'node',
    target: ESBUILD_SETTINGS.target,
    format: ESBUILD_SETTINGS.format,
    minify: ESBUILD_SETTINGS.minify,
    sourcemap: ESBUILD_SETTINGS.sourcemap,
    sourcesContent: ESBUILD_SETTINGS.sourcesContent,
    mainFields: [...ESBUILD_SETTINGS.mainFields],
    banner: { js: ESBUILD_SETTINGS.banner },
    alias: BUNDLE_ALIASES,
    outfile: join(outdir, 'index.mjs'),
    metafile: true,
    logLevel: 'warning',
  };
}
