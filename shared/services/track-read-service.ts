// Reading a manifest's track: pages oldest first (leg by leg, each a Query of its own partition), or the whole track
// as GeoJSON. Phone positions are personal information (rule 26, PIPL 28-29): the generator and receiver see them only
// while the load is in transit; carriers and regulators always.
import { config } from '#shared/config.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { legOf, type Manifest } from '#shared/domain/manifest/manifest.ts';
import { durationMs, stopsOf } from '#shared/domain/geo.ts';
import type { Holder } from '#shared/domain/manifest/transition-table.ts';
import { legPointPage, legPoints, pointFromItem, type StoredPoint } from '#shared/store/track-store.ts';
import { seeManifest } from '#shared/services/manifest-access.ts';

export interface TrackPosition {
  leg: number;
  key?: Record<string, unknown>;
}

/** Whether the caller's view leaves out phone points: only generator or receiver members, once off the road. */
const hidesPhone = (m: Manifest, holders: Holder[]) =>
  m.status !== 'in_transit' && !holders.some((h) => h.role === 'transporter' || h.role === 'regulator');

const pointView = (p: StoredPoint) => ({
  leg: p.leg,
  at: p.at,
  lat: p.lat,
  lon: p.lon,
  speedKmh: p.speedKmh ?? null,
  source: p.source,
});

/** The legs asked for: one (`leg`), or every leg picked up so far. */
const legsOf = (m: Manifest, leg?: number) =>
  leg === undefined ? m.legs.map((_, i) => i + 1) : leg <= m.legs.length ? [leg] : [];

export async function listTrackPoints(
  actor: Actor,
  manifestId: string,
  q: { leg?: number | undefined },
  limit: number,
  start?: TrackPosition,
) {
  const { manifest: m, holders } = await seeManifest(actor, manifestId);
  const legs = legsOf(m, q.leg);
  const hide = hidesPhone(m, holders);
  const items: ReturnType<typeof pointView>[] = [];
  const [firstLeg] = legs;
  let position: TrackPosition | undefined = start ?? (firstLeg !== undefined ? { leg: firstLeg } : undefined);
  while (position && items.length < limit) {
    const { leg } = position;
    const page = await legPointPage(m.id, leg, limit - items.length, position.key, hide);
    items.push(...page.items.map(pointFromItem).map(pointView));
    const nextLeg = legs.find((l) => l > leg);
    position = page.lastKey ? { leg, key: page.lastKey } : nextLeg ? { leg: nextLeg } : undefined;
  }
  return { items, next: position };
}

/** GeoJSON (RFC 7946): one LineString per leg with points, one Point per stop longer than the map threshold. */
export async function viewTrackGeoJson(actor: Actor, manifestId: string, q: { leg?: number | undefined }) {
  const { manifest: m, holders } = await seeManifest(actor, manifestId);
  const hide = hidesPhone(m, holders);
  const features: Record<string, unknown>[] = [];
  for (const leg of legsOf(m, q.leg)) {
    const points = await legPoints(m.id, leg, hide);
    const [first, last] = [points[0], points.at(-1)];
    if (!first || !last) continue;
    features.push({
      type: 'Feature',
      // RFC 7946: a LineString needs two positions; a leg of one point is that Point.
      geometry:
        points.length > 1
          ? { type: 'LineString', coordinates: points.map((p) => [p.lon, p.lat]) }
          : { type: 'Point', coordinates: [first.lon, first.lat] },
      properties: {
        kind: 'leg',
        leg,
        transporterId: legOf(m, leg).transporterId,
        points: points.length,
        firstAt: first.at,
        lastAt: last.at,
      },
    });
    for (const stop of stopsOf(points, config.track.stopRadiusM)) {
      const minutes = durationMs(stop.startAt, stop.endAt) / 60_000;
      if (minutes <= config.track.mapStopMinutes) continue;
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [stop.anchor.lon, stop.anchor.lat] },
        properties: { kind: 'stop', leg, startAt: stop.startAt, endAt: stop.endAt, minutes: Math.round(minutes) },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
