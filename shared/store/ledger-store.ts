// Ledger entries (batches). A generated batch keeps remainingGrams and a map of its draws (manifest id → grams), so
// that one condition on the batch item stops any overdraw, and a batch is open until remainingGrams reaches 0.
import type { AppError } from '#shared/errors.ts';
import { config } from '#shared/config.ts';
import { startOfLocalDay } from '#shared/domain/calendar.ts';
import type { LedgerKind } from '#shared/domain/ledger-rules.ts';
import type { MedicalCategory } from '#shared/reference/catalogue.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { attributeIs, batchGet, filterOf, getItem, queryPage, type Page } from '#shared/store/read.ts';
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
  identification?: {
    result: 'hazardous' | 'not-hazardous';
    wasteCode?: string;
    reportNumber?: string;
    issuedBy?: string;
    at: string;
    by: string;
  };
  resultEntryId?: string;
  /** A batch made by identifying a pending entry: that entry (its origin in the chain). */
  identifiedFrom?: string;
  voided?: { reason: string; at: string; by: string };
  recordedBy: string;
  recordedAt: string;
  version: number;
}

/** The stock total an entry moves: generated (or residue) adds to on-hand, self-treatment takes from it. */
function stockFieldOf(entry: Pick<LedgerEntryEntity, 'kind' | 'residueOf'>): StockField {
  // Waste pending identification is held as generated, under the code 'pending'.
  if (entry.kind === 'pending-identification') return 'generated';
  if (entry.kind !== 'generated') return 'selfTreated';
  return entry.residueOf ? 'residue' : 'generated';
}

const entryItem = (e: LedgerEntryEntity) => ({
  ...keys.ledgerEntry(e.partyId, e.id),
  ...keys.ledgerIndexes(e),
  itemType: 'ledger-entry',
  ...e,
});
export const entryFromItem = (item: Record<string, unknown>) => entityOf<LedgerEntryEntity>(item);

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
export function identifyEntryWrites(
  entry: LedgerEntryEntity,
  next: LedgerEntryEntity,
  onConflict: () => AppError,
): TxItem[] {
  return [
    {
      item: {
        Put: {
          TableName: config.tableName,
          Item: entryItem(next),
          ConditionExpression:
            'version = :expected AND attribute_not_exists(voided) AND attribute_not_exists(identification)',
          ExpressionAttributeValues: { ':expected': entry.version },
        },
      },
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
export function voidEntryWrites(
  entry: LedgerEntryEntity,
  voided: NonNullable<LedgerEntryEntity['voided']>,
  onConflict: () => AppError,
): TxItem[] {
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
  wasteCode?: string | undefined;
  kind?: LedgerKind | undefined;
  /** Instants (UTC ISO), both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

/** A party's ledger by when it happened, newest first. */
export async function entryPage(
  partyId: string,
  filter: EntryFilter,
  limit: number,
  start?: Record<string, unknown>,
): Promise<Page> {
  return queryPage(
    {
      index: 'GSI1',
      partition: keys.ledgerPartition(partyId),
      sortBetween: filter.from || filter.to ? [filter.from ?? '0000', `${filter.to ?? '9999'}#~`] : undefined,
      newestFirst: true,
      filter: filterOf(
        filter.wasteCode && attributeIs('wasteCode', filter.wasteCode),
        filter.kind && attributeIs('kind', filter.kind),
      ),
    },
    limit,
    start,
  );
}

/** Whether the party recorded any entry not voided in a year (bounds: the year's instants, local time). */
export async function hasLedgerActivity(partyId: string, year: number): Promise<boolean> {
  const from = startOfLocalDay(`${year}-01-01`, config.timeZone).toISOString();
  const to = startOfLocalDay(`${year + 1}-01-01`, config.timeZone).toISOString();
  const page = await queryPage(
    {
      index: 'GSI1',
      partition: keys.ledgerPartition(partyId),
      sortBetween: [from, to],
      filter: { expression: 'attribute_not_exists(voided)' },
    },
    1,
  );
  return page.items.length > 0;
}
