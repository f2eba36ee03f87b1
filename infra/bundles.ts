// The bundle budget: build every function as CDK would, measure its size and the time a fresh Node takes to import it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { copyRuntimeFiles, esbuildOptions, FONTS_FOLDER, REFERENCE_DATA_FOLDER } from './bundling.ts';
import { entryOf, functionNames, PROJECT_ROOT } from './function-specs.ts';
import { must } from '../shared/must.ts';

/** 1 MB minified with the AWS SDK inside (a bare DynamoDB client is about 0.5 MB); files beside it don't count.
 *  Every function fits, documents included (pdf-lib, fontkit, qrcode): see infra/bundle-stubs/ for what is left out. */
export const BUNDLE_BUDGET_BYTES = 1024 * 1024;
/** A target to report against, not to fail on: a shared machine's load moves cold imports by several times. */
export const IMPORT_TARGET_MS = 150;
const IMPORT_RUNS = 7;

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
  for (const command of copyRuntimeFiles(PROJECT_ROOT, dir))
    execFileSync('bash', ['-c', command], { cwd: PROJECT_ROOT });
  const file = join(dir, 'index.mjs');
  return {
    name,
    dir,
    file,
    bytes: statSync(file).size,
    metafile: must(result.metafile, 'esbuildOptions ask for the metafile'),
  };
}

export const buildBundles = (outRoot: string, names = functionNames()) =>
  Promise.all(names.map((n) => buildBundle(n, outRoot)));

const IMPORT_SCRIPT =
  'const t=performance.now();const m=await import(process.env.BUNDLE);const ms=performance.now()-t;' +
  "if(typeof m.handler!=='function')throw new Error('no handler export');process.stdout.write(String(ms))";

/**
 * Milliseconds to import the bundle in a new Node process, as a cold Lambda does (source maps on, the runtime files
 * beside it). Throws when the import fails or exports no handler.
 */
export function importOnce(bundle: BuiltBundle): number {
  const child = spawnSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', IMPORT_SCRIPT], {
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
}

export interface BundleMeasure {
  name: string;
  bytes: number;
  withinBudget: boolean;
  /** Median cold import, and every run (ms). */
  importMs: number;
  importRunsMs: number[];
}

export interface BundleReport {
  budgetBytes: number;
  importTargetMs: number;
  cpus: number;
  /** os.loadavg() before and after the imports: read the times against it. */
  loadBefore: number[];
  loadAfter: number[];
  bundles: BundleMeasure[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN; // none: NaN
const rounded = (values: number[]) => values.map((v) => Math.round(v * 100) / 100);

/** Sizes and cold imports. The runs go round the bundles, so a change in the machine's load falls on all of them alike. */
export function measure(bundles: BuiltBundle[], runs = IMPORT_RUNS): BundleReport {
  const loadBefore = rounded(loadavg());
  const timed = bundles.map((b) => ({ b, times: [] as number[] }));
  for (let run = 0; run < runs; run++) for (const { b, times } of timed) times.push(importOnce(b));
  return {
    budgetBytes: BUNDLE_BUDGET_BYTES,
    importTargetMs: IMPORT_TARGET_MS,
    cpus: cpus().length,
    loadBefore,
    loadAfter: rounded(loadavg()),
    bundles: timed.map(({ b, times }) => ({
      name: b.name,
      bytes: b.bytes,
      withinBudget: b.bytes <= BUNDLE_BUDGET_BYTES,
      importMs: Math.round(median(times)),
      importRunsMs: times.map(Math.round),
    })),
  };
}

/** The report as printed by `npm run bundle:check` and the benchmark. */
export function bundleLines(r: BundleReport): string[] {
  const lines = [
    `cold import: median of ${r.bundles[0]?.importRunsMs.length} fresh Node processes each; ${r.cpus} cores, load avg ${r.loadBefore.join(' / ')} before, ${r.loadAfter.join(' / ')} after`,
  ];
  for (const b of r.bundles) {
    const size = `${(b.bytes / 1024).toFixed(0)} KiB`.padStart(9);
    const time = `${b.importMs} ms`.padStart(7);
    lines.push(
      `${b.name.padEnd(12)} ${size} ${b.withinBudget ? 'ok  ' : 'OVER'}  import ${time}${b.importMs > r.importTargetMs ? ` (over the ${r.importTargetMs} ms target)` : ''}`,
    );
  }
  return lines;
}

export const bundleText = (bundle: BuiltBundle) => readFileSync(bundle.file, 'utf8');
