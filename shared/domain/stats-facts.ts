// The facts statistics and declarations count, read from the items a change touched (pure: the stream consumer
// passes the old and new images in). A fact moves grams of one waste code, at one instant, in one party's stock;
// a negative fact undoes one counted before (a voided ledger entry, a dispatched manifest cancelled).
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import { arrivedCode } from '#shared/domain/manifest/receipt.ts';
import type { DisposalReport } from '#shared/domain/disposal.ts';
import { must } from '#shared/must.ts';

/** What regional statistics count (api.md, "stats"). */
export const STAT_MEASURES = ['generated', 'dispatched', 'received', 'utilised', 'disposed'] as const;
export type StatMeasure = (typeof STAT_MEASURES)[number];
/** What a party's own flows count besides: its self-utilisation and self-disposal (declarations only). */
export const MOVEMENTS = [...STAT_MEASURES, 'selfUtilised', 'selfDisposed'] as const;
export type Movement = (typeof MOVEMENTS)[number];

export interface Fact {
  movement: Movement;
  /** Signed: negative undoes a fact counted before. */
  grams: number;
  wasteCode: string;
  /** When it happened (the ledger's `at`, dispatch, receipt, the disposal line's completion). */
  at: string;
  /** Whose stock it moves, and that party's county ('' when the item does not carry it: ledger entries; the caller fills it). */
  partyId: string;
  divisionCode: string;
  generatorId: string;
  receiverId?: string;
}

export interface Change {
  oldImage?: Record<string, unknown> | undefined;
  newImage?: Record<string, unknown> | undefined;
}

interface LedgerImage {
  partyId: string;
  kind: 'generated' | 'self-utilised' | 'self-disposed' | 'pending-identification';
  wasteCode: string;
  quantityGrams: number;
  at: string;
  voided?: unknown;
  identification?: unknown;
}

const LEDGER_MOVEMENT: Record<LedgerImage['kind'], Movement> = {
  generated: 'generated',
  'self-utilised': 'selfUtilised',
  'self-disposed': 'selfDisposed',
  'pending-identification': 'generated',
};

/** Counted in the records: neither voided nor, for waste pending identification, identified (a hazardous result is
 *  counted again as the batch it made, under its code, at the same `at`; a not-hazardous one leaves the records). */
const counts = (e: LedgerImage) => !e.voided && !e.identification;

/** A ledger entry counts when recorded and is taken back when voided or identified (residues count as generated: the receiver made them). */
function ledgerFacts(before: LedgerImage | undefined, after: LedgerImage): Fact[] {
  const sign = !before && counts(after) ? 1 : before && counts(before) && !counts(after) ? -1 : 0;
  if (sign === 0) return [];
  return [
    {
      movement: LEDGER_MOVEMENT[after.kind],
      grams: sign * after.quantityGrams,
      wasteCode: after.wasteCode,
      at: after.at,
      partyId: after.partyId,
      divisionCode: '',
      generatorId: after.partyId,
    },
  ];
}

const RECEIVED: readonly string[] = ['received', 'completed'];

/** Dispatch counts what left the generator's stock (`taken.stock`); cancelling it takes that back; receipt counts accepted grams. */
function manifestFacts(before: Manifest | undefined, after: Manifest): Fact[] {
  if (!before) return [];
  const base = { generatorId: after.generatorId, receiverId: after.receiverId };
  const shipped = (m: Manifest, sign: number): Fact[] =>
    (m.taken?.stock ?? []).map((s) => ({
      ...base,
      movement: 'dispatched',
      grams: sign * s.grams,
      wasteCode: s.wasteCode,
      at: must(m.dispatchedAt, 'a dispatched manifest (or one cancelled after dispatch) has dispatchedAt'),
      partyId: m.generatorId,
      divisionCode: m.generatorDivision,
    }));
  if (before.status === 'draft' && after.status === 'dispatched') return shipped(after, 1);
  if (before.status === 'dispatched' && after.status === 'cancelled') return shipped(before, -1);
  if (!RECEIVED.includes(before.status) && RECEIVED.includes(after.status)) {
    // Only lines with accepted grams count a receipt.
    return after.lines.flatMap((l): Fact[] => {
      const grams = l.receipt?.acceptedGrams ?? 0;
      if (grams <= 0) return [];
      const at = must(after.receivedAt, 'a received manifest has receivedAt');
      return [
        {
          ...base,
          movement: 'received',
          grams,
          wasteCode: arrivedCode(l),
          at,
          partyId: after.receiverId,
          divisionCode: after.receiverDivision,
        },
      ];
    });
  }
  return [];
}

function disposalFacts(report: DisposalReport): Fact[] {
  const p = report.manifestParties;
  return report.lines.map((l) => ({
    movement: l.kind === 'utilisation' ? 'utilised' : 'disposed',
    grams: l.grams,
    wasteCode: l.wasteCode,
    at: l.completedAt,
    partyId: report.receiverId,
    divisionCode: p.receiverDivision,
    generatorId: p.generatorId,
    receiverId: report.receiverId,
  }));
}

/** The facts a change implies. */
export function factsOf(change: Change): Fact[] {
  const after = change.newImage;
  if (!after) return [];
  switch (after.itemType) {
    case 'ledger-entry':
      return ledgerFacts(change.oldImage as unknown as LedgerImage | undefined, after as unknown as LedgerImage);
    case 'manifest':
      return manifestFacts(change.oldImage as unknown as Manifest | undefined, after as unknown as Manifest);
    case 'disposal':
      return change.oldImage ? [] : disposalFacts(after as unknown as DisposalReport);
    default:
      return [];
  }
}
