import { describe, expect, it } from 'vitest';
import { drawBatchWrites, planBatchDraws } from '#shared/store/batch-draw-store.ts';
import { transact } from '#shared/store/transact.ts';
import { enterprise, testApi, type TestApi } from '../support/api.ts';
import { activeParty, provinceRegulator } from '../support/fixtures.ts';

const CODE = '900-041-49';
const owner = enterprise('ledger-owner');
const ledgerOf = (id: string) => `/v1/parties/${id}/ledger`;
const recent = (minutesAgo = 5) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

async function setup(): Promise<{ t: TestApi; party: { id: string; divisionCode: string } }> {
  const t = await testApi();
  return { t, party: await activeParty(t, owner) };
}

async function record(t: TestApi, partyId: string, body: Record<string, unknown>) {
  return t.call(owner, 'POST', ledgerOf(partyId), { wasteCode: CODE, quantityKg: 10, at: recent(), ...body });
}

describe('recording the ledger', () => {
  it('records a generated batch with a batch code of the China Standard Time day and a serial per party and day', async () => {
    const { t, party } = await setup();
    // 17:30 UTC on the 14th is already the 15th in China Standard Time.
    const first = await record(t, party.id, {
      at: '2026-03-14T17:30:00Z',
      containers: [{ labelCode: 'L-1', count: 2, volumeL: 200 }],
    });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`${ledgerOf(party.id)}/${first.body.id}`);
    expect(first.body).toMatchObject({
      batchCode: 'HWCS20260315001',
      kind: 'generated',
      quantityKg: 10,
      remainingKg: 10,
      dispatchedKg: 0,
      manifests: [],
      status: 'recorded',
      at: '2026-03-14T17:30:00.000Z',
      containers: [{ labelCode: 'L-1', count: 2, volumeL: 200 }],
      version: 1,
    });
    const second = await record(t, party.id, { at: '2026-03-15T15:59:59+08:00', quantityKg: 0.001 });
    expect(second.body.batchCode).toBe('HWCS20260315002');
    const nextDay = await record(t, party.id, { at: '2026-03-15T16:00:00Z' });
    expect(nextDay.body.batchCode).toBe('HWCS20260316001');
  });

  it('refuses an entry in the future (400 on at)', async () => {
    const { t, party } = await setup();
    const res = await record(t, party.id, { at: new Date(Date.now() + 3_600_000).toISOString() });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'at' })]);
  });

  it('refuses an unknown waste code (422 UNKNOWN_WASTE_CODE)', async () => {
    const { t, party } = await setup();
    const res = await record(t, party.id, { wasteCode: '999-999-99' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('UNKNOWN_WASTE_CODE');
  });

  it('needs the matching medical category for HW01 and none for other codes (422 MEDICAL_CATEGORY_MISMATCH)', async () => {
    const { t, party } = await setup();
    expect((await record(t, party.id, { wasteCode: '841-002-01', medicalCategory: 'infectious' })).body.code).toBe(
      'MEDICAL_CATEGORY_MISMATCH',
    );
    expect((await record(t, party.id, { wasteCode: '841-002-01' })).body.code).toBe('MEDICAL_CATEGORY_MISMATCH');
    expect((await record(t, party.id, { medicalCategory: 'sharps' })).body.code).toBe('MEDICAL_CATEGORY_MISMATCH');
    const ok = await record(t, party.id, { wasteCode: '841-002-01', medicalCategory: 'sharps' });
    expect(ok.status).toBe(201);
    expect(ok.body.medicalCategory).toBe('sharps');
  });

  it('self-treatment needs an operation code of its kind and never takes more than is on hand (422 INSUFFICIENT_STOCK)', async () => {
    const { t, party } = await setup();
    await record(t, party.id, { quantityKg: 10 });
    const noOperation = await record(t, party.id, { kind: 'self-disposed', quantityKg: 1 });
    expect(noOperation.status).toBe(400);
    expect(noOperation.body.errors[0].path).toBe('operationCode');
    expect((await record(t, party.id, { kind: 'self-disposed', quantityKg: 1, operationCode: 'R1' })).status).toBe(400);
    expect((await record(t, party.id, { kind: 'generated', operationCode: 'D10' })).status).toBe(400);

    const tooMuch = await record(t, party.id, { kind: 'self-utilised', quantityKg: 10.001, operationCode: 'R4' });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('INSUFFICIENT_STOCK');
    const disposed = await record(t, party.id, { kind: 'self-disposed', quantityKg: 4, operationCode: 'D10' });
    expect(disposed.status).toBe(201);
    expect(disposed.body.batchCode).toMatch(/^HWCZ\d{8}\d{3}$/);
    expect(disposed.body).not.toHaveProperty('remainingKg');
    const stock = await t.call(owner, 'GET', `/v1/parties/${party.id}/stock`);
    expect(stock.body.items).toEqual([
      {
        wasteCode: CODE,
        generatedKg: 10,
        acceptedKg: 0,
        residueKg: 0,
        dispatchedKg: 0,
        disposedKg: 0,
        selfTreatedKg: 4,
        onHandKg: 6,
      },
    ]);
  });
});

describe('voiding an entry', () => {
  it('keeps and marks a voided entry and takes it out of stock; a second void is 409', async () => {
    const { t, party } = await setup();
    const entry = await record(t, party.id, { quantityKg: 7.5 });
    const voided = await t.call(owner, 'POST', `${ledgerOf(party.id)}/${entry.body.id}/void`, {
      reason: 'typed twice',
    });
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({
      status: 'voided',
      voided: { reason: 'typed twice', by: owner.sub },
      version: 2,
    });
    expect(voided.headers.get('etag')).toBe('"2"');
    const stock = await t.call(owner, 'GET', `/v1/parties/${party.id}/stock`);
    expect(stock.body.items[0]).toMatchObject({ generatedKg: 0, onHandKg: 0 });
    const again = await t.call(owner, 'POST', `${ledgerOf(party.id)}/${entry.body.id}/void`, { reason: 'again' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVALID_STATE');
    expect((await t.call(owner, 'GET', `${ledgerOf(party.id)}/${entry.body.id}`)).body.status).toBe('voided');
  });

  it('refuses to void a batch a manifest has drawn on (409), and shows the draw on the entry', async () => {
    const { t, party } = await setup();
    const entry = await record(t, party.id, { quantityKg: 5 });
    const manifestId = '0190f5b2-7c1d-7e3a-9b2f-4a1c2d3e4f50';
    await transact(drawBatchWrites(party.id, manifestId, await planBatchDraws(party.id, CODE, 2000)));
    const read = await t.call(owner, 'GET', `${ledgerOf(party.id)}/${entry.body.id}`);
    expect(read.body).toMatchObject({ dispatchedKg: 2, remainingKg: 3, manifests: [{ manifestId, quantityKg: 2 }] });
    const res = await t.call(owner, 'POST', `${ledgerOf(party.id)}/${entry.body.id}/void`, { reason: 'mistake' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVALID_STATE');
  });

  it('refuses to void a generated batch whose kilograms were already self-treated (422 INSUFFICIENT_STOCK)', async () => {
    const { t, party } = await setup();
    const entry = await record(t, party.id, { quantityKg: 5 });
    await record(t, party.id, { kind: 'self-disposed', quantityKg: 5, operationCode: 'D10' });
    const res = await t.call(owner, 'POST', `${ledgerOf(party.id)}/${entry.body.id}/void`, { reason: 'mistake' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('INSUFFICIENT_STOCK');
  });

  it('answers 412 when If-Match names another version, and 404 for an unknown entry', async () => {
    const { t, party } = await setup();
    const entry = await record(t, party.id, {});
    const stale = await t.call(
      owner,
      'POST',
      `${ledgerOf(party.id)}/${entry.body.id}/void`,
      { reason: 'x' },
      { 'if-match': '"7"' },
    );
    expect(stale.status).toBe(412);
    const missing = await t.call(owner, 'POST', `${ledgerOf(party.id)}/0190f5b2-7c1d-7e3a-9b2f-4a1c2d3e4f51/void`, {
      reason: 'x',
    });
    expect(missing.status).toBe(404);
  });
});

describe('reading the ledger', () => {
  it('lists newest first with filters by code, kind and local day, and pages with cursors', async () => {
    const { t, party } = await setup();
    for (const at of [
      '2026-01-01T10:00:00+08:00',
      '2026-01-02T00:00:00+08:00',
      '2026-01-02T23:59:59+08:00',
      '2026-01-03T00:00:00+08:00',
    ]) {
      await record(t, party.id, { at });
    }
    await record(t, party.id, { wasteCode: '900-039-49', at: '2026-01-02T12:00:00+08:00' });
    const day2 = await t.call(owner, 'GET', `${ledgerOf(party.id)}?from=2026-01-02&to=2026-01-02&wasteCode=${CODE}`);
    expect(day2.status).toBe(200);
    expect(day2.body.items.map((e: { at: string }) => e.at)).toEqual([
      '2026-01-02T15:59:59.000Z',
      '2026-01-01T16:00:00.000Z',
    ]);

    const seen: string[] = [];
    let cursor: string | null = '';
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.call(
        owner,
        'GET',
        `${ledgerOf(party.id)}?kind=generated&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);

    expect((await t.call(owner, 'GET', `${ledgerOf(party.id)}?from=2026-01-03&to=2026-01-01`)).status).toBe(400);
  });
});

describe('who sees and writes a ledger', () => {
  it('hides it from enterprises that are not members (404) and lets a covering regulator read, not write (403 NOT_A_MEMBER)', async () => {
    const { t, party } = await setup();
    await record(t, party.id, {});
    const outsider = enterprise('ledger-outsider');
    expect((await t.call(outsider, 'GET', ledgerOf(party.id))).status).toBe(404);
    expect((await t.call(outsider, 'GET', `/v1/parties/${party.id}/stock`)).status).toBe(404);
    const write = await t.call(outsider, 'POST', ledgerOf(party.id), { wasteCode: CODE, quantityKg: 1, at: recent() });
    expect(write.status).toBe(404);

    const regulator = provinceRegulator('14');
    expect((await t.call(regulator, 'GET', ledgerOf(party.id))).body.items).toHaveLength(1);
    expect((await t.call(regulator, 'GET', `/v1/parties/${party.id}/stock`)).status).toBe(200);
    const regulatorWrite = await t.call(regulator, 'POST', ledgerOf(party.id), {
      wasteCode: CODE,
      quantityKg: 1,
      at: recent(),
    });
    expect(regulatorWrite.status).toBe(403);
    expect(regulatorWrite.body.code).toBe('NOT_A_MEMBER');
  });
});
