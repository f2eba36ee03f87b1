// What the alerts job reads for the medical clock (rule 23) and for incidents (rule 28): the grams still waiting
// for a truck (drawn by manifests no carrier has picked up), and whether an incident is still open.
import {
  ledgerDeadlines,
  medicalLineDeadlines,
  parseReceivedLineSubject,
  type AlertSettings,
  type Deadline,
  type LedgerEntryLike,
  type ReceivedLineLike,
} from '#shared/domain/alert-rules.ts';
import { subjectParts } from '#shared/domain/alert-subject.ts';
import { alertedDivisions, type Incident } from '#shared/domain/manifest/incidents.ts';
import { getIncident } from '#shared/store/incident-store.ts';
import { getEntry } from '#shared/store/ledger-store.ts';
import { getLineBalances } from '#shared/store/line-balance-store.ts';
import { getManifests } from '#shared/store/manifest-store.ts';

/** Not yet picked up: no carrier has signed (a cancelled manifest gives its draws back, so it is not among them). */
const waiting = (m: { legs: unknown[]; status: string }) => m.legs.length === 0 && m.status !== 'cancelled';

/** A batch's grams on manifests not yet picked up. */
async function batchWaitingGrams(e: LedgerEntryLike): Promise<number> {
  const draws = Object.entries(e.draws ?? {});
  if (!draws.length) return 0;
  const manifests = await getManifests(draws.map(([id]) => id));
  return draws.reduce((sum, [id, grams]) => {
    const m = manifests.get(id);
    return sum + (m && waiting(m) ? grams : 0);
  }, 0);
}

/** A received line's onward manifests not yet picked up (a count: only whether any is waiting matters). */
async function lineWaitingCount(b: ReceivedLineLike): Promise<number> {
  const ids = [...(b.onwardManifestIds ?? [])];
  if (!ids.length) return 0;
  return [...(await getManifests(ids)).values()].filter(waiting).length;
}

/** The medical clock of a subject as it stands: a ledger batch (its id), or a received line (`manifestId/lineNo`). */
export async function medicalStorageNow(
  d: Pick<Deadline, 'subjectId' | 'partyId' | 'divisionCode'>,
  s: AlertSettings,
): Promise<Deadline[]> {
  if (d.subjectId.includes('/')) {
    const [b] = (await getLineBalances([parseReceivedLineSubject(d.subjectId)])).values();
    return b ? medicalLineDeadlines(b, d.divisionCode, s, await lineWaitingCount(b)) : [];
  }
  const e = await getEntry(d.partyId, d.subjectId);
  return e ? ledgerDeadlines(e, d.divisionCode, s, await batchWaitingGrams(e)) : [];
}

export const incidentAlertSubject = (incidentId: string, divisionCode: string) => `${incidentId}/${divisionCode}`;

/** The incident-reported alerts an incident implies: one per alerted division while it is open (due at its report). */
export function incidentDeadlines(i: Incident): Deadline[] {
  if (i.status !== 'open') return [];
  return alertedDivisions(i).map((divisionCode) => ({
    type: 'incident-reported',
    subjectId: incidentAlertSubject(i.id, divisionCode),
    partyId: i.partyId,
    divisionCode,
    manifestId: i.manifestId,
    dueAt: i.reportedAt,
  }));
}

export async function incidentNow(d: Pick<Deadline, 'subjectId'>): Promise<Deadline[]> {
  const [incidentId] = subjectParts(d.subjectId, 1);
  const incident = await getIncident(incidentId);
  return incident ? incidentDeadlines(incident) : [];
}
