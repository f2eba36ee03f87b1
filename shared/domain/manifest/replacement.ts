// The replacement draft for refused kilograms (domain.md rule 15; api.md "Replacement"): the rejecting receiver
// ships them back to the generator or on to an alternate receiver, each line sourced from the refused line.
import { arrivedCode, type ReceivedLine } from '#shared/domain/manifest/receipt.ts';
import type { ManifestLine } from '#shared/domain/manifest/manifest.ts';

export function replacementLines(originalId: string, received: readonly ReceivedLine[]): ManifestLine[] {
  return received
    .filter((l) => l.receipt.rejectedGrams > 0)
    .map((l, i) => {
      const { receivedGrams, rejectedGrams } = l.receipt;
      const wasteCode = arrivedCode(l);
      return {
        lineNo: i + 1,
        wasteCode,
        name: l.name,
        physicalForm: l.physicalForm,
        hazards: l.hazards,
        packaging: l.packaging,
        containerCount: Math.max(
          1,
          Math.round((l.receipt.containerCount * rejectedGrams) / Math.max(receivedGrams, 1)),
        ),
        grams: rejectedGrams,
        ...(l.medicalCategory && wasteCode === l.wasteCode ? { medicalCategory: l.medicalCategory } : {}),
        sources: [{ manifestId: originalId, lineNo: l.lineNo, grams: rejectedGrams, portion: 'rejected' as const }],
      };
    });
}
