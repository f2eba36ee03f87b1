// Receiver capacity per licence entry and calendar year (domain.md rule 4): committed = accepted + in flight is ONE
// attribute, so one condition refuses a dispatch that would pass 120% of the annual capacity.
import { AppError } from '#shared/errors.ts';
import type { CapacityCounterLike } from '#shared/domain/alert-rules.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { getItem, queryAll } from '#shared/store/read.ts';
import { update, type TxItem } from '#shared/store/transact.ts';

export interface CapacityKey {
  partyId: string;
  year: number;
  licenceId: string;
  entryCode: string;
}

/** Committed grams of the receiver's counters for a year, keyed `${licenceId}|${entryCode}`. */
export async function committedGrams(partyId: string, year: number): Promise<Map<string, number>> {
  const items = await queryAll({ partition: keys.partyPartition(partyId), sortPrefix: keys.capacityYearPrefix(year) });
  return new Map(items.map((i) => [`${i.licenceId}|${i.entryCode}`, (i.committedGrams as number) ?? 0]));
}

/** One counter as it stands (the alerts job's check of capacity-reached). */
export async function getCapacityCounter(k: CapacityKey): Promise<CapacityCounterLike | undefined> {
  const item = await getItem(keys.capacityCounter(k.partyId, k.year, k.licenceId, k.entryCode));
  return item && entityOf<CapacityCounterLike>(item);
}

/** A dispatch puts grams in flight, refused when committed would pass `limitGrams` → 422 CAPACITY_EXCEEDED. */
export function commitCapacityWrite(k: CapacityKey, grams: number, limitGrams: number): TxItem {
  return update(
    {
      Key: keys.capacityCounter(k.partyId, k.year, k.licenceId, k.entryCode),
      UpdateExpression:
        'SET itemType = :type, partyId = :party, #year = :year, licenceId = :licence, entryCode = :entry ADD committedGrams :g, inFlightGrams :g',
      ConditionExpression: 'attribute_not_exists(committedGrams) OR committedGrams <= :room',
      ExpressionAttributeNames: { '#year': 'year' },
      ExpressionAttributeValues: {
        ':type': 'capacity',
        ':party': k.partyId,
        ':year': k.year,
        ':licence': k.licenceId,
        ':entry': k.entryCode,
        ':g': grams,
        ':room': limitGrams - grams,
      },
    },
    () => new AppError('CAPACITY_EXCEEDED', `The receiver's ${k.entryCode} capacity for ${k.year} would pass 120%`),
  );
}

/** Receipt, rejection or cancellation: grams leave flight; the accepted part stays committed as accepted. */
export function settleCapacityWrite(k: CapacityKey, inFlightGrams: number, acceptedGrams: number): TxItem {
  return update({
    Key: keys.capacityCounter(k.partyId, k.year, k.licenceId, k.entryCode),
    UpdateExpression: 'ADD inFlightGrams :out, acceptedGrams :in, committedGrams :delta',
    ExpressionAttributeValues: {
      ':out': -inFlightGrams,
      ':in': acceptedGrams,
      ':delta': acceptedGrams - inFlightGrams,
    },
  });
}
