// Alerts opened by the situations that cause them (backdated records make them due now) and closed when the
// cause is gone, through the deadlines each write commits, the due-time index and the job. No change-stream consumer
// runs in this file: deadlines must not depend on one.
import { beforeAll, describe, expect, it } from 'vitest';
import { enterprise, regulator, testApi, type TestApi } from '../support/api.ts';
import { activeParty, licenceBody } from '../support/fixtures.ts';

let t: TestApi;
const lvliang = regulator('alerts-lvliang', '1411');

beforeAll(async () => {
  t = await testApi();
});

async function runJob() {
  const res = await t.call(null, 'POST', '/local/jobs/alerts');
  expect(res.status).toBe(200);
  return res.body as { opened: number; closed: number };
}

const alertsOf = async (type: string, subjectId: string) =>
  (await t.call(lvliang, 'GET', `/v1/oversight/alerts?type=${type}`)).body.items.filter(
    (a: { subjectId: string }) => a.subjectId === subjectId,
  );

describe('alerts', () => {
  it('medical waste kept over 48 hours opens medical-storage-exceeded once, and voiding the batch closes it', async () => {
    const clinic = await activeParty(t, 'alerts-clinic', { divisionCode: '141102', kinds: ['generator', 'medical'] });
    const at = new Date(Date.now() - 49 * 3600_000).toISOString();
    const entry = await t.call(enterprise('alerts-clinic'), 'POST', `/v1/parties/${clinic.id}/ledger`, {
      wasteCode: '841-001-01',
      medicalCategory: 'infectious',
      quantityKg: 12.5,
      at,
    });
    expect(entry.status).toBe(201);
    const fresh = await t.call(enterprise('alerts-clinic'), 'POST', `/v1/parties/${clinic.id}/ledger`, {
      wasteCode: '841-002-01',
      medicalCategory: 'sharps',
      quantityKg: 2,
      at: new Date().toISOString(),
    });

    expect((await runJob()).opened).toBeGreaterThanOrEqual(1);
    const [alert] = await alertsOf('medical-storage-exceeded', entry.body.id);
    expect(alert).toMatchObject({ status: 'open', partyId: clinic.id, divisionCode: '141102' });
    expect(await alertsOf('medical-storage-exceeded', fresh.body.id)).toEqual([]);

    await runJob();
    expect(await alertsOf('medical-storage-exceeded', entry.body.id)).toHaveLength(1); // opened once

    await t.call(enterprise('alerts-clinic'), 'POST', `/v1/parties/${clinic.id}/ledger/${entry.body.id}/void`, {
      reason: 'entered twice',
    });
    expect((await runJob()).closed).toBeGreaterThanOrEqual(1);
    const [closed] = await alertsOf('medical-storage-exceeded', entry.body.id);
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'system' });
  });

  it('a licence ending within 30 days opens licence-expiring; a regulator closes it with a note, once', async () => {
    const disposer = await activeParty(t, 'alerts-disposer', { divisionCode: '141102', kinds: ['receiver'] });
    const validTo = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const filed = await t.call(
      enterprise('alerts-disposer'),
      'POST',
      `/v1/parties/${disposer.id}/licences`,
      licenceBody({ validTo }),
    );
    await t.call(lvliang, 'POST', `/v1/parties/${disposer.id}/licences/${filed.body.id}/verify`);
    await runJob();
    const [alert] = await alertsOf('licence-expiring', filed.body.id);
    expect(alert).toMatchObject({ status: 'open', partyId: disposer.id });

    expect(
      (
        await t.call(regulator('alerts-xinjiang', '65'), 'POST', `/v1/oversight/alerts/${alert.id}/close`, {
          note: 'x',
        })
      ).status,
    ).toBe(404);
    const closed = await t.call(lvliang, 'POST', `/v1/oversight/alerts/${alert.id}/close`, {
      note: '已通知单位办理延续',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: lvliang.sub, closeNote: '已通知单位办理延续' });
    const again = await t.call(lvliang, 'POST', `/v1/oversight/alerts/${alert.id}/close`, { note: 'again' });
    expect(again.status).toBe(409);

    await runJob();
    expect((await alertsOf('licence-expiring', filed.body.id))[0].status).toBe('closed');
    const open = await t.call(lvliang, 'GET', '/v1/oversight/alerts?status=open&type=licence-expiring');
    expect(open.body.items.map((a: { id: string }) => a.id)).not.toContain(alert.id);
  });

  it('lists alerts only within the jurisdiction and refuses enterprises', async () => {
    expect((await t.call(enterprise('alerts-clinic'), 'GET', '/v1/oversight/alerts')).status).toBe(403);
    const xinjiang = await t.call(regulator('alerts-xinjiang', '65'), 'GET', '/v1/oversight/alerts');
    expect(xinjiang.status).toBe(200);
    expect(xinjiang.body.items).toEqual([]);
  });
});
