// A track drawn without map tiles (console.md "Maps"): the sites, the legs' lines, stops and incidents projected
// onto an SVG (equirectangular, longitudes scaled by cos(latitude) so that shapes are not stretched in Shanxi).
import { useT } from '../lib/i18n.tsx';

export type LonLat = [number, number];
export interface MapSite {
  label: string;
  at: LonLat;
  kind: 'from' | 'to';
}
export interface MapMarker {
  label: string;
  at: LonLat;
}

const W = 640;
const H = 400;
const PAD = 28;

export function project(all: readonly LonLat[]) {
  const lons = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * k, 1e-4);
  const spanY = Math.max(maxLat - minLat, 1e-4);
  const scale = Math.min((W - 2 * PAD) / spanX, (H - 2 * PAD) / spanY);
  const offX = (W - spanX * scale) / 2;
  const offY = (H - spanY * scale) / 2;
  return ([lon, lat]: LonLat) => [offX + (lon - minLon) * k * scale, H - offY - (lat - minLat) * scale] as const;
}

export function TrackMap({
  legs,
  sites,
  stops = [],
  incidents = [],
  label,
}: {
  legs: LonLat[][];
  sites: MapSite[];
  stops?: MapMarker[];
  incidents?: MapMarker[];
  label: string;
}) {
  const t = useT();
  const all = [...legs.flat(), ...sites.map((s) => s.at), ...stops.map((s) => s.at), ...incidents.map((s) => s.at)];
  if (all.length === 0) return <p className="muted">{t('暂无轨迹和场地坐标')}</p>;
  const xy = project(all);
  return (
    <figure className="track-map">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <rect width={W} height={H} className="map-bg" />
        {legs.map((leg, i) => (
          <polyline
            key={`leg-${leg[0]?.join()}-${leg.length}`}
            className={`leg leg-${i % 4}`}
            fill="none"
            points={leg.map((p) => xy(p).join(',')).join(' ')}
          />
        ))}
        {stops.map((s) => {
          const [x, y] = xy(s.at);
          return (
            <circle key={`s${s.at.join()}`} cx={x} cy={y} r={5} className="stop">
              <title>{s.label}</title>
            </circle>
          );
        })}
        {incidents.map((s) => {
          const [x, y] = xy(s.at);
          return (
            <path
              key={`i${s.label}${s.at.join()}`}
              d={`M${x},${y - 9} L${x + 8},${y + 6} L${x - 8},${y + 6} Z`}
              className="incident"
            >
              <title>{s.label}</title>
            </path>
          );
        })}
        {sites.map((s) => {
          const [x, y] = xy(s.at);
          return (
            <g key={`p${s.kind}${s.label}`} className={`site ${s.kind}`}>
              <rect className="site-mark" x={x - 6} y={y - 6} width={12} height={12} />
              <text x={x + 10} y={y + 4}>
                {s.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{t('■ 场地 ● 停留 ▲ 事故（无底图，WGS-84 坐标）')}</figcaption>
    </figure>
  );
}
