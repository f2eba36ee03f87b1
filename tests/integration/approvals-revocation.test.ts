// Rule 31: a regulator of the outbound province narrows an approval (downward only, never below what was dispatched)
// or revokes it; every change is an event kept on it; dispatch under a revoked approval is refused while what left
// under it continues; regulators list their province's approvals, outbound and inbound.
import { beforeAll, describe, expect, it } from 'vitest';
import { regulator, testApi, type TestApi } from '../support/api.ts';
import { carrier, disposerLicence, expectOk, generated, line, member, plan, type Actor } from './scenario-steps.ts';

const CODE = '900-041-49';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
const shanxi = regulator('ar-shanxi', '14');
const taiyuan = regulator('ar-taiyuan', '1401');
const hebei = regulator('ar-hebei', '13');
const xinjiang = regulator('ar-xinjiang', '65');
const nation = regulator('ar-nation', '00');
let t: TestApi;
let plant: Actor;
let disposer: Actor;
let truck: Actor;

beforeAll(async () => {
  t = await testApi();
  [plant, disposer, truck] = await Promise.all([
    member(t, 'ar-plant', '140105', ['generator']),
    member(t, 'ar-disposer', '130102', ['receiver'], disposerLicence(['HW49'])),
    carrier(t, 'ar-truck'),
  ]);
  await plan(t, plant, [CODE]);
  await generated(t, plant, CODE, 500);
});

const issue = async () =>
  await expectOk(
    await t.call(shanxi, 'POST', '/v1/approvals', {
      generatorId: plant.party.id,
      receiverId: disposer.party.id,
      wasteCodes: [{ code: CODE, maxKg: 100 }],
      validFrom: day(0),
      validTo: day(200),
    }),
    201,
    'approval',
  );
async function shipUnder(approvalId: string, kg: number) {
  const draft = await expectOk(
    await t.call(plant.user, 'POST', '/v1/manifests', {
      generatorId: plant.party.id,
      transporterIds: [truck.party.id],
      receiverId: disposer.party.id,
      approvalId,
      lines: [line(CODE, kg)],
      plannedPickupAt: new Date(Date.now() + 3600_000).toISOString(),
    }),
    201,
    'manifest',
  );
  return t.call(plant.user, 'POST', `/v1/manifests/${draft.id}/dispatch`);
}
const amend = (id: string, body: unknown, who = shanxi, headers: Record<string, string> = {}) =>
  t.call(who, 'PATCH', `/v1/approvals/${id}`, body, headers);

describe('amending an approval (downward only)', () => {
  it('narrows kilograms and the period, keeps the change as an event, and refuses anything else with the right code', async () => {
    const approval = await issue();
    expect(approval).toMatchObject({ status: 'active', events: [{ type: 'issued', by: shanxi.sub }] });
    expect((await shipUnder(approval.id, 30)).status).toBe(200);

    // Who: 404 for whoever cannot read it, 403 for readers that are not a regulator of the outbound province.
    expect((await amend(approval.id, { validTo: day(100) }, xinjiang)).status).toBe(404);
    expect((await amend(approval.id, { validTo: day(100) }, taiyuan)).status).toBe(403); // a city regulator
    expect((await amend(approval.id, { validTo: day(100) }, hebei)).status).toBe(403); // the receiving province
    expect((await amend(approval.id, { validTo: day(100) }, plant.user)).status).toBe(403);

    const refused = async (body: unknown, status: number, code: string, path: string) => {
      const res = await amend(approval.id, body);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code });
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    };
    await refused({ wasteCodes: [{ code: CODE, maxKg: 150 }] }, 422, 'AMENDMENT_NOT_DOWNWARD', 'wasteCodes.0.maxKg');
    await refused({ validTo: day(250) }, 422, 'AMENDMENT_NOT_DOWNWARD', 'validTo');
    await refused({ validFrom: day(-1) }, 422, 'AMENDMENT_NOT_DOWNWARD', 'validFrom');
    await refused(
      { wasteCodes: [{ code: '900-039-49', maxKg: 1 }] },
      422,
      'AMENDMENT_NOT_DOWNWARD',
      'wasteCodes.0.code',
    );
    await refused({ wasteCodes: [{ code: CODE, maxKg: 29 }] }, 422, 'APPROVAL_EXCEEDED', 'wasteCodes.0.maxKg'); // 30 kg left under it
    await refused({ validFrom: day(50), validTo: day(40) }, 400, 'VALIDATION_FAILED', 'validTo');
    expect((await amend(approval.id, {})).status).toBe(400);
    expect((await amend(approval.id, { validTo: day(100) }, shanxi, { 'if-match': '"7"' })).status).toBe(412);

    const amended = await expectOk(
      await amend(approval.id, { wasteCodes: [{ code: CODE, maxKg: 30 }], validTo: day(100) }, shanxi, {
        'if-match': `"${approval.version}"`,
      }),
      200,
      'amend',
    );
    expect(amended).toMatchObject({
      version: approval.version + 1,
      validTo: day(100),
      wasteCodes: [{ code: CODE, maxKg: 30, usedKg: 30, remainingKg: 0 }],
    });
    expect(amended.events.map((e: { type: string }) => e.type)).toEqual(['issued', 'amended']);
    expect(amended.events[1]).toMatchObject({
      by: shanxi.sub,
      from: { validTo: day(200), maxKg: { [CODE]: 100 } },
      to: { validTo: day(100), maxKg: { [CODE]: 30 } },
    });
    expect((await shipUnder(approval.id, 1)).body.code).toBe('APPROVAL_EXCEEDED');
    // A national regulator is a regulator of every province.
    expect((await amend(approval.id, { validTo: day(90) }, nation)).status).toBe(200);
  });
});

describe('revoking an approval', () => {
  it('stops further dispatch (APPROVAL_REQUIRED) while a load already dispatched continues; revoked, it changes no more', async () => {
    const approval = await issue();
    const before = await shipUnder(approval.id, 10);
    expect(before.status).toBe(200);
    expect((await t.call(hebei, 'POST', `/v1/approvals/${approval.id}/revoke`, { reason: 'x' })).status).toBe(403);

    const revoked = await expectOk(
      await t.call(shanxi, 'POST', `/v1/approvals/${approval.id}/revoke`, { reason: '接收单位许可证被暂扣' }),
      200,
      'revoke',
    );
    expect(revoked).toMatchObject({ status: 'revoked', revoked: { reason: '接收单位许可证被暂扣', by: shanxi.sub } });
    expect(revoked.events.map((e: { type: string }) => e.type)).toEqual(['issued', 'revoked']);
    expect((await t.call(shanxi, 'POST', `/v1/approvals/${approval.id}/revoke`, { reason: 'again' })).status).toBe(409);
    expect((await amend(approval.id, { validTo: day(10) })).status).toBe(409);

    const after = await shipUnder(approval.id, 10);
    expect(after.status).toBe(422);
    expect(after.body).toMatchObject({ code: 'APPROVAL_REQUIRED' });
    const pickup = await t.call(truck.user, 'POST', `/v1/manifests/${before.body.id}/pickup`, {
      transporterId: truck.party.id,
      vehiclePlate: '晋A12345',
      driverName: '王师傅',
    });
    expect(pickup.body).toMatchObject({ status: 'in_transit' });
  });
});

describe('a province’s approvals (?province=)', () => {
  it('lists outbound and inbound approvals for regulators of the province, newest first, and refuses everyone else', async () => {
    const approval = await issue();
    const ids = async (who: typeof shanxi, province: string) =>
      (await expectOk(await t.call(who, 'GET', `/v1/approvals?province=${province}&limit=100`), 200, 'list')).items.map(
        (a: { id: string }) => a.id,
      );
    expect(await ids(shanxi, '14')).toContain(approval.id); // outbound
    expect(await ids(hebei, '13')).toContain(approval.id); // inbound
    expect(await ids(nation, '65')).not.toContain(approval.id);
    expect((await ids(shanxi, '14'))[0]).toBe(approval.id);

    expect((await t.call(xinjiang, 'GET', '/v1/approvals?province=14')).status).toBe(403);
    expect((await t.call(taiyuan, 'GET', '/v1/approvals?province=14')).status).toBe(403);
    expect((await t.call(plant.user, 'GET', '/v1/approvals?province=14')).status).toBe(403);
    expect((await t.call(shanxi, 'GET', '/v1/approvals?province=1')).status).toBe(400);
  });
});
