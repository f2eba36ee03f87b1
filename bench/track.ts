// Track ingest and reads (issue 12, item 8): points/s through the API (POST …/track, batches of BATCH points) against
// the raw BatchWriteItem floor writing the very same point items (25 a request, a batch's requests in parallel) in the
// same run, in alternating slices; and GET …/track on a leg of 2,000 points (whole leg: GeoJSON, and JSON pages).
import { BatchWriteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { setClockOffset } from '#shared/clock.ts';
import { keys } from '#shared/store/keys.ts';
import { expectStatus, type Harness } from './harness.ts';
import { Meter, runCount, type LoadResult } from './load.ts';
import { WASTE_CODE, type Cast } from './world.ts';

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
    const draft = expectStatus(await h.call(c.generator.user, 'POST', '/v1/manifests', {
      generatorId: c.generator.id, transporterIds: [c.carrier.id], receiverId: c.receiver.id, plannedPickupAt: new Date().toISOString(),
      lines: [{ wasteCode: WASTE_CODE, name: '废活性炭', physicalForm: 'solid', hazards: ['T'], packaging: 'drum', containerCount: 1, quantityKg: 1 }],
    }), 201, 'create');
    expectStatus(await h.call(c.generator.user, 'POST', `/v1/manifests/${draft.id}/dispatch`), 200, 'dispatch');
    const m = expectStatus(await h.call(c.carrier.user, 'POST', `/v1/manifests/${draft.id}/pickup`, { transporterId: c.carrier.id, vehiclePlate: '晋A12345', driverName: '张师傅' }), 200, 'pickup');
    return { id: m.id, pickedUpAt: Date.parse(m.legs[0].pickedUpAt) };
  } finally {
    setClockOffset(0);
  }
}

/** The n-th point of a drive: one a second, ~20 m apart, heading west from Taiyuan. */
const pointAt = (start: number, n: number) => ({ at: new Date(start + 1000 + n * 1000).toISOString(), lat: 37.7363, lon: Number((112.5651 - n * 0.00022).toFixed(6)), speedKmh: 72, source: 'terminal' as const });

/** The item the API stores for a point (same attributes and sizes), under the floor's own partition. */
const floorItem = (worker: number, manifestId: string, p: ReturnType<typeof pointAt>) => ({
  ...keys.trackPoint(manifestId, 1, p.at), PK: `BENCHTRACK#${worker}#${manifestId}#01`, itemType: 'track-point', manifestId, leg: 1, ...p,
});

async function batchWrite(h: Harness, items: Record<string, unknown>[]) {
  await Promise.all(Array.from({ length: Math.ceil(items.length / 25) }, async (_, k) => {
    let request: Record<string, any[]> | undefined = { [table()]: items.slice(k * 25, k * 25 + 25).map((Item) => ({ PutRequest: { Item } })) };
    while (request && Object.keys(request).length) request = (await h.raw.send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems as never;
  }));
}

/** The conditional floor: the API's own write pattern without the API (98 conditional puts a transaction, in turn). */
async function transactWrite(h: Harness, items: Record<string, unknown>[]) {
  for (let k = 0; k < items.length; k += 98) {
    await h.raw.send(new TransactWriteCommand({ TransactItems: items.slice(k, k + 98).map((Item) => ({ Put: { TableName: table(), Item, ConditionExpression: 'attribute_not_exists(PK)' } })) }));
  }
}

export async function measureTrack(h: Harness, casts: Cast[], concurrency: number, seconds: number, rounds: number, batch: number): Promise<TrackResults> {
  const legs = await Promise.all(casts.slice(0, concurrency).map((c) => onTheRoad(h, c, 30)));
  const sent = legs.map(() => 0);
  const floorSent = legs.map(() => 0);
  const [api, floor, conditional] = [new Meter(concurrency), new Meter(concurrency), new Meter(concurrency)];
  const conditionalSent = legs.map(() => 0);
  const slice = seconds / 2 / rounds;
  for (let round = 0; round < rounds; round++) {
    await floor.during(slice, async (w) => {
      const from = floorSent[w];
      floorSent[w] += batch;
      await batchWrite(h, Array.from({ length: batch }, (_, k) => floorItem(w, legs[w].id, pointAt(legs[w].pickedUpAt, from + k))));
    });
    await conditional.during(slice, async (w) => {
      const from = conditionalSent[w];
      conditionalSent[w] += batch;
      await transactWrite(h, Array.from({ length: batch }, (_, k) => ({ ...floorItem(w, legs[w].id, pointAt(legs[w].pickedUpAt, from + k)), PK: `BENCHTRACKTX#${w}#${legs[w].id}#01` })));
    });
    await api.during(slice, async (w) => {
      const from = sent[w];
      sent[w] += batch;
      const points = Array.from({ length: batch }, (_, k) => pointAt(legs[w].pickedUpAt, from + k));
      const r = expectStatus(await h.call(casts[w].carrier.user, 'POST', `/v1/manifests/${legs[w].id}/track`, { transporterId: casts[w].carrier.id, points }), 200, 'track');
      if (r.accepted !== batch) throw new Error(`accepted ${r.accepted} of ${batch}: ${JSON.stringify(r.refused.slice(0, 3))}`);
    });
  }
  const per = (r: LoadResult) => ({ ...r, pointsPerSecond: Math.round(r.perSecond * batch) });
  const [a, f, cf] = [per(api.result()), per(floor.result()), per(conditional.result())];

  // A leg of 2,000 points, read whole: as GeoJSON (one request), and as JSON pages of 1,000.
  const long = await onTheRoad(h, casts[0], 20);
  for (let k = 0; k < 2000; k += 500) {
    const points = Array.from({ length: 500 }, (_, j) => pointAt(long.pickedUpAt, k + j));
    expectStatus(await h.call(casts[0].carrier.user, 'POST', `/v1/manifests/${long.id}/track`, { transporterId: casts[0].carrier.id, points }), 200, 'track 2000');
  }
  const reader = casts[0].generator.user;
  const geojson = await runCount(4, 60, async () => {
    const r = await h.call(reader, 'GET', `/v1/manifests/${long.id}/track`, undefined, { accept: 'application/geo+json' });
    if (r.status !== 200 || r.body.features[0].geometry.coordinates.length !== 2000) throw new Error(`geojson ${r.status}`);
  });
  const pages = await runCount(4, 60, async () => {
    let cursor: string | null = null;
    let n = 0;
    do {
      const r: { status: number; body: any } = await h.call(reader, 'GET', `/v1/manifests/${long.id}/track?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      n += r.body.items.length;
      cursor = r.body.nextCursor;
    } while (cursor);
    if (n !== 2000) throw new Error(`read ${n} points`);
  });
  return {
    batch, concurrency, api: a, floor: f, ratio: Math.round((a.pointsPerSecond / f.pointsPerSecond) * 100) / 100,
    conditionalFloor: cf, conditionalRatio: Math.round((a.pointsPerSecond / cf.pointsPerSecond) * 100) / 100,
    read: { points: 2000, geojson, pages, pageLimit: 1000 } };
}
