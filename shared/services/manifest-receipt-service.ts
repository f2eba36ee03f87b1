// Receipt and rejection (domain.md rules 3, 14, 15): accepted kilograms enter the receiver's stock and its line
// balances, capacity moves from in flight to accepted, refused kilograms give their approval back and leave on a
// replacement draft, all in the transaction that signs the receipt.
import { AppError } from '#shared/errors.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { config } from '#shared/config.ts';
import { localDate } from '#shared/domain/calendar.ts';
import { kgToGrams } from '#shared/domain/quantity.ts';
import { holdsCollectionLicence } from '#shared/domain/alert-rules.ts';
import { coveringEntry } from '#shared/domain/manifest/licence-cover.ts';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import { applyReceipt, arrivedCode, rejectAll, type ReceivedLine } from '#shared/domain/manifest/receipt.ts';
import { replacementLines } from '#shared/domain/manifest/replacement.ts';
import { categoryOf } from '#shared/reference/catalogue.ts';
import { approvalUseWrite } from '#shared/store/approval-store.ts';
import { settleCapacityWrite } from '#shared/store/capacity-store.ts';
import { createLineBalanceWrite } from '#shared/store/line-balance-store.ts';
import { getParty, allLicences } from '#shared/store/party-store.ts';
import { moveStock } from '#shared/store/stock-store.ts';
import type { TxItem } from '#shared/store/transact.ts';
import type { ReceiveInput, RejectInput } from '#schemas/manifest.ts';
import { receivedLineDeadlineWrites } from '#shared/services/deadline-writes.ts';
import { actOn, type Acting } from '#shared/services/manifest-access.ts';
import { draftWrites } from '#shared/services/manifest-draft-service.ts';
import {
  decided,
  eventDraft,
  manifestWrites,
  nextVersion,
  sign,
  type ManifestDecision,
} from '#shared/services/manifest-transition.ts';
import type { EventDraft } from '#shared/domain/hash-chain.ts';
import { closeLegTrack } from '#shared/services/track-closing.ts';
import { defined } from '#shared/defined.ts';
import { must } from '#shared/must.ts';

type Rejection = { disposition: 'return' | 'alternate'; alternateReceiverId?: string | undefined };

/** Receipt re-checks the receiver's licence for what it accepts (a return to its origin excepted). */
async function recheckLicence(m: Manifest, lines: ReceivedLine[], now: Date): Promise<void> {
  if (m.returnToOrigin) return;
  const licences = await allLicences(m.receiverId);
  const day = localDate(now, config.timeZone);
  const missing = lines.findIndex(
    (l) => l.receipt.acceptedGrams > 0 && !coveringEntry(licences, { ...l, wasteCode: arrivedCode(l) }, day),
  );
  const uncovered = lines[missing];
  if (uncovered) {
    throw new AppError(
      'LICENCE_MISSING',
      `The receiver holds no verified licence valid on ${day} covering ${arrivedCode(uncovered)}`,
      [{ path: `lines.${missing}.lineNo`, message: 'not covered by a valid licence' }],
    );
  }
}

/** Counters a receipt (or a rejection, all refused) moves: capacity, receiver stock, approval given back, line balances. */
function settlementWrites(
  m: Manifest,
  lines: ReceivedLine[],
  receivedAt: string,
  holderCollects: boolean,
  now: Date,
): TxItem[] {
  const byLine = new Map(lines.map((l) => [l.lineNo, l]));
  const accepted = new Map<string, number>();
  for (const l of lines)
    if (l.receipt.acceptedGrams > 0)
      accepted.set(arrivedCode(l), (accepted.get(arrivedCode(l)) ?? 0) + l.receipt.acceptedGrams);
  const approval = m.taken?.approval;
  const released = new Map<string, number>();
  if (approval) {
    for (const l of lines) {
      const code = approval.codes.some((c) => c.code === l.wasteCode) ? l.wasteCode : categoryOf(l.wasteCode);
      if (l.receipt.rejectedGrams > 0) released.set(code, (released.get(code) ?? 0) + l.receipt.rejectedGrams);
    }
  }
  return [
    ...(m.taken?.capacity ?? []).map((c) =>
      settleCapacityWrite(
        { partyId: m.receiverId, year: c.year, licenceId: c.licenceId, entryCode: c.entryCode },
        c.grams,
        c.lineNos.reduce(
          (sum, n) => sum + must(byLine.get(n), `capacity taken for line ${n} of the manifest`).receipt.acceptedGrams,
          0,
        ),
      ),
    ),
    ...[...accepted].map(([code, grams]) => moveStock(m.receiverId, code, 'accepted', grams)),
    ...(approval && released.size
      ? [
          approvalUseWrite(
            approval.approvalId,
            'release',
            [...released].map(([wasteCode, grams]) => ({ wasteCode, grams })),
          ),
        ]
      : []),
    ...lines.map((l) =>
      createLineBalanceWrite({
        manifestId: m.id,
        lineNo: l.lineNo,
        holderId: m.receiverId,
        wasteCode: arrivedCode(l),
        acceptedGrams: l.receipt.acceptedGrams,
        rejectedGrams: l.receipt.rejectedGrams,
        receivedAt,
      }),
    ),
    // Rule 21: a collector's accepted kilograms start the 90-working-day clock, and rule 23 the medical clock of HW01
    // kept at the receiver, in the receipt's own transaction.
    ...lines.flatMap((l) =>
      receivedLineDeadlineWrites(
        {
          manifestId: m.id,
          lineNo: l.lineNo,
          holderId: m.receiverId,
          wasteCode: arrivedCode(l),
          availableAcceptedGrams: l.receipt.acceptedGrams,
          availableRejectedGrams: l.receipt.rejectedGrams,
          receivedAt,
        },
        holderCollects,
        m.receiverDivision,
        now,
      ),
    ),
  ];
}

/** The replacement draft for refused kilograms: from the rejecting receiver, back or on to the alternate. */
async function replacement(
  m: Manifest,
  lines: ReceivedLine[],
  rejection: Rejection,
  actor: Actor,
  acting: Acting,
  now: Date,
) {
  const alternate = rejection.alternateReceiverId ? await getParty(rejection.alternateReceiverId) : undefined;
  if (rejection.disposition === 'alternate' && alternate?.status !== 'active') {
    throw new AppError('PARTY_NOT_ACTIVE', 'The alternate receiver is not an active party', [
      { path: 'alternateReceiverId', message: 'not an active party' },
    ]);
  }
  const created = await draftWrites(
    {
      generatorId: m.receiverId,
      receiverId: alternate?.id ?? m.generatorId,
      transporterIds: [],
      generatorDivision: m.receiverDivision,
      receiverDivision: alternate?.divisionCode ?? m.generatorDivision,
      lines: replacementLines(m.id, lines),
      replaces: m.id,
      ...(alternate ? {} : { returnToOrigin: true }),
    },
    actor,
    acting,
    now,
  );
  return { replacement: created.manifest, writes: created.writes };
}

/** Receipt and rejection share the ending: signature, events, counters, and the replacement when anything was refused. */
async function settle(
  actor: Actor,
  acting: Acting,
  lines: ReceivedLine[],
  changes: Partial<Manifest>,
  rejection: Rejection | undefined,
  now: Date,
  ifMatch: number | undefined,
): Promise<ManifestDecision> {
  const m = acting.manifest;
  const at = now.toISOString();
  const refused = lines.some((l) => l.receipt.rejectedGrams > 0);
  const made = refused && rejection ? await replacement(m, lines, rejection, actor, acting, now) : undefined;
  const unsigned = nextVersion(m, now, {
    ...changes,
    status: acting.decision.to,
    lines,
    ...(made ? { replacedBy: made.replacement.id } : {}),
  });
  const signature = sign(unsigned, actor, m.receiverId, at);
  const signatureKey = acting.decision.event === 'received' ? 'receipt' : 'rejection';
  const after = { ...unsigned, signatures: { ...m.signatures, [signatureKey]: signature } };
  // Receipt or rejection straight from the road closes the last leg: its event carries the leg's track digest.
  const closing = m.status === 'in_transit' ? await closeLegTrack(m) : undefined;
  const drafts: EventDraft[] = [
    eventDraft(acting.decision.event, actor, acting, at, { ...closing?.data }, signature.documentHash),
  ];
  if (after.discrepancy)
    drafts.push(eventDraft('discrepancy_opened', actor, acting, at, { lines: after.discrepancy.lines }));
  // A shortfall the incidents account for starts explained (rule 28): the log says by which.
  if (after.discrepancy?.status === 'explained')
    drafts.push(eventDraft('discrepancy_explained', actor, acting, at, { incidentIds: after.discrepancy.incidentIds }));
  if (made)
    drafts.push(
      eventDraft('replacement_created', actor, acting, at, {
        replacementId: made.replacement.id,
        number: made.replacement.number,
      }),
    );
  const { manifest, writes } = manifestWrites(m, after, drafts, ifMatch);
  const collects =
    lines.some((l) => l.receipt.acceptedGrams > 0) && holdsCollectionLicence(await allLicences(m.receiverId));
  return decided(manifest, [
    ...writes,
    ...settlementWrites(m, lines, changes.receivedAt ?? at, collects, now),
    ...(made?.writes ?? []),
    ...(closing?.writes ?? []),
  ]);
}

export async function receive(
  actor: Actor,
  manifestId: string,
  input: ReceiveInput,
  ifMatch: number | undefined,
  now: Date,
): Promise<ManifestDecision> {
  const acting = await actOn(actor, manifestId, 'receive', ifMatch);
  const { lines, discrepancy } = applyReceipt(
    acting.manifest,
    input.lines.map(({ receivedKg, rejectedKg, ...l }) => ({
      ...l,
      receivedGrams: kgToGrams(receivedKg),
      ...(rejectedKg !== undefined ? { rejectedGrams: kgToGrams(rejectedKg) } : {}),
    })),
  );
  const refused = lines.some((l) => l.receipt.rejectedGrams > 0);
  if (refused !== (input.rejection !== undefined)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'A receipt that refuses kilograms says where they go (rejection), and only such a receipt does',
      [{ path: 'rejection', message: refused ? 'required when any rejectedKg > 0' : 'only when some rejectedKg > 0' }],
    );
  }
  const receivedAt = new Date(input.receivedAt).toISOString();
  if (
    receivedAt > new Date(now.getTime() + 60_000).toISOString() ||
    receivedAt < must(acting.manifest.legs.at(-1), 'receipt follows a pickup').pickedUpAt
  ) {
    throw new AppError('VALIDATION_FAILED', 'receivedAt lies between the last pickup and now', [
      { path: 'receivedAt', message: 'before the last pickup, or in the future' },
    ]);
  }
  await recheckLicence(acting.manifest, lines, now);
  return settle(actor, acting, lines, { receivedAt, discrepancy }, input.rejection, now, ifMatch);
}

export async function reject(
  actor: Actor,
  manifestId: string,
  input: RejectInput,
  ifMatch: number | undefined,
  now: Date,
): Promise<ManifestDecision> {
  const acting = await actOn(actor, manifestId, 'reject', ifMatch);
  const { reason, ...rejection } = input;
  return settle(
    actor,
    acting,
    rejectAll(acting.manifest),
    { rejection: { reason, ...defined(rejection) } },
    rejection,
    now,
    ifMatch,
  );
}
