// Rule 27 through the API: a load that stops for hours away from every site, leaves its corridor, or goes silent opens
// long-stop, off-corridor and track-silent, seen by regulators and by the carrier's and generator's members; each
// closes when its cause is gone (the job), and track-silent is re-armed from the last point.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clock, setClockOffset } from '#shared/clock.ts';
import { onAlertsStream } from '#functions/alerts/index.ts';
import { startStreamPoller, type StreamPoller } from '../../local/stream-poller.ts';
import { regulator, testApi, type TestApi } from '../support/api.ts';
import { cast, pickedUp, type Cast, type Entity } from './manifest-fixtures.ts';

let t: TestApi;
let c: Cast;
let poller: StreamPoller;
const shanxi = regulator('track-alerts-regulator', '14');
const HOUR = 3_600_000;
const MIN = 60_000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
const TAIYUAN = { lat: 37.8706, lon: 112.5489 };
const LISHI = { lat: 37.5177, lon: 111.1431 };
/** On the Taiyuan–Lishi road, 40 km from either end (Jiaocheng area). */
const ROADSIDE = { lat: 37.62, lon: 112.0 };

beforeAll(async () => {
  t = await testApi();
  c = await cast(t, 'track-alerts');
  await t.call(c.generator.user, 'PUT', `/v1/parties/${c.generator.party.id}/location`, TAIYUAN);
  await t.call(c.receiver.user, 'PUT', `/v1/parties/${c.receiver.party.id}/location`, LISHI);
  poller = await startStreamPoller((records) => onAlertsStream(records, clock()), 50);
});
afterEach(() => setClockOffset(0));
afterAll(() => poller.stop());

async function runJob(offsetMs = 0) {
  await poller.drain();
  setClockOffset(offsetMs);
  const res = await t.call(null, 'POST', '/local/jobs/alerts');
  setClockOffset(0);
  expect(res.status).toBe(200);
  await poller.drain();
}

const onTheRoad = (hoursAgo: number): Promise<Entity> => pickedUp(t, c, hoursAgo * HOUR);

const send = (m: Entity, points: { msAgo: number; lat: number; lon: number }[]) =>
  t.call(c.carrier.user, 'POST', `/v1/manifests/${m.id}/track`, {
    transporterId: c.carrier.party.id,
    points: points.map((q) => ({ at: iso(q.msAgo), lat: q.lat, lon: q.lon, source: 'terminal' })),
  });

const alertOf = async (type: string, m: Entity) =>
  (await t.call(shanxi, 'GET', `/v1/oversight/alerts?type=${type}&limit=100`)).body.items.find(
    (a: Entity) => a.manifestId === m.id,
  );
const partyAlertIds = async (member: Cast['generator']) =>
  (await t.call(member.user, 'GET', `/v1/parties/${member.party.id}/alerts?limit=100`)).body.items.map(
    (a: Entity) => a.id,
  );

// Each case drives the change stream and the alert job several times: 8 s alone, about 20 s beside a heavy file on a
// loaded CI machine, so the default 30 s left too little room.
describe('track alerts', { timeout: 60_000 }, () => {
  it('a stop of over 2 hours away from every site opens long-stop at once, seen by carrier and generator; moving on closes it', async () => {
    const m = await onTheRoad(4);
    const stop = Array.from({ length: 16 }, (_, k) => ({
      msAgo: (170 - k * 10) * MIN,
      ...ROADSIDE,
      lat: ROADSIDE.lat + k * 0.00001,
    }));
    expect((await send(m, [{ msAgo: 3.5 * HOUR, lat: 37.75, lon: 112.3 }, ...stop])).body.accepted).toBe(17);
    const alert = await alertOf('long-stop', m);
    expect(alert).toMatchObject({
      status: 'open',
      partyId: c.carrier.party.id,
      divisionCode: '140105',
      subjectId: `${m.id}/1`,
    });
    await poller.drain();
    expect(await partyAlertIds(c.carrier)).toContain(alert.id);
    expect(await partyAlertIds(c.generator)).toContain(alert.id);
    expect(await partyAlertIds(c.carrier2)).not.toContain(alert.id);

    await runJob();
    expect((await alertOf('long-stop', m)).status).toBe('open'); // still stopped
    await send(m, [{ msAgo: 0, lat: 37.55, lon: 111.5 }]);
    await runJob();
    expect(await alertOf('long-stop', m)).toMatchObject({ status: 'closed', closedBy: 'system' });
    const listed = (await t.call(c.generator.user, 'GET', `/v1/parties/${c.generator.party.id}/alerts?status=closed`))
      .body.items;
    expect(listed.map((a: Entity) => a.id)).toContain(alert.id);
  });

  it('a point over 30 km from the Taiyuan–Lishi segment opens off-corridor; back inside, the job closes it', async () => {
    const m = await onTheRoad(1);
    await send(m, [
      { msAgo: 50 * MIN, ...ROADSIDE },
      { msAgo: 40 * MIN, lat: 38.2, lon: 112.0 },
    ]);
    expect(await alertOf('off-corridor', m)).toMatchObject({ status: 'open' });
    await runJob();
    expect((await alertOf('off-corridor', m)).status).toBe('open');
    await send(m, [{ msAgo: 30 * MIN, ...ROADSIDE }]);
    await runJob();
    expect((await alertOf('off-corridor', m)).status).toBe('closed');
  });

  it('a leg silent for 2 hours opens track-silent; a point closes it and re-arms the deadline, and silence again opens a new alert', async () => {
    const m = await onTheRoad(3);
    await runJob();
    const silent = await alertOf('track-silent', m);
    expect(silent).toMatchObject({ status: 'open', partyId: c.carrier.party.id });
    await send(m, [{ msAgo: 0, ...ROADSIDE }]);
    await runJob();
    expect((await alertOf('track-silent', m)).status).toBe('closed');
    await runJob(HOUR); // an hour on: not yet silent for 2 hours
    expect((await alertOf('track-silent', m)).status).toBe('closed');
    await runJob(2.5 * HOUR); // silent again: the cause returned, so a new alert opens beside the closed one
    const all = (await t.call(shanxi, 'GET', `/v1/oversight/alerts?type=track-silent&limit=100`)).body.items.filter(
      (a: Entity) => a.manifestId === m.id,
    );
    expect(all.map((a: Entity) => a.status).sort()).toEqual(['closed', 'open']);
  });

  it("the party alert list is its members' and covering regulators'", async () => {
    expect((await t.call(c.receiver.user, 'GET', `/v1/parties/${c.generator.party.id}/alerts`)).status).toBe(404);
    expect((await t.call(shanxi, 'GET', `/v1/parties/${c.generator.party.id}/alerts`)).status).toBe(200);
  });
});
