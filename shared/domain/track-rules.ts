// Route tracks (domain.md rules 26-27), pure: which points a leg accepts, the leg's digest, and the running summary of
// a leg (its current stop and corridor excursion) from which long-stop and off-corridor are read. Time is passed in.
import { jcsHash } from '#shared/domain/hash-chain.ts';
import { must } from '#shared/must.ts';
import {
  distanceM,
  distanceToSegmentM,
  durationMs,
  inRange,
  stopsOf,
  type LatLon,
  type Stop,
  type Timed,
} from '#shared/domain/geo.ts';

/** Thresholds of rules 26-27, per deployment (values: shared/config.ts). */
export interface TrackSettings {
  /** A point more than this far ahead of the server's clock is refused (`future`). */
  futureToleranceMinutes: number;
  /** A stop: consecutive points within this distance of the stop's first point. */
  stopRadiusM: number;
  /** A stop longer than this, farther than siteRadiusKm from every site on the manifest, opens long-stop. */
  longStopHours: number;
  siteRadiusKm: number;
  /** A point farther than this from the generator-receiver segment opens off-corridor. */
  corridorKm: number;
  /** A leg in transit with no point for this long opens track-silent. */
  silentHours: number;
  /** Stops at least this long are drawn as Points in the GeoJSON answer. */
  mapStopMinutes: number;
}

export const POINT_SOURCES = ['terminal', 'phone'] as const;
export type PointSource = (typeof POINT_SOURCES)[number];
export const REFUSAL_REASONS = ['before-pickup', 'future', 'duplicate', 'out-of-range', 'no-consent'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
export const MAX_POINTS_PER_CALL = 500;

export interface TrackPoint extends Timed {
  speedKmh?: number | undefined;
  source: PointSource;
}

export interface Refusal {
  index: number;
  reason: RefusalReason;
}

export interface LegWindow {
  pickedUpAt: string;
  /** Whether the driver's separate consent to phone positions was recorded at pickup (PIPL 29). */
  phoneConsent: boolean;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** A point as stored and hashed: `at` in UTC as the API returns it, speed only when given. */
export function normalPoint(p: TrackPoint): TrackPoint {
  return {
    at: new Date(p.at).toISOString(),
    lat: p.lat,
    lon: p.lon,
    ...(p.speedKmh !== undefined ? { speedKmh: p.speedKmh } : {}),
    source: p.source,
  };
}

/** Each point checked alone (rule 26); a second point with the same instant in one call is a duplicate of the first.
 *  Duplicates of stored points are found by the store (a conditional put per point). */
export function checkPoints(
  points: readonly TrackPoint[],
  leg: LegWindow,
  now: Date,
  s: Pick<TrackSettings, 'futureToleranceMinutes'>,
) {
  const candidates: { index: number; point: TrackPoint }[] = [];
  const refused: Refusal[] = [];
  const seen = new Set<string>();
  const latest = now.getTime() + s.futureToleranceMinutes * MINUTE;
  points.forEach((raw, index) => {
    const reason = ((): RefusalReason | undefined => {
      if (!inRange(raw)) return 'out-of-range';
      const at = Date.parse(raw.at);
      if (at < Date.parse(leg.pickedUpAt)) return 'before-pickup';
      if (at > latest) return 'future';
      if (raw.source === 'phone' && !leg.phoneConsent) return 'no-consent';
      if (seen.has(new Date(at).toISOString())) return 'duplicate';
      return undefined;
    })();
    if (reason) refused.push({ index, reason });
    else {
      const point = normalPoint(raw);
      seen.add(point.at);
      candidates.push({ index, point });
    }
  });
  return { candidates, refused };
}

export const byTime = (a: Timed, b: Timed) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);

export interface TrackDigest {
  points: number;
  firstAt: string | null;
  lastAt: string | null;
  sha256: string;
}

/** Rule 26: SHA-256 of the JCS of the leg's points in `at` order, with their count and first and last instants. */
export function trackDigest(points: readonly TrackPoint[]): TrackDigest {
  const ordered = [...points].map(normalPoint).sort(byTime);
  return {
    points: ordered.length,
    firstAt: ordered[0]?.at ?? null,
    lastAt: ordered.at(-1)?.at ?? null,
    sha256: jcsHash(ordered),
  };
}

/** The sites on a manifest with coordinates: the corridor runs from the generator's to the receiver's. */
export interface Sites {
  generator?: LatLon | undefined;
  receiver?: LatLon | undefined;
  all: LatLon[];
}

/** What a leg's points imply now, kept on the leg's head item as points arrive. */
export interface LegSummary {
  points: number;
  firstAt?: string;
  lastAt?: string;
  /** The stop the vehicle is in (the last run of points near one place). */
  stop?: Omit<Stop, 'first' | 'last'>;
  /** The current stop's start, when it is long and away from every site (long-stop holds). */
  longStopSince?: string;
  /** The first instant of the current run of points outside the corridor (off-corridor holds). */
  offCorridorSince?: string;
}

/** What arriving points showed, even if it is over by the last of them (an excursion and return in one call). */
export interface Findings {
  longStop?: { since: string; anchor: LatLon };
  offCorridorAt?: string;
}

type Thresholds = Pick<TrackSettings, 'stopRadiusM' | 'longStopHours' | 'siteRadiusKm' | 'corridorKm'>;

const isLongStop = (stop: Pick<Stop, 'anchor' | 'startAt' | 'endAt'>, sites: Sites, s: Thresholds) =>
  durationMs(stop.startAt, stop.endAt) > s.longStopHours * HOUR &&
  sites.all.every((site) => distanceM(site, stop.anchor) > s.siteRadiusKm * 1000);

export const offCorridor = (p: LatLon, sites: Sites, s: Pick<Thresholds, 'corridorKm'>) =>
  sites.generator !== undefined &&
  sites.receiver !== undefined &&
  distanceToSegmentM(p, sites.generator, sites.receiver) > s.corridorKm * 1000;

/**
 * The summary after `points` (in `at` order, all later than `before.lastAt`): the current stop continues or ends,
 * the corridor run continues or ends. For points arriving out of order, fold all of the leg's points from empty.
 */
export function foldPoints(
  before: LegSummary,
  points: readonly TrackPoint[],
  sites: Sites,
  s: Thresholds,
): { summary: LegSummary; findings: Findings } {
  const [firstPoint, lastPoint] = [points[0], points.at(-1)];
  if (!firstPoint || !lastPoint) return { summary: before, findings: {} };
  const continued = before.stop && { ...before.stop, first: -1, last: -1 };
  const stops = stopsOf(points, s.stopRadiusM, continued);
  const findings: Findings = {};
  const long = stops.find((st) => isLongStop(st, sites, s));
  if (long) findings.longStop = { since: long.startAt, anchor: long.anchor };
  let offSince = before.offCorridorSince;
  for (const p of points) {
    const off = offCorridor(p, sites, s);
    if (off) findings.offCorridorAt ??= p.at;
    offSince = off ? (offSince ?? p.at) : undefined;
  }
  const last = must(stops.at(-1), 'points make at least one stop');
  const stop = { anchor: last.anchor, startAt: last.startAt, endAt: last.endAt };
  const summary: LegSummary = {
    points: before.points + points.length,
    firstAt: before.firstAt ?? firstPoint.at,
    lastAt: lastPoint.at,
    stop,
    ...(isLongStop(stop, sites, s) ? { longStopSince: stop.startAt } : {}),
    ...(offSince ? { offCorridorSince: offSince } : {}),
  };
  return { summary, findings };
}

/** The summary of a whole leg (points in any order). */
export const summarise = (points: readonly TrackPoint[], sites: Sites, s: Thresholds) =>
  foldPoints({ points: 0 }, [...points].sort(byTime), sites, s);
