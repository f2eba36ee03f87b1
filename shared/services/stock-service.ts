// Stock per waste code: the running totals kept by every ledger entry and manifest, in kilograms at the edge.
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { gramsToKg } from '#shared/domain/quantity.ts';
import { allStock, type StockEntity } from '#shared/store/stock-store.ts';
import { readPrivate } from '#shared/services/access.ts';

export function stockView(s: StockEntity) {
  return {
    wasteCode: s.wasteCode,
    generatedKg: gramsToKg(s.generatedGrams),
    acceptedKg: gramsToKg(s.acceptedGrams),
    residueKg: gramsToKg(s.residueGrams),
    dispatchedKg: gramsToKg(s.dispatchedGrams),
    disposedKg: gramsToKg(s.disposedGrams),
    selfTreatedKg: gramsToKg(s.selfTreatedGrams),
    onHandKg: gramsToKg(s.onHandGrams),
  };
}

export async function viewStock(actor: Actor, partyId: string) {
  await readPrivate(actor, partyId);
  return { items: (await allStock(partyId)).map(stockView) };
}
