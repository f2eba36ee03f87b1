// `npm run bundle:check [-- --json]`: builds every function bundle as the CDK stack does, prints its size and the
// median of its cold imports with the machine's load, and exits 1 if one exceeds the 1 MB budget. The benchmark
// measures the same way (infra/bundles.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundles, bundleLines, measure } from '../infra/bundles.ts';

const outRoot = mkdtempSync(join(tmpdir(), 'wastechain-bundles-'));
try {
  const report = measure(await buildBundles(outRoot));
  console.log(process.argv.includes('--json') ? JSON.stringify(report, null, 2) : bundleLines(report).join('\n'));
  process.exitCode = report.bundles.every((b) => b.withinBudget) ? 0 : 1;
} finally {
  rmSync(outRoot, { recursive: true, force: true });
}
