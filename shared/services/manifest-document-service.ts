// The printable manifest of a manifest the caller may see (the documents function: it alone carries the PDF code and font).
import type { Actor } from '#shared/domain/jurisdiction.ts';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import { gramsToKg } from '#shared/domain/quantity.ts';
import { wasteCodes, type Hazard } from '#shared/reference/catalogue.ts';
import { renderManifestPdf, type DocumentParty, type ManifestSignature } from '#shared/documents/manifest-pdf.ts';
import { getParties, type PartyEntity } from '#shared/store/party-store.ts';
import { seeManifest } from '#shared/services/manifest-access.ts';
import { defined } from '#shared/defined.ts';

const documentParty = (p: PartyEntity | undefined): DocumentParty => ({
  name: p?.name ?? '—',
  uscc: p?.uscc ?? '',
  address: p?.address ?? '',
  contact: p?.contact ?? { name: '', phone: '' },
});

/** Every signature in the order it was given: dispatch, each pickup (the later ones are hand-overs), delivery, receipt or rejection. */
function signaturesOf(m: Manifest, parties: Map<string, PartyEntity>): ManifestSignature[] {
  const name = (id: string) => parties.get(id)?.name ?? id;
  const list: ManifestSignature[] = [];
  const s = m.signatures;
  if (s.dispatch)
    list.push({
      kind: 'dispatch',
      signer: s.dispatch.sub,
      partyName: name(s.dispatch.partyId),
      at: s.dispatch.at,
      documentHash: s.dispatch.documentHash,
    });
  s.pickups.forEach((p, i) => {
    const leg = m.legs[i];
    list.push({
      kind: i === 0 ? 'pickup' : 'handover',
      signer: p.sub,
      partyName: name(p.partyId),
      at: p.at,
      documentHash: p.documentHash,
      leg: i + 1,
      ...defined({ vehiclePlate: leg?.vehiclePlate, driverName: leg?.driverName }),
    });
  });
  for (const kind of ['delivery', 'receipt', 'rejection'] as const) {
    const sig = s[kind];
    if (sig)
      list.push({ kind, signer: sig.sub, partyName: name(sig.partyId), at: sig.at, documentHash: sig.documentHash });
  }
  return list;
}

export async function manifestPdf(actor: Actor, manifestId: string, origin: string): Promise<Uint8Array> {
  const { manifest: m } = await seeManifest(actor, manifestId);
  const parties = await getParties([m.generatorId, m.receiverId, ...m.transporterIds]);
  return renderManifestPdf({
    number: m.number,
    status: m.status,
    generator: documentParty(parties.get(m.generatorId)),
    transporters: m.transporterIds.map((id) => documentParty(parties.get(id))),
    receiver: documentParty(parties.get(m.receiverId)),
    lines: m.lines.map((l) => ({
      lineNo: l.lineNo,
      wasteCode: l.wasteCode,
      name: l.name,
      physicalForm: l.physicalForm,
      hazards: (l.hazards.length ? l.hazards : (wasteCodes().get(l.wasteCode)?.hazards ?? [])) as Hazard[],
      packaging: l.packaging,
      containerCount: l.containerCount,
      quantityKg: gramsToKg(l.grams),
      ...(l.receipt
        ? { receivedKg: gramsToKg(l.receipt.receivedGrams), rejectedKg: gramsToKg(l.receipt.rejectedGrams) }
        : {}),
    })),
    signatures: signaturesOf(m, parties),
    integrityUrl: `${origin}/v1/manifests/${m.id}/integrity`,
    ...(m.plannedPickupAt ? { plannedPickupAt: m.plannedPickupAt } : {}),
  });
}
