// Geometry on the sphere for route tracks (domain.md rule 27: distances are great-circle). Pure; WGS-84
// coordinates in degrees, distances in metres, on a sphere of the Earth's mean radius (IUGG: 6,371,008.8 m).
export interface LatLon {
  lat: number;
  lon: number;
}

export const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** WGS-84 ranges: latitude −90…90, longitude −180…180, both finite. */
export const inRange = (p: LatLon) =>
  Number.isFinite(p.lat) && Number.isFinite(p.lon) && p.lat >= -90 && p.lat <= 90 && p.lon >= -180 && p.lon <= 180;

/** Central angle between two points (radians), by the haversine formula (well-conditioned at small distances). */
function angle(a: LatLon, b: LatLon): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Great-circle distance in metres. */
export const distanceM = (a: LatLon, b: LatLon) => angle(a, b) * EARTH_RADIUS_M;

/** Initial bearing from a to b (radians). */
function bearing(a: LatLon, b: LatLon): number {
  const φ1 = rad(a.lat);
  const φ2 = rad(b.lat);
  const Δλ = rad(b.lon - a.lon);
  return Math.atan2(
    Math.sin(Δλ) * Math.cos(φ2),
    Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ),
  );
}

/**
 * Distance in metres from p to the great-circle segment a–b: the cross-track distance when p's foot lies between a
 * and b, else the distance to the nearer end. Never more than the distance to either end.
 */
export function distanceToSegmentM(p: LatLon, a: LatLon, b: LatLon): number {
  const toA = distanceM(p, a);
  const toB = distanceM(p, b);
  const ab = angle(a, b);
  if (ab < 1e-12) return toA;
  const δ13 = angle(a, p);
  const θ = bearing(a, p) - bearing(a, b);
  if (Math.cos(θ) <= 0) return Math.min(toA, toB); // p lies behind a
  const crossTrack = Math.asin(Math.max(-1, Math.min(1, Math.sin(δ13) * Math.sin(θ))));
  const alongTrack = Math.acos(Math.max(-1, Math.min(1, Math.cos(δ13) / Math.cos(crossTrack))));
  if (alongTrack >= ab) return Math.min(toA, toB); // past b
  return Math.min(Math.abs(crossTrack) * EARTH_RADIUS_M, toA, toB);
}

export interface Timed extends LatLon {
  at: string;
}

export interface Stop {
  /** The stop's first point: every point of the stop lies within the radius of it. */
  anchor: LatLon;
  startAt: string;
  endAt: string;
  /** Index range in the points given (inclusive). */
  first: number;
  last: number;
}

/** Minutes between two instants. */
export const durationMs = (from: string, to: string) => Date.parse(to) - Date.parse(from);

/**
 * Rule 27: a stop is a maximal run of consecutive points (in `at` order) within `radiusM` of its first point. Every
 * point belongs to exactly one run (a moving vehicle gives runs of one point); `from` continues a run already open.
 */
export function stopsOf(points: readonly Timed[], radiusM: number, from?: Stop): Stop[] {
  const stops: Stop[] = [];
  let current: Stop | undefined = from && { ...from, first: -1, last: -1 };
  points.forEach((p, i) => {
    if (current && distanceM(current.anchor, p) <= radiusM) {
      current.endAt = p.at;
      current.last = i;
      return;
    }
    if (current) stops.push(current);
    current = { anchor: { lat: p.lat, lon: p.lon }, startAt: p.at, endAt: p.at, first: i, last: i };
  });
  if (current) stops.push(current);
  return stops;
}
