// The ledger: members record generation and self-treatment, void mistakes; members and covering regulators read it.
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidState, notFound, validationFailed } from '#shared/errors.ts';
import { config } from '#shared/config.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { addDays, localYear, startOfLocalDay } from '#shared/domain/calendar.ts';
import { checkLedgerEntry, PENDING_CODE } from '#shared/domain/ledger-rules.ts';
import { gramsToKg, kgToGrams } from '#shared/domain/quantity.ts';
import { allocateBatchCode } from '#shared/store/serial-store.ts';
import {
  entryFromItem,
  entryPage,
  getEntry,
  recordEntryWrites,
  voidEntryWrites,
  type LedgerEntryEntity,
} from '#shared/store/ledger-store.ts';
import { getStock } from '#shared/store/stock-store.ts';
import { assertVersion, lostRace } from '#shared/store/versioning.ts';
import type { LedgerEntryInput, LedgerQueryInput } from '#schemas/records.ts';
import { actFor, readPrivate } from '#shared/services/access.ts';
import { annualDeclarationWrites } from '#shared/services/declaration-deadlines.ts';
import { ledgerDeadlineWrites } from '#shared/services/deadline-writes.ts';
import type { Decision } from '#shared/services/decision.ts';
import { defined } from '#shared/defined.ts';

function statusOf(e: LedgerEntryEntity) {
  if (e.voided) return 'voided' as const;
  if (e.kind === 'pending-identification') return e.identification ? ('identified' as const) : ('pending' as const);
  return 'recorded' as const;
}

export function entryView(e: LedgerEntryEntity) {
  const { quantityGrams, remainingGrams, draws, voided, wasteCode, ...rest } = e;
  const manifests = Object.entries(draws).map(([manifestId, grams]) => ({ manifestId, quantityKg: gramsToKg(grams) }));
  return {
    ...rest,
    // Waste pending identification has no code: its stock row is "pending", which no manifest line can name.
    ...(wasteCode === PENDING_CODE ? {} : { wasteCode }),
    quantityKg: gramsToKg(quantityGrams),
    dispatchedKg: gramsToKg(Object.values(draws).reduce((sum, g) => sum + g, 0)),
    ...(remainingGrams === undefined ? {} : { remainingKg: gramsToKg(remainingGrams) }),
    manifests,
    status: statusOf(e),
    ...(voided ? { voided } : {}),
  };
}
type EntryView = ReturnType<typeof entryView>;

export async function recordEntry(
  actor: Actor,
  partyId: string,
  input: LedgerEntryInput,
  now: Date,
): Promise<Decision<EntryView>> {
  const { party } = await actFor(actor, partyId, { private: true });
  const at = new Date(input.at);
  const wasteCode = checkLedgerEntry({ ...input, at }, now);
  const grams = kgToGrams(input.quantityKg);
  if (input.kind === 'self-utilised' || input.kind === 'self-disposed') {
    // Checked before a batch serial is taken; the transaction's condition still decides a race.
    const onHand = (await getStock(partyId, wasteCode))?.onHandGrams ?? 0;
    if (onHand < grams)
      throw new AppError('INSUFFICIENT_STOCK', `Only ${gramsToKg(onHand)} kg of ${wasteCode} is on hand`);
  }
  const { quantityKg: _kg, containers, ...details } = input;
  const entry: LedgerEntryEntity = {
    ...defined(details),
    wasteCode,
    id: uuidv7(),
    partyId,
    batchCode: await allocateBatchCode(partyId, input.kind, at.toISOString()),
    quantityGrams: grams,
    ...(input.kind === 'generated' ? { remainingGrams: grams } : {}),
    draws: {},
    at: at.toISOString(),
    containers: containers ?? [],
    recordedBy: actor.sub,
    recordedAt: now.toISOString(),
    version: 1,
  };
  const deadlines = [
    ...ledgerDeadlineWrites(undefined, entry, party.divisionCode, now),
    // Rule 9: whoever records waste in a year owes its annual declaration, plan or not.
    ...annualDeclarationWrites(party, localYear(at, config.timeZone), now),
  ];
  return { view: entryView(entry), writes: [...recordEntryWrites(entry), ...deadlines] };
}

/** A mistaken entry is kept and marked, and its stock move undone, while no manifest has drawn on it. */
export async function voidEntry(
  actor: Actor,
  partyId: string,
  entryId: string,
  reason: string,
  ifMatch: number | undefined,
  now: Date,
): Promise<Decision<EntryView>> {
  const { party } = await actFor(actor, partyId, { private: true });
  const entry = await getEntry(partyId, entryId);
  if (!entry) throw notFound('ledger entry');
  if (entry.voided) throw invalidState('This entry is already voided');
  if (entry.identification) throw invalidState('This entry has been identified; its result stands');
  const drawnBy = Object.keys(entry.draws);
  if (drawnBy.length > 0)
    throw invalidState(
      `This batch has been dispatched on manifest(s) ${drawnBy.join(', ')}; it can no longer be voided`,
    );
  assertVersion(entry.version, ifMatch);
  const voided = { reason, at: now.toISOString(), by: actor.sub };
  const next: LedgerEntryEntity = { ...entry, voided, version: entry.version + 1 };
  return {
    view: entryView(next),
    writes: [
      ...voidEntryWrites(entry, voided, lostRace(ifMatch)),
      ...ledgerDeadlineWrites(entry, next, party.divisionCode, now),
    ],
  };
}

export async function viewLedgerEntry(actor: Actor, partyId: string, entryId: string): Promise<EntryView> {
  await readPrivate(actor, partyId);
  const entry = await getEntry(partyId, entryId);
  if (!entry) throw notFound('ledger entry');
  return entryView(entry);
}

/** Local days (China Standard Time) → the instants bounding them, both inclusive. */
function instantRange(from?: string, to?: string): { from?: string | undefined; to?: string | undefined } {
  if (from && to && from > to)
    throw validationFailed('`from` is after `to`', [{ path: 'query.from', message: 'must not be after to' }]);
  return {
    from: from && startOfLocalDay(from, config.timeZone).toISOString(),
    to: to && new Date(startOfLocalDay(addDays(to, 1), config.timeZone).getTime() - 1).toISOString(),
  };
}

export async function listLedger(
  actor: Actor,
  partyId: string,
  query: LedgerQueryInput,
  limit: number,
  start?: Record<string, unknown>,
) {
  await readPrivate(actor, partyId);
  const page = await entryPage(
    partyId,
    { wasteCode: query.wasteCode, kind: query.kind, ...instantRange(query.from, query.to) },
    limit,
    start,
  );
  return { items: page.items.map((i) => entryView(entryFromItem(i))), next: page.lastKey };
}
