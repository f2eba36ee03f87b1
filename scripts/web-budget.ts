// The console's budget (console.md, "Quality"): the compressed JavaScript a screen's first load ships (the entry,
// the screen's lazily loaded chunk and every chunk they import statically) stays ≤ 300 KB. Reads the Vite manifest
// of web/dist (`npm run web:build` first). `npm run web:budget` prints the table; it fails when a screen is over.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 300 * 1024;
const DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

/** Screens and the source of the chunk each loads first (web/src/app/Shell.tsx); '' is the sign-in page. */
export const SCREENS: Record<string, string[]> = {
  登录: [],
  工作台: ['src/features/workbench/Workbench.tsx'],
  台账: ['src/features/ledger/Ledger.tsx'],
  管理计划: ['src/features/plans/Plans.tsx'],
  转移联单: ['src/features/manifests/ManifestList.tsx'],
  新建联单: ['src/features/manifests/ManifestForm.tsx'],
  联单详情: ['src/features/manifest-detail/ManifestDetail.tsx'],
  司机: ['src/features/driver/Driver.tsx'],
  '司机 + 扫码': ['src/features/driver/Driver.tsx', '../node_modules/jsqr/dist/jsQR.js'],
  接收: ['src/features/receipt/Receipt.tsx'],
  申报: ['src/features/declarations/Declarations.tsx'],
  监管: ['src/features/oversight/Oversight.tsx'],
  链条: ['src/features/chain/Chain.tsx'],
  跨省转移: ['src/features/applications/Applications.tsx'],
  '登录 (OIDC)': ['src/app/oidc.ts'],
};

interface Chunk {
  file: string;
  imports?: string[];
}

export function measure(dist = DIST): { screen: string; files: number; gzipBytes: number }[] {
  const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8')) as Record<string, Chunk>;
  const gz = new Map<string, number>();
  const size = (file: string) => {
    let bytes = gz.get(file);
    if (bytes === undefined) {
      bytes = gzipSync(readFileSync(dist + file), { level: 9 }).length;
      gz.set(file, bytes);
    }
    return bytes;
  };
  const closure = (keys: string[], seen = new Map<string, Chunk>()) => {
    for (const key of keys) {
      if (seen.has(key)) continue;
      const chunk = manifest[key];
      if (!chunk)
        throw new Error(`${key} is not a chunk of the build: SCREENS is out of date with web/src/app/Shell.tsx`);
      seen.set(key, chunk);
      closure(chunk.imports ?? [], seen);
    }
    return seen;
  };
  return Object.entries(SCREENS).map(([screen, chunks]) => {
    const files = [...closure(['index.html', ...chunks]).values()].map((c) => c.file).filter((f) => f.endsWith('.js'));
    return { screen, files: files.length, gzipBytes: files.reduce((s, f) => s + size(f), 0) };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = measure();
  // CJK characters take two columns in a terminal
  const pad = (s: string, n: number) =>
    s + ' '.repeat(Math.max(0, n - [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
  console.log(`${pad('screen', 16)}first-load JS (gzip)  chunks`);
  for (const r of rows)
    console.log(
      `${pad(r.screen, 16)}${(r.gzipBytes / 1024).toFixed(1).padStart(12)} KB${String(r.files).padStart(13)}`,
    );
  const over = rows.filter((r) => r.gzipBytes > BUDGET_BYTES);
  console.log(
    over.length
      ? `OVER the ${BUDGET_BYTES / 1024} KB budget: ${over.map((r) => r.screen).join(', ')}`
      : `every screen within ${BUDGET_BYTES / 1024} KB`,
  );
  if (over.length) process.exit(1);
}
