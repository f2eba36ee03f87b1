// Residue entries: what a disposal leaves (ash, slag) enters the receiver's ledger as a generated batch of its own.
import { v7 as uuidv7 } from 'uuid';
import { recordEntryWrites, type LedgerEntryEntity } from '#shared/store/ledger-store.ts';
import { allocateBatchCode } from '#shared/store/serial-store.ts';
import type { TxItem } from '#shared/store/transact.ts';

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
