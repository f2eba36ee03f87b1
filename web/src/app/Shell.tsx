// The signed-in page: header (party switcher, language, sign-out), the navigation the party's kinds use, the screen.
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { unwrap } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { Link, useLocation } from '../lib/nav.tsx';
import { useSession } from '../lib/session.tsx';
import { matchRoute } from './routes.ts';

const screens = {
  workbench: lazy(() => import('../features/workbench/Workbench.tsx')),
  ledger: lazy(() => import('../features/ledger/Ledger.tsx')),
  plans: lazy(() => import('../features/plans/Plans.tsx')),
  manifests: lazy(() => import('../features/manifests/ManifestList.tsx')),
  'manifest-new': lazy(() => import('../features/manifests/ManifestForm.tsx')),
  'manifest-detail': lazy(() => import('../features/manifest-detail/ManifestDetail.tsx')),
  driver: lazy(() => import('../features/driver/Driver.tsx')),
  receipt: lazy(() => import('../features/receipt/Receipt.tsx')),
  declarations: lazy(() => import('../features/declarations/Declarations.tsx')),
};

type Kind = 'generator' | 'transporter' | 'receiver' | 'collector' | 'medical';
const NAV: { to: string; name: string; for?: Kind[] }[] = [
  { to: '/', name: '工作台' },
  { to: '/ledger', name: '台账', for: ['generator', 'receiver', 'collector'] },
  { to: '/plans', name: '管理计划', for: ['generator'] },
  { to: '/manifests', name: '转移联单' },
  { to: '/driver', name: '司机', for: ['transporter'] },
  { to: '/receipt', name: '接收', for: ['receiver', 'collector'] },
  { to: '/declarations', name: '申报', for: ['generator'] },
];

export function Shell({ onParty }: { onParty(id: string): void }) {
  const { api, me, partyId, signOut } = useSession();
  const { t, lang, setLang } = useI18n();
  const { path } = useLocation();
  const party = useQuery({
    queryKey: ['party', partyId],
    enabled: !!partyId,
    queryFn: () => unwrap(api.GET('/v1/parties/{id}', { params: { path: { id: partyId } } })),
  });
  const kinds = ((party.data as { kinds?: Kind[] } | undefined)?.kinds ?? []) as Kind[];
  const route = matchRoute(path);
  const Screen = route ? screens[route.screen] : null;

  return (
    <>
      <header className="top">
        <span className="brand">WasteChain</span>
        {me.memberships.length > 1 ? (
          <label className="party-switch">
            <span className="sr-only">{t('单位')}</span>
            <select value={partyId} onChange={(e) => onParty(e.target.value)}>
              {me.memberships.map((m) => <option key={m.partyId} value={m.partyId}>{m.name}</option>)}
            </select>
          </label>
        ) : (
          <span className="party">{me.memberships[0]?.name ?? me.sub}</span>
        )}
        <button type="button" className="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} lang={lang === 'zh' ? 'en' : 'zh-CN'}>
          {lang === 'zh' ? 'English' : '中文'}
        </button>
        <button type="button" className="link" onClick={signOut}>{t('退出')}</button>
      </header>
      {partyId ? (
        <>
          <nav aria-label={t('导航')}>
            {NAV.filter((n) => !n.for || n.for.some((k) => kinds.includes(k))).map((n) => (
              <Link key={n.to} to={n.to} aria-current={route?.nav === n.to ? 'page' : undefined}>{t(n.name)}</Link>
            ))}
          </nav>
          <main>
            <Suspense fallback={<p className="loading">…</p>}>
              {Screen && route ? <Screen params={route.params} key={partyId} /> : <h1>{t('页面不存在')}</h1>}
            </Suspense>
          </main>
        </>
      ) : (
        <main>
          <h1>{t('工作台')}</h1>
          <p>{t('您尚未加入任何单位。监管部门的页面在第二部分提供。')}</p>
        </main>
      )}
    </>
  );
}
