// Receipt (domain.md rules 14, 15): accepted = received − rejected per line, and the discrepancy rule
// (more than 10% off the shipped kilograms, another container count, or different waste).
import { AppError, type FieldError } from '#shared/errors.ts';
import type { Discrepancy, LineReceipt, ManifestLine } from '#shared/domain/manifest/manifest.ts';

export interface ReceiptInput {
  lineNo: number;
  receivedGrams: number;
  containerCount: number;
  rejectedGrams?: number;
  rejectionReason?: string;
  differentWaste?: boolean;
  actualWasteCode?: string;
}

/** Strictly more than 10% off what was shipped (integer arithmetic: no rounding at the boundary). */
export const quantityDiffers = (shippedGrams: number, receivedGrams: number) => Math.abs(receivedGrams - shippedGrams) * 10 > shippedGrams;

export function discrepancyReasons(line: ManifestLine, receipt: LineReceipt): Discrepancy['lines'][number]['reasons'] {
  const reasons: Discrepancy['lines'][number]['reasons'] = [];
  if (quantityDiffers(line.grams, receipt.receivedGrams)) reasons.push('quantity');
  if (receipt.containerCount !== line.containerCount) reasons.push('containers');
  if (receipt.differentWaste) reasons.push('different-waste');
  return reasons;
}

/** The lines with their receipts, and the discrepancy they open (null when none). Every line is answered once. */
export function applyReceipt(lines: readonly ManifestLine[], input: readonly ReceiptInput[]): { lines: ManifestLine[]; discrepancy: Discrepancy | null } {
  const errors: FieldError[] = [];
  const byLine = new Map<number, ReceiptInput>();
  input.forEach((r, i) => {
    if (!lines.some((l) => l.lineNo === r.lineNo)) errors.push({ path: `lines.${i}.lineNo`, message: `the manifest has no line ${r.lineNo}` });
    else if (byLine.has(r.lineNo)) errors.push({ path: `lines.${i}.lineNo`, message: `line ${r.lineNo} is answered twice` });
    if ((r.rejectedGrams ?? 0) > r.receivedGrams) errors.push({ path: `lines.${i}.rejectedKg`, message: 'cannot exceed receivedKg' });
    byLine.set(r.lineNo, r);
  });
  for (const l of lines) if (!byLine.has(l.lineNo)) errors.push({ path: 'lines', message: `line ${l.lineNo} is not answered` });
  if (errors.length) throw new AppError('VALIDATION_FAILED', 'The receipt must answer every line once, with rejected ≤ received', errors);

  const discrepancyLines: Discrepancy['lines'] = [];
  const received = lines.map((line) => {
    const r = byLine.get(line.lineNo)!;
    const rejectedGrams = r.rejectedGrams ?? 0;
    const receipt: LineReceipt = {
      receivedGrams: r.receivedGrams,
      rejectedGrams,
      acceptedGrams: r.receivedGrams - rejectedGrams,
      containerCount: r.containerCount,
      ...(r.rejectionReason ? { rejectionReason: r.rejectionReason } : {}),
      ...(r.differentWaste !== undefined ? { differentWaste: r.differentWaste } : {}),
      ...(r.actualWasteCode ? { actualWasteCode: r.actualWasteCode } : {}),
    };
    const reasons = discrepancyReasons(line, receipt);
    if (reasons.length) discrepancyLines.push({ lineNo: line.lineNo, reasons });
    return { ...line, receipt };
  });
  return { lines: received, discrepancy: discrepancyLines.length ? { status: 'open', lines: discrepancyLines } : null };
}

/** The waste that actually arrived on a line: what enters the receiver's stock and its line balance. */
export const arrivedCode = (line: ManifestLine) => line.receipt?.actualWasteCode ?? line.wasteCode;

/** A whole-load rejection: every line refused as shipped. */
export function rejectAll(lines: readonly ManifestLine[]): ManifestLine[] {
  return lines.map((l) => ({ ...l, receipt: { receivedGrams: l.grams, rejectedGrams: l.grams, acceptedGrams: 0, containerCount: l.containerCount } }));
}
