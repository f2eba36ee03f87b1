// Rule 26-27 as pure functions: per-point checks, the leg digest, and the running summary that long-stop and
// off-corridor are read from (folding points batch by batch gives the same summary as the whole leg at once).
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { config } from '#shared/config.ts';
import {
  checkPoints,
  foldPoints,
  summarise,
  trackDigest,
  type LegSummary,
  type Sites,
  type TrackPoint,
} from '#shared/domain/track-rules.ts';
import { trackDeadlines, trackSilentDeadlines } from '#shared/domain/track-alert-rules.ts';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import { first } from '../support/present.ts';

const s = { ...config.track };
const T0 = Date.UTC(2026, 5, 1, 0, 0);
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const p = (minutes: number, lat = 37.6, lon = 112.0, source: TrackPoint['source'] = 'terminal'): TrackPoint => ({
  at: at(minutes),
  lat,
  lon,
  source,
});
const TAIYUAN = { lat: 37.8706, lon: 112.5489 };
const LISHI = { lat: 37.5177, lon: 111.1431 };
const sites: Sites = { generator: TAIYUAN, receiver: LISHI, all: [TAIYUAN, LISHI] };

describe('checking points', () => {
  const leg = { pickedUpAt: at(0), phoneConsent: false };
  const now = new Date(T0 + 60 * 60_000);
  it('refuses each bad point alone, by index and reason, and keeps the rest normalised to UTC', () => {
    const { candidates, refused } = checkPoints(
      [
        { ...p(10), at: '2026-06-01T08:10:00+08:00' },
        p(-1),
        p(66),
        { ...p(20), lon: 181 },
        p(30, 37.6, 112, 'phone'),
        p(10),
      ],
      leg,
      now,
      s,
    );
    expect(candidates).toEqual([
      { index: 0, point: { at: '2026-06-01T00:10:00.000Z', lat: 37.6, lon: 112, source: 'terminal' } },
    ]);
    expect(refused).toEqual([
      { index: 1, reason: 'before-pickup' },
      { index: 2, reason: 'future' },
      { index: 3, reason: 'out-of-range' },
      { index: 4, reason: 'no-consent' },
      { index: 5, reason: 'duplicate' },
    ]);
  });
  it('allows 5 minutes ahead of the clock, and phone points once consent is recorded', () => {
    expect(checkPoints([p(65), p(30, 37.6, 112, 'phone')], { ...leg, phoneConsent: true }, now, s).refused).toEqual([]);
  });
});

describe('the leg digest', () => {
  it('is the SHA-256 of the JCS of the points in time order, speed only when given', () => {
    const points = [{ ...p(20), speedKmh: 40 }, p(10)];
    const jcs =
      '[{"at":"2026-06-01T00:10:00.000Z","lat":37.6,"lon":112,"source":"terminal"},{"at":"2026-06-01T00:20:00.000Z","lat":37.6,"lon":112,"source":"terminal","speedKmh":40}]';
    expect(trackDigest(points)).toEqual({
      points: 2,
      firstAt: at(10),
      lastAt: at(20),
      sha256: createHash('sha256').update(jcs).digest('hex'),
    });
    expect(trackDigest([])).toMatchObject({ points: 0, firstAt: null, lastAt: null });
  });
  it('changes when any coordinate changes', () => {
    fc.assert(
      fc.property(fc.double({ min: -89, max: 89, noNaN: true }), (lat) => {
        fc.pre(lat !== 37.6);
        expect(trackDigest([p(1), p(2, lat)]).sha256).not.toBe(trackDigest([p(1), p(2)]).sha256);
      }),
    );
  });
});

describe('the running summary', () => {
  // A random drive: each step moves 0-3 km, every 1-30 minutes.
  const drive = fc.array(
    fc.record({
      dLat: fc.double({ min: -0.02, max: 0.02, noNaN: true }),
      dLon: fc.double({ min: -0.02, max: 0.02, noNaN: true }),
      still: fc.boolean(),
      gap: fc.integer({ min: 1, max: 30 }),
    }),
    { minLength: 1, maxLength: 80 },
  );
  const pointsOf = (steps: { dLat: number; dLon: number; still: boolean; gap: number }[]) => {
    let here = { lat: 37.6, lon: 112.0 };
    let minute = 0;
    return steps.map((st) => {
      minute += st.gap;
      if (!st.still) here = { lat: here.lat + st.dLat, lon: here.lon + st.dLon };
      return p(minute, here.lat, here.lon);
    });
  };
  it('is the same folded batch by batch as summarised at once', () => {
    fc.assert(
      fc.property(drive, fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 10 }), (steps, cuts) => {
        const points = pointsOf(steps);
        let summary: LegSummary = { points: 0 };
        let i = 0;
        for (const cut of [...cuts, points.length]) {
          summary = foldPoints(summary, points.slice(i, i + cut), sites, s).summary;
          i += cut;
          if (i >= points.length) break;
        }
        expect(summary).toEqual(summarise(points, sites, s).summary);
      }),
    );
  });
  it('holds long-stop for a stop over 2 hours away from every site, until the vehicle moves on', () => {
    const stopped = [p(0, 37.2), p(30, 37.6), ...Array.from({ length: 10 }, (_, k) => p(40 + k * 15, 37.6001))];
    const { summary, findings } = summarise(stopped, sites, s);
    expect(summary.longStopSince).toBe(at(30));
    expect(findings.longStop?.since).toBe(at(30));
    expect(foldPoints(summary, [p(200, 37.7)], sites, s).summary.longStopSince).toBeUndefined();
    // The same stop at the generator's site is no long-stop.
    const atSite = stopped.map((q) => ({ ...q, lat: TAIYUAN.lat, lon: TAIYUAN.lon }));
    expect(summarise(atSite, sites, s).summary.longStopSince).toBeUndefined();
  });
  it('holds off-corridor from the first point over 30 km from the route until one is back inside', () => {
    const out = summarise([p(0, 37.7, 111.8), p(10, 38.2, 111.8), p(20, 38.3, 111.8)], sites, s);
    expect(out.summary.offCorridorSince).toBe(at(10));
    const back = foldPoints(out.summary, [p(30, 37.7, 111.8)], sites, s);
    expect(back.summary.offCorridorSince).toBeUndefined();
    expect(back.findings.offCorridorAt).toBeUndefined();
    // An excursion and return within one call is still found.
    expect(summarise([p(0, 38.3, 111.8), p(10, 37.7, 111.8)], sites, s).findings.offCorridorAt).toBe(at(0));
    // No corridor without both sites' coordinates.
    expect(
      summarise([p(0, 40, 100)], { generator: TAIYUAN, all: [TAIYUAN] }, s).summary.offCorridorSince,
    ).toBeUndefined();
  });
});

describe('track alert deadlines', () => {
  const m = {
    id: 'm1',
    status: 'in_transit',
    generatorDivision: '140105',
    transporterIds: ['c1'],
    legs: [{ transporterId: 'c1', vehiclePlate: 'x', driverName: 'y', pickedUpAt: at(0) }],
  } as unknown as Manifest;
  it('track-silent falls due 2 hours after the pickup, or after the last point once there is one', () => {
    expect(trackSilentDeadlines(m, undefined, s)).toEqual([
      {
        type: 'track-silent',
        subjectId: 'm1/1',
        manifestId: 'm1',
        partyId: 'c1',
        divisionCode: '140105',
        dueAt: at(120),
      },
    ]);
    expect(first(trackSilentDeadlines(m, at(50), s)).dueAt).toBe(at(170));
    expect(trackSilentDeadlines({ ...m, status: 'delivered' }, at(50), s)).toEqual([]);
  });
  it('long-stop and off-corridor hold only for the leg on the road', () => {
    const summary = { points: 3, lastAt: at(200), longStopSince: at(30), offCorridorSince: at(190) };
    expect(trackDeadlines(m, 1, summary, s).map((d) => [d.type, d.dueAt])).toEqual([
      ['track-silent', at(320)],
      ['long-stop', at(150)],
      ['off-corridor', at(190)],
    ]);
    expect(trackDeadlines(m, 2, summary, s)).toEqual([]);
  });
});
