// The HJ 1276-2022 container label of a ledger batch, for its party's members and covering regulators.
import { notFound } from '#shared/errors.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { gramsToKg } from '#shared/domain/quantity.ts';
import { wasteCodes } from '#shared/reference/catalogue.ts';
import { getEntry } from '#shared/store/ledger-store.ts';
import { renderLabelPdf } from '#shared/documents/label-pdf.ts';
import { readPrivate } from '#shared/services/access.ts';

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
