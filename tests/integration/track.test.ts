// Route tracks through the API (domain.md rule 26): a carrier streams positions, each point checked alone, a retried
// batch adds nothing, the leg's closing event seals its digest, and a point edited afterwards breaks integrity.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClockOffset } from '#shared/clock.ts';
import { config } from '#shared/config.ts';
import { db } from '#shared/store/client.ts';
import { keys } from '#shared/store/keys.ts';
import { enterprise, regulator, testApi, type TestApi } from '../support/api.ts';
import { cast, dispatched, expectStatus, type Cast, type Entity } from './manifest-fixtures.ts';

let t: TestApi;
let c: Cast;
const shanxi = regulator('track-regulator', '14');
const HOUR = 3_600_000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
const point = (msAgo: number, lat = 37.5, lon = 112.2, source = 'terminal') => ({
  at: iso(msAgo),
  lat,
  lon,
  speedKmh: 50,
  source,
});

beforeAll(async () => {
  t = await testApi();
  c = await cast(t, 'track');
});
afterEach(() => setClockOffset(0));

/** A manifest picked up `hoursAgo` (the clock shifted back for the pickup), with the carrier's pickup body extras. */
async function onTheRoad(
  hoursAgo = 1,
  pickup: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): Promise<Entity> {
  setClockOffset(-hoursAgo * HOUR);
  const m = await dispatched(t, c, extra);
  const picked = expectStatus(
    await t.call(c.carrier.user, 'POST', `/v1/manifests/${m.id}/pickup`, {
      transporterId: c.carrier.party.id,
      vehiclePlate: '晋A12345',
      driverName: '张师傅',
      ...pickup,
    }),
    200,
    'pickup',
  );
  setClockOffset(0);
  return picked;
}

const send = (m: Entity, points: unknown[], user = c.carrier.user, transporterId = c.carrier.party.id) =>
  t.call(user, 'POST', `/v1/manifests/${m.id}/track`, { transporterId, points });

describe('site location', () => {
  it('a manager records WGS-84 coordinates; out-of-range is a 400 naming the field; others may not', async () => {
    const put = await t.call(c.generator.user, 'PUT', `/v1/parties/${c.generator.party.id}/location`, {
      lat: 37.857,
      lon: 112.549,
    });
    expect(put.status).toBe(200);
    expect(put.body.location).toEqual({ lat: 37.857, lon: 112.549 });
    expect((await t.call(c.generator.user, 'GET', `/v1/parties/${c.generator.party.id}`)).body.location).toEqual({
      lat: 37.857,
      lon: 112.549,
    });
    const bad = await t.call(c.generator.user, 'PUT', `/v1/parties/${c.generator.party.id}/location`, {
      lat: 91,
      lon: 112,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('lat');
    expect(
      (await t.call(c.carrier.user, 'PUT', `/v1/parties/${c.generator.party.id}/location`, { lat: 1, lon: 1 })).body
        .code,
    ).toBe('NOT_A_MEMBER');
  });
});

describe('track ingest', () => {
  it('stores points once: a retried batch adds nothing, and each bad point is refused by index and reason', async () => {
    const m = await onTheRoad(1);
    const batch = [point(50 * 60_000), point(40 * 60_000, 37.6), point(30 * 60_000, 37.7)];
    expect((await send(m, batch)).body).toEqual({ accepted: 3, refused: [] });
    expect((await send(m, batch)).body).toEqual({
      accepted: 0,
      refused: [0, 1, 2].map((index) => ({ index, reason: 'duplicate' })),
    });
    // One object twice: two calls of point() a millisecond apart would be two different instants.
    const twice = point(20 * 60_000);
    const mixed = await send(m, [
      twice,
      point(2 * HOUR),
      point(-10 * 60_000),
      { ...point(10 * 60_000), lat: 95 },
      point(5 * 60_000, 37.8, 112.3, 'phone'),
      twice,
    ]);
    expect(mixed.status).toBe(200);
    expect(mixed.body).toEqual({
      accepted: 1,
      refused: [
        { index: 1, reason: 'before-pickup' },
        { index: 2, reason: 'future' },
        { index: 3, reason: 'out-of-range' },
        { index: 4, reason: 'no-consent' },
        { index: 5, reason: 'duplicate' },
      ],
    });
    // Late and out of order is fine while the leg is open.
    expect((await send(m, [point(55 * 60_000, 37.4)])).body.accepted).toBe(1);
    const page1 = await t.call(c.generator.user, 'GET', `/v1/manifests/${m.id}/track?limit=3`);
    expect(page1.body.items.map((p: Entity) => p.lat)).toEqual([37.4, 37.5, 37.6]);
    const page2 = await t.call(
      c.generator.user,
      'GET',
      `/v1/manifests/${m.id}/track?limit=3&cursor=${encodeURIComponent(page1.body.nextCursor)}`,
    );
    expect(page2.body.items.map((p: Entity) => p.lat)).toEqual([37.7, 37.5]);
    expect(page2.body.nextCursor).toBeNull();
    expect(page2.body.items[0]).toMatchObject({ leg: 1, speedKmh: 50, source: 'terminal' });
  });

  it("refuses what is not the current carrier's, before and after the leg is open, and more than 500 points", async () => {
    const m = await dispatched(t, c);
    expect((await send(m, [point(0)])).status).toBe(409); // not in transit yet
    const other = enterprise('track-stranger');
    expect((await send(m, [point(0)], other)).status).toBe(404);
    expect((await send(m, [point(0)], c.generator.user, c.generator.party.id)).body.code).toBe('FORBIDDEN');
    expect((await send(m, [point(0)], c.generator.user)).body.code).toBe('NOT_A_MEMBER');
    expect((await send(m, [point(0)], c.carrier2.user, c.carrier2.party.id)).status).toBe(404); // not on this manifest: cannot see it
    const road = await onTheRoad(1);
    const many = await send(
      road,
      Array.from({ length: 501 }, (_, i) => point(i * 1000)),
    );
    expect(many.status).toBe(400);
    expect(many.body.errors[0].path).toBe('points');
    const malformed = await send(road, [{ at: 'yesterday', lat: 'north', lon: 1, source: 'satellite' }]);
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'points.0.at',
      'points.0.lat',
      'points.0.source',
    ]);
    expect(
      (
        await t.call(c.carrier.user, 'POST', `/v1/manifests/${road.id}/deliver`, {
          transporterId: c.carrier.party.id,
          deliveredAt: iso(0),
        })
      ).status,
    ).toBe(200);
    const closed = await send(road, [point(0)]);
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('INVALID_STATE');
  });

  it('a hand-over seals the first leg; its carrier then gets 409, the next carrier 403 before its pickup', async () => {
    const m = await onTheRoad(1, {}, { transporterIds: [c.carrier.party.id, c.carrier2.party.id] });
    expect((await send(m, [point(0)], c.carrier2.user, c.carrier2.party.id)).body.code).toBe('FORBIDDEN');
    expect((await send(m, [point(30 * 60_000), point(20 * 60_000, 37.6)])).body.accepted).toBe(2);
    expectStatus(
      await t.call(c.carrier2.user, 'POST', `/v1/manifests/${m.id}/pickup`, {
        transporterId: c.carrier2.party.id,
        vehiclePlate: '晋A54321',
        driverName: '李师傅',
      }),
      200,
      'hand-over',
    );
    expect((await send(m, [point(0)])).status).toBe(409);
    expect((await send(m, [point(0, 37.9)], c.carrier2.user, c.carrier2.party.id)).body.accepted).toBe(1);
    const events = (await t.call(shanxi, 'GET', `/v1/manifests/${m.id}/events`)).body.items;
    const handOver = events.find((e: Entity) => e.type === 'handed_over');
    expect(handOver.data.track).toMatchObject({
      leg: 1,
      points: 2,
      firstAt: expect.any(String),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await t.call(shanxi, 'GET', `/v1/manifests/${m.id}/track?leg=2`)).body.items).toHaveLength(1);
  });
});

describe('tamper evidence', () => {
  it('the delivery carries the digest; a stored point edited afterwards makes integrity invalid at that event', async () => {
    const m = await onTheRoad(1);
    const [earlier, later] = [point(30 * 60_000), point(20 * 60_000, 37.6)];
    await send(m, [earlier, later]);
    expectStatus(
      await t.call(c.carrier.user, 'POST', `/v1/manifests/${m.id}/deliver`, {
        transporterId: c.carrier.party.id,
        deliveredAt: iso(0),
      }),
      200,
      'deliver',
    );
    const events = (await t.call(c.generator.user, 'GET', `/v1/manifests/${m.id}/events`)).body.items;
    const delivered = events.find((e: Entity) => e.type === 'delivered');
    expect(delivered.data.track).toMatchObject({
      leg: 1,
      points: 2,
      firstAt: new Date(earlier.at).toISOString(),
      lastAt: new Date(later.at).toISOString(),
    });
    const before = await t.call(c.generator.user, 'GET', `/v1/manifests/${m.id}/integrity`);
    expect(before.body).toMatchObject({
      valid: true,
      firstBrokenSeq: null,
      tracks: [{ seq: delivered.seq, leg: 1, valid: true, points: 2 }],
    });

    await db().send(
      new UpdateCommand({
        TableName: config.tableName,
        Key: keys.trackPoint(m.id, 1, new Date(later.at).toISOString()),
        UpdateExpression: 'SET lat = :lat',
        ExpressionAttributeValues: { ':lat': 36.1 },
      }),
    );
    const after = await t.call(c.generator.user, 'GET', `/v1/manifests/${m.id}/integrity`);
    expect(after.body).toMatchObject({
      valid: false,
      firstBrokenSeq: delivered.seq,
      tracks: [{ leg: 1, valid: false }],
    });
  });
});

describe('phone positions (PIPL)', () => {
  it('need the consent recorded at pickup; generator and receiver see them only while in transit, carrier and regulators always', async () => {
    const m = await onTheRoad(1, { phoneConsent: true });
    expect(m.legs[0].phoneConsentAt).toEqual(expect.any(String));
    expect((await send(m, [point(20 * 60_000, 37.5, 112.2, 'phone'), point(10 * 60_000, 37.6)])).body.accepted).toBe(2);
    const sources = async (user: Parameters<TestApi['call']>[0]) =>
      (await t.call(user, 'GET', `/v1/manifests/${m.id}/track`)).body.items.map((p: Entity) => p.source);
    expect(await sources(c.generator.user)).toEqual(['phone', 'terminal']);
    expectStatus(
      await t.call(c.carrier.user, 'POST', `/v1/manifests/${m.id}/deliver`, {
        transporterId: c.carrier.party.id,
        deliveredAt: iso(0),
      }),
      200,
      'deliver',
    );
    expect(await sources(c.generator.user)).toEqual(['terminal']);
    expect(await sources(c.receiver.user)).toEqual(['terminal']);
    expect(await sources(c.carrier.user)).toEqual(['phone', 'terminal']);
    expect(await sources(shanxi)).toEqual(['phone', 'terminal']);
  });
});

describe('GeoJSON', () => {
  it('answers one LineString per leg and a Point for each stop longer than 15 minutes', async () => {
    const m = await onTheRoad(2);
    const minutes = (n: number) => n * 60_000;
    // Moving, then 40 minutes within 100 m of one place, then moving on.
    await send(m, [
      point(minutes(100), 37.4),
      point(minutes(90), 37.5),
      point(minutes(80), 37.6),
      point(minutes(60), 37.6005),
      point(minutes(40), 37.6008),
      point(minutes(30), 37.7),
    ]);
    const geo = await t.call(c.generator.user, 'GET', `/v1/manifests/${m.id}/track`, undefined, {
      accept: 'application/geo+json',
    });
    expect(geo.status).toBe(200);
    expect(geo.headers.get('content-type')).toContain('application/geo+json');
    const [line, ...stops] = geo.body.features;
    expect(line.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [112.2, 37.4],
        [112.2, 37.5],
        [112.2, 37.6],
        [112.2, 37.6005],
        [112.2, 37.6008],
        [112.2, 37.7],
      ],
    });
    expect(stops).toHaveLength(1);
    expect(stops[0]).toMatchObject({
      geometry: { type: 'Point', coordinates: [112.2, 37.6] },
      properties: { kind: 'stop', leg: 1, minutes: 40 },
    });
  });
});
