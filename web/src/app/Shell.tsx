// The signed-in page: header (party switcher, language, sign-out), the navigation the party's kinds use, the screen.
import { lazy, Suspense } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { Link, useLocation } from '../lib/nav.tsx';
import { oversees, useSession } from '../lib/session.tsx';
import { useParty } from '../lib/use-party.ts';
import { type Kind, navFor } from './nav-table.ts';
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
  oversight: lazy(() => import('../features/oversight/Oversight.tsx')),
  chain: lazy(() => import('../features/chain/Chain.tsx')),
  applications: lazy(() => import('../features/applications/Applications.tsx')),
};

export function Shell({ onParty }: { onParty(id: string): void }) {
  const { me, partyId, signOut } = useSession();
  const { t, lang, setLang } = useI18n();
  const { path } = useLocation();
  const party = useParty(partyId);
  const kinds = ((party.data as { kinds?: Kind[] } | undefined)?.kinds ?? []) as Kind[];
  const regulator = oversees(me);
  const matched = matchRoute(path);
  // A regulator's home is 监管 (the workbench is a party's inbox).
  const route =
    regulator && !partyId && matched?.screen === 'workbench'
      ? { ...matched, screen: 'oversight' as const, nav: '/oversight' }
      : matched;
  const Screen = route ? screens[route.screen] : null;

  return (
    <>
      <header className="top">
        <span className="brand">WasteChain</span>
        {me.memberships.length > 1 ? (
          <label className="party-switch">
            <span className="sr-only">{t('单位')}</span>
            <select value={partyId} onChange={(e) => onParty(e.target.value)}>
              {me.memberships.map((m) => (
                <option key={m.partyId} value={m.partyId}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="party">{me.memberships[0]?.name ?? me.sub}</span>
        )}
        <button
          type="button"
          className="link"
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
        >
          {lang === 'zh' ? 'English' : '中文'}
        </button>
        <button type="button" className="link" onClick={signOut}>
          {t('退出')}
        </button>
      </header>
      {partyId || regulator ? (
        <>
          <nav aria-label={t('导航')}>
            {navFor(kinds, !!partyId).map((n) => (
              <Link key={n.to} to={n.to} aria-current={route?.nav === n.to ? 'page' : undefined}>
                {t(n.name)}
              </Link>
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
