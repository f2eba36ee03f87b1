// Ledger entries (batches). A generated batch keeps remainingGrams and a map of its draws (manifest id → grams), so
// that one condition on the batch item stops any overdraw, and a batch is open until remainingGrams reaches 0.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { v7 as uuidv7 } from 'uuid';
import { AppError, validationFailed } from '#shared/errors.ts';
import { config } from '#shared/config.ts';
import { localDate, startOfLocalDay } from '#shared/domain/calendar.ts';
import { batchCode, type LedgerKind } from '#shared/domain/ledger-rules.ts';
import type { MedicalCategory } from '#shared/reference/catalogue.ts';
import { db } from '#shared/store/client.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { attributeIs, batchGet, filterOf, getItem, queryAll, queryPage, type Page } from '#shared/store/read.ts';
import { toAppError } from '#shared/store/store-errors.ts';
import { moveStock, type StockField } from '#shared/store/stock-store.ts';
import { putNew, update, type TxItem } from '#shared/store/transact.ts';

export interface Container {
  labelCode: string;
  count: number;
  volumeL: number;
}

export interface LedgerEntryEntity {
  id: string;
  partyId: string;
  batchCode: string;
  kind: LedgerKind;
  wasteCode: string;
  quantityGrams: number;
  /** Generated batches only: what no manifest has drawn yet. */
  remainingGrams?: number;
  /** Manifest id → grams drawn from this batch by that manifest (generated batches only). */
  draws: Record<string, number>;
  at: string;
  medicalCategory?: MedicalCategory;
  containers: Container[];
  mainComponents?: string;
  operationCode?: string;
  /** Residues: the disposal report (and its manifest) that produced the batch. */
  residueOf?: { disposalId: string; manifestId: string };
  /** Pending identification (rule 29; wasteCode is then 'pending'): what it is called and the process that produced it. */
  name?: string;
  process?: string;
  /** The result recorded against a pending entry, and the generated batch a hazardous result made of it. */
  identification?: { result: 'hazardous' | 'not-hazardous'; wasteCode?: string; reportNumber?: string; issuedBy?: string; at: string; by: string };
  resultEntryId?: string;
  /** A batch made by identifying a pending entry: that entry (its origin in the chain). */
  identifiedFrom?: string;
  voided?: { reason: string; at: string; by: string };
  recordedBy: string;
  recordedAt: string;
  version: number;
}

export interface BatchDraw {
  entryId: string;
  grams: number;
}

/** A line draws at most this many batches, so a manifest's transaction stays within DynamoDB's 100 items. */
export const MAX_BATCH_DRAWS = 40;

const insufficient = (message: string) => new AppError('INSUFFICIENT_STOCK', message);

/** The stock total an entry moves: generated (or residue) adds to on-hand, self-treatment takes from it. */
function stockFieldOf(entry: Pick<LedgerEntryEntity, 'kind' | 'residueOf'>): StockField {
  // Waste pending identification is held as generated, under the code 'pending'.
  if (entry.kind === 'pending-identification') return 'generated';
  if (entry.kind !== 'generated') return 'selfTreated';
  return entry.residueOf ? 'residue' : 'generated';
}

const entryItem = (e: LedgerEntryEntity) => ({ ...keys.ledgerEntry(e.partyId, e.id), ...keys.ledgerIndexes(e), itemType: 'ledger-entry', ...e });
export const entryFromItem = (item: Record<string, unknown>) => entityOf<LedgerEntryEntity>(item);

/** The next value of an atomic counter, taken outside any transaction: a failed write may leave a gap, never a repeat. */
export async function nextSerial(key: { PK: string; SK: string }): Promise<number> {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: config.tableName,
        Key: key,
        UpdateExpression: 'SET itemType = :type ADD serial :one',
        ExpressionAttributeValues: { ':type': 'counter', ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return out.Attributes!.serial as number;
  } catch (err) {
    throw toAppError(err);
  }
}

/** A batch code from the party's counter for the local day of `at`. */
export async function allocateBatchCode(partyId: string, kind: LedgerKind, at: string): Promise<string> {
  const day = localDate(new Date(at), config.timeZone);
  return batchCode(kind, day, await nextSerial(keys.batchCounter(partyId, day)));
}

/** The entry and its stock move, in one transaction; self-treatment is refused beyond what is on hand. */
export function recordEntryWrites(entry: LedgerEntryEntity): TxItem[] {
  const field = stockFieldOf(entry);
  return [
    putNew(entryItem(entry)),
    moveStock(entry.partyId, entry.wasteCode, field, entry.quantityGrams, { requireOnHand: field === 'selfTreated' }),
  ];
}

/** A pending entry identified (its version moves; a racing void or identification loses): its kilograms leave the
 *  pending stock; a hazardous result's batch is recorded beside it by the caller (recordEntryWrites). */
export function identifyEntryWrites(entry: LedgerEntryEntity, next: LedgerEntryEntity, onConflict: () => AppError): TxItem[] {
  return [
    {
      item: { Put: { TableName: config.tableName, Item: entryItem(next), ConditionExpression: 'version = :expected AND attribute_not_exists(voided) AND attribute_not_exists(identification)', ExpressionAttributeValues: { ':expected': entry.version } } },
      onConditionFailed: onConflict,
    },
    moveStock(entry.partyId, entry.wasteCode, 'generated', -entry.quantityGrams, { requireOnHand: true }),
  ];
}

/** Which of the named entries are pending identification (no manifest may draw on them). */
export async function pendingAmong(partyId: string, entryIds: readonly string[]): Promise<Set<string>> {
  if (!entryIds.length) return new Set();
  const items = await batchGet([...new Set(entryIds)].map((id) => keys.ledgerEntry(partyId, id)));
  return new Set(items.filter((i) => i.kind === 'pending-identification').map((i) => i.id as string));
}

/** Voids an entry nothing has drawn from and undoes its stock move; the entry is kept, marked, and leaves the FIFO index. */
export function voidEntryWrites(entry: LedgerEntryEntity, voided: NonNullable<LedgerEntryEntity['voided']>, onConflict: () => AppError): TxItem[] {
  const field = stockFieldOf(entry);
  return [
    update(
      {
        Key: keys.ledgerEntry(entry.partyId, entry.id),
        UpdateExpression: 'SET voided = :voided ADD version :one REMOVE GSI2PK, GSI2SK',
        ConditionExpression: 'version = :expected AND attribute_not_exists(voided) AND size(draws) = :zero',
        ExpressionAttributeValues: { ':voided': voided, ':one': 1, ':expected': entry.version, ':zero': 0 },
      },
      onConflict,
    ),
    // Undoing a generated batch lowers on-hand: never below zero (what was self-treated or disposed stays accounted for).
    moveStock(entry.partyId, entry.wasteCode, field, -entry.quantityGrams, { requireOnHand: true }),
  ];
}

export async function getEntry(partyId: string, entryId: string): Promise<LedgerEntryEntity | undefined> {
  const item = await getItem(keys.ledgerEntry(partyId, entryId));
  return item && entryFromItem(item);
}

export interface EntryFilter {
  wasteCode?: string;
  kind?: LedgerKind;
  /** Instants (UTC ISO), both inclusive. */
  from?: string;
  to?: string;
}

/** A party's ledger by when it happened, newest first. */
export async function entryPage(partyId: string, filter: EntryFilter, limit: number, start?: Record<string, unknown>): Promise<Page> {
  return queryPage(
    {
      index: 'GSI1',
      partition: keys.ledgerPartition(partyId),
      sortBetween: filter.from || filter.to ? [filter.from ?? '0000', `${filter.to ?? '9999'}#~`] : undefined,
      newestFirst: true,
      filter: filterOf(filter.wasteCode && attributeIs('wasteCode', filter.wasteCode), filter.kind && attributeIs('kind', filter.kind)),
    },
    limit,
    start,
  );
}

const sumByEntry = (draws: BatchDraw[]): BatchDraw[] => {
  const byEntry = new Map<string, number>();
  for (const d of draws) byEntry.set(d.entryId, (byEntry.get(d.entryId) ?? 0) + d.grams);
  return [...byEntry].map(([entryId, grams]) => ({ entryId, grams }));
};

const isOpenBatch = (e: LedgerEntryEntity, wasteCode: string) =>
  e.kind === 'generated' && e.wasteCode === wasteCode && !e.voided && (e.remainingGrams ?? 0) > 0;

/** Which open, unvoided 'generated' batches of this code a dispatch draws: the named ones (each ≤ its remaining), or oldest first (FIFO). Throws 422 INSUFFICIENT_STOCK when they cannot cover `grams`. */
export async function planBatchDraws(partyId: string, wasteCode: string, grams: number, named?: BatchDraw[]): Promise<BatchDraw[]> {
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
    const take = Math.min(left, batch.remainingGrams!);
    draws.push({ entryId: batch.id, grams: take });
    left -= take;
  }
  if (left > 0) throw insufficient(`The open batches of ${wasteCode} hold ${(grams - left) / 1000} kg, less than ${grams / 1000} kg`);
  if (draws.length > MAX_BATCH_DRAWS) {
    throw validationFailed(`${grams / 1000} kg of ${wasteCode} spans ${draws.length} batches; a line draws at most ${MAX_BATCH_DRAWS}`);
  }
  return draws;
}

async function checkNamedDraws(partyId: string, wasteCode: string, grams: number, named: BatchDraw[]): Promise<BatchDraw[]> {
  if (named.length > MAX_BATCH_DRAWS) throw validationFailed(`A line draws at most ${MAX_BATCH_DRAWS} batches`);
  const total = named.reduce((sum, d) => sum + d.grams, 0);
  if (total !== grams) throw validationFailed(`The named batches add up to ${total / 1000} kg, not ${grams / 1000} kg`);
  const found = new Map((await batchGet(named.map((d) => keys.ledgerEntry(partyId, d.entryId)))).map((i) => [i.id as string, entryFromItem(i)]));
  for (const draw of named) {
    const batch = found.get(draw.entryId);
    if (batch?.kind === 'pending-identification') throw new AppError('PENDING_IDENTIFICATION', `Entry ${batch.batchCode} is pending identification: it cannot be shipped`);
    if (!batch || !isOpenBatch(batch, wasteCode)) throw insufficient(`Batch ${draw.entryId} is not an open batch of ${wasteCode}`);
    if (draw.grams <= 0 || draw.grams > batch.remainingGrams!) {
      throw insufficient(`Batch ${batch.batchCode} holds ${batch.remainingGrams! / 1000} kg, not ${draw.grams / 1000} kg`);
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
        ConditionExpression: 'remainingGrams >= :grams AND attribute_not_exists(voided) AND attribute_not_exists(draws.#manifest)',
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
      () => new AppError('INVALID_STATE', `Batch ${d.entryId} holds no draw of ${d.grams / 1000} kg by manifest ${manifestId}`),
    ),
  );
}

/** Residues of a disposal report enter the receiver's ledger as generated batches linked to the report (used later by disposal reports). */
export async function residueEntryWrites(input: {
  partyId: string;
  wasteCode: string;
  grams: number;
  at: string;
  disposalId: string;
  manifestId: string;
  recordedBy?: string;
  recordedAt?: string;
}): Promise<{ entryId: string; writes: TxItem[] }> {
  const at = new Date(input.at).toISOString();
  const entry: LedgerEntryEntity = {
    id: uuidv7(),
    partyId: input.partyId,
    batchCode: await allocateBatchCode(input.partyId, 'generated', at),
    kind: 'generated',
    wasteCode: input.wasteCode,
    quantityGrams: input.grams,
    remainingGrams: input.grams,
    draws: {},
    at,
    containers: [],
    residueOf: { disposalId: input.disposalId, manifestId: input.manifestId },
    recordedBy: input.recordedBy ?? `disposal:${input.disposalId}`,
    recordedAt: input.recordedAt ?? at,
    version: 1,
  };
  return { entryId: entry.id, writes: recordEntryWrites(entry) };
}

/** Whether the party recorded any entry not voided in a year (bounds: the year's instants, local time). */
export async function hasLedgerActivity(partyId: string, year: number): Promise<boolean> {
  const from = startOfLocalDay(`${year}-01-01`, config.timeZone).toISOString();
  const to = startOfLocalDay(`${year + 1}-01-01`, config.timeZone).toISOString();
  const page = await queryPage({
    index: 'GSI1', partition: keys.ledgerPartition(partyId), sortBetween: [from, to],
    filter: { expression: 'attribute_not_exists(voided)' },
  }, 1);
  return page.items.length > 0;
}
