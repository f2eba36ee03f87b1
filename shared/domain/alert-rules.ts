// When each alert of domain.md falls due, derived from an item as it stands (pure: the stream consumer and the
// alerts job both call these; time and the working calendar are passed in).
import { addDays, startOfLocalDay } from './calendar.ts';
import { workingDayDeadline, type WorkingCalendar } from './working-days.ts';
import type { Manifest } from './manifest/manifest.ts';

export const ALERT_TYPES = [
  'overdue-receipt', 'transit-overdue', 'discrepancy-open', 'medical-storage-exceeded', 'collector-holding-exceeded',
  'capacity-reached', 'over-plan', 'declaration-overdue', 'licence-expiring', 'licence-expired-in-flight',
] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

export interface AlertSettings {
  timeZone: string;
  calendar: WorkingCalendar;
  transitOverdueHours: number;
  medicalStorageHours: number;
}

/** A cause that becomes an alert if it still holds at `dueAt`. `subjectId` with `type` names it once and for all. */
export interface Deadline {
  type: AlertType;
  subjectId: string;
  partyId: string;
  divisionCode: string;
  manifestId?: string;
  dueAt: string;
}

const HOUR = 3600_000;

export function manifestDeadlines(m: Manifest, s: AlertSettings): Deadline[] {
  const deadlines: Deadline[] = [];
  const base = { subjectId: m.id, manifestId: m.id };
  const lastCarrierHasIt = m.status === 'in_transit' && m.legs.length === m.transporterIds.length;
  if (m.status === 'in_transit' && m.legs[0]) {
    // Waste on the road that never arrives is what illegal dumping looks like (domain.md rule 13).
    deadlines.push({ ...base, type: 'transit-overdue', partyId: m.legs.at(-1)!.transporterId, divisionCode: m.generatorDivision, dueAt: new Date(Date.parse(m.legs[0].pickedUpAt) + s.transitOverdueHours * HOUR).toISOString() });
  }
  if (m.status === 'delivered' || lastCarrierHasIt) {
    const from = m.status === 'delivered' ? (m.deliveredAt ?? m.updatedAt) : m.legs.at(-1)!.pickedUpAt;
    deadlines.push({ ...base, type: 'overdue-receipt', partyId: m.receiverId, divisionCode: m.receiverDivision, dueAt: workingDayDeadline(new Date(from), 5, s.timeZone, s.calendar).toISOString() });
  }
  if (m.discrepancy?.status === 'open' && m.receivedAt) {
    deadlines.push({ ...base, type: 'discrepancy-open', partyId: m.generatorId, divisionCode: m.generatorDivision, dueAt: new Date(Date.parse(m.receivedAt) + 15 * 24 * HOUR).toISOString() });
  }
  return deadlines;
}

export interface LedgerEntryLike {
  id: string;
  partyId: string;
  kind: string;
  wasteCode: string;
  at: string;
  remainingGrams?: number;
  voided?: unknown;
}

/** Medical waste may be kept at most 48 hours from generation (YT 17): a generated HW01 batch still open then. */
export function ledgerDeadlines(e: LedgerEntryLike, divisionCode: string, s: AlertSettings): Deadline[] {
  const open = e.kind === 'generated' && e.wasteCode.endsWith('-01') && !e.voided && (e.remainingGrams ?? 0) > 0;
  return open ? [{ type: 'medical-storage-exceeded', subjectId: e.id, partyId: e.partyId, divisionCode, dueAt: new Date(Date.parse(e.at) + s.medicalStorageHours * HOUR).toISOString() }] : [];
}

export interface LicenceLike {
  id: string;
  partyId: string;
  status: string;
  validTo: string;
}

/** A verified licence raises `licence-expiring` 30 days before it ends. */
export function licenceDeadlines(l: LicenceLike, divisionCode: string, s: AlertSettings): Deadline[] {
  if (l.status !== 'verified') return [];
  return [{ type: 'licence-expiring', subjectId: l.id, partyId: l.partyId, divisionCode, dueAt: startOfLocalDay(addDays(l.validTo, -30), s.timeZone).toISOString() }];
}

/** Whether a deadline still holds for the item as it stands now (the alert opens, or stays open). */
export function stillDue(deadline: Deadline, current: Deadline[], now: Date): boolean {
  return current.some((d) => d.type === deadline.type && d.subjectId === deadline.subjectId && Date.parse(d.dueAt) <= now.getTime());
}
