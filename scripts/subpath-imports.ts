// Rewrites relative imports in shared/ to the package's subpath imports (#shared/..., #schemas/...), as
// functions/ already writes them: an import then names its layer, which the layer test and a reader both see.
// Idempotent; rerun after a merge brings new relative imports: `npx tsx scripts/subpath-imports.ts`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const root = normalize(join(import.meta.dirname, '..'));
const ALIASES: [string, string][] = [
  ['shared/', '#shared/'],
  ['schemas/', '#schemas/'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

let changed = 0;
for (const file of sourceFiles('shared')) {
  const text = readFileSync(join(root, file), 'utf8');
  const next = text.replace(
    /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)'(\.\.?\/[^']+)'/g,
    (whole, lead: string, spec: string) => {
      const target = relative(root, join(root, dirname(file), spec));
      const alias = ALIASES.find(([dir]) => target.startsWith(dir));
      return alias ? `${lead}'${alias[1]}${target.slice(alias[0].length)}'` : whole;
    },
  );
  if (next !== text) {
    writeFileSync(join(root, file), next);
    changed++;
  }
}
console.log(`${changed} files rewritten`);
