// Imports run one way: functions → services → domain/store. Each layer below lists what it may never import, with no
// exceptions; a file outside these folders (tests, local, infra, bench, scripts) is free.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = normalize(join(import.meta.dirname, '../..'));

/** The layer a repository path belongs to: the longest matching prefix. */
const LAYERS = [
  'functions/',
  'schemas/',
  'shared/domain/',
  'shared/reference/',
  'shared/store/',
  'shared/services/',
  'shared/http/',
  'shared/stream/',
  'shared/webhooks/',
  'shared/documents/',
  'shared/observability/',
  'shared/exports/',
  'shared/errors.ts',
  'shared/config.ts',
  'shared/clock.ts',
] as const;
type Layer = (typeof LAYERS)[number];

const WEB: Layer[] = ['functions/', 'shared/http/'];
// What runs a request (reads or writes, the clock and the deployment's configuration): pure layers import none of it.
const RUNS_REQUESTS: Layer[] = [
  ...WEB,
  'shared/services/',
  'shared/store/',
  'shared/webhooks/',
  'shared/stream/',
  'shared/documents/',
  'shared/config.ts',
  'shared/clock.ts',
];

const FORBIDDEN: Partial<Record<Layer, Layer[]>> = {
  // Routes call services; the store is theirs (types a route needs come through the service that takes them).
  'functions/': ['shared/store/'],
  'shared/http/': ['functions/', 'shared/services/'],
  'shared/services/': WEB,
  'shared/stream/': [...WEB, 'shared/services/'],
  'shared/webhooks/': [...WEB, 'shared/services/'],
  'shared/store/': [...WEB, 'shared/services/', 'shared/webhooks/', 'shared/stream/', 'schemas/'],
  // Pure rules: time comes in as an argument, nothing is read or written.
  'shared/domain/': [...RUNS_REQUESTS, 'schemas/'],
  'shared/reference/': [...WEB, 'shared/services/', 'shared/store/', 'schemas/', 'shared/config.ts', 'shared/clock.ts'],
  'shared/documents/': [...WEB, 'shared/services/', 'shared/store/', 'schemas/'],
  // Logs and metrics: anything may write them, so they depend on nothing that runs a request.
  'shared/observability/': [
    ...WEB,
    'shared/services/',
    'shared/store/',
    'shared/webhooks/',
    'shared/documents/',
    'schemas/',
  ],
  // CSV writing and where export files go: no requests, no table.
  'shared/exports/': [...WEB, 'shared/services/', 'shared/store/', 'schemas/'],
  // Shapes and the OpenAPI document: they may use the domain's constants and validators, the reference data and the
  // error codes, never anything that runs a request.
  'schemas/': RUNS_REQUESTS,
  'shared/errors.ts': [...WEB, 'shared/services/', 'shared/store/', 'shared/domain/', 'schemas/'],
};

const SUBPATHS: Record<string, string> = {
  '#shared/': 'shared/',
  '#schemas/': 'schemas/',
  '#functions/': 'functions/',
  '#local/': 'local/',
};

function layerOf(path: string): Layer | undefined {
  return LAYERS.filter((l) => path.startsWith(l)).sort((a, b) => b.length - a.length)[0];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** Repository paths a file imports (static, re-exports, type-only and dynamic), local modules only. */
function importsOf(path: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
  return specifiers.flatMap((s) => {
    const alias = Object.keys(SUBPATHS).find((a) => s.startsWith(a));
    if (alias) return [(SUBPATHS[alias] ?? '') + s.slice(alias.length)];
    if (s.startsWith('.')) return [relative(root, join(root, dirname(path), s))];
    return [];
  });
}

function violations(): string[] {
  const files = ['functions', 'schemas', 'shared'].flatMap(sourceFiles);
  return files.flatMap((file) => {
    const from = layerOf(file);
    const banned = from ? (FORBIDDEN[from] ?? []) : [];
    return importsOf(file, readFileSync(join(root, file), 'utf8'))
      .filter((target) => {
        const to = layerOf(target);
        return to !== undefined && to !== from && banned.includes(to);
      })
      .map((target) => `${file} → ${target}`);
  });
}

describe('layers', () => {
  it('no import runs the wrong way', () => {
    expect(violations()).toEqual([]);
  });

  it('sees every kind of import it checks, so a wrong one cannot slip past', () => {
    const text = [
      "import { a } from '../store/a.ts';",
      "import type { B } from '#shared/http/b.ts';",
      "export { c } from '../../functions/c.ts';",
      "const d = await import('#shared/services/d.ts');",
      "import e from 'hono';",
    ].join('\n');
    const found = importsOf('shared/domain/x.ts', text);
    expect(found).toEqual(['shared/store/a.ts', 'shared/http/b.ts', 'functions/c.ts', 'shared/services/d.ts']);
    expect(found.map(layerOf).filter((l) => l && FORBIDDEN['shared/domain/']?.includes(l))).toHaveLength(4);
  });
});
