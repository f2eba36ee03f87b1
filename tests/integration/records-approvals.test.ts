import { describe, expect, it } from 'vitest';
import { AppError } from '#shared/errors.ts';
import {
  approvalUseWrite,
  consumeApprovalWrite,
  getApproval,
  releaseApprovalWrite,
} from '#shared/store/approval-store.ts';
import { transact } from '#shared/store/transact.ts';
import { enterprise, regulator, testApi, type TestApi } from '../support/api.ts';
import { activeParty, provinceRegulator, verifiedLicence } from '../support/fixtures.ts';
import { first, present } from '../support/present.ts';

const CODE = '900-041-49';
const generatorOwner = enterprise('approval-generator');
const receiverOwner = enterprise('approval-receiver');
const shanxi = provinceRegulator('14');
const jiangsu = provinceRegulator('32');

async function world(t: TestApi, licenceValidTo = '2030-12-31') {
  const generator = await activeParty(t, generatorOwner, { divisionCode: '140105' });
  const receiver = await activeParty(t, receiverOwner, { divisionCode: '320102', kinds: ['receiver'] });
  await verifiedLicence(t, receiverOwner, receiver, { validTo: licenceValidTo });
  return { generator, receiver };
}

const body = (w: { generator: { id: string }; receiver: { id: string } }, overrides: Record<string, unknown> = {}) => ({
  generatorId: w.generator.id,
  receiverId: w.receiver.id,
  wasteCodes: [{ code: CODE, maxKg: 100 }],
  validFrom: '2026-03-15',
  validTo: '2027-03-14',
  ...overrides,
});

const refusal = async (t: TestApi, user: Parameters<TestApi['call']>[0], b: unknown) => {
  const res = await t.call(user, 'POST', '/v1/approvals', b);
  return [res.status, res.body.code];
};

describe('issuing cross-province approvals', () => {
  it('a regulator of the generator’s province issues one for at most 12 months; it shows used and remaining kilograms', async () => {
    const t = await testApi();
    const w = await world(t);
    const res = await t.call(shanxi, 'POST', '/v1/approvals', body(w));
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/v1/approvals/${res.body.id}`);
    expect(res.body).toMatchObject({
      generatorId: w.generator.id,
      receiverId: w.receiver.id,
      generatorProvince: '14',
      receiverProvince: '32',
      wasteCodes: [{ code: CODE, maxKg: 100, usedKg: 0, remainingKg: 100 }],
      validFrom: '2026-03-15',
      validTo: '2027-03-14',
      issuedBy: shanxi.sub,
      version: 1,
    });
    expect(res.body).not.toHaveProperty('generatorDivisionCode');
  });

  it('refuses anyone but a regulator of the generator’s province (403), and the 13th month (400)', async () => {
    const t = await testApi();
    const w = await world(t);
    expect(await refusal(t, jiangsu, body(w))).toEqual([403, 'FORBIDDEN']);
    expect(await refusal(t, regulator('taiyuan-only', '1401'), body(w))).toEqual([403, 'FORBIDDEN']);
    expect(await refusal(t, generatorOwner, body(w))).toEqual([403, 'FORBIDDEN']);
    expect(await refusal(t, shanxi, body(w, { validTo: '2027-03-15' }))).toEqual([400, 'VALIDATION_FAILED']);
    expect(await refusal(t, shanxi, body(w, { validTo: '2026-03-14' }))).toEqual([400, 'VALIDATION_FAILED']);
    const admin = { sub: 'approval-admin', groups: ['admin' as const] };
    expect((await t.call(admin, 'POST', '/v1/approvals', body(w))).status).toBe(201);
  });

  it('refuses parties in the same province (400 on receiverId) and unknown codes (422 UNKNOWN_WASTE_CODE)', async () => {
    const t = await testApi();
    const w = await world(t);
    const neighbour = await activeParty(t, receiverOwner, { divisionCode: '141102', kinds: ['receiver'] });
    const same = await t.call(shanxi, 'POST', '/v1/approvals', body(w, { receiverId: neighbour.id }));
    expect(same.status).toBe(400);
    expect(same.body.errors[0].path).toBe('receiverId');
    expect(await refusal(t, shanxi, body(w, { wasteCodes: [{ code: '999-999-99', maxKg: 1 }] }))).toEqual([
      422,
      'UNKNOWN_WASTE_CODE',
    ]);
    expect(
      await refusal(
        t,
        shanxi,
        body(w, {
          wasteCodes: [
            { code: CODE, maxKg: 1 },
            { code: CODE, maxKg: 2 },
          ],
        }),
      ),
    ).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('never runs past the receiver’s licence, and needs one covering each code (422 LICENCE_MISSING)', async () => {
    const t = await testApi();
    const w = await world(t, '2026-12-31');
    expect(await refusal(t, shanxi, body(w))).toEqual([422, 'LICENCE_MISSING']);
    expect((await t.call(shanxi, 'POST', '/v1/approvals', body(w, { validTo: '2026-12-31' }))).status).toBe(201);
    const uncovered = await t.call(
      shanxi,
      'POST',
      '/v1/approvals',
      body(w, { validTo: '2026-12-31', wasteCodes: [{ code: '900-200-08', maxKg: 1 }] }),
    );
    expect(uncovered.status).toBe(422);
    expect(uncovered.body).toMatchObject({ code: 'LICENCE_MISSING', errors: [{ path: 'wasteCodes.0.code' }] });
  });
});

describe('reading approvals', () => {
  it('members of either party and regulators of either side read it; anyone else gets 404', async () => {
    const t = await testApi();
    const w = await world(t);
    const issued = await t.call(shanxi, 'POST', '/v1/approvals', body(w));
    const path = `/v1/approvals/${issued.body.id}`;
    for (const user of [generatorOwner, receiverOwner, shanxi, jiangsu])
      expect((await t.call(user, 'GET', path)).status).toBe(200);
    for (const user of [enterprise('approval-outsider'), provinceRegulator('65')])
      expect((await t.call(user, 'GET', path)).status).toBe(404);

    const byGenerator = await t.call(generatorOwner, 'GET', `/v1/approvals?generatorId=${w.generator.id}`);
    expect(byGenerator.body.items.map((a: { id: string }) => a.id)).toEqual([issued.body.id]);
    const byBoth = await t.call(
      jiangsu,
      'GET',
      `/v1/approvals?generatorId=${w.generator.id}&receiverId=${w.receiver.id}`,
    );
    expect(byBoth.body.items).toHaveLength(1);
    expect((await t.call(receiverOwner, 'GET', `/v1/approvals?receiverId=${w.receiver.id}`)).body.items).toHaveLength(
      1,
    );
    expect(
      (await t.call(enterprise('approval-outsider'), 'GET', `/v1/approvals?receiverId=${w.receiver.id}`)).body.items,
    ).toEqual([]);
    expect((await t.call(generatorOwner, 'GET', '/v1/approvals')).status).toBe(400);
  });
});

describe('consuming and releasing an approval (store API used by dispatch, cancellation and rejection)', () => {
  it('consumes up to the maximum, refuses beyond it (422 APPROVAL_EXCEEDED), and gives kilograms back', async () => {
    const t = await testApi();
    const w = await world(t);
    const { id } = (
      await t.call(
        shanxi,
        'POST',
        '/v1/approvals',
        body(w, {
          wasteCodes: [
            { code: CODE, maxKg: 10 },
            { code: '900-039-49', maxKg: 1 },
          ],
        }),
      )
    ).body;
    await transact([consumeApprovalWrite(id, CODE, 6000, 10_000)]);
    await expect(transact([consumeApprovalWrite(id, CODE, 4001, 10_000)])).rejects.toMatchObject({
      code: 'APPROVAL_EXCEEDED',
    });
    await transact([
      approvalUseWrite(id, 'consume', [
        { wasteCode: CODE, grams: 4000, maxGrams: 10_000 },
        { wasteCode: '900-039-49', grams: 1000, maxGrams: 1000 },
      ]),
    ]);
    expect((await getApproval(id))!.wasteCodes.map((c) => c.usedGrams)).toEqual([10_000, 1000]);
    const read = await t.call(generatorOwner, 'GET', `/v1/approvals/${id}`);
    expect(read.body.wasteCodes[0]).toEqual({ code: CODE, maxKg: 10, usedKg: 10, remainingKg: 0 });

    await transact([releaseApprovalWrite(id, CODE, 2500)]);
    await expect(transact([releaseApprovalWrite(id, '900-039-49', 1001)])).rejects.toBeInstanceOf(AppError);
    await transact([consumeApprovalWrite(id, CODE, 2500, 10_000)]);
    await expect(transact([consumeApprovalWrite(id, '900-200-08', 1, 10_000)])).rejects.toMatchObject({
      code: 'APPROVAL_EXCEEDED',
    });
  });

  it('concurrent dispatches never consume more than the maximum', async () => {
    const t = await testApi();
    const w = await world(t);
    const { id } = (await t.call(shanxi, 'POST', '/v1/approvals', body(w, { wasteCodes: [{ code: CODE, maxKg: 10 }] })))
      .body;
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => transact([consumeApprovalWrite(id, CODE, 3000, 10_000)])),
    );
    const won = results.filter((r) => r.status === 'fulfilled').length;
    for (const r of results)
      if (r.status === 'rejected') expect(['APPROVAL_EXCEEDED', 'VERSION_CONFLICT']).toContain(r.reason.code);
    expect(won).toBeGreaterThanOrEqual(1);
    expect(won).toBeLessThanOrEqual(3);
    expect(first(present(await getApproval(id), 'approval').wasteCodes).usedGrams).toBe(won * 3000);
  });
});
