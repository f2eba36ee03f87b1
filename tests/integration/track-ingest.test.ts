// Track ingest's write path (points written by BatchWriteItem under a lease on the leg, track-ingest-store.ts): what
// DynamoDB leaves unprocessed is sent again until stored, and overlapping calls on one leg store each instant once,
// so the digest the delivery seals covers exactly the points accepted.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setClockOffset } from '#shared/clock.ts';
import { db } from '#shared/store/client.ts';
import { getLegHead } from '#shared/store/track-store.ts';
import { LEASE_MS } from '#shared/store/track-ingest-store.ts';
import { testApi, type TestApi } from '../support/api.ts';
import { cast, expectStatus, pickedUp, type Cast, type Entity } from './manifest-fixtures.ts';

let t: TestApi;
let c: Cast;
const HOUR = 3_600_000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
/** The n-th point of a drive that started an hour ago, one a second. The start is read once per leg, so the n-th
 *  point of two batches is the same instant (reading the clock per point let them differ by a millisecond). */
const drive = (startMs: number) => (n: number) => ({
  at: new Date(startMs + 1000 + n * 1000).toISOString(),
  lat: 37.7,
  lon: Number((112.56 - n * 0.0002).toFixed(5)),
  speedKmh: 60,
  source: 'terminal',
});
const MIDDLEWARE = 'halfUnprocessed';

beforeAll(async () => {
  t = await testApi();
  c = await cast(t, 'track-ingest');
});
afterEach(() => {
  vi.restoreAllMocks();
  setClockOffset(0);
  db().middlewareStack.remove(MIDDLEWARE);
});

/** A load picked up an hour ago, and the points of its drive since. */
const onTheRoad = async () => {
  const m: Entity = await pickedUp(t, c, HOUR);
  return { m, point: drive(Date.now() - HOUR) };
};

const send = (m: Entity, points: unknown[]) =>
  t.call(c.carrier.user, 'POST', `/v1/manifests/${m.id}/track`, { transporterId: c.carrier.party.id, points });
const stored = async (m: Entity) =>
  (await t.call(c.generator.user, 'GET', `/v1/manifests/${m.id}/track?limit=1000`)).body.items.map((p: Entity) => p.at);

/** DynamoDB under pressure: each BatchWriteItem stores only the first half of its items and hands back the rest. */
function leaveHalfUnprocessed(): { requests: number } {
  const seen = { requests: 0 };
  db().middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'BatchWriteItemCommand') return next(args);
      seen.requests += 1;
      const input = args.input as { RequestItems: Record<string, unknown[]> };
      const [table, items] = Object.entries(input.RequestItems)[0] ?? ['', []];
      if (items.length < 2) return next(args);
      const half = Math.ceil(items.length / 2);
      const result = await next({ ...args, input: { ...input, RequestItems: { [table]: items.slice(0, half) } } });
      (result.output as { UnprocessedItems?: unknown }).UnprocessedItems = { [table]: items.slice(half) };
      return result;
    },
    { step: 'initialize', name: MIDDLEWARE },
  );
  return seen;
}

describe('track ingest under pressure', () => {
  it('a batch of 60 points whose writes come back partly unprocessed still stores all 60, once', async () => {
    const { m, point } = await onTheRoad();
    const seen = leaveHalfUnprocessed();
    const batch = Array.from({ length: 60 }, (_, n) => point(n));
    expect((await send(m, batch)).body).toEqual({ accepted: 60, refused: [] });
    expect(seen.requests).toBeGreaterThan(3); // 3 requests of ≤ 25, and more for what they left
    db().middlewareStack.remove(MIDDLEWARE);
    expect(await stored(m)).toEqual(batch.map((p) => p.at));
    expect((await send(m, batch)).body.accepted).toBe(0);
  });

  it('overlapping calls on one leg store each instant once and count it once; the delivery digest covers them all', async () => {
    const { m, point } = await onTheRoad();
    const batches = [0, 20, 40, 10].map((from) => Array.from({ length: 40 }, (_, n) => point(from + n)));
    // A call that keeps finding another's lease answers 409 having stored nothing; the client sends it again.
    const sendUntilTaken = async (b: unknown[]) => {
      for (let tries = 1; ; tries += 1) {
        const r = await send(m, b);
        if (r.status !== 409 || tries === 5) return r;
        expect(r.body.code).toBe('VERSION_CONFLICT');
      }
    };
    const replies = await Promise.all(batches.map(sendUntilTaken));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const accepted = replies.reduce((n, r) => n + r.body.accepted, 0);
    const duplicates = replies.reduce(
      (n, r) => n + r.body.refused.filter((x: { reason: string }) => x.reason === 'duplicate').length,
      0,
    );
    expect(accepted).toBe(80); // instants 0..79
    expect(accepted + duplicates).toBe(160);
    expect(await stored(m)).toHaveLength(80);
    expectStatus(
      await t.call(c.carrier.user, 'POST', `/v1/manifests/${m.id}/deliver`, {
        transporterId: c.carrier.party.id,
        deliveredAt: iso(0),
      }),
      200,
      'deliver',
    );
    const events = (await t.call(c.generator.user, 'GET', `/v1/manifests/${m.id}/events`)).body.items;
    expect(events.find((e: Entity) => e.type === 'delivered').data.track).toMatchObject({ leg: 1, points: 80 });
    expect((await t.call(c.generator.user, 'GET', `/v1/manifests/${m.id}/integrity`)).body).toMatchObject({
      valid: true,
      tracks: [{ leg: 1, valid: true, points: 80 }],
    });
  });

  it('a writer that died holding the lease: the next call takes the leg over after the lease, skips what it stored and counts it', async () => {
    const { m, point } = await onTheRoad();
    const batch = Array.from({ length: 50 }, (_, n) => point(n));
    // The first BatchWriteItem is stored, the second fails once the first is done: the call answers 503 and never
    // releases its lease.
    let firstWrite: Promise<unknown> | undefined;
    db().middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'BatchWriteItemCommand') return next(args);
        if (!firstWrite) {
          const write = next(args);
          firstWrite = write;
          return write;
        }
        await firstWrite;
        throw Object.assign(new Error('gone'), { name: 'InternalServerError', $fault: 'server' });
      },
      { step: 'initialize', name: MIDDLEWARE },
    );
    expect((await send(m, batch)).status).toBe(503);
    db().middlewareStack.remove(MIDDLEWARE);
    expect(await stored(m)).toHaveLength(25);
    const retry = await send(m, batch);
    expect(retry.status).toBe(409); // the dead writer's lease still holds
    const realNow = Date.now.bind(Date);
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + LEASE_MS + 1_000);
    const taken = await send(m, batch);
    expect(taken.body.accepted).toBe(25);
    expect(taken.body.refused).toHaveLength(25);
    expect(await stored(m)).toEqual(batch.map((p) => p.at));
    // The head now counts every stored point, the dead writer's too, and the next points in order are added to it.
    expect((await send(m, [point(50)])).body).toEqual({ accepted: 1, refused: [] });
    expect(await getLegHead(m.id, 1)).toMatchObject({ points: 51, lastAt: point(50).at });
  }, 60_000);

  it('points racing the delivery: every point accepted is in the digest the delivery seals, and none is accepted after', async () => {
    const { m, point } = await onTheRoad();
    let sealed = false;
    let accepted = 0;
    const statuses: number[] = [];
    const stream = (async () => {
      for (let n = 0; !sealed; n += 10) {
        const r = await send(
          m,
          Array.from({ length: 10 }, (_, k) => point(n + k)),
        );
        statuses.push(r.status);
        if (r.status === 200) accepted += r.body.accepted;
      }
    })();
    const deliver = async () => {
      for (;;) {
        const r = await t.call(c.carrier.user, 'POST', `/v1/manifests/${m.id}/deliver`, {
          transporterId: c.carrier.party.id,
          deliveredAt: iso(0),
        });
        if (r.status !== 409) return r;
      }
    };
    await new Promise((resolve) => setTimeout(resolve, 200));
    expectStatus(await deliver(), 200, 'deliver');
    sealed = true;
    await stream;
    expect(statuses.at(-1)).toBe(409); // the leg took no more points once delivered
    const events = (await t.call(c.generator.user, 'GET', `/v1/manifests/${m.id}/events`)).body.items;
    const digest = events.find((e: Entity) => e.type === 'delivered').data.track;
    expect(accepted).toBeGreaterThan(0);
    expect(digest.points).toBe(accepted);
    expect(await stored(m)).toHaveLength(accepted);
    expect((await t.call(c.generator.user, 'GET', `/v1/manifests/${m.id}/integrity`)).body).toMatchObject({
      valid: true,
      tracks: [{ leg: 1, valid: true, points: accepted }],
    });
  }, 60_000);
});
