// The HJ 1276-2022 container label of a ledger batch, for its party's members and covering regulators.
import { notFound } from '../errors.ts';
import type { Actor } from '../domain/jurisdiction.ts';
import { gramsToKg } from '../domain/quantity.ts';
import { wasteCodes } from '../reference/catalogue.ts';
import { getEntry } from '../store/ledger-store.ts';
import { renderLabelPdf } from '../documents/label-pdf.ts';
import { readPrivate } from './access.ts';

export async function ledgerLabelPdf(actor: Actor, partyId: string, entryId: string): Promise<Uint8Array> {
  const { party } = await readPrivate(actor, partyId);
  const entry = await getEntry(partyId, entryId);
  if (!entry) throw notFound('ledger entry');
  const catalogue = wasteCodes().get(entry.wasteCode);
  return renderLabelPdf({
    batchCode: entry.batchCode,
    wasteCode: entry.wasteCode,
    wasteName: catalogue?.description ?? entry.wasteCode,
    hazards: catalogue?.hazards ?? [],
    mainComponents: entry.mainComponents,
    generatedAt: entry.at,
    quantityKg: gramsToKg(entry.quantityGrams),
    generator: { name: party.name, contact: party.contact },
    containers: entry.containers,
  });
}
