// Page paths → screens. The server answers every one of them with index.html (SPA fallback).
export type ScreenName =
  | 'workbench'
  | 'ledger'
  | 'plans'
  | 'manifests'
  | 'manifest-new'
  | 'manifest-detail'
  | 'driver'
  | 'receipt'
  | 'declarations'
  | 'oversight'
  | 'chain'
  | 'applications';

const ROUTES: [RegExp, ScreenName, string][] = [
  [/^\/$/, 'workbench', '/'],
  [/^\/ledger$/, 'ledger', '/ledger'],
  [/^\/plans$/, 'plans', '/plans'],
  [/^\/manifests$/, 'manifests', '/manifests'],
  [/^\/manifests\/new$/, 'manifest-new', '/manifests'],
  [/^\/manifests\/(?<id>[0-9a-f-]{36})$/, 'manifest-detail', '/manifests'],
  [/^\/driver$/, 'driver', '/driver'],
  [/^\/receipt$/, 'receipt', '/receipt'],
  [/^\/receipt\/(?<id>[0-9a-f-]{36})$/, 'receipt', '/receipt'],
  [/^\/declarations$/, 'declarations', '/declarations'],
  [/^\/oversight$/, 'oversight', '/oversight'],
  [/^\/chain$/, 'chain', '/chain'],
  [/^\/chain\/(?<id>[0-9a-f-]{36})$/, 'chain', '/chain'],
  [/^\/applications$/, 'applications', '/applications'],
];

export function matchRoute(path: string): { screen: ScreenName; nav: string; params: Record<string, string> } | null {
  for (const [re, screen, nav] of ROUTES) {
    const m = re.exec(path);
    if (m) return { screen, nav, params: { ...m.groups } };
  }
  return null;
}
