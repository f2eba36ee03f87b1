// The manifest page's track panel: the track over the sites (GET …/track as GeoJSON, the parties' `location`), its
// incidents (关闭事故), and the discrepancy (关闭差异 itself is among the manifest's actions above, from …/actions).
// Everyone who sees the manifest sees its track (api.md); a regulator's page calls it 监管视图.
import '../../components/regulator.css';
import { useQuery } from '@tanstack/react-query';
import { type LonLat, type MapMarker, type MapSite, TrackMap } from '../../components/track-map.tsx';
import { type Manifest, unwrap } from '../../lib/api.ts';
import { DISCREPANCY_STATUS, INCIDENT_TYPE } from '../../lib/enum-labels.ts';
import { cst } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { ProblemBanner, refusalOf } from '../../lib/problem.tsx';
import { oversees, useSession } from '../../lib/session.tsx';
import { useManifestActions } from '../../lib/use-manifest-actions.ts';
import { IncidentCard } from './IncidentsTab.tsx';

interface Feature {
  geometry: { type: 'LineString'; coordinates: LonLat[] } | { type: 'Point'; coordinates: LonLat };
  properties?: Record<string, unknown>;
}
interface Located {
  name: string;
  location?: { lat: number; lon: number };
}

export function ManifestOversight({ manifest: m }: { manifest: Manifest }) {
  const { api, me } = useSession();
  const t = useT();
  // Before pickup there is no track to draw (a sentence says so): neither the track nor the sites are fetched
  const pickedUp = m.legs.length > 0;
  const track = useQuery({
    queryKey: ['manifest', m.id, 'track'],
    enabled: pickedUp,
    queryFn: () =>
      unwrap(
        (
          api as unknown as {
            GET(p: string, i: object): Promise<{ data?: { features: Feature[] }; error?: unknown; response: Response }>;
          }
        ).GET(`/v1/manifests/${m.id}/track`, { headers: { Accept: 'application/geo+json' } }),
      ),
  });
  const parties = useQuery({
    queryKey: ['manifest', m.id, 'sites'],
    enabled: pickedUp,
    queryFn: () =>
      Promise.all(
        [m.generatorId, m.receiverId].map(
          (id) => unwrap(api.GET('/v1/parties/{id}', { params: { path: { id } } })) as Promise<Located>,
        ),
      ),
  });
  const incidents = useQuery({
    queryKey: ['incidents', m.id],
    queryFn: () => unwrap(api.GET('/v1/manifests/{id}/incidents', { params: { path: { id: m.id } } })),
  });
  const overseeing = oversees(me);
  const closable = useManifestActions(m).data?.some((a) => a.action === 'close-incident') ?? false;

  const features = track.data?.features ?? [];
  const legs = features.flatMap((f) => (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : []));
  const stops: MapMarker[] = features.flatMap((f) =>
    f.geometry.type === 'Point' ? [{ label: t('停留'), at: f.geometry.coordinates }] : [],
  );
  const sites: MapSite[] = (parties.data ?? []).flatMap((p, i) =>
    p.location
      ? [
          {
            label: p.name,
            at: [p.location.lon, p.location.lat] as LonLat,
            kind: i === 0 ? ('from' as const) : ('to' as const),
          },
        ]
      : [],
  );
  const incidentMarks: MapMarker[] = (incidents.data?.items ?? []).flatMap((i) =>
    i.lon !== undefined && i.lat !== undefined
      ? [{ label: `${t(INCIDENT_TYPE[i.type])} ${cst(i.at)}`, at: [i.lon, i.lat] as LonLat }]
      : [],
  );

  return (
    <section aria-labelledby="ov-h">
      <h2 id="ov-h">{overseeing ? t('监管视图') : t('轨迹与事故')}</h2>
      <h3>{t('轨迹')}</h3>
      <ProblemBanner refusal={refusalOf(track.error)} />
      {!pickedUp ? (
        // a map of the sites alone would be an empty frame
        <p className="muted">{t('尚未提货，暂无轨迹。')}</p>
      ) : (
        <TrackMap
          legs={legs}
          sites={sites}
          stops={stops}
          incidents={incidentMarks}
          label={`${t('轨迹')} ${m.number}`}
        />
      )}
      <h3>{t('事故')}</h3>
      <ProblemBanner refusal={refusalOf(incidents.error)} />
      {incidents.data && incidents.data.items.length === 0 && <p className="muted">{t('没有记录')}</p>}
      <ul className="cards">
        {incidents.data?.items.map((i) => (
          <IncidentCard key={i.id} incident={i} closable={closable} />
        ))}
      </ul>
      {m.discrepancy && (
        <>
          <h3>{t('差异')}</h3>
          <p>
            {t('状态')}: {t(DISCREPANCY_STATUS[m.discrepancy.status])}
            {m.discrepancy.note && ` · ${t('说明')}: ${m.discrepancy.note}`}
          </p>
          {m.discrepancy.status !== 'closed' && <p className="muted">{t('关闭差异见上方操作（需填写说明）。')}</p>}
        </>
      )}
    </section>
  );
}
