// Where each alert's cause is read as it stands now, one entry per alert type: the alerts job's check before it opens an
// alert (a deadline may be stale) and while one is open (its cause may be gone). Deadlines are written by the write paths
// (deadline-writes.ts), a cross-province application's too; long-stop and off-corridor are opened by the track ingest
// as points show them. Nothing here reads the change stream.
import {
  capacityDeadlines,
  holdsCollectionLicence,
  ledgerDeadlines,
  licenceDeadlines,
  licencesAtStake,
  manifestDeadlines,
  medicalLineDeadlines,
  overPlanDeadlines,
  parseCapacitySubject,
  parseOverPlanSubject,
  parseReceivedLineSubject,
  receivedLineDeadlines,
  type AlertSettings,
  type AlertType,
  type CapacityCounterLike,
  type Deadline,
  type ReceivedLineLike,
} from '#shared/domain/alert-rules.ts';
import { applicationDeadlines, parseReviewSubject } from '#shared/domain/application/deadlines.ts';
import type { Flow } from '#shared/domain/declaration.ts';
import { parseLegSubject, trackDeadlines } from '#shared/domain/track-alert-rules.ts';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import { getApplication } from '#shared/store/application-store.ts';
import { getCapacityCounter } from '#shared/store/capacity-store.ts';
import { getEntry } from '#shared/store/ledger-store.ts';
import { getLineBalances } from '#shared/store/line-balance-store.ts';
import { getManifest } from '#shared/store/manifest-store.ts';
import { getLicence, getParty, allLicences } from '#shared/store/party-store.ts';
import { getCurrentPlan } from '#shared/store/plan-store.ts';
import { allStock } from '#shared/store/stock-store.ts';
import { getLegHead } from '#shared/store/track-store.ts';
import { incidentNow, medicalStorageNow } from '#shared/services/medical-clock-causes.ts';
import { declarationDeadlinesNow } from '#shared/services/declaration-deadlines.ts';

const divisionOf = async (partyId: string) => (await getParty(partyId))?.divisionCode ?? '';

/** A manifest's deadlines, with the receiver's licences read only when a load in flight depends on them. */
async function manifestNow(m: Manifest, s: AlertSettings): Promise<Deadline[]> {
  return manifestDeadlines(m, licencesAtStake(m).length ? await allLicences(m.receiverId) : [], s);
}

async function capacityNow(c: CapacityCounterLike, now: Date): Promise<Deadline[]> {
  const entry = (await getLicence(c.partyId, c.licenceId))?.wasteCodes.find((w) => w.code === c.entryCode);
  return capacityDeadlines(c, entry?.annualCapacityGrams, await divisionOf(c.partyId), now);
}

async function receivedLineNow(b: ReceivedLineLike, s: AlertSettings): Promise<Deadline[]> {
  const [licences, division] = await Promise.all([allLicences(b.holderId), divisionOf(b.holderId)]);
  return [
    ...receivedLineDeadlines(b, holdsCollectionLicence(licences), division, s),
    ...medicalLineDeadlines(b, division, s),
  ];
}

/** Every over-plan deadline of a party's year: the current plan against the year's dispatched grams, which the
 *  dispatches keep on the stock items in their own transactions (no stream consumer needs to have run). */
async function overPlanNow(partyId: string, year: number, now: Date): Promise<Deadline[]> {
  const [plan, stock, division] = await Promise.all([
    getCurrentPlan(partyId, year),
    allStock(partyId),
    divisionOf(partyId),
  ]);
  const dispatched = stock.map(
    (st) =>
      ({ month: `${year}-01`, wasteCode: st.wasteCode, grams: { dispatched: st.dispatchedByYear[year] ?? 0 } }) as Flow,
  );
  return overPlanDeadlines(plan, dispatched, division, now);
}

type Cause = Pick<Deadline, 'type' | 'subjectId' | 'partyId' | 'divisionCode'>;
const manifestOf = async (d: Cause, s: AlertSettings) => {
  const m = await getManifest(d.subjectId);
  return m ? manifestNow(m, s) : [];
};

const ledgerEntryOf = async (d: Cause, s: AlertSettings) => {
  const e = await getEntry(d.partyId, d.subjectId);
  return e ? ledgerDeadlines(e, d.divisionCode, s) : [];
};

/** A leg's track causes now: the manifest (is the leg still on the road?) and its head. */
const trackOf = async (d: Cause, s: AlertSettings) => {
  const { manifestId, leg } = parseLegSubject(d.subjectId);
  const [m, head] = await Promise.all([getManifest(manifestId), getLegHead(manifestId, leg)]);
  return m ? trackDeadlines(m, leg, head, s.track) : [];
};

/** Per alert type, the deadlines its subject implies now: the job opens those still due and closes alerts with none. */
const causes: Record<AlertType, (d: Cause, s: AlertSettings, now: Date) => Promise<Deadline[]>> = {
  'overdue-receipt': manifestOf,
  'transit-overdue': manifestOf,
  'discrepancy-open': manifestOf,
  'licence-expired-in-flight': manifestOf,
  'medical-storage-exceeded': medicalStorageNow,
  'identification-overdue': ledgerEntryOf,
  'dispatched-not-picked-up': manifestOf,
  'incident-reported': incidentNow,
  'long-stop': trackOf,
  'off-corridor': trackOf,
  'track-silent': trackOf,
  'application-review-overdue': async (d, s) => {
    const a = await getApplication(parseReviewSubject(d.subjectId));
    return a ? applicationDeadlines(a, s) : [];
  },
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
  'collector-holding-exceeded': async (d, s) => {
    const [b] = (await getLineBalances([parseReceivedLineSubject(d.subjectId)])).values();
    return b ? receivedLineNow(b, s) : [];
  },
};

export const currentDeadlines = (d: Cause, s: AlertSettings, now: Date): Promise<Deadline[]> =>
  causes[d.type](d, s, now);
