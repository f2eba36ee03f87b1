// Stock: one item per party and waste code holding running totals in grams and onHandGrams, so that a single
// condition (onHandGrams >= amount) guards every move that lowers what is on hand, with no read-modify-write.
import { AppError } from '#shared/errors.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { getItem, queryAll } from '#shared/store/read.ts';
import { update, type TxItem } from '#shared/store/transact.ts';
import { must } from '#shared/must.ts';

export type StockField = 'generated' | 'accepted' | 'residue' | 'dispatched' | 'disposed' | 'selfTreated';

export interface StockEntity {
  partyId: string;
  wasteCode: string;
  generatedGrams: number;
  acceptedGrams: number;
  residueGrams: number;
  dispatchedGrams: number;
  disposedGrams: number;
  selfTreatedGrams: number;
  onHandGrams: number;
  /** Dispatched grams per calendar year of dispatch (over-plan, rule 7), kept in the dispatch's own transaction. */
  dispatchedByYear: Record<string, number>;
}

/** The attribute holding a year's dispatched grams. */
const yearField = (year: number) => `dispatched${year}Grams`;
const YEAR_FIELD = /^dispatched(\d{4})Grams$/;

/** +1 for fields that add to what is on hand, −1 for those that take from it. */
const ON_HAND_SIGN: Record<StockField, 1 | -1> = {
  generated: 1,
  accepted: 1,
  residue: 1,
  dispatched: -1,
  disposed: -1,
  selfTreated: -1,
};

function stockFromItem(item: Record<string, unknown>): StockEntity {
  const raw = entityOf<Partial<StockEntity>>(item);
  const grams = (field: StockField) => (raw[`${field}Grams`] as number | undefined) ?? 0;
  return {
    partyId: must(raw.partyId, 'a stock item holds its partyId'),
    wasteCode: must(raw.wasteCode, 'a stock item holds its wasteCode'),
    generatedGrams: grams('generated'),
    acceptedGrams: grams('accepted'),
    residueGrams: grams('residue'),
    dispatchedGrams: grams('dispatched'),
    disposedGrams: grams('disposed'),
    selfTreatedGrams: grams('selfTreated'),
    onHandGrams: raw.onHandGrams ?? 0,
    dispatchedByYear: Object.fromEntries(
      Object.entries(raw).flatMap(([name, value]) => {
        const year = YEAR_FIELD.exec(name)?.[1];
        return year ? [[year, value as number]] : [];
      }),
    ),
  };
}

export async function getStock(partyId: string, wasteCode: string): Promise<StockEntity | undefined> {
  const item = await getItem(keys.stock(partyId, wasteCode));
  return item && stockFromItem(item);
}

/** Every waste code the party has ever held, by code. */
export async function allStock(partyId: string): Promise<StockEntity[]> {
  const items = await queryAll({ partition: keys.partyPartition(partyId), sortPrefix: keys.stockPrefix });
  return items.map(stockFromItem);
}

/** Adds `grams` (may be negative, to undo) to the field and moves onHandGrams accordingly, creating the item at zero if missing.
 *  A dispatch (and its cancellation) names the `year` of the dispatch, whose dispatched grams over-plan weighs.
 *  With requireOnHand, a move that lowers on-hand is conditional on onHandGrams >= the amount → 422 INSUFFICIENT_STOCK.
 *  One item per party and code: combine moves of the same code into one call (a transaction touches an item once). */
export function moveStock(
  partyId: string,
  wasteCode: string,
  field: StockField,
  grams: number,
  options: { requireOnHand?: boolean; year?: number | undefined } = {},
): TxItem {
  if (!Number.isInteger(grams)) throw new Error(`stock moves are whole grams, not ${grams}`);
  const onHandDelta = ON_HAND_SIGN[field] * grams;
  const guarded = options.requireOnHand === true && onHandDelta < 0;
  return update(
    {
      Key: keys.stock(partyId, wasteCode),
      UpdateExpression: `SET partyId = :party, wasteCode = :code, itemType = :type ADD #field :grams, onHandGrams :onHand${options.year ? ', #year :grams' : ''}`,
      ...(guarded ? { ConditionExpression: 'onHandGrams >= :need' } : {}),
      ExpressionAttributeNames: {
        '#field': `${field}Grams`,
        ...(options.year ? { '#year': yearField(options.year) } : {}),
      },
      ExpressionAttributeValues: {
        ':party': partyId,
        ':code': wasteCode,
        ':type': 'stock',
        ':grams': grams,
        ':onHand': onHandDelta,
        ...(guarded ? { ':need': -onHandDelta } : {}),
      },
    },
    () => new AppError('INSUFFICIENT_STOCK', `Less than ${-onHandDelta / 1000} kg of ${wasteCode} is on hand`),
  );
}
