// The console's first load of every screen ships ≤ 300 KB of gzip-compressed JavaScript (console.md, "Quality"),
// measured on the production build as scripts/web-budget.ts measures it for `npm run web:budget`.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGET_BYTES, measure, SCREENS } from '../../scripts/web-budget.ts';
import { CONSOLE_DIR } from '../../local/console-static.ts';

describe('the console’s JavaScript budget', () => {
  it('every screen the shell lazy-loads is measured', () => {
    const shell = readFileSync(new URL('../../web/src/app/Shell.tsx', import.meta.url), 'utf8');
    const lazy = [...shell.matchAll(/import\('\.\.\/(features\/[^']+)'\)/g)].map((m) => `src/${m[1]}`);
    expect(lazy.length).toBeGreaterThan(5);
    expect(lazy.filter((src) => !Object.values(SCREENS).some((chunks) => chunks.includes(src)))).toEqual([]);
  });

  it('each screen’s first load is within 300 KB compressed, and the routes are split', async () => {
    if (!existsSync(`${CONSOLE_DIR}.vite/manifest.json`)) {
      const { build } = await import('vite');
      await build({ configFile: new URL('../../web/vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
    }
    const rows = measure();
    for (const r of rows)
      expect({ screen: r.screen, over: r.gzipBytes > BUDGET_BYTES }).toEqual({ screen: r.screen, over: false });
    // Lazy routes: the sign-in page loads one script, not every screen's
    expect(rows.find((r) => r.screen === '登录')!.files).toBe(1);
  }, 120_000);
});
