// Track ingest and reads (issue 12, item 8): points/s through the API (POST …/track, batches of BATCH points) against
// the raw BatchWriteItem floor writing the very same point items (25 a request, a batch's requests in parallel) in the
// same run, in alternating slices; and GET …/track on a leg of 2,000 points (whole leg: GeoJSON, and JSON pages).
import { BatchWriteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { setClockOffset } from '#shared/clock.ts';
import { keys } from '#shared/store/keys.ts';
import { must } from '#shared/must.ts';
import { expectStatus, type Harness } from './harness.ts';
import { Meter, runCount, type LoadResult } from './load.ts';
import { manifestBody, type Cast } from './world.ts';

export interface TrackResults {
  batch: number;
  concurrency: number;
  api: LoadResult & { pointsPerSecond: number };
  floor: LoadResult & { pointsPerSecond: number };
  ratio: number;
  /** The same items written as the API must (never over a stored point): TransactWriteItems of 98 with attribute_not_exists. */
  conditionalFloor: LoadResult & { pointsPerSecond: number };
  conditionalRatio: number;
  read: { points: number; geojson: LoadResult; pages: LoadResult; pageLimit: number };
}

const DAY = 86_400_000;
const table = () => process.env.TABLE_NAME!;

/** A manifest of the cast on the road, picked up `daysAgo` (the in-process clock set back for the pickup). */
async function onTheRoad(h: Harness, c: Cast, daysAgo: number): Promise<{ id: string; pickedUpAt: number }> {
  setClockOffset(-daysAgo * DAY);
  try {
    const draft = expectStatus(
      await h.call(c.generator.user, 'POST', '/v1/manifests', manifestBody(c, new Date().toISOString())),
      201,
      'create',
    );
    expectStatus(await h.call(c.generator.user, 'POST', `/v1/manifests/${draft.id}/dispatch`), 200, 'dispatch');
    const m = expectStatus(
      await h.call(c.carrier.user, 'POST', `/v1/manifests/${draft.id}/pickup`, {
        transporterId: c.carrier.id,
        vehiclePlate: '晋A12345',
        driverName: '张师傅',
      }),
      200,
      'pickup',
    );
    return { id: m.id, pickedUpAt: Date.parse(m.legs[0].pickedUpAt) };
  } finally {
    setClockOffset(0);
  }
}

/** The n-th point of a drive: one a second, ~20 m apart, heading west from Taiyuan. */
const pointAt = (start: number, n: number) => ({
  at: new Date(start + 1000 + n * 1000).toISOString(),
  lat: 37.7363,
  lon: Number((112.5651 - n * 0.00022).toFixed(6)),
  speedKmh: 72,
  source: 'terminal' as const,
});

/** The item the API stores for a point (same attributes and sizes), under the floor's own partition. */
const floorItem = (worker: number, manifestId: string, p: ReturnType<typeof pointAt>) => ({
  ...keys.trackPoint(manifestId, 1, p.at),
  PK: `BENCHTRACK#${worker}#${manifestId}#01`,
  itemType: 'track-point',
  manifestId,
  leg: 1,
  ...p,
});

async function batchWrite(h: Harness, items: Record<string, unknown>[]) {
  await Promise.all(
    Array.from({ length: Math.ceil(items.length / 25) }, async (_, k) => {
      let request: Record<string, any[]> | undefined = {
        [table()]: items.slice(k * 25, k * 25 + 25).map((Item) => ({ PutRequest: { Item } })),
      };
      while (request && Object.keys(request).length)
        request = (await h.raw.send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems as never;
    }),
  );
}

/** The conditional floor: the API's own write pattern without the API (98 conditional puts a transaction, in turn). */
async function transactWrite(h: Harness, items: Record<string, unknown>[]) {
  for (let k = 0; k < items.length; k += 98) {
    await h.raw.send(
      new TransactWriteCommand({
        TransactItems: items
          .slice(k, k + 98)
          .map((Item) => ({ Put: { TableName: table(), Item, ConditionExpression: 'attribute_not_exists(PK)' } })),
      }),
    );
  }
}

export async function measureTrack(
  h: Harness,
  casts: Cast[],
  concurrency: number,
  seconds: number,
  rounds: number,
  batch: number,
): Promise<TrackResults> {
  // Per meter worker: its cast, its leg on the road, and the points each writer has sent on it so far.
  // One at a time: each moves the shared clock back for its pickup and resets it after (in parallel, one call's reset
  // would put the others' pickups at the real time, and their later points in the future).
  const workers: {
    cast: Cast;
    leg: Awaited<ReturnType<typeof onTheRoad>>;
    sent: number;
    floorSent: number;
    conditionalSent: number;
  }[] = [];
  for (const cast of casts.slice(0, concurrency))
    workers.push({ cast, leg: await onTheRoad(h, cast, 30), sent: 0, floorSent: 0, conditionalSent: 0 });
  const worker = (w: number) => must(workers[w], `a cast per meter worker (${w})`);
  const [api, floor, conditional] = [new Meter(concurrency), new Meter(concurrency), new Meter(concurrency)];
  const slice = seconds / 2 / rounds;
  for (let round = 0; round < rounds; round++) {
    await floor.during(slice, async (w) => {
      const wk = worker(w);
      const { leg } = wk;
      const from = wk.floorSent;
      wk.floorSent += batch;
      await batchWrite(
        h,
        Array.from({ length: batch }, (_, k) => floorItem(w, leg.id, pointAt(leg.pickedUpAt, from + k))),
      );
    });
    await conditional.during(slice, async (w) => {
      const wk = worker(w);
      const { leg } = wk;
      const from = wk.conditionalSent;
      wk.conditionalSent += batch;
      await transactWrite(
        h,
        Array.from({ length: batch }, (_, k) => ({
          ...floorItem(w, leg.id, pointAt(leg.pickedUpAt, from + k)),
          PK: `BENCHTRACKTX#${w}#${leg.id}#01`,
        })),
      );
    });
    await api.during(slice, async (w) => {
      const wk = worker(w);
      const { cast, leg } = wk;
      const from = wk.sent;
      wk.sent += batch;
      const points = Array.from({ length: batch }, (_, k) => pointAt(leg.pickedUpAt, from + k));
      const r = expectStatus(
        await h.call(cast.carrier.user, 'POST', `/v1/manifests/${leg.id}/track`, {
          transporterId: cast.carrier.id,
          points,
        }),
        200,
        'track',
      );
      if (r.accepted !== batch)
        throw new Error(`accepted ${r.accepted} of ${batch}: ${JSON.stringify(r.refused.slice(0, 3))}`);
    });
  }
  const per = (r: LoadResult) => ({ ...r, pointsPerSecond: Math.round(r.perSecond * batch) });
  const [a, f, cf] = [per(api.result()), per(floor.result()), per(conditional.result())];

  // A leg of 2,000 points, read whole: as GeoJSON (one request), and as JSON pages of 1,000.
  const first = must(casts[0], 'a cast to read with');
  const long = await onTheRoad(h, first, 20);
  for (let k = 0; k < 2000; k += 500) {
    const points = Array.from({ length: 500 }, (_, j) => pointAt(long.pickedUpAt, k + j));
    expectStatus(
      await h.call(first.carrier.user, 'POST', `/v1/manifests/${long.id}/track`, {
        transporterId: first.carrier.id,
        points,
      }),
      200,
      'track 2000',
    );
  }
  const reader = first.generator.user;
  const geojson = await runCount(4, 60, async () => {
    const r = await h.call(reader, 'GET', `/v1/manifests/${long.id}/track`, undefined, {
      accept: 'application/geo+json',
    });
    if (r.status !== 200 || r.body.features[0].geometry.coordinates.length !== 2000)
      throw new Error(`geojson ${r.status}`);
  });
  const pages = await runCount(4, 60, async () => {
    let cursor: string | null = null;
    let n = 0;
    do {
      const r: { status: number; body: any } = await h.call(
        reader,
        'GET',
        `/v1/manifests/${long.id}/track?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      n += r.body.items.length;
      cursor = r.body.nextCursor;
    } while (cursor);
    if (n !== 2000) throw new Error(`read ${n} points`);
  });
  return {
    batch,
    concurrency,
    api: a,
    floor: f,
    ratio: Math.round((a.pointsPerSecond / f.pointsPerSecond) * 100) / 100,
    conditionalFloor: cf,
    conditionalRatio: Math.round((a.pointsPerSecond / cf.pointsPerSecond) * 100) / 100,
    read: { points: 2000, geojson, pages, pageLimit: 1000 },
  };
}
