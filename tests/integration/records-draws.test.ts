// The store API a manifest's dispatch and cancellation use: batch draws (FIFO or named), stock moves, residues.
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { drawBatchWrites, planBatchDraws, returnBatchWrites } from '#shared/store/batch-draw-store.ts';
import { getEntry } from '#shared/store/ledger-store.ts';
import { residueEntryWrites } from '#shared/store/residue-store.ts';
import { getStock, moveStock } from '#shared/store/stock-store.ts';
import { transact } from '#shared/store/transact.ts';
import { enterprise, testApi, type TestApi } from '../support/api.ts';
import { activeParty } from '../support/fixtures.ts';
import { exactly, only } from '../support/present.ts';

const CODE = '900-041-49';
const owner = enterprise('draws-owner');

async function partyWithBatches(t: TestApi, batches: [string, number][]) {
  const party = await activeParty(t, owner);
  const ids: string[] = [];
  for (const [at, kg] of batches) {
    const res = await t.call(owner, 'POST', `/v1/parties/${party.id}/ledger`, { wasteCode: CODE, quantityKg: kg, at });
    ids.push(res.body.id);
  }
  return { party, ids };
}

/** What a dispatch commits for one line: the batch draws and the stock move, in one transaction. */
async function dispatch(
  partyId: string,
  manifestId: string,
  grams: number,
  named?: { entryId: string; grams: number }[],
) {
  const draws = await planBatchDraws(partyId, CODE, grams, named);
  await transact([
    ...drawBatchWrites(partyId, manifestId, draws),
    moveStock(partyId, CODE, 'dispatched', grams, { requireOnHand: true }),
  ]);
  return draws;
}

describe('drawing batches', () => {
  it('draws the oldest open batches first (by when they happened), skipping voided ones', async () => {
    const t = await testApi();
    const { party, ids } = await partyWithBatches(t, [
      ['2026-01-03T08:00:00+08:00', 5],
      ['2026-01-01T08:00:00+08:00', 3],
      ['2026-01-02T08:00:00+08:00', 4],
      ['2025-12-31T08:00:00+08:00', 1],
    ]);
    await t.call(owner, 'POST', `/v1/parties/${party.id}/ledger/${ids[3]}/void`, { reason: 'mistake' });
    const draws = await dispatch(party.id, uuidv7(), 9000);
    expect(draws).toEqual([
      { entryId: ids[1], grams: 3000 },
      { entryId: ids[2], grams: 4000 },
      { entryId: ids[0], grams: 2000 },
    ]);
    expect(await planBatchDraws(party.id, CODE, 3000)).toEqual([{ entryId: ids[0], grams: 3000 }]);
    await expect(planBatchDraws(party.id, CODE, 3001)).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    expect(await getStock(party.id, CODE)).toMatchObject({
      generatedGrams: 12_000,
      dispatchedGrams: 9000,
      onHandGrams: 3000,
    });
  });

  it('draws named batches, each within what it holds, adding up to the line', async () => {
    const t = await testApi();
    const { party, ids } = await partyWithBatches(t, [
      ['2026-01-01T08:00:00+08:00', 3],
      ['2026-01-02T08:00:00+08:00', 4],
    ]);
    const [older, newer] = exactly(ids, 2, 'batch id');
    const other = await t.call(owner, 'POST', `/v1/parties/${party.id}/ledger`, {
      wasteCode: '900-039-49',
      quantityKg: 9,
      at: '2026-01-01T08:00:00Z',
    });
    await expect(planBatchDraws(party.id, CODE, 5000, [{ entryId: older, grams: 5000 }])).rejects.toMatchObject({
      code: 'INSUFFICIENT_STOCK',
    });
    await expect(planBatchDraws(party.id, CODE, 1000, [{ entryId: other.body.id, grams: 1000 }])).rejects.toMatchObject(
      { code: 'INSUFFICIENT_STOCK' },
    );
    await expect(planBatchDraws(party.id, CODE, 5000, [{ entryId: newer, grams: 4000 }])).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const manifestId = uuidv7();
    await dispatch(party.id, manifestId, 5000, [
      { entryId: newer, grams: 2000 },
      { entryId: newer, grams: 2000 },
      { entryId: older, grams: 1000 },
    ]);
    expect(await getEntry(party.id, newer)).toMatchObject({ remainingGrams: 0, draws: { [manifestId]: 4000 } });
    expect(await getEntry(party.id, older)).toMatchObject({ remainingGrams: 2000 });
    // A fully drawn batch is closed: FIFO passes it by.
    expect(await planBatchDraws(party.id, CODE, 2000)).toEqual([{ entryId: older, grams: 2000 }]);
  });

  it('concurrent dispatches never overdraw a batch or the stock', async () => {
    const t = await testApi();
    const { party, ids } = await partyWithBatches(t, [['2026-01-01T08:00:00+08:00', 10]]);
    const batchId = only(ids, 'batch id');
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => dispatch(party.id, uuidv7(), 3000)));
    for (const r of results)
      if (r.status === 'rejected') expect(['INSUFFICIENT_STOCK', 'VERSION_CONFLICT']).toContain(r.reason.code);
    const won = results.filter((r) => r.status === 'fulfilled').length;
    expect(won).toBeGreaterThanOrEqual(1);
    expect(won).toBeLessThanOrEqual(3);
    const batch = (await getEntry(party.id, batchId))!;
    expect(batch.remainingGrams).toBe(10_000 - won * 3000);
    expect(Object.keys(batch.draws)).toHaveLength(won);
    expect((await getStock(party.id, CODE))!.onHandGrams).toBe(10_000 - won * 3000);
  });

  it('a cancelled manifest gives its draws back, once', async () => {
    const t = await testApi();
    const { party, ids } = await partyWithBatches(t, [['2026-01-01T08:00:00+08:00', 10]]);
    const batchId = only(ids, 'batch id');
    const manifestId = uuidv7();
    const draws = await dispatch(party.id, manifestId, 6000);
    await transact([...returnBatchWrites(party.id, manifestId, draws), moveStock(party.id, CODE, 'dispatched', -6000)]);
    expect(await getEntry(party.id, batchId)).toMatchObject({ remainingGrams: 10_000, draws: {} });
    expect((await getStock(party.id, CODE))!).toMatchObject({ dispatchedGrams: 0, onHandGrams: 10_000 });
    await expect(transact(returnBatchWrites(party.id, manifestId, draws))).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    const read = await t.call(owner, 'GET', `/v1/parties/${party.id}/ledger/${batchId}`);
    expect(read.body).toMatchObject({ dispatchedKg: 0, manifests: [] });
  });

  it('a stock move that would take more than is on hand is refused (422 INSUFFICIENT_STOCK)', async () => {
    const t = await testApi();
    const { party } = await partyWithBatches(t, [['2026-01-01T08:00:00+08:00', 2]]);
    await expect(
      transact([moveStock(party.id, CODE, 'disposed', 2001, { requireOnHand: true })]),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    await expect(
      transact([moveStock(party.id, '900-039-49', 'dispatched', 1, { requireOnHand: true })]),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    await transact([moveStock(party.id, CODE, 'disposed', 2000, { requireOnHand: true })]);
    expect((await getStock(party.id, CODE))!.onHandGrams).toBe(0);
  });

  it('residues enter the receiver’s ledger as generated batches linked to their disposal report, and can be drawn', async () => {
    const t = await testApi();
    const party = await activeParty(t, owner);
    const disposalId = uuidv7();
    const manifestId = uuidv7();
    const { entryId, writes } = await residueEntryWrites({
      partyId: party.id,
      wasteCode: CODE,
      grams: 1500,
      at: '2026-02-01T10:00:00+08:00',
      disposalId,
      manifestId,
    });
    await transact(writes);
    const read = await t.call(owner, 'GET', `/v1/parties/${party.id}/ledger/${entryId}`);
    expect(read.body).toMatchObject({
      kind: 'generated',
      batchCode: 'HWCS20260201001',
      quantityKg: 1.5,
      residueOf: { disposalId, manifestId },
    });
    expect((await t.call(owner, 'GET', `/v1/parties/${party.id}/stock`)).body.items[0]).toMatchObject({
      residueKg: 1.5,
      generatedKg: 0,
      onHandKg: 1.5,
    });
    expect(await planBatchDraws(party.id, CODE, 1500)).toEqual([{ entryId, grams: 1500 }]);
  });
});
