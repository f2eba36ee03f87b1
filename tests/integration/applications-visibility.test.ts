// Who sees an application (domain.md rule 30): the generator's and receiver's members, regulators covering the
// generator, and the receiving province from consent-requested on; anyone else 404, as for one that does not exist.
// Lists: a generator's, or a province's (outbound, then inbound) for its regulators.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { enterprise, regulator, testApi, type TestApi, type User } from '../support/api.ts';
import { provinceRegulator } from '../support/fixtures.ts';
import { applicationBody } from './application-fixtures.ts';
import { expectStatus, member, receiverLicence } from './manifest-fixtures.ts';

const shanxi = provinceRegulator('14');
const hebei = provinceRegulator('13');
const nationwide = regulator('app-vis-national', '00');
const shijiazhuang = regulator('app-vis-sjz', '1301');
const xinjiang = provinceRegulator('65');
const outsider = enterprise('app-vis-outsider');

async function apply(t: TestApi, prefix: string, generatorDivision = '140105', receiverDivision = '130102') {
  const [generator, receiver] = await Promise.all([
    member(t, `${prefix}-gen`, generatorDivision, ['generator']),
    member(
      t,
      `${prefix}-rec`,
      receiverDivision,
      ['receiver'],
      receiverLicence([{ code: 'HW49', annualCapacityKg: 1_000_000 }]),
    ),
  ]);
  const { id } = expectStatus(
    await t.call(
      generator.user,
      'POST',
      '/v1/approval-applications',
      applicationBody(generator.party.id, receiver.party.id),
    ),
    201,
    'apply',
  );
  return { generator, receiver, id: id as string };
}

const statusOf = async (t: TestApi, user: User, id: string) =>
  (await t.call(user, 'GET', `/v1/approval-applications/${id}`)).status;
const idsOf = (reply: { status?: number; body: { items: { id: string }[] } }) => {
  if (!reply.body.items) throw new Error(`not a page: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.items.map((a) => a.id);
};

describe('seeing an application', () => {
  it('the receiving province sees it from consent-requested on; outsiders and other provinces never', async () => {
    const t = await testApi();
    const { generator, receiver, id } = await apply(t, 'app-vis');
    for (const user of [generator.user, receiver.user, shanxi, nationwide, regulator('app-vis-taiyuan', '1401')])
      expect(await statusOf(t, user, id)).toBe(200);
    for (const user of [hebei, shijiazhuang, xinjiang, outsider, regulator('app-vis-datong', '1402')])
      expect(await statusOf(t, user, id)).toBe(404);
    expect(await statusOf(t, shanxi, randomUUID())).toBe(404);
    expect((await t.call(receiver.user, 'GET', `/v1/approval-applications/${id}/actions`)).body).toEqual([]);
    expect((await t.call(hebei, 'GET', `/v1/approval-applications/${id}/actions`)).status).toBe(404);

    expectStatus(await t.call(nationwide, 'POST', `/v1/approval-applications/${id}/accept`), 200, 'accept');
    expectStatus(
      await t.call(shanxi, 'POST', `/v1/approval-applications/${id}/request-consent`),
      200,
      'request consent',
    );
    for (const user of [hebei, shijiazhuang]) expect(await statusOf(t, user, id)).toBe(200);
    for (const user of [xinjiang, outsider]) expect(await statusOf(t, user, id)).toBe(404);
    // A receiving-province city regulator reads; only province-level (or nationwide) regulators act.
    expect((await t.call(shijiazhuang, 'POST', `/v1/approval-applications/${id}/consent`)).status).toBe(403);
    expect((await t.call(receiver.user, 'POST', `/v1/approval-applications/${id}/consent`)).status).toBe(403);
    expect((await t.call(nationwide, 'GET', `/v1/approval-applications/${id}/actions`)).body).toEqual([
      { action: 'consent', as: 'receiving' },
      { action: 'decline', as: 'receiving' },
    ]);
  });

  it('one refused straight after acceptance never reaches the receiving province', async () => {
    const t = await testApi();
    const { id } = await apply(t, 'app-vis-refused');
    expectStatus(await t.call(shanxi, 'POST', `/v1/approval-applications/${id}/accept`), 200, 'accept');
    expectStatus(
      await t.call(shanxi, 'POST', `/v1/approval-applications/${id}/refuse`, { reason: '不符合要求' }),
      200,
      'refuse',
    );
    expect(await statusOf(t, hebei, id)).toBe(404);
  });
});

describe('listing applications', () => {
  it('a province lists its outbound applications, then those inbound to it from consent-requested on, a page at a time', async () => {
    const t = await testApi();
    const out = await apply(t, 'app-list-out', '140105', '130102');
    const inbound = await apply(t, 'app-list-in', '130102', '140105');
    const shanxiList = async () =>
      idsOf(await t.call(shanxi, 'GET', '/v1/approval-applications?province=14&limit=100'));
    expect(await shanxiList()).toContain(out.id);
    expect(await shanxiList()).not.toContain(inbound.id);

    expectStatus(await t.call(hebei, 'POST', `/v1/approval-applications/${inbound.id}/accept`), 200, 'accept');
    expectStatus(
      await t.call(hebei, 'POST', `/v1/approval-applications/${inbound.id}/request-consent`),
      200,
      'request consent',
    );
    expect(await shanxiList()).toContain(inbound.id);
    const consentRequested = idsOf(
      await t.call(shanxi, 'GET', '/v1/approval-applications?province=14&status=consent-requested&limit=100'),
    );
    expect(consentRequested).toContain(inbound.id);
    expect(consentRequested).not.toContain(out.id);

    // Page by page through both partitions: every application once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.call(
        nationwide,
        'GET',
        `/v1/approval-applications?province=14&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...idsOf(page));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toContain(out.id);
    expect(seen).toContain(inbound.id);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('a generator’s list shows members what they may see; a province list is for that province’s regulators (403)', async () => {
    const t = await testApi();
    const { generator, id } = await apply(t, 'app-list-gen');
    expect(
      idsOf(await t.call(generator.user, 'GET', `/v1/approval-applications?generatorId=${generator.party.id}`)),
    ).toEqual([id]);
    expect(idsOf(await t.call(outsider, 'GET', `/v1/approval-applications?generatorId=${generator.party.id}`))).toEqual(
      [],
    );
    expect(idsOf(await t.call(hebei, 'GET', `/v1/approval-applications?generatorId=${generator.party.id}`))).toEqual(
      [],
    );
    for (const user of [hebei, regulator('app-list-taiyuan', '1401'), generator.user]) {
      expect((await t.call(user, 'GET', '/v1/approval-applications?province=14')).status).toBe(403);
    }
    expect(
      (await t.call(shanxi, 'GET', `/v1/approval-applications?province=14&generatorId=${generator.party.id}`)).status,
    ).toBe(400);
    expect((await t.call(shanxi, 'GET', '/v1/approval-applications')).status).toBe(400);
    expect((await t.call(shanxi, 'GET', '/v1/approval-applications?province=14&status=sent')).status).toBe(400);
  });
});
