// Per item type, the deadline writes that go into the transaction of the write itself (domain.md, "Alerts"): each
// derives the item's deadlines with the pure rules of domain/alert-rules.ts and hands before/after to the one store
// helper (deadlineWrites). A new alert type adds a derivation here and calls it from its write path.
import {
  capacityDeadlines,
  ledgerDeadlines,
  licenceDeadlines,
  manifestDeadlines,
  medicalLineDeadlines,
  overPlanSubject,
  receivedLineDeadlines,
  type CapacityCounterLike,
  type Deadline,
  type LedgerEntryLike,
  type LicenceLike,
  type ReceivedLineLike,
} from '#shared/domain/alert-rules.ts';
import { applicationDeadlines, type ApplicationFacts } from '#shared/domain/application/deadlines.ts';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import { deadlineWrites } from '#shared/store/deadline-store.ts';
import type { TxItem } from '#shared/store/transact.ts';
import { alertSettings } from '#shared/services/alert-settings.ts';

/** The generic form: derive the deadlines of the item as it stood and as it is written, and write the difference. */
export function deadlinesOfChange<T>(
  derive: (item: T) => Deadline[],
  before: T | undefined,
  after: T | undefined,
  now: Date,
  options?: { alwaysPut?: boolean },
): TxItem[] {
  return deadlineWrites(before ? derive(before) : [], after ? derive(after) : [], now, options);
}

/** Deadlines that should exist whatever came before (a party owes a declaration): written, keeping the occurrence. */
export const ensureDeadlines = (deadlines: Deadline[], now: Date): TxItem[] =>
  deadlineWrites(deadlines, deadlines, now, { alwaysPut: true });

/** The receiver licences a load in flight stands on, as its dispatch recorded them (no read at later transitions). */
const lapsesOf = (m: Manifest) =>
  (m.taken?.capacity ?? []).flatMap((c) => (c.licenceValidTo ? [{ id: c.licenceId, validTo: c.licenceValidTo }] : []));

/** transit-overdue, overdue-receipt, discrepancy-open, licence-expired-in-flight: every manifest write. */
export const manifestDeadlineWrites = (before: Manifest | undefined, after: Manifest): TxItem[] =>
  deadlinesOfChange(
    (m: Manifest) => manifestDeadlines(m, lapsesOf(m), alertSettings()),
    before,
    after,
    new Date(after.updatedAt),
  );

/** medical-storage-exceeded: recording or voiding a batch (draws leave a stale deadline the job drops). */
export const ledgerDeadlineWrites = (
  before: LedgerEntryLike | undefined,
  after: LedgerEntryLike,
  divisionCode: string,
  now: Date,
): TxItem[] =>
  deadlinesOfChange((e: LedgerEntryLike) => ledgerDeadlines(e, divisionCode, alertSettings()), before, after, now);

/** licence-expiring: verifying or revoking a licence. */
export const licenceDeadlineWrites = (
  before: LicenceLike,
  after: LicenceLike,
  divisionCode: string,
  now: Date,
): TxItem[] =>
  deadlinesOfChange((l: LicenceLike) => licenceDeadlines(l, divisionCode, alertSettings()), before, after, now);

/** application-review-overdue (rule 30): submitting, and each action on, a cross-province application. `before` is the
 *  application as stored (a deemed acceptance is never stored, so its deadlines are those of `submitted`). */
export const applicationDeadlineWrites = (
  before: ApplicationFacts | undefined,
  after: ApplicationFacts,
  now: Date,
): TxItem[] => deadlinesOfChange((a: ApplicationFacts) => applicationDeadlines(a, alertSettings()), before, after, now);

/** collector-holding-exceeded (a received line of a collection licence holder) and the medical clock of HW01 kept
 *  at the receiver (rule 23). */
export const receivedLineDeadlineWrites = (
  b: ReceivedLineLike,
  holderCollects: boolean,
  divisionCode: string,
  now: Date,
): TxItem[] =>
  deadlineWrites(
    [],
    [
      ...receivedLineDeadlines(b, holderCollects, divisionCode, alertSettings()),
      ...medicalLineDeadlines(b, divisionCode, alertSettings()),
    ],
    now,
  );

/**
 * capacity-reached: a dispatch adds to a counter it read before (`committedBefore`). A racing dispatch may have moved
 * the count meanwhile, so the check is queued for every counter touched, due now: the job reads the counter as
 * committed and opens the alert only if it is past 100%. The occurrence is new when the count read was not past it.
 */
export function capacityCheckWrites(
  c: Omit<CapacityCounterLike, 'committedGrams'>,
  committedBefore: number,
  annualCapacityGrams: number | undefined,
  divisionCode: string,
  now: Date,
): TxItem[] {
  if (annualCapacityGrams === undefined) return [];
  const [check] = capacityDeadlines(
    { ...c, committedGrams: Number.MAX_SAFE_INTEGER },
    annualCapacityGrams,
    divisionCode,
    now,
  );
  if (!check) return []; // a capacity no count can pass
  const before = capacityDeadlines({ ...c, committedGrams: committedBefore }, annualCapacityGrams, divisionCode, now);
  return deadlineWrites(before, [check], now, { alwaysPut: true });
}

/** over-plan: a dispatch adds to the year's dispatched grams of a code (kept on the stock item); checked as capacity. */
export function overPlanCheckWrites(
  partyId: string,
  year: number,
  wasteCode: string,
  overBefore: boolean,
  divisionCode: string,
  now: Date,
): TxItem[] {
  const check: Deadline = {
    type: 'over-plan',
    subjectId: overPlanSubject(partyId, year, wasteCode),
    partyId,
    divisionCode,
    dueAt: now.toISOString(),
  };
  return deadlineWrites(overBefore ? [check] : [], [check], now, { alwaysPut: true });
}
