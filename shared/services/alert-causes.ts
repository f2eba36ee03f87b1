// Where each alert's cause is read, one entry per rule: per item type the change stream carries, the deadlines to
// queue or drop; per alert type, the deadlines its subject implies as it stands now (the alerts job's check).
import {
  capacityDeadlines, holdsCollectionLicence, ledgerDeadlines, licenceDeadlines, medicalLineDeadlines, licencesAtStake, manifestDeadlines, overPlanDeadlines,
  overPlanSubject, parseCapacitySubject, parseOverPlanSubject, parseReceivedLineSubject, receivedLineDeadlines, sameCause,
  type AlertSettings, type AlertType, type CapacityCounterLike, type Deadline, type LedgerEntryLike, type LicenceLike, type PlanLike,
  type ReceivedLineLike,
} from '#shared/domain/alert-rules.ts';
import { applicationDeadlines, parseReviewSubject } from '#shared/domain/application/deadlines.ts';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import { getApplication, type ApplicationEntity } from '#shared/store/application-store.ts';
import { getCapacityCounter } from '#shared/store/capacity-store.ts';
import { getLineBalances } from '#shared/store/line-balance-store.ts';
import { getManifest } from '#shared/store/manifest-store.ts';
import { getLicence, getParty, listLicences } from '#shared/store/party-store.ts';
import { getCurrentPlan } from '#shared/store/plan-store.ts';
import { partyFlows } from '#shared/store/stats-store.ts';
import type { ChangeRecord } from '#shared/stream/change-records.ts';
import { declarationDeadlinesNow } from '#shared/services/declaration-service.ts';
import { incidentNow, medicalStorageNow } from '#shared/services/medical-clock-causes.ts';

type Image = Record<string, unknown>;
type Subject = Pick<Deadline, 'type' | 'subjectId'>;
export interface DeadlineChanges {
  put: Deadline[];
  drop: Subject[];
}

const divisionOf = async (partyId: string) => (await getParty(partyId))?.divisionCode ?? '';
const same = (a: Deadline, b: Deadline) => sameCause(a, b) && a.dueAt === b.dueAt;

/** A manifest's deadlines, with the receiver's licences read only when a load in flight depends on them. */
async function manifestNow(m: Manifest, s: AlertSettings): Promise<Deadline[]> {
  return manifestDeadlines(m, licencesAtStake(m).length ? await listLicences(m.receiverId) : [], s);
}

async function capacityNow(c: CapacityCounterLike, now: Date): Promise<Deadline[]> {
  const entry = (await getLicence(c.partyId, c.licenceId))?.wasteCodes.find((w) => w.code === c.entryCode);
  return capacityDeadlines(c, entry?.annualCapacityGrams, await divisionOf(c.partyId), now);
}

async function receivedLineNow(b: ReceivedLineLike, s: AlertSettings): Promise<Deadline[]> {
  const [licences, division] = await Promise.all([listLicences(b.holderId), divisionOf(b.holderId)]);
  return [...receivedLineDeadlines(b, holdsCollectionLicence(licences), division, s), ...medicalLineDeadlines(b, division, s)];
}

/** Every over-plan deadline of a party's year: the current plan against the year's dispatches (party flows). */
async function overPlanNow(partyId: string, year: number, now: Date): Promise<Deadline[]> {
  const [plan, flows, division] = await Promise.all([getCurrentPlan(partyId, year), partyFlows(partyId, `${year}-12`, `${year}-01`), divisionOf(partyId)]);
  return overPlanDeadlines(plan, flows, division, now);
}

type Watcher = (r: ChangeRecord, s: AlertSettings, now: Date) => Promise<DeadlineChanges>;

/** Rules read from the item itself: queue what the new image implies anew, drop what it no longer implies. */
const fromImages = (derive: (image: Image, s: AlertSettings, now: Date) => Promise<Deadline[]>): Watcher => async (r, s, now) => {
  const before = r.oldImage ? await derive(r.oldImage, s, now) : [];
  const after = r.newImage ? await derive(r.newImage, s, now) : [];
  return { put: after.filter((a) => !before.some((b) => same(a, b))), drop: before.filter((b) => !after.some((a) => sameCause(a, b))) };
};

/** Over-plan weighs a year's total against the plan, so both are read as they stand, for the codes a change touched. */
async function overPlanChanges(partyId: string, year: number, codes: readonly string[], now: Date): Promise<DeadlineChanges> {
  if (!codes.length) return { put: [], drop: [] };
  const current = await overPlanNow(partyId, year, now);
  const touched = codes.map((code): Subject => ({ type: 'over-plan', subjectId: overPlanSubject(partyId, year, code) }));
  return {
    put: current.filter((d) => touched.some((t) => sameCause(t, d))),
    drop: touched.filter((t) => !current.some((d) => sameCause(t, d))),
  };
}

const watchers: Record<string, Watcher> = {
  manifest: fromImages((m, s) => manifestNow(m as unknown as Manifest, s)),
  'ledger-entry': fromImages(async (e, s) => ledgerDeadlines(e as unknown as LedgerEntryLike, await divisionOf(e.partyId as string), s)),
  licence: fromImages(async (l, s) => licenceDeadlines(l as unknown as LicenceLike, await divisionOf(l.partyId as string), s)),
  capacity: fromImages((c, _s, now) => capacityNow(c as unknown as CapacityCounterLike, now)),
  'line-balance': fromImages((b, s) => receivedLineNow(b as unknown as ReceivedLineLike, s)),
  'approval-application': fromImages(async (a, s) => applicationDeadlines(a as unknown as ApplicationEntity, s)),
  // The stats consumer keeps a party's dispatched grams per month and code: a change of them may pass the plan.
  'party-flow': async (r, _s, now) => {
    const flow = r.newImage ?? r.oldImage!;
    const moved = r.newImage?.dispatchedGrams !== r.oldImage?.dispatchedGrams;
    return overPlanChanges(flow.partyId as string, Number((flow.month as string).slice(0, 4)), moved ? [flow.wasteCode as string] : [], now);
  },
  // A new plan version may raise, lower or drop any code's expected kilograms.
  plan: async (r, _s, now) => {
    const plan = r.newImage as unknown as PlanLike | undefined;
    if (!plan || r.oldImage) return { put: [], drop: [] };
    const current = await overPlanNow(plan.partyId, plan.year, now);
    const listed = plan.items.map((i): Subject => ({ type: 'over-plan', subjectId: overPlanSubject(plan.partyId, plan.year, i.wasteCode) }));
    return { put: current, drop: listed.filter((l) => !current.some((d) => sameCause(l, d))) };
  },
};

/** The deadlines a stream record queues and drops (none for items no rule reads). */
export function deadlineChanges(r: ChangeRecord, s: AlertSettings, now: Date): Promise<DeadlineChanges> {
  const watch = watchers[(r.newImage ?? r.oldImage)?.itemType as string];
  return watch ? watch(r, s, now) : Promise.resolve({ put: [], drop: [] });
}

type Cause = Pick<Deadline, 'type' | 'subjectId' | 'partyId' | 'divisionCode'>;
const manifestOf = async (d: Cause, s: AlertSettings) => {
  const m = await getManifest(d.subjectId);
  return m ? manifestNow(m, s) : [];
};

/** Per alert type, the deadlines its subject implies now: the job opens those still due and closes alerts with none. */
const causes: Record<AlertType, (d: Cause, s: AlertSettings, now: Date) => Promise<Deadline[]>> = {
  'overdue-receipt': manifestOf,
  'transit-overdue': manifestOf,
  'discrepancy-open': manifestOf,
  'licence-expired-in-flight': manifestOf,
  'medical-storage-exceeded': medicalStorageNow,
  'dispatched-not-picked-up': manifestOf,
  'incident-reported': incidentNow,
  'licence-expiring': async (d, s) => {
    const l = await getLicence(d.partyId, d.subjectId);
    return l ? licenceDeadlines(l, d.divisionCode, s) : [];
  },
  'declaration-overdue': (d) => declarationDeadlinesNow(d),
  'capacity-reached': async (d, _s, now) => {
    const c = await getCapacityCounter({ partyId: d.partyId, ...parseCapacitySubject(d.subjectId) });
    return c ? capacityNow(c, now) : [];
  },
  'over-plan': (d, _s, now) => {
    const { partyId, year } = parseOverPlanSubject(d.subjectId);
    return overPlanNow(partyId, year, now);
  },
  'application-review-overdue': async (d, s) => {
    const a = await getApplication(parseReviewSubject(d.subjectId));
    return a ? applicationDeadlines(a, s) : [];
  },
  'collector-holding-exceeded': async (d, s) => {
    const [b] = (await getLineBalances([parseReceivedLineSubject(d.subjectId)])).values();
    return b ? receivedLineNow(b, s) : [];
  },
};

export const currentDeadlines = (d: Cause, s: AlertSettings, now: Date): Promise<Deadline[]> => causes[d.type](d, s, now);
