// 监管: a regulator's jurisdiction at a glance. The division (drill-down) and the tab live in the URL
// (?division=&tab=), so a link or a reload keeps the view.
import '../../components/regulator.css';
import { useT } from '../../lib/i18n.tsx';
import { navigate, useLocation } from '../../lib/nav.tsx';
import { useSession } from '../../lib/session.tsx';
import { AlertsTab } from './AlertsTab.tsx';
import { DivisionPicker } from './DivisionPicker.tsx';
import { IncidentsTab } from './IncidentsTab.tsx';
import { KeyUnitsTab } from './KeyUnitsTab.tsx';
import { ManifestsTab } from './ManifestsTab.tsx';
import { StatsTab } from './StatsTab.tsx';

const TABS = [
  ['alerts', '预警'],
  ['manifests', '联单'],
  ['incidents', '事故'],
  ['key-units', '重点单位'],
  ['stats', '统计'],
] as const;
type Tab = (typeof TABS)[number][0];

const thisYear = () =>
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

export default function Oversight() {
  const { me } = useSession();
  const t = useT();
  const { query } = useLocation();
  const division = query.get('division') || me.jurisdiction || '00';
  const tab = (TABS.some(([k]) => k === query.get('tab')) ? query.get('tab') : 'alerts') as Tab;
  const go = (d: string, k: Tab) => navigate(`/oversight?division=${d}&tab=${k}`);
  const year = thisYear();
  return (
    <>
      <h1>{t('监管')}</h1>
      <DivisionPicker value={division} onChange={(d) => go(d, tab)} />
      <fieldset className="tabs">
        <legend className="sr-only">{t('监管内容')}</legend>
        {TABS.map(([k, name]) => (
          <button key={k} type="button" aria-pressed={tab === k} onClick={() => go(division, k)}>
            {t(name)}
          </button>
        ))}
      </fieldset>
      {tab === 'alerts' && <AlertsTab division={division} />}
      {tab === 'manifests' && <ManifestsTab division={division} />}
      {tab === 'incidents' && <IncidentsTab division={division} />}
      {tab === 'key-units' && <KeyUnitsTab division={division} year={year} />}
      {tab === 'stats' && <StatsTab division={division} year={year} />}
    </>
  );
}
