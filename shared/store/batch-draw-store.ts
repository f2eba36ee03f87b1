// Batch draws: a dispatch takes kilograms from the generator's open batches (named, or oldest first), each draw one
// conditional update on the batch item (remaining ≥ draw), recorded against the manifest so a cancellation returns it.
import { AppError, validationFailed } from '#shared/errors.ts';
import { keys } from '#shared/store/keys.ts';
import { entryFromItem, type LedgerEntryEntity } from '#shared/store/ledger-store.ts';
import { batchGet, queryAll } from '#shared/store/read.ts';
import { update, type TxItem } from '#shared/store/transact.ts';

export interface BatchDraw {
  entryId: string;
  grams: number;
}

/** A line draws at most this many batches, so a manifest's transaction stays within DynamoDB's 100 items. */
export const MAX_BATCH_DRAWS = 40;

const insufficient = (message: string) => new AppError('INSUFFICIENT_STOCK', message);

const sumByEntry = (draws: BatchDraw[]): BatchDraw[] => {
  const byEntry = new Map<string, number>();
  for (const d of draws) byEntry.set(d.entryId, (byEntry.get(d.entryId) ?? 0) + d.grams);
  return [...byEntry].map(([entryId, grams]) => ({ entryId, grams }));
};

const isOpenBatch = (e: LedgerEntryEntity, wasteCode: string) =>
  e.kind === 'generated' && e.wasteCode === wasteCode && !e.voided && (e.remainingGrams ?? 0) > 0;

/** Which open, unvoided 'generated' batches of this code a dispatch draws: the named ones (each ≤ its remaining), or oldest first (FIFO). Throws 422 INSUFFICIENT_STOCK when they cannot cover `grams`. */
export async function planBatchDraws(
  partyId: string,
  wasteCode: string,
  grams: number,
  named?: BatchDraw[],
): Promise<BatchDraw[]> {
  if (named && named.length > 0) return checkNamedDraws(partyId, wasteCode, grams, sumByEntry(named));
  const open = await queryAll({
    index: 'GSI2',
    partition: keys.batchPartition(partyId, wasteCode),
    filter: { expression: 'attribute_not_exists(voided) AND remainingGrams > :zero', values: { ':zero': 0 } },
  });
  const draws: BatchDraw[] = [];
  let left = grams;
  for (const batch of open.map(entryFromItem)) {
    if (left === 0) break;
    const take = Math.min(left, batch.remainingGrams ?? 0);
    draws.push({ entryId: batch.id, grams: take });
    left -= take;
  }
  if (left > 0)
    throw insufficient(
      `The open batches of ${wasteCode} hold ${(grams - left) / 1000} kg, less than ${grams / 1000} kg`,
    );
  if (draws.length > MAX_BATCH_DRAWS) {
    throw validationFailed(
      `${grams / 1000} kg of ${wasteCode} spans ${draws.length} batches; a line draws at most ${MAX_BATCH_DRAWS}`,
    );
  }
  return draws;
}

async function checkNamedDraws(
  partyId: string,
  wasteCode: string,
  grams: number,
  named: BatchDraw[],
): Promise<BatchDraw[]> {
  if (named.length > MAX_BATCH_DRAWS) throw validationFailed(`A line draws at most ${MAX_BATCH_DRAWS} batches`);
  const total = named.reduce((sum, d) => sum + d.grams, 0);
  if (total !== grams) throw validationFailed(`The named batches add up to ${total / 1000} kg, not ${grams / 1000} kg`);
  const found = new Map(
    (await batchGet(named.map((d) => keys.ledgerEntry(partyId, d.entryId)))).map((i) => [
      i.id as string,
      entryFromItem(i),
    ]),
  );
  for (const draw of named) {
    const batch = found.get(draw.entryId);
    if (batch?.kind === 'pending-identification')
      throw new AppError(
        'PENDING_IDENTIFICATION',
        `Entry ${batch.batchCode} is pending identification: it cannot be shipped`,
      );
    if (!batch || !isOpenBatch(batch, wasteCode))
      throw insufficient(`Batch ${draw.entryId} is not an open batch of ${wasteCode}`);
    if (draw.grams <= 0 || draw.grams > (batch.remainingGrams ?? 0)) {
      throw insufficient(
        `Batch ${batch.batchCode} holds ${(batch.remainingGrams ?? 0) / 1000} kg, not ${draw.grams / 1000} kg`,
      );
    }
  }
  return named;
}

/** Conditional updates drawing each batch (remaining ≥ draw, not voided → INSUFFICIENT_STOCK) and recording the draw against the manifest. */
export function drawBatchWrites(partyId: string, manifestId: string, draws: BatchDraw[]): TxItem[] {
  return sumByEntry(draws).map((d) =>
    update(
      {
        Key: keys.ledgerEntry(partyId, d.entryId),
        UpdateExpression: 'SET remainingGrams = remainingGrams - :grams, draws.#manifest = :grams ADD version :one',
        ConditionExpression:
          'remainingGrams >= :grams AND attribute_not_exists(voided) AND attribute_not_exists(draws.#manifest)',
        ExpressionAttributeNames: { '#manifest': manifestId },
        ExpressionAttributeValues: { ':grams': d.grams, ':one': 1 },
      },
      () => insufficient(`Batch ${d.entryId} no longer holds ${d.grams / 1000} kg`),
    ),
  );
}

/** The inverse, for a cancelled manifest. */
export function returnBatchWrites(partyId: string, manifestId: string, draws: BatchDraw[]): TxItem[] {
  return sumByEntry(draws).map((d) =>
    update(
      {
        Key: keys.ledgerEntry(partyId, d.entryId),
        UpdateExpression: 'SET remainingGrams = remainingGrams + :grams REMOVE draws.#manifest ADD version :one',
        ConditionExpression: 'draws.#manifest = :grams',
        ExpressionAttributeNames: { '#manifest': manifestId },
        ExpressionAttributeValues: { ':grams': d.grams, ':one': 1 },
      },
      () =>
        new AppError(
          'INVALID_STATE',
          `Batch ${d.entryId} holds no draw of ${d.grams / 1000} kg by manifest ${manifestId}`,
        ),
    ),
  );
}
