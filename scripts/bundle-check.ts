// `npm run bundle:check [-- --json]`: builds every function bundle as the CDK stack does, prints its size and import
// time, and exits 1 if one exceeds the 1 MB budget. The benchmark reads the --json output.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE_BUDGET_BYTES, buildBundles, IMPORT_TARGET_MS, measure } from '../infra/bundles.ts';

const outRoot = mkdtempSync(join(tmpdir(), 'wastechain-bundles-'));
try {
  const results = measure(await buildBundles(outRoot));
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ budgetBytes: BUNDLE_BUDGET_BYTES, importTargetMs: IMPORT_TARGET_MS, bundles: results }, null, 2));
  } else {
    for (const r of results) {
      const size = `${(r.bytes / 1024).toFixed(0)} KiB`.padStart(9);
      const time = `${r.importMs.toFixed(0)} ms`.padStart(7);
      console.log(`${r.name.padEnd(12)} ${size} ${r.withinBudget ? 'ok  ' : 'OVER'}  import ${time}${r.importMs > IMPORT_TARGET_MS ? ' (over target)' : ''}`);
    }
  }
  process.exitCode = results.every((r) => r.withinBudget) ? 0 : 1;
} finally {
  rmSync(outRoot, { recursive: true, force: true });
}
