// The alerts of capacity, plans, collectors' holding and lapsed receiver licences: each opened by the situation that
// causes it, not opened when the situation stops short of it, and closed by the job once the cause is gone. The
// stream runs the statistics consumer too (over-plan reads the dispatched kilograms it keeps); the job runs with the
// clock moved on to reach deadlines weeks away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock, setClockOffset } from '#shared/clock.ts';
import { addDays, localDate } from '#shared/domain/calendar.ts';
import { onStatsChanges } from '#shared/services/stats-service.ts';
import { startStreamPoller, type StreamPoller } from '../../local/stream-poller.ts';
import { regulator, testApi, type TestApi } from '../support/api.ts';
import {
  carrier,
  carry,
  disposerLicence,
  expectOk,
  generated,
  line,
  member,
  receive,
  ship,
  transfer,
  YEAR,
  type Actor,
} from './scenario-steps.ts';

const CODE = '900-041-49';
const DAY = 86_400_000;
const shanxi = regulator('am-shanxi', '14');
let t: TestApi;
let poller: StreamPoller;
let truck: Actor;

beforeAll(async () => {
  t = await testApi();
  poller = await startStreamPoller((records) => onStatsChanges(records, clock()), 50);
  truck = await carrier(t, 'am-truck');
});
afterAll(async () => {
  setClockOffset(0);
  await poller.stop();
});

/** Runs the job once the stream is handled, `daysLater` days from now. */
async function runJob(daysLater = 0) {
  await poller.drain();
  setClockOffset(daysLater * DAY);
  try {
    await expectOk(await t.call(null, 'POST', '/local/jobs/alerts'), 200, 'alerts job');
  } finally {
    setClockOffset(0);
  }
}

const alertsOf = async (type: string, partyId: string) =>
  (await t.call(shanxi, 'GET', `/v1/oversight/alerts?type=${type}`)).body.items.filter(
    (a: { partyId: string }) => a.partyId === partyId,
  );

async function planFor(a: Actor, expectedKg: number) {
  await expectOk(
    await t.call(a.user, 'POST', `/v1/parties/${a.party.id}/plans`, {
      year: YEAR,
      items: [{ wasteCode: CODE, expectedKg }],
    }),
    201,
    'plan',
  );
}

const cancel = async (a: Actor, id: string) =>
  expectOk(await t.call(a.user, 'POST', `/v1/manifests/${id}/cancel`, { reason: '计划调整' }), 200, 'cancel');

describe('capacity-reached (rule 4)', () => {
  it('opens when committed kilograms pass 100% of the annual capacity, not at exactly 100%, and closes when they fall back', async () => {
    const [plant, disposer] = await Promise.all([
      member(t, 'am-cap-plant', '140105', ['generator']),
      member(t, 'am-cap-disposer', '141102', ['receiver'], {
        operations: ['store', 'dispose'],
        wasteCodes: [{ code: 'HW49', annualCapacityKg: 1000 }],
      }),
    ]);
    await planFor(plant, 100_000);
    await generated(t, plant, CODE, 2000);

    await ship(t, plant, disposer, truck, [line(CODE, 1000)]);
    await runJob();
    expect(await alertsOf('capacity-reached', disposer.party.id)).toEqual([]);

    const past = await ship(t, plant, disposer, truck, [line(CODE, 100)]);
    await runJob();
    const [alert] = await alertsOf('capacity-reached', disposer.party.id);
    expect(alert).toMatchObject({ status: 'open', partyId: disposer.party.id, divisionCode: '141102' });
    expect(alert.subjectId).toContain(`/HW49/${YEAR}`);

    await cancel(plant, past.id);
    await runJob();
    expect(await alertsOf('capacity-reached', disposer.party.id)).toMatchObject([
      { id: alert.id, status: 'closed', closedBy: 'system' },
    ]);

    // The cause comes back (a second breach in the year): a new alert opens; the first stays closed, never reopened.
    await ship(t, plant, disposer, truck, [line(CODE, 50)]);
    await runJob();
    const both = await alertsOf('capacity-reached', disposer.party.id);
    const again = both.find((a: { id: string }) => a.id !== alert.id);
    expect(both).toHaveLength(2);
    expect(again).toMatchObject({ status: 'open', subjectId: alert.subjectId, version: 1 });
    expect(both.find((a: { id: string }) => a.id === alert.id)).toMatchObject({ status: 'closed' });

    // A regulator closes it while the receiver is still past 100%: further dispatches (the cause still present) open nothing.
    await expectOk(
      await t.call(shanxi, 'POST', `/v1/oversight/alerts/${again.id}/close`, { note: '已约谈' }),
      200,
      'close',
    );
    await ship(t, plant, disposer, truck, [line(CODE, 10)]);
    await runJob();
    const after = await alertsOf('capacity-reached', disposer.party.id);
    expect(after.map((a: { id: string; status: string }) => [a.id, a.status]).sort()).toEqual(
      [
        [again.id, 'closed'],
        [alert.id, 'closed'],
      ].sort(),
    );
  }, 90_000); // ten API calls and five job runs: more than the default 30 s on a loaded machine
});

describe('over-plan (rule 7)', () => {
  it('opens when a code is dispatched beyond the plan, not when dispatch equals it, and closes when a new plan version covers it', async () => {
    const [plant, disposer] = await Promise.all([
      member(t, 'am-plan-plant', '140105', ['generator']),
      member(t, 'am-plan-disposer', '141102', ['receiver'], disposerLicence(['HW49'])),
    ]);
    await planFor(plant, 500);
    await generated(t, plant, CODE, 1000);

    await ship(t, plant, disposer, truck, [line(CODE, 300)]);
    await ship(t, plant, disposer, truck, [line(CODE, 200)]);
    await runJob();
    expect(await alertsOf('over-plan', plant.party.id)).toEqual([]);

    await ship(t, plant, disposer, truck, [line(CODE, 50)]); // dispatched: passing the plan is not refused
    await runJob();
    const [alert] = await alertsOf('over-plan', plant.party.id);
    expect(alert).toMatchObject({
      status: 'open',
      subjectId: `${plant.party.id}/${YEAR}/${CODE}`,
      partyId: plant.party.id,
      divisionCode: '140105',
    });

    await planFor(plant, 600);
    await runJob();
    expect(await alertsOf('over-plan', plant.party.id)).toMatchObject([
      { id: alert.id, status: 'closed', closedBy: 'system' },
    ]);

    // A second over-plan in the year (past the new version's 600 kg) is a new alert.
    await ship(t, plant, disposer, truck, [line(CODE, 100)]);
    await runJob();
    const both = await alertsOf('over-plan', plant.party.id);
    expect(both).toHaveLength(2);
    expect(both.find((a: { id: string }) => a.id !== alert.id)).toMatchObject({
      status: 'open',
      subjectId: alert.subjectId,
    });
    expect(both.find((a: { id: string }) => a.id === alert.id)).toMatchObject({ status: 'closed' });
  });
});

describe('collector-holding-exceeded (rule 21)', () => {
  it('opens 90 working days after receipt for accepted kilograms a collection licence holder still holds, and closes once shipped on', async () => {
    const [plant, collector, disposer] = await Promise.all([
      member(t, 'am-col-plant', '140105', ['generator']),
      member(t, 'am-col-collector', '141121', ['collector', 'receiver', 'generator'], {
        type: 'hazardous-waste-collection',
        operations: ['collect', 'store'],
        wasteCodes: [{ code: 'HW49', annualCapacityKg: 100_000 }],
      }),
      member(t, 'am-col-disposer', '141102', ['receiver'], disposerLicence(['HW49'])),
    ]);
    await Promise.all([planFor(plant, 100_000), planFor(collector, 100_000)]);
    await generated(t, plant, CODE, 100);
    const collected = await transfer(t, plant, collector, truck, [line(CODE, 60)]);
    await transfer(t, plant, disposer, truck, [line(CODE, 40)]);

    await runJob(100); // 100 calendar days: fewer than 90 working days
    expect(await alertsOf('collector-holding-exceeded', collector.party.id)).toEqual([]);
    await runJob(200);
    const [alert] = await alertsOf('collector-holding-exceeded', collector.party.id);
    expect(alert).toMatchObject({
      status: 'open',
      subjectId: `${collected.id}/1`,
      manifestId: collected.id,
      partyId: collector.party.id,
      divisionCode: '141121',
    });
    // A disposer holding what it received is not bound by the collectors' 90 days.
    expect(await alertsOf('collector-holding-exceeded', disposer.party.id)).toEqual([]);

    const onward = await ship(t, collector, disposer, truck, [
      line(CODE, 60, { sources: [{ manifestId: collected.id, lineNo: 1, quantityKg: 60 }] }),
    ]);
    await carry(t, truck, onward.id);
    await receive(t, disposer, onward);
    await runJob(200);
    expect(await alertsOf('collector-holding-exceeded', collector.party.id)).toMatchObject([
      { id: alert.id, status: 'closed', closedBy: 'system' },
    ]);
  });
});

describe('licence-expired-in-flight', () => {
  it('opens, naming the manifest, when the receiver licence a load left under lapses on the way, and closes once the load is off the road', async () => {
    const tomorrow = addDays(localDate(clock(), 'Asia/Shanghai'), 1);
    const [plant, lapsing, lasting] = await Promise.all([
      member(t, 'am-lap-plant', '140105', ['generator']),
      member(t, 'am-lap-lapsing', '141102', ['receiver'], { ...disposerLicence(['HW49']), validTo: tomorrow }),
      member(t, 'am-lap-lasting', '141102', ['receiver'], disposerLicence(['HW49'])),
    ]);
    await planFor(plant, 100_000);
    await generated(t, plant, CODE, 100);
    const load = await ship(t, plant, lapsing, truck, [line(CODE, 30)]);
    await ship(t, plant, lasting, truck, [line(CODE, 30)]);

    await runJob(); // still valid through tomorrow
    expect(await alertsOf('licence-expired-in-flight', lapsing.party.id)).toEqual([]);
    await runJob(3);
    const [alert] = await alertsOf('licence-expired-in-flight', lapsing.party.id);
    expect(alert).toMatchObject({
      status: 'open',
      subjectId: load.id,
      manifestId: load.id,
      partyId: lapsing.party.id,
      divisionCode: '141102',
    });
    expect(await alertsOf('licence-expired-in-flight', lasting.party.id)).toEqual([]);

    await cancel(plant, load.id);
    await runJob(3);
    expect(await alertsOf('licence-expired-in-flight', lapsing.party.id)).toMatchObject([
      { id: alert.id, status: 'closed', closedBy: 'system' },
    ]);
  });
});
