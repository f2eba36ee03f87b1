// Receipt (domain.md rules 14, 15, 28): accepted = received − rejected per line, and the discrepancy rule (more than
// 10% off the shipped kilograms less those lost in incidents, another container count, or different waste).
import { AppError, type FieldError } from '#shared/errors.ts';
import { lostGrams } from '#shared/domain/manifest/incidents.ts';
import type { Discrepancy, LineReceipt, Manifest, ManifestLine } from '#shared/domain/manifest/manifest.ts';
import { must } from '#shared/must.ts';

export interface ReceiptInput {
  lineNo: number;
  receivedGrams: number;
  containerCount: number;
  rejectedGrams?: number;
  rejectionReason?: string | undefined;
  differentWaste?: boolean | undefined;
  actualWasteCode?: string | undefined;
}

/** Strictly more than 10% off what was shipped (integer arithmetic: no rounding at the boundary). */
export const quantityDiffers = (shippedGrams: number, receivedGrams: number) =>
  Math.abs(receivedGrams - shippedGrams) * 10 > shippedGrams;

/** A shortfall the incidents explain: |quantity − lost − received| ≤ 1% of quantity (integer arithmetic). */
export const lossExplains = (shippedGrams: number, lost: number, receivedGrams: number) =>
  Math.abs(shippedGrams - lost - receivedGrams) * 100 <= shippedGrams;

/** A line once the receiver has answered it (every line of a receipt or a rejection). */
export type ReceivedLine = ManifestLine & { receipt: LineReceipt };

type Reason = Discrepancy['lines'][number]['reasons'][number];

/** A line with losses always opens a discrepancy (`lost`); within 1% of quantity − lost that is all it says, and a
 *  container count short by lost drums is the incident's too. Beyond 1% it also says `quantity`. */
export function discrepancyReasons(line: ManifestLine, receipt: LineReceipt, lost = 0): Reason[] {
  const reasons: Reason[] = [];
  if (lost > 0) {
    reasons.push('lost');
    if (!lossExplains(line.grams, lost, receipt.receivedGrams)) reasons.push('quantity');
  } else {
    if (quantityDiffers(line.grams, receipt.receivedGrams)) reasons.push('quantity');
    if (receipt.containerCount !== line.containerCount) reasons.push('containers');
  }
  if (receipt.differentWaste) reasons.push('different-waste');
  return reasons;
}

/** Open, or `explained` by the incidents when every line in it is a loss they account for. */
function discrepancyOf(lines: Discrepancy['lines'], m: Pick<Manifest, 'incidents'>): Discrepancy | null {
  if (!lines.length) return null;
  const explained = lines.every((l) => l.reasons.length === 1 && l.reasons[0] === 'lost');
  if (!explained) return { status: 'open', lines };
  const lossLines = new Set(lines.map((l) => l.lineNo));
  const incidentIds = (m.incidents ?? [])
    .filter((i) => i.lines.some((l) => lossLines.has(l.lineNo) && l.grams > 0))
    .map((i) => i.id);
  return {
    status: 'explained',
    lines,
    incidentIds,
    explanation: `the shortfall matches the kilograms lost in incident ${incidentIds.join(', ')}`,
  };
}

/** The lines with their receipts, and the discrepancy they open (null when none). Every line is answered once. */
export function applyReceipt(
  m: Pick<Manifest, 'lines' | 'incidents'>,
  input: readonly ReceiptInput[],
): { lines: ReceivedLine[]; discrepancy: Discrepancy | null } {
  const lines = m.lines;
  const errors: FieldError[] = [];
  const byLine = new Map<number, ReceiptInput>();
  input.forEach((r, i) => {
    if (!lines.some((l) => l.lineNo === r.lineNo))
      errors.push({ path: `lines.${i}.lineNo`, message: `the manifest has no line ${r.lineNo}` });
    else if (byLine.has(r.lineNo))
      errors.push({ path: `lines.${i}.lineNo`, message: `line ${r.lineNo} is answered twice` });
    if ((r.rejectedGrams ?? 0) > r.receivedGrams)
      errors.push({ path: `lines.${i}.rejectedKg`, message: 'cannot exceed receivedKg' });
    byLine.set(r.lineNo, r);
  });
  for (const l of lines)
    if (!byLine.has(l.lineNo)) errors.push({ path: 'lines', message: `line ${l.lineNo} is not answered` });
  if (errors.length)
    throw new AppError(
      'VALIDATION_FAILED',
      'The receipt must answer every line once, with rejected ≤ received',
      errors,
    );

  const discrepancyLines: Discrepancy['lines'] = [];
  const received = lines.map((line): ReceivedLine => {
    const r = must(byLine.get(line.lineNo), 'every line is answered (checked above)');
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
    const reasons = discrepancyReasons(line, receipt, lostGrams(m, line.lineNo));
    if (reasons.length) discrepancyLines.push({ lineNo: line.lineNo, reasons });
    return { ...line, receipt };
  });
  return { lines: received, discrepancy: discrepancyOf(discrepancyLines, m) };
}

/** The waste that actually arrived on a line: what enters the receiver's stock and its line balance. */
export const arrivedCode = (line: ManifestLine) => line.receipt?.actualWasteCode ?? line.wasteCode;

/** A whole-load rejection: every line refused as shipped, less what incidents lost on the way. */
export function rejectAll(m: Pick<Manifest, 'lines' | 'incidents'>): ReceivedLine[] {
  return m.lines.map((l) => {
    const grams = l.grams - lostGrams(m, l.lineNo);
    return {
      ...l,
      receipt: { receivedGrams: grams, rejectedGrams: grams, acceptedGrams: 0, containerCount: l.containerCount },
    };
  });
}
