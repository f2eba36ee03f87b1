// Great-circle geometry of rule 27: distances, distance to the corridor segment, and stop detection.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceM, distanceToSegmentM, inRange, stopsOf, type LatLon } from '#shared/domain/geo.ts';
import { at, first, last } from '../support/present.ts';

// Mainland China, where the tracks are: well away from the poles and the antimeridian.
const place = fc.record({
  lat: fc.double({ min: 18, max: 53, noNaN: true }),
  lon: fc.double({ min: 73, max: 135, noNaN: true }),
});
const anywhere = fc.record({
  lat: fc.double({ min: -89.9, max: 89.9, noNaN: true }),
  lon: fc.double({ min: -179.9, max: 179.9, noNaN: true }),
});
const TAIYUAN: LatLon = { lat: 37.8706, lon: 112.5489 };
const LISHI: LatLon = { lat: 37.5177, lon: 111.1431 };

describe('great-circle distance', () => {
  it('matches known distances (Taiyuan–Lishi ≈ 129.8 km by the equirectangular approximation; one degree of latitude ≈ 111.2 km)', () => {
    expect(distanceM(TAIYUAN, LISHI) / 1000).toBeCloseTo(129.8, 0);
    expect(distanceM({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111_195, -1);
  });
  it('is a metric: zero on itself, symmetric, and obeys the triangle inequality (to a centimetre, for floating point near the antipode)', () => {
    fc.assert(
      fc.property(anywhere, anywhere, anywhere, (a, b, c) => {
        expect(distanceM(a, a)).toBe(0);
        expect(Math.abs(distanceM(a, b) - distanceM(b, a))).toBeLessThan(1e-3);
        expect(distanceM(a, c)).toBeLessThanOrEqual(distanceM(a, b) + distanceM(b, c) + 0.01);
        expect(distanceM(a, b)).toBeLessThanOrEqual(Math.PI * 6_371_008.8 + 0.01);
      }),
    );
  });
});

describe('distance to a segment', () => {
  it('is never more than the distance to either end, and zero at the ends', () => {
    fc.assert(
      fc.property(place, place, place, (p, a, b) => {
        const d = distanceToSegmentM(p, a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.min(distanceM(p, a), distanceM(p, b)) + 1e-6);
        expect(distanceToSegmentM(a, a, b)).toBeLessThan(1e-3);
        expect(distanceToSegmentM(b, a, b)).toBeLessThan(1);
      }),
    );
  });
  it('does not depend on which end is which (to within a metre)', () => {
    fc.assert(
      fc.property(place, place, place, (p, a, b) => {
        expect(Math.abs(distanceToSegmentM(p, a, b) - distanceToSegmentM(p, b, a))).toBeLessThan(1);
      }),
    );
  });
  it('is zero for points on the segment, and the offset for a point beside its middle', () => {
    const near = fc.record({
      dLat: fc.double({ min: -2, max: 2, noNaN: true }),
      dLon: fc.double({ min: -2, max: 2, noNaN: true }),
    });
    fc.assert(
      fc.property(place, near, fc.double({ min: 0, max: 1, noNaN: true }), (a, d, f) => {
        const b = { lat: a.lat + d.dLat, lon: a.lon + d.dLon }; // a road-sized corridor (≤ ~300 km)
        const onIt = { lat: a.lat + (b.lat - a.lat) * f, lon: a.lon + (b.lon - a.lon) * f };
        // A straight line in degrees is near, not on, the great circle: bounded by the chord's bulge.
        expect(distanceToSegmentM(onIt, a, b)).toBeLessThan(distanceM(a, b) * 0.02 + 1);
      }),
    );
    // 0.25° (27.8 km) north of the segment's middle; the segment slopes 17.6° from east-west: 27.8 × cos 17.6° ≈ 26.5 km.
    const beside = { lat: (TAIYUAN.lat + LISHI.lat) / 2 + 0.25, lon: (TAIYUAN.lon + LISHI.lon) / 2 };
    expect(distanceToSegmentM(beside, TAIYUAN, LISHI) / 1000).toBeCloseTo(26.5, 0);
    expect(distanceToSegmentM(beside, TAIYUAN, LISHI)).toBeLessThan(distanceM(beside, TAIYUAN));
  });
  it('falls back to the nearer end beyond either end', () => {
    const behind = { lat: 37.95, lon: 113.5 };
    expect(distanceToSegmentM(behind, TAIYUAN, LISHI)).toBeCloseTo(distanceM(behind, TAIYUAN), 3);
  });
});

describe('stops', () => {
  const minutes = (n: number) => new Date(Date.UTC(2026, 5, 1) + n * 60_000).toISOString();
  it("cut the points into maximal runs within the radius of each run's first point, covering every point once", () => {
    const walk = fc.array(
      fc.record({
        dLat: fc.double({ min: -0.01, max: 0.01, noNaN: true }),
        dLon: fc.double({ min: -0.01, max: 0.01, noNaN: true }),
      }),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(place, walk, (start, steps) => {
        let here = { ...start };
        const points = steps.map((s, i) => {
          here = { lat: here.lat + s.dLat, lon: here.lon + s.dLon };
          return { ...here, at: minutes(i) };
        });
        const stops = stopsOf(points, 500);
        expect(first(stops, 'stop').first).toBe(0);
        expect(last(stops, 'stop').last).toBe(points.length - 1);
        stops.forEach((stop, k) => {
          if (k > 0) expect(stop.first).toBe(at(stops, k - 1, 'stop').last + 1);
          for (let i = stop.first; i <= stop.last; i += 1)
            expect(distanceM(stop.anchor, at(points, i, 'point'))).toBeLessThanOrEqual(500);
          // Maximal: the next point lies outside this run's radius.
          if (stop.last + 1 < points.length)
            expect(distanceM(stop.anchor, at(points, stop.last + 1, 'point'))).toBeGreaterThan(500);
          expect(stop.startAt).toBe(at(points, stop.first, 'point').at);
          expect(stop.endAt).toBe(at(points, stop.last, 'point').at);
        });
      }),
    );
  });
  it('continues a run left open by earlier points', () => {
    const open = { anchor: TAIYUAN, startAt: minutes(0), endAt: minutes(10), first: 0, last: 0 };
    const [stop] = stopsOf([{ ...TAIYUAN, lat: TAIYUAN.lat + 0.001, at: minutes(200) }], 500, open);
    expect(stop).toMatchObject({ startAt: minutes(0), endAt: minutes(200) });
  });
});

describe('WGS-84 ranges', () => {
  it('accept −90…90 and −180…180 and nothing else', () => {
    expect(inRange({ lat: 90, lon: -180 })).toBe(true);
    expect(inRange({ lat: 90.0001, lon: 0 })).toBe(false);
    expect(inRange({ lat: 0, lon: 180.5 })).toBe(false);
    expect(inRange({ lat: Number.NaN, lon: 0 })).toBe(false);
  });
});
