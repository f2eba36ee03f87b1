// The declaration-overdue alert (domain.md rule 9): the deadlines of the periods a party's tier declares, written in the
// transaction of what makes them owed (a plan filed, the key-unit flag set, a ledger entry of a year with no plan), and
// the job's check that a period is still owed.
import { config } from '#shared/config.ts';
import type { Deadline } from '#shared/domain/alert-rules.ts';
import { subjectParts } from '#shared/domain/alert-subject.ts';
import {
  filesPeriod,
  overdueFrom,
  parsePeriod,
  periodsOfYear,
  tierOf,
  type Period,
  type Tier,
} from '#shared/domain/declaration-periods.ts';
import { submittedVersions } from '#shared/store/declaration-store.ts';
import { hasLedgerActivity } from '#shared/store/ledger-store.ts';
import { getParty, type PartyEntity } from '#shared/store/party-store.ts';
import { getCurrentPlan } from '#shared/store/plan-store.ts';
import type { TxItem } from '#shared/store/transact.ts';
import { ensureDeadlines } from '#shared/services/deadline-writes.ts';
import { must } from '#shared/must.ts';

type Owner = Pick<PartyEntity, 'id' | 'divisionCode'>;

const deadlineOf = (party: Owner, period: Period): Deadline => ({
  type: 'declaration-overdue',
  subjectId: `${party.id}/${period.id}`,
  partyId: party.id,
  divisionCode: party.divisionCode,
  dueAt: overdueFrom(period, config.timeZone).toISOString(),
});

/** The deadlines of every period `tier` declares in `year` (a tier a later plan changes leaves stale ones the job drops). */
export const declarationDeadlineWrites = (party: Owner, year: number, tier: Tier, now: Date): TxItem[] =>
  ensureDeadlines(
    periodsOfYear(tier, year).map((p) => deadlineOf(party, p)),
    now,
  );

/** A ledger entry: its year's annual declaration is owed, plan or not (every tier files it). */
export const annualDeclarationWrites = (party: Owner, year: number, now: Date): TxItem[] =>
  ensureDeadlines([deadlineOf(party, must(parsePeriod(String(year)), `${year} names a period`))], now);

/** The alerts job's check: the party's tier declares the period, nothing is submitted for it, and the party owes
 *  declarations that year at all (a plan, the key-unit flag, or a ledger entry not voided). */
export async function declarationDeadlinesNow(d: Pick<Deadline, 'subjectId'>): Promise<Deadline[]> {
  const [partyId, periodId] = subjectParts(d.subjectId, 2);
  const [party, period] = [await getParty(partyId), parsePeriod(periodId)];
  if (!party || !period) return [];
  const plan = await getCurrentPlan(partyId, period.year);
  const keyUnit = (party.keyUnitYears ?? []).includes(period.year);
  const tier = tierOf(keyUnit, plan?.items.reduce((sum, i) => sum + i.expectedGrams, 0) ?? 0);
  if (!filesPeriod(tier, period.kind)) return [];
  if (!plan && !keyUnit && !(await hasLedgerActivity(partyId, period.year))) return [];
  return (await submittedVersions(partyId, period.id)).length ? [] : [deadlineOf(party, period)];
}
