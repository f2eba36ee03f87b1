// The medical clock (domain.md rule 23 as now written) and dispatched-not-picked-up, through the API, the change
// stream and the alerts job (POST /local/jobs/alerts) with the clock moved on: a dispatch no longer stops the clock,
// a pickup does; the same clock runs at the receiver until its kilograms are disposed of or picked up on; the limit
// is configuration per province.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clock, setClockOffset } from '#shared/clock.ts';
import { onStatsChanges } from '#shared/services/stats-service.ts';
import { startStreamPoller, type StreamPoller } from '../../local/stream-poller.ts';
import { regulator, testApi, type TestApi } from '../support/api.ts';
import {
  carrier,
  carry,
  dispatch,
  disposalLine,
  expectOk,
  medicalLine,
  member,
  plan,
  receive,
  reportDisposal,
  ship,
  type Actor,
} from './scenario-steps.ts';

const HOUR = 3600_000;
const INFECTIOUS = '841-001-01';
const lvliang = regulator('mc-lvliang', '1411');
type Entity = Record<string, any>;

let t: TestApi;
let poller: StreamPoller;
let truck: Actor;
let disposer: Actor;
let serial = 0;

beforeAll(async () => {
  t = await testApi();
  poller = await startStreamPoller((records) => onStatsChanges(records, clock()), 50);
  [truck, disposer] = await Promise.all([
    carrier(t, 'mc-truck'),
    member(t, 'mc-disposer', '141102', ['receiver'], {
      type: 'medical-waste',
      operations: ['store', 'dispose'],
      wasteCodes: [{ code: 'HW01', annualCapacityKg: 500_000 }],
    }),
  ]);
});
afterEach(() => {
  delete process.env.MEDICAL_STORAGE_HOURS_BY_PROVINCE;
});
afterAll(async () => {
  setClockOffset(0);
  await poller.stop();
});

/** Runs the job once the stream is handled, `hoursLater` hours from now. */
async function runJob(hoursLater = 0) {
  await poller.drain();
  setClockOffset(hoursLater * HOUR);
  try {
    return await expectOk(await t.call(null, 'POST', '/local/jobs/alerts'), 200, 'alerts job');
  } finally {
    setClockOffset(0);
  }
}

const alertOf = async (type: string, subjectId: string): Promise<Entity | undefined> =>
  (await t.call(lvliang, 'GET', `/v1/oversight/alerts?type=${type}&limit=100`)).body.items.find(
    (a: Entity) => a.subjectId === subjectId,
  );

/** A clinic in Lüliang with a plan and a batch of infectious waste recorded `hoursAgo` hours ago. */
async function clinicWithBatch(hoursAgo: number, kg = 10): Promise<{ clinic: Actor; batch: Entity }> {
  const clinic = await member(t, `mc-clinic-${++serial}`, '141121', ['medical']);
  await plan(t, clinic, [INFECTIOUS]);
  const at = new Date(Date.now() - hoursAgo * HOUR).toISOString();
  const batch = await expectOk(
    await t.call(clinic.user, 'POST', `/v1/parties/${clinic.party.id}/ledger`, {
      wasteCode: INFECTIOUS,
      medicalCategory: 'infectious',
      quantityKg: kg,
      at,
    }),
    201,
    'batch',
  );
  return { clinic, batch };
}

const pickup = (m: Entity) =>
  t
    .call(truck.user, 'POST', `/v1/manifests/${m.id}/pickup`, {
      transporterId: truck.party.id,
      vehiclePlate: '晋J12345',
      driverName: '李师傅',
    })
    .then((r) => expectOk(r, 200, 'pickup'));

describe('the medical clock at the clinic (rule 23)', () => {
  it('keeps running after dispatch: medical-storage-exceeded opens while no truck came, and the pickup closes it', async () => {
    const { clinic, batch } = await clinicWithBatch(49);
    const m = await ship(t, clinic, disposer, truck, [medicalLine('infectious', 10)]);
    await runJob();
    expect(await alertOf('medical-storage-exceeded', batch.id)).toMatchObject({
      status: 'open',
      partyId: clinic.party.id,
      divisionCode: '141121',
    });

    await pickup(m);
    await runJob();
    expect(await alertOf('medical-storage-exceeded', batch.id)).toMatchObject({ status: 'closed', closedBy: 'system' });
  });

  it('opens nothing for a batch picked up within the limit', async () => {
    const { clinic, batch } = await clinicWithBatch(47);
    await pickup(await ship(t, clinic, disposer, truck, [medicalLine('infectious', 10)]));
    await runJob(2);
    expect(await alertOf('medical-storage-exceeded', batch.id)).toBeUndefined();
  });

  it('counts the kilograms left behind: a batch shipped in part stays open until the rest is picked up too', async () => {
    const { clinic, batch } = await clinicWithBatch(49, 10);
    await pickup(await ship(t, clinic, disposer, truck, [medicalLine('infectious', 6)]));
    await runJob();
    expect((await alertOf('medical-storage-exceeded', batch.id))?.status).toBe('open');
  });

  it('takes the limit from the province where the waste is held (MEDICAL_STORAGE_HOURS_BY_PROVINCE)', async () => {
    process.env.MEDICAL_STORAGE_HOURS_BY_PROVINCE = JSON.stringify({ 14: 72 });
    const { batch } = await clinicWithBatch(49);
    await runJob();
    expect(await alertOf('medical-storage-exceeded', batch.id)).toBeUndefined();
    await runJob(24);
    expect((await alertOf('medical-storage-exceeded', batch.id))?.status).toBe('open');
  });
});

describe('the medical clock at the receiver (rule 23)', () => {
  it('runs from receipt for accepted kilograms and closes once they are disposed of', async () => {
    const { clinic } = await clinicWithBatch(1);
    const m = await ship(t, clinic, disposer, truck, [medicalLine('infectious', 10)]);
    await carry(t, truck, m.id);
    await receive(t, disposer, m);
    await runJob(47);
    expect(await alertOf('medical-storage-exceeded', `${m.id}/1`)).toBeUndefined();
    await runJob(49);
    expect(await alertOf('medical-storage-exceeded', `${m.id}/1`)).toMatchObject({
      status: 'open',
      partyId: disposer.party.id,
      manifestId: m.id,
      divisionCode: '141102',
    });

    await reportDisposal(t, disposer, m.id, [disposalLine(1, 'Y10', 10)]);
    await runJob(49);
    expect((await alertOf('medical-storage-exceeded', `${m.id}/1`))?.status).toBe('closed');
  });

  it('keeps running for rejected kilograms waiting on the replacement, after the accepted part is disposed of', async () => {
    const { clinic } = await clinicWithBatch(1);
    const m = await ship(t, clinic, disposer, truck, [medicalLine('infectious', 10)]);
    await carry(t, truck, m.id);
    await receive(t, disposer, m, { 1: 4 }, { disposition: 'return' });
    await reportDisposal(t, disposer, m.id, [disposalLine(1, 'Y10', 6)]);
    await runJob(49);
    expect((await alertOf('medical-storage-exceeded', `${m.id}/1`))?.status).toBe('open');
  });
});

describe('dispatched-not-picked-up', () => {
  it('opens 24 hours after plannedPickupAt on a dispatched manifest, and the pickup closes it', async () => {
    const { clinic } = await clinicWithBatch(1);
    const draft = await expectOk(
      await t.call(clinic.user, 'POST', '/v1/manifests', {
        generatorId: clinic.party.id,
        transporterIds: [truck.party.id],
        receiverId: disposer.party.id,
        lines: [medicalLine('infectious', 10)],
        plannedPickupAt: new Date(Date.now() + HOUR).toISOString(),
      }),
      201,
      'draft',
    );
    const m = await dispatch(t, clinic, draft.id);
    await runJob(24);
    expect(await alertOf('dispatched-not-picked-up', m.id)).toBeUndefined();
    await runJob(26);
    expect(await alertOf('dispatched-not-picked-up', m.id)).toMatchObject({
      status: 'open',
      partyId: clinic.party.id,
      manifestId: m.id,
      divisionCode: '141121',
    });

    await pickup(m);
    await runJob(26);
    expect((await alertOf('dispatched-not-picked-up', m.id))?.status).toBe('closed');
  });
});
