// A cross-province application through both provinces to an approval that a dispatch then uses (domain.md rule 30,
// api.md "Applications"), and what each caller may do at each step.
import { describe, expect, it } from 'vitest';
import { enterprise, regulator, testApi, type TestApi } from '../support/api.ts';
import { provinceRegulator } from '../support/fixtures.ts';
import { race } from '../support/race.ts';
import { applicationBody, localDay } from './application-fixtures.ts';
import { CODE, expectStatus, generated, member, plan, receiverLicence, transportLicence } from './manifest-fixtures.ts';
import { first } from '../support/present.ts';

const shanxi = provinceRegulator('14');
const hebei = provinceRegulator('13');
const HASH = 'ab'.repeat(32);
const today = () => localDay();
const inDays = (n: number) => localDay(n);

async function parties(t: TestApi, prefix: string) {
  const [generator, carrier, receiver] = await Promise.all([
    member(t, `${prefix}-gen`, '140105', ['generator']),
    member(t, `${prefix}-car`, '140105', ['transporter'], transportLicence),
    member(
      t,
      `${prefix}-rec`,
      '130102',
      ['receiver'],
      receiverLicence([{ code: 'HW49', annualCapacityKg: 1_000_000 }]),
    ),
  ]);
  return { generator, carrier, receiver };
}

describe('a cross-province application, end to end', () => {
  it('goes submitted → incomplete → submitted → accepted → consent-requested → consented → approved, and the approval ships waste', async () => {
    const t = await testApi();
    const { generator, carrier, receiver } = await parties(t, 'app-journey');
    const path = (id: string, action = '') => `/v1/approval-applications/${id}${action ? `/${action}` : ''}`;

    const submitted = await t.call(
      generator.user,
      'POST',
      '/v1/approval-applications',
      applicationBody(generator.party.id, receiver.party.id),
    );
    expect(submitted.status).toBe(201);
    const id = submitted.body.id;
    expect(submitted.headers.get('location')).toBe(path(id));
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      generatorProvince: '14',
      receiverProvince: '13',
      method: 'dispose',
      wasteCodes: [{ code: CODE, maxKg: 5000 }],
      version: 1,
      attachments: [{ kind: 'receiver-licence', documentHash: HASH }, { kind: 'contract' }],
      due: { step: 'acceptance', owedBy: 'outbound', province: '14', overdue: false },
      history: [{ action: 'submit', status: 'submitted', by: generator.user.sub, step: 'acceptance' }],
    });
    // Five working days: at least a week of calendar time ahead.
    expect(Date.parse(submitted.body.due.dueAt) - Date.now()).toBeGreaterThan(6 * 86_400_000);

    // The receiving province does not see it yet; the outbound province acts.
    expect((await t.call(hebei, 'GET', path(id))).status).toBe(404);
    expect((await t.call(shanxi, 'GET', path(id, 'actions'))).body).toEqual([
      { action: 'accept', as: 'outbound' },
      { action: 'incomplete', as: 'outbound' },
    ]);
    expect((await t.call(generator.user, 'GET', path(id, 'actions'))).body).toEqual([]);

    const incomplete = await t.call(shanxi, 'POST', path(id, 'incomplete'), { missing: ['处置方案说明'] });
    expect(incomplete.body).toMatchObject({ status: 'incomplete', missing: ['处置方案说明'], due: null, version: 2 });
    expect((await t.call(generator.user, 'GET', path(id, 'actions'))).body).toEqual([
      { action: 'resubmit', as: 'generator' },
    ]);
    const resubmitted = await t.call(generator.user, 'POST', path(id, 'resubmit'), {
      attachments: [{ kind: 'method-statement', name: '处置方案.pdf', documentHash: 'ef'.repeat(32) }],
    });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.status).toBe('submitted');
    expect(resubmitted.body.attachments.map((a: { kind: string }) => a.kind)).toEqual([
      'receiver-licence',
      'contract',
      'method-statement',
    ]);
    expect(resubmitted.body).not.toHaveProperty('missing');

    expect((await t.call(shanxi, 'POST', path(id, 'accept'))).body.status).toBe('accepted');
    const asked = await t.call(shanxi, 'POST', path(id, 'request-consent'), undefined, { 'if-match': '"4"' });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({
      status: 'consent-requested',
      due: { step: 'consent', owedBy: 'receiving', province: '13' },
    });

    // Now the receiving province sees it, acts on its own step only.
    expect((await t.call(hebei, 'GET', path(id))).status).toBe(200);
    expect((await t.call(hebei, 'GET', path(id, 'actions'))).body).toEqual([
      { action: 'consent', as: 'receiving' },
      { action: 'decline', as: 'receiving' },
    ]);
    expect(
      (await t.call(hebei, 'POST', path(id, 'approve'), { validFrom: today(), validTo: inDays(180) })).status,
    ).toBe(403);
    expect((await t.call(shanxi, 'POST', path(id, 'consent'))).status).toBe(403);
    expect((await t.call(hebei, 'POST', path(id, 'consent'))).body.status).toBe('consented');

    const approved = await t.call(shanxi, 'POST', path(id, 'approve'), { validFrom: today(), validTo: inDays(180) });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', due: null });
    expect(approved.body.history.map((h: { action: string }) => h.action)).toEqual([
      'submit',
      'incomplete',
      'resubmit',
      'accept',
      'request-consent',
      'consent',
      'approve',
    ]);
    const approvalId = approved.body.approvalId;
    const approval = await t.call(generator.user, 'GET', `/v1/approvals/${approvalId}`);
    expect(approval.body).toMatchObject({
      applicationId: id,
      generatorId: generator.party.id,
      receiverId: receiver.party.id,
      wasteCodes: [{ code: CODE, maxKg: 5000, remainingKg: 5000 }],
      issuedBy: shanxi.sub,
    });

    // Nothing follows a final state.
    expect((await t.call(shanxi, 'POST', path(id, 'refuse'), { reason: 'x' })).body.code).toBe('INVALID_STATE');
    expect((await t.call(shanxi, 'GET', path(id, 'actions'))).body).toEqual([]);

    // The approval is used: a cross-province manifest naming it dispatches, and consumes its kilograms.
    await plan(t, generator, [CODE]);
    await generated(t, generator, CODE, 1000);
    const draft = expectStatus(
      await t.call(generator.user, 'POST', '/v1/manifests', {
        generatorId: generator.party.id,
        transporterIds: [carrier.party.id],
        receiverId: receiver.party.id,
        approvalId,
        lines: [
          {
            wasteCode: CODE,
            name: '废活性炭',
            physicalForm: 'solid',
            hazards: ['T'],
            packaging: 'drum',
            containerCount: 2,
            quantityKg: 800,
          },
        ],
        plannedPickupAt: new Date(Date.now() + 3600_000).toISOString(),
      }),
      201,
      'manifest',
    );
    expect((await t.call(generator.user, 'POST', `/v1/manifests/${draft.id}/dispatch`)).status).toBe(200);
    expect((await t.call(generator.user, 'GET', `/v1/approvals/${approvalId}`)).body.wasteCodes[0]).toMatchObject({
      usedKg: 800,
      remainingKg: 4200,
    });
  });

  it('a decline leads to a refusal by the outbound province; the refusal is final', async () => {
    const t = await testApi();
    const { generator, receiver } = await parties(t, 'app-decline');
    const { id } = (
      await t.call(
        generator.user,
        'POST',
        '/v1/approval-applications',
        applicationBody(generator.party.id, receiver.party.id),
      )
    ).body;
    const act = (user: Parameters<TestApi['call']>[0], action: string, body?: unknown) =>
      t.call(user, 'POST', `/v1/approval-applications/${id}/${action}`, body);
    await act(shanxi, 'accept');
    await act(shanxi, 'request-consent');
    const declined = await act(hebei, 'decline', { reason: '本省处置能力不足' });
    expect(declined.body).toMatchObject({
      status: 'declined',
      due: { step: 'decision', owedBy: 'outbound', province: '14' },
    });
    expect(declined.body.history.at(-1)).toMatchObject({
      action: 'decline',
      reason: '本省处置能力不足',
      by: hebei.sub,
    });
    expect((await act(shanxi, 'approve', { validFrom: today(), validTo: inDays(30) })).body.code).toBe('INVALID_STATE');
    const refused = await act(shanxi, 'refuse', { reason: '接受地不同意' });
    expect(refused.body).toMatchObject({ status: 'refused', due: null });
    expect(refused.body).not.toHaveProperty('approvalId');
  });

  it('refuses what is not the caller’s (403), not now (409), impossible periods (400), and methods the receiver is not licensed for (422)', async () => {
    const t = await testApi();
    const { generator, receiver } = await parties(t, 'app-refusals');
    const submit = (user: Parameters<TestApi['call']>[0], over: Record<string, unknown> = {}) =>
      t.call(user, 'POST', '/v1/approval-applications', applicationBody(generator.party.id, receiver.party.id, over));
    expect((await submit(receiver.user)).status).toBe(403);
    expect((await submit(shanxi)).status).toBe(403);
    expect((await submit(enterprise('app-refusals-outsider'), { generatorId: generator.party.id })).status).toBe(403);
    const backwards = await submit(generator.user, { requestedFrom: inDays(10), requestedTo: inDays(5) });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0].path).toBe('requestedTo');
    expect((await submit(generator.user, { requestedTo: inDays(400) })).body.errors[0].path).toBe('requestedTo');
    expect(
      (await submit(generator.user, { attachments: [{ kind: 'photo', name: 'x', documentHash: HASH }] })).status,
    ).toBe(400);
    expect(
      (await submit(generator.user, { attachments: [{ kind: 'other', name: 'x', documentHash: 'abc' }] })).body
        .errors[0].path,
    ).toBe('attachments.0.documentHash');
    const utilise = await submit(generator.user, { method: 'utilise' });
    expect(utilise.status).toBe(422);
    expect(utilise.body).toMatchObject({ code: 'LICENCE_MISSING', errors: [{ path: 'method' }] });
    expect((await submit(generator.user, { wasteCodes: [{ code: '900-200-08', maxKg: 1 }] })).body).toMatchObject({
      code: 'LICENCE_MISSING',
      errors: [{ path: 'wasteCodes.0.code' }],
    });
    const neighbour = await member(
      t,
      'app-refusals-neighbour',
      '141102',
      ['receiver'],
      receiverLicence([{ code: 'HW49', annualCapacityKg: 1000 }]),
    );
    expect((await submit(generator.user, { receiverId: neighbour.party.id })).body.errors[0].path).toBe('receiverId');

    const { id } = (await submit(generator.user)).body;
    const act = (
      user: Parameters<TestApi['call']>[0],
      action: string,
      body?: unknown,
      headers?: Record<string, string>,
    ) => t.call(user, 'POST', `/v1/approval-applications/${id}/${action}`, body, headers);
    expect((await act(regulator('app-taiyuan', '1401'), 'accept')).status).toBe(403); // a city regulator reads, never acts
    expect((await t.call(regulator('app-taiyuan', '1401'), 'GET', `/v1/approval-applications/${id}`)).status).toBe(200);
    expect((await act(regulator('app-datong', '1402'), 'accept')).status).toBe(404);
    expect((await act(hebei, 'accept')).status).toBe(404); // not yet the receiving province's to see
    expect((await act(generator.user, 'accept')).body.code).toBe('FORBIDDEN');
    expect((await act(shanxi, 'request-consent')).body.code).toBe('INVALID_STATE');
    expect((await act(shanxi, 'incomplete', { missing: [] })).status).toBe(400);
    expect((await act(shanxi, 'accept', undefined, { 'if-match': '"7"' })).status).toBe(412);
    expect((await act(shanxi, 'accept', undefined, { 'if-match': '"1"' })).status).toBe(200);
    await act(shanxi, 'request-consent');
    await act(hebei, 'consent');
    const tooLong = await act(shanxi, 'approve', { validFrom: today(), validTo: inDays(400) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].path).toBe('validTo');
    expect((await act(shanxi, 'approve', { validFrom: inDays(5), validTo: inDays(1) })).status).toBe(400);
    // A refused approval leaves the application as it was.
    expect((await t.call(shanxi, 'GET', `/v1/approval-applications/${id}`)).body.status).toBe('consented');
  });

  it('of many overlapping answers to one step exactly one is taken; the others get 409 and the history holds one', async () => {
    const t = await testApi();
    const { generator, receiver } = await parties(t, 'app-race');
    const { id } = (
      await t.call(
        generator.user,
        'POST',
        '/v1/approval-applications',
        applicationBody(generator.party.id, receiver.party.id),
      )
    ).body;
    const tally = await race(10, (i) =>
      i % 2
        ? t.call(shanxi, 'POST', `/v1/approval-applications/${id}/accept`)
        : t.call(shanxi, 'POST', `/v1/approval-applications/${id}/incomplete`, { missing: [`材料${i}`] }),
    );
    expect(tally.winners).toHaveLength(1);
    expect(tally.replies.filter((r) => r.status !== 200).every((r) => r.status === 409)).toBe(true);
    const after = (await t.call(shanxi, 'GET', `/v1/approval-applications/${id}`)).body;
    expect(after).toMatchObject({ version: 2, status: first(tally.winners, 'winner').body.status });
    expect(after.history).toHaveLength(2);
  });
});
