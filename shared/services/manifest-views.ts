// Manifest entity ↔ what the API shows and takes: kilograms at the edge, bookkeeping left out.
import { documentHash } from '#shared/domain/hash-chain.ts';
import { gramsToKg, kgToGrams } from '#shared/domain/quantity.ts';
import type { Manifest, ManifestLine } from '#shared/domain/manifest/manifest.ts';
import type { DraftInput, ManifestView } from '#schemas/manifest.ts';
import { defined } from '#shared/defined.ts';

const kg = gramsToKg;

function lineView(l: ManifestLine): ManifestView['lines'][number] {
  const { grams, ledgerEntries, sources, receipt, ...rest } = l;
  return {
    ...rest,
    quantityKg: kg(grams),
    ...(ledgerEntries
      ? { ledgerEntries: ledgerEntries.map((e) => ({ entryId: e.entryId, quantityKg: kg(e.grams) })) }
      : {}),
    ...(sources
      ? {
          sources: sources.map((s) => ({
            manifestId: s.manifestId,
            lineNo: s.lineNo,
            quantityKg: kg(s.grams),
            portion: s.portion,
          })),
        }
      : {}),
    ...(receipt
      ? {
          receipt: (({ receivedGrams, rejectedGrams, acceptedGrams, ...r }) => ({
            receivedKg: kg(receivedGrams),
            rejectedKg: kg(rejectedGrams),
            acceptedKg: kg(acceptedGrams),
            ...r,
          }))(receipt),
        }
      : {}),
  } as ManifestView['lines'][number];
}

export function manifestView(m: Manifest): ManifestView {
  const {
    taken: _t,
    lastEventSeq: _s,
    headHash: _h,
    createdBy: _c,
    returnToOrigin: _r,
    generatorDivision: _g,
    receiverDivision: _d,
    lines,
    legs,
    incidents,
    ...rest
  } = m;
  return {
    ...rest,
    lines: lines.map(lineView),
    legs,
    currentLeg: legs.length,
    ...(incidents?.length
      ? {
          incidents: incidents.map((i) => ({
            ...i,
            lines: i.lines.map((l) => ({ lineNo: l.lineNo, lostKg: kg(l.grams) })),
          })),
        }
      : {}),
  } as ManifestView;
}

/** The copy of record a signature covers (the manifest without version, updatedAt, status and signatures). */
export const manifestDocumentHash = (m: Manifest) =>
  documentHash(manifestView(m) as unknown as Record<string, unknown>);

export function linesFromInput(lines: DraftInput['lines']): ManifestLine[] {
  return lines.map((l, i) => {
    const { quantityKg, ledgerEntries, sources, ...rest } = l;
    return {
      ...defined(rest),
      lineNo: i + 1,
      grams: kgToGrams(quantityKg),
      ...(ledgerEntries
        ? { ledgerEntries: ledgerEntries.map((e) => ({ entryId: e.entryId, grams: kgToGrams(e.quantityKg) })) }
        : {}),
      ...(sources
        ? {
            sources: sources.map((s) => ({
              manifestId: s.manifestId,
              lineNo: s.lineNo,
              grams: kgToGrams(s.quantityKg),
              portion: s.portion ?? 'accepted',
            })),
          }
        : {}),
    };
  });
}

/** The draft as its create body (what PATCH merges into). */
export function draftInputOf(m: Manifest): Record<string, unknown> {
  const view = manifestView(m);
  return {
    generatorId: m.generatorId,
    transporterIds: m.transporterIds,
    receiverId: m.receiverId,
    lines: view.lines.map(({ lineNo: _n, receipt: _r, ...l }) => l),
    ...(m.plannedPickupAt ? { plannedPickupAt: m.plannedPickupAt } : {}),
    ...(m.approvalId ? { approvalId: m.approvalId } : {}),
  };
}
