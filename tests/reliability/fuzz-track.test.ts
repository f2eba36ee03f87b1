// Track ingest fuzzed against a model of domain.md rule 26 (fast-check): random batches of points on one leg picked
// up an hour ago — instants before the pickup, at it, in the window, past the 5-minute tolerance, the same instant
// twice (also written in another offset), coordinates on and past the WGS-84 bounds or too small for DynamoDB, phone
// points without the driver's consent. Each call answers 200 with exactly the model's refusals by index and reason and
// stores the rest once (a retried batch stores nothing); the track read back is the model's, oldest first.
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClockOffset } from '#shared/clock.ts';
import { testApi, type TestApi } from '../support/api.ts';
import { cast, pickedUp, type Cast } from '../integration/manifest-fixtures.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const HOUR = 3_600_000;
const MINUTE = 60_000;

let t: TestApi;
let c: Cast;
let manifestId: string;
let pickedUpAt: number;

beforeAll(async () => {
  t = await testApi();
  c = await cast(t, 'fuzz-track');
  const picked = await pickedUp(t, c, HOUR);
  manifestId = picked.id;
  pickedUpAt = Date.parse(picked.legs[0].pickedUpAt);
}, 120_000);
afterEach(() => setClockOffset(0));

/** Instants as offsets: around the pickup, inside the window, and around the future tolerance (kept a minute clear of it). */
const FROM_PICKUP = [-MINUTE, -1, 0, 1, 1000, 10 * MINUTE, 30 * MINUTE];
const FROM_NOW = [-2000, 0, MINUTE, 4 * MINUTE, 6 * MINUTE, HOUR, 24 * HOUR];
const instant = fc.oneof(
  fc.constantFrom(...FROM_PICKUP).map((d) => ({ base: 'pickup' as const, d })),
  fc.constantFrom(...FROM_NOW).map((d) => ({ base: 'now' as const, d })),
  fc.integer({ min: 0, max: 58 * MINUTE }).map((d) => ({ base: 'pickup' as const, d })),
);
/** The same instant written in UTC or at +08:00. */
const written = (ms: number, east: boolean) =>
  east ? new Date(ms + 8 * HOUR).toISOString().replace('Z', '+08:00') : new Date(ms).toISOString();

/** Too small a magnitude for DynamoDB (it stores none below 1e-130): the schema refuses it as it refuses a site's. */
const unstorable = (v: number) => v !== 0 && Math.abs(v) < 1e-100;
/** Mostly storable values (fast-check's doubles lean to the subnormal), on and past the bounds; rarely one too small. */
const measured = (bound: number, edges: number[]) =>
  fc.oneof(
    {
      arbitrary: fc.double({ min: -bound - 1, max: bound + 1, noNaN: true }).filter((v) => !unstorable(v)),
      weight: 30,
    },
    { arbitrary: fc.constantFrom(bound, -bound, bound + 1e-6, -bound - 0.5, 0, -0, 1e-99, ...edges), weight: 20 },
    { arbitrary: fc.constantFrom(1e-101, 5e-324, -1e-200), weight: 1 },
  );
const point = fc.record({
  at: instant,
  east: fc.boolean(),
  lat: measured(90, [37.8]),
  lon: measured(180, [112.5]),
  speedKmh: fc.option(
    fc.oneof(
      { arbitrary: fc.constantFrom(0, 42.5, 400), weight: 40 },
      { arbitrary: fc.constantFrom(1e-101, 5e-324), weight: 1 },
    ),
    { nil: undefined },
  ),
  source: fc.constantFrom('terminal', 'terminal', 'terminal', 'phone'),
});

const inRange = (lat: number, lon: number) => lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;

describe('fuzzing track ingest against rule 26', () => {
  it('refuses exactly the model’s points by index and reason, stores the rest once, and reads back the model’s track', async () => {
    const stored = new Map<string, { lat: number; lon: number }>();
    const counts = { calls: 0, accepted: 0, refused: 0, badRequests: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(point, { minLength: 1, maxLength: 8 }), async (drawn) => {
        const now = Date.now();
        const points = drawn.map((p) => ({
          at: written((p.at.base === 'pickup' ? pickedUpAt : now) + p.at.d, p.east),
          lat: p.lat,
          lon: p.lon,
          ...(p.speedKmh !== undefined ? { speedKmh: p.speedKmh } : {}),
          source: p.source,
        }));
        counts.calls += 1;
        const res = await t.call(c.carrier.user, 'POST', `/v1/manifests/${manifestId}/track`, {
          transporterId: c.carrier.party.id,
          points,
        });
        const what = `${JSON.stringify(points).slice(0, 600)} → ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`;
        const bad = points.flatMap((p, i) => [
          ...(unstorable(p.lat) ? [`points.${i}.lat`] : []),
          ...(unstorable(p.lon) ? [`points.${i}.lon`] : []),
          ...(p.speedKmh !== undefined && unstorable(p.speedKmh) ? [`points.${i}.speedKmh`] : []),
        ]);
        if (bad.length) {
          counts.badRequests += 1;
          expect(res.status, what).toBe(400);
          expect(res.body.code, what).toBe('VALIDATION_FAILED');
          expect(res.body.errors.map((e: { path: string }) => e.path).sort(), what).toEqual(bad.sort());
          return;
        }
        const seen = new Set<string>();
        const want: { index: number; reason: string }[] = [];
        const fresh: { at: string; lat: number; lon: number }[] = [];
        points.forEach((p, index) => {
          const at = Date.parse(p.at);
          const key = new Date(at).toISOString();
          const reason = !inRange(p.lat, p.lon)
            ? 'out-of-range'
            : at < pickedUpAt
              ? 'before-pickup'
              : at > now + 5 * MINUTE
                ? 'future'
                : p.source === 'phone'
                  ? 'no-consent'
                  : seen.has(key) || stored.has(key)
                    ? 'duplicate'
                    : undefined;
          if (reason) want.push({ index, reason });
          else {
            seen.add(key);
            fresh.push({ at: key, lat: p.lat, lon: p.lon });
          }
        });
        expect(res.status, what).toBe(200);
        const byIndex = (a: { index: number }, b: { index: number }) => a.index - b.index;
        expect({ accepted: res.body.accepted, refused: [...res.body.refused].sort(byIndex) }, what).toEqual({
          accepted: fresh.length,
          refused: want.sort(byIndex),
        });
        for (const f of fresh) stored.set(f.at, { lat: f.lat, lon: f.lon });
        counts.accepted += fresh.length;
        counts.refused += want.length;
        // The same batch again stores nothing.
        const again = await t.call(c.carrier.user, 'POST', `/v1/manifests/${manifestId}/track`, {
          transporterId: c.carrier.party.id,
          points,
        });
        expect(again.body.accepted, `retry of ${what}`).toBe(0);
      }),
      { numRuns: RUNS },
    );
    const read = await t.call(c.generator.user, 'GET', `/v1/manifests/${manifestId}/track?leg=1&limit=1000`);
    expect(read.status).toBe(200);
    const expected = [...stored]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([at, p]) => ({ at, lat: p.lat === 0 ? 0 : p.lat, lon: p.lon === 0 ? 0 : p.lon }));
    expect(
      read.body.items.map((i: { at: string; lat: number; lon: number }) => ({
        at: i.at,
        lat: i.lat === 0 ? 0 : i.lat,
        lon: i.lon === 0 ? 0 : i.lon,
      })),
    ).toEqual(expected);
    console.log(`track fuzz: ${JSON.stringify(counts)}`);
  }, 300_000);
});
