import { describe, expect, it } from 'vitest';
import { getCurrentPlan } from '#shared/store/plan-store.ts';
import { enterprise, testApi } from '../support/api.ts';
import { activeParty, provinceRegulator } from '../support/fixtures.ts';

const owner = enterprise('plan-owner');
const plansOf = (id: string) => `/v1/parties/${id}/plans`;
const planBody = (items = [{ wasteCode: '900-041-49', expectedKg: 1200.5 }], year = 2026) => ({ year, items });

describe('management plans', () => {
  it('files a plan with a filing number; filing again makes version 2 that replaces the items, with version 1 in its history', async () => {
    const t = await testApi();
    const party = await activeParty(t, owner, { divisionCode: '140105' });
    const first = await t.call(owner, 'POST', plansOf(party.id), planBody());
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`${plansOf(party.id)}?year=2026`);
    expect(first.body).toMatchObject({
      partyId: party.id,
      year: 2026,
      version: 1,
      filedBy: owner.sub,
      items: [{ wasteCode: '900-041-49', expectedKg: 1200.5 }],
    });
    expect(first.body.filingNumber).toMatch(/^JH2026140105\d{5}$/);

    const second = await t.call(
      owner,
      'POST',
      plansOf(party.id),
      planBody([{ wasteCode: '900-039-49', expectedKg: 3 }]),
      { 'if-match': '"1"' },
    );
    expect(second.status).toBe(201);
    expect(second.body.version).toBe(2);
    expect(second.body.filingNumber).not.toBe(first.body.filingNumber);

    const read = await t.call(owner, 'GET', `${plansOf(party.id)}?year=2026`);
    expect(read.status).toBe(200);
    expect(read.body.current).toEqual(second.body);
    expect(read.body.history).toEqual([first.body]);
    expect(await getCurrentPlan(party.id, 2026)).toMatchObject({
      version: 2,
      items: [{ wasteCode: '900-039-49', expectedGrams: 3000 }],
    });
    expect(await getCurrentPlan(party.id, 2027)).toBeUndefined();
  });

  it('answers 404 for a year with no plan, and 412 when If-Match names an older version', async () => {
    const t = await testApi();
    const party = await activeParty(t, owner);
    expect((await t.call(owner, 'GET', `${plansOf(party.id)}?year=2031`)).status).toBe(404);
    await t.call(owner, 'POST', plansOf(party.id), planBody());
    await t.call(owner, 'POST', plansOf(party.id), planBody());
    const stale = await t.call(owner, 'POST', plansOf(party.id), planBody(), { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
  });

  it('refuses unknown codes (422 UNKNOWN_WASTE_CODE) and a code listed twice (400)', async () => {
    const t = await testApi();
    const party = await activeParty(t, owner);
    const unknown = await t.call(
      owner,
      'POST',
      plansOf(party.id),
      planBody([{ wasteCode: '123-456-78', expectedKg: 1 }]),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('UNKNOWN_WASTE_CODE');
    const twice = await t.call(
      owner,
      'POST',
      plansOf(party.id),
      planBody([
        { wasteCode: '900-041-49', expectedKg: 1 },
        { wasteCode: '900-041-49', expectedKg: 2 },
      ]),
    );
    expect(twice.status).toBe(400);
    expect(twice.body.errors[0].path).toBe('items.1.wasteCode');
  });

  it('is private: outsiders get 404; a covering regulator reads it but may not file one (403 NOT_A_MEMBER)', async () => {
    const t = await testApi();
    const party = await activeParty(t, owner);
    await t.call(owner, 'POST', plansOf(party.id), planBody());
    const outsider = enterprise('plan-outsider');
    expect((await t.call(outsider, 'GET', `${plansOf(party.id)}?year=2026`)).status).toBe(404);
    expect((await t.call(outsider, 'POST', plansOf(party.id), planBody())).status).toBe(404);
    const regulator = provinceRegulator('14');
    expect((await t.call(regulator, 'GET', `${plansOf(party.id)}?year=2026`)).status).toBe(200);
    const write = await t.call(regulator, 'POST', plansOf(party.id), planBody());
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('NOT_A_MEMBER');
  });

  it('two filings racing for the same version: one is filed, the other gets 409', async () => {
    const t = await testApi();
    const party = await activeParty(t, owner);
    const results = await Promise.all([1, 2, 3].map(() => t.call(owner, 'POST', plansOf(party.id), planBody())));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((r) => r.status !== 201)) expect(r.body.code).toBe('VERSION_CONFLICT');
    const read = await t.call(owner, 'GET', `${plansOf(party.id)}?year=2026`);
    expect(read.body.history.length + 1).toBe(statuses.filter((s) => s === 201).length);
  });
});
