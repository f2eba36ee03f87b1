// The manifest alerts (rules 13, 14) and the declarations owed without a plan (rule 9), opened through the API and the
// job. The change-stream consumer here fails on every batch (as a crashed or throttled Lambda would): each write's
// deadlines commit with it, so every alert still opens. The job runs with the clock moved on to reach its deadlines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClockOffset } from '#shared/clock.ts';
import { startStreamPoller, type StreamPoller } from '../../local/stream-poller.ts';
import { regulator, testApi, type TestApi } from '../support/api.ts';
import {
  carrier,
  disposerLicence,
  expectOk,
  generated,
  line,
  member,
  plan,
  receive,
  ship,
  YEAR,
  type Actor,
} from './scenario-steps.ts';

const CODE = '900-041-49';
const HOUR = 3_600_000;
const shanxi = regulator('amf-shanxi', '14');
let t: TestApi;
let failing: StreamPoller;
let truck: Actor;
let plant: Actor;
let disposer: Actor;
let consumerCalls = 0;

beforeAll(async () => {
  t = await testApi();
  failing = await startStreamPoller(async () => {
    consumerCalls += 1;
    throw new Error('stream consumer down');
  }, 50);
  [truck, plant, disposer] = await Promise.all([
    carrier(t, 'amf-truck'),
    member(t, 'amf-plant', '140105', ['generator']),
    member(t, 'amf-disposer', '141102', ['receiver'], disposerLicence(['HW49'])),
  ]);
  await plan(t, plant, [CODE]);
  await generated(t, plant, CODE, 1000);
});
afterAll(async () => {
  setClockOffset(0);
  await failing.stop();
});

async function runJob(hoursLater = 0) {
  setClockOffset(hoursLater * HOUR);
  try {
    return await expectOk(await t.call(null, 'POST', '/local/jobs/alerts'), 200, 'alerts job');
  } finally {
    setClockOffset(0);
  }
}

const alertsOf = async (type: string, subjectId: string) =>
  (await t.call(shanxi, 'GET', `/v1/oversight/alerts?type=${type}`)).body.items.filter(
    (a: { subjectId: string }) => a.subjectId === subjectId,
  );

const pickup = async (id: string) =>
  await expectOk(
    await t.call(truck.user, 'POST', `/v1/manifests/${id}/pickup`, {
      transporterId: truck.party.id,
      vehiclePlate: '晋J12345',
      driverName: '李师傅',
    }),
    200,
    'pickup',
  );
const deliver = async (id: string) =>
  await expectOk(
    await t.call(truck.user, 'POST', `/v1/manifests/${id}/deliver`, {
      transporterId: truck.party.id,
      deliveredAt: new Date().toISOString(),
    }),
    200,
    'deliver',
  );

describe('with the stream consumer failing', () => {
  it('transit-overdue opens 72 hours after the first pickup, naming the carrier and the manifest, and closes on delivery', async () => {
    const m = await ship(t, plant, disposer, truck, [line(CODE, 20)]);
    await pickup(m.id);
    await runJob(71);
    expect(await alertsOf('transit-overdue', m.id)).toEqual([]);
    await runJob(73);
    const [alert] = await alertsOf('transit-overdue', m.id);
    expect(alert).toMatchObject({ status: 'open', manifestId: m.id, partyId: truck.party.id, divisionCode: '140105' });
    await runJob(74);
    expect(await alertsOf('transit-overdue', m.id)).toHaveLength(1); // opened once

    await deliver(m.id);
    await runJob(75);
    expect(await alertsOf('transit-overdue', m.id)).toMatchObject([
      { id: alert.id, status: 'closed', closedBy: 'system' },
    ]);
    expect(consumerCalls).toBeGreaterThan(0); // the consumer did see (and fail on) these writes
  });

  it('overdue-receipt opens 5 working days after delivery for the receiver, and closes on receipt', async () => {
    const m = await ship(t, plant, disposer, truck, [line(CODE, 20)]);
    await pickup(m.id);
    const delivered = await deliver(m.id);
    await runJob(24); // one day: not yet
    expect(await alertsOf('overdue-receipt', m.id)).toEqual([]);
    await runJob(15 * 24); // 15 calendar days: past 5 working days whatever the holidays
    const [alert] = await alertsOf('overdue-receipt', m.id);
    expect(alert).toMatchObject({
      status: 'open',
      manifestId: m.id,
      partyId: disposer.party.id,
      divisionCode: '141102',
    });

    await receive(t, disposer, delivered);
    await runJob(15 * 24);
    expect(await alertsOf('overdue-receipt', m.id)).toMatchObject([{ id: alert.id, status: 'closed' }]);
  });

  it('discrepancy-open opens 15 days after a receipt that differs, for the generator; a cause still present after a regulator closed it opens nothing', async () => {
    const m = await ship(t, plant, disposer, truck, [line(CODE, 100)]);
    await pickup(m.id);
    await deliver(m.id);
    const lines = [{ lineNo: 1, receivedKg: 80, containerCount: 1 }];
    const received = await expectOk(
      await t.call(disposer.user, 'POST', `/v1/manifests/${m.id}/receive`, {
        receivedAt: new Date().toISOString(),
        lines,
      }),
      200,
      'receive',
    );
    expect(received.discrepancy).toMatchObject({ status: 'open' });
    await runJob(14 * 24);
    expect(await alertsOf('discrepancy-open', m.id)).toEqual([]);
    await runJob(16 * 24);
    const [alert] = await alertsOf('discrepancy-open', m.id);
    expect(alert).toMatchObject({ status: 'open', manifestId: m.id, partyId: plant.party.id, divisionCode: '140105' });

    await expectOk(
      await t.call(shanxi, 'POST', `/v1/oversight/alerts/${alert.id}/close`, { note: '已电话督办' }),
      200,
      'close alert',
    );
    await runJob(17 * 24); // the discrepancy is still unexplained: nothing opens again
    expect(await alertsOf('discrepancy-open', m.id)).toMatchObject([
      { id: alert.id, status: 'closed', closedBy: shanxi.sub },
    ]);
  });
});

describe('declarations owed without a plan (rule 9)', () => {
  const hoursUntil = (isoDay: string) => Math.ceil((Date.parse(`${isoDay}T00:00:00+08:00`) - Date.now()) / HOUR);

  it('a generator that recorded waste in a year with no plan owes its annual declaration: declaration-overdue after 31 March', async () => {
    const [workshop, idle] = await Promise.all([
      member(t, 'amf-workshop', '140105', ['generator']),
      member(t, 'amf-idle', '140105', ['generator']),
    ]);
    await generated(t, workshop, CODE, 5);
    const voided = await generated(t, idle, CODE, 5);
    await expectOk(
      await t.call(idle.user, 'POST', `/v1/parties/${idle.party.id}/ledger/${voided.id}/void`, { reason: '录入错误' }),
      200,
      'void',
    );

    await runJob(hoursUntil(`${YEAR + 1}-03-31`) - 1); // the 31st itself: still in time
    expect(await alertsOf('declaration-overdue', `${workshop.party.id}/${YEAR}`)).toEqual([]);
    await runJob(hoursUntil(`${YEAR + 1}-04-01`) + 1);
    expect(await alertsOf('declaration-overdue', `${workshop.party.id}/${YEAR}`)).toMatchObject([
      { status: 'open', partyId: workshop.party.id, divisionCode: '140105' },
    ]);
    // Only a voided entry: nothing recorded, nothing owed.
    expect(await alertsOf('declaration-overdue', `${idle.party.id}/${YEAR}`)).toEqual([]);
  });
});
