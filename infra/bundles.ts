// The bundle budget: build every function as CDK would, measure its size and the time a fresh Node takes to import it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { copyRuntimeFiles, esbuildOptions, FONTS_FOLDER, REFERENCE_DATA_FOLDER } from './bundling.ts';
import { entryOf, functionNames, PROJECT_ROOT } from './function-specs.ts';

/** 1 MB minified with the AWS SDK inside (a bare DynamoDB client is about 0.5 MB); files beside it don't count. */
export const BUNDLE_BUDGET_BYTES = 1024 * 1024;

/** The one exception, with its reason: the documents function alone carries pdf-lib (~300 KB), fontkit (~230 KB) and
 *  fontkit's WOFF2 decoder (~470 KB, unused for the TTF we embed). Keeping them out of every other bundle is what
 *  keeps those under 1 MB; the font itself ships beside the bundle and does not count. */
export const BUNDLE_BUDGET_EXCEPTIONS: Record<string, number> = { documents: 2.5 * 1024 * 1024 };

export const budgetOf = (name: string): number => BUNDLE_BUDGET_EXCEPTIONS[name] ?? BUNDLE_BUDGET_BYTES;
export const IMPORT_TARGET_MS = 150;

export interface BuiltBundle {
  name: string;
  dir: string;
  file: string;
  bytes: number;
  metafile: Metafile;
}

export async function buildBundle(name: string, outRoot: string): Promise<BuiltBundle> {
  const dir = join(outRoot, name);
  mkdirSync(dir, { recursive: true });
  const result = await build(esbuildOptions(entryOf(name), dir));
  // The same afterBundling commands CDK runs.
  for (const command of copyRuntimeFiles(PROJECT_ROOT, dir)) execFileSync('bash', ['-c', command], { cwd: PROJECT_ROOT });
  const file = join(dir, 'index.mjs');
  return { name, dir, file, bytes: statSync(file).size, metafile: result.metafile! };
}

export const buildBundles = (outRoot: string, names = functionNames()) => Promise.all(names.map((n) => buildBundle(n, outRoot)));

/**
 * Milliseconds to import the bundle in a new Node process, as a cold Lambda does (source maps on), median of `runs`.
 * Throws when the import fails or exports no handler.
 */
export function importMs(bundle: BuiltBundle, runs = 3): number {
  const script =
    'const t=performance.now();const m=await import(process.env.BUNDLE);const ms=performance.now()-t;' +
    "if(typeof m.handler!=='function')throw new Error('no handler export');process.stdout.write(String(ms))";
  const times = Array.from({ length: runs }, () => {
    const child = spawnSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        BUNDLE: bundle.file,
        AWS_REGION: 'cn-north-1',
        TABLE_NAME: 'wastechain',
        CURSOR_SECRET: 'measuring-import-time',
        REFERENCE_DATA_DIR: join(bundle.dir, REFERENCE_DATA_FOLDER),
        FONT_PATH: join(bundle.dir, FONTS_FOLDER),
      },
    });
    if (child.status !== 0) throw new Error(`Importing ${bundle.name} failed: ${child.stderr}`);
    return Number(child.stdout);
  });
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export interface BundleMeasure {
  name: string;
  bytes: number;
  importMs: number;
  withinBudget: boolean;
}

export function measure(bundles: BuiltBundle[]): BundleMeasure[] {
  return bundles.map((b) => ({ name: b.name, bytes: b.bytes, importMs: importMs(b), withinBudget: b.bytes <= budgetOf(b.name) }));
}

export const bundleText = (bundle: BuiltBundle) => readFileSync(bundle.file, 'utf8');
