// 工作台's party panels: the party's open alerts (GET /v1/parties/{id}/alerts) and 场地坐标 (PUT …/location), the site
// the track rules measure stops and arrivals against.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Field } from '../../components/Field.tsx';
import { unwrap } from '../../lib/api.ts';
import { cst } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { Link } from '../../lib/nav.tsx';
import { ProblemBanner, RefusalScope, refusalOf } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useParty } from '../../lib/use-party.ts';
import { useAction } from '../../lib/use-action.ts';
import { ALERT_TYPE } from '../oversight/labels.ts';

export function PartyAlerts() {
  const { api, partyId } = useSession();
  const t = useT();
  const alerts = useQuery({
    queryKey: ['party-alerts', partyId],
    queryFn: () =>
      unwrap(
        api.GET('/v1/parties/{id}/alerts', {
          params: { path: { id: partyId }, query: { status: 'open', limit: 100 } },
        }),
      ),
  });
  return (
    <section aria-labelledby="alerts-h">
      <h2 id="alerts-h">{t('预警')}</h2>
      <ProblemBanner refusal={refusalOf(alerts.error)} />
      {alerts.isSuccess && alerts.data.items.length === 0 && <p className="muted">{t('没有未关闭的预警。')}</p>}
      <ul>
        {alerts.data?.items.map((a) => (
          <li key={a.id}>
            <strong>{t(ALERT_TYPE[a.type] ?? a.type)}</strong> · {t('到期')} {cst(a.dueAt)}
            {a.manifestId && (
              <>
                {' '}
                · <Link to={`/manifests/${a.manifestId}`}>{t('查看联单')}</Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SiteLocation() {
  const { api, partyId } = useSession();
  const t = useT();
  const qc = useQueryClient();
  // The header's query, so the saved coordinates show at once and after a save
  const party = useParty(partyId);
  const location = (party.data as { location?: { lat: number; lon: number } } | undefined)?.location;
  const [editing, setEditing] = useState(false);
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [saved, setSaved] = useState(false);
  const { busy, refusal, run } = useAction();
  if (!editing)
    return (
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setLat(location ? String(location.lat) : '');
            setLon(location ? String(location.lon) : '');
            setEditing(true);
          }}
        >
          {t('场地坐标')}
        </button>
        <span className="muted" data-testid="site-location">
          {location ? `${t('纬度')} ${location.lat} · ${t('经度')} ${location.lon}` : t('未记录场地坐标')}
        </span>
      </div>
    );
  return (
    <form
      className="card"
      aria-label={t('场地坐标')}
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void run(async () => {
          await unwrap(
            api.PUT('/v1/parties/{id}/location', {
              params: { path: { id: partyId } },
              body: { lat: Number(lat), lon: Number(lon) },
            }),
          );
          setSaved(true);
          await qc.invalidateQueries({ queryKey: ['party', partyId] });
        });
      }}
    >
      <h2>{t('场地坐标')}</h2>
      <ProblemBanner refusal={refusal} placed={['lat', 'lon']} />
      <RefusalScope refusal={refusal}>
        <div className="grid">
          <Field
            label={t('纬度')}
            path="lat"
            inputMode="decimal"
            value={lat}
            onChange={(e) => setLat(e.target.value)}
          />
          <Field
            label={t('经度')}
            path="lon"
            inputMode="decimal"
            value={lon}
            onChange={(e) => setLon(e.target.value)}
          />
        </div>
      </RefusalScope>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('保存')}
        </button>
        <button type="button" className="secondary" onClick={() => setEditing(false)}>
          {t('取消')}
        </button>
        {saved && <span role="status">{t('已保存')}</span>}
      </div>
    </form>
  );
}
