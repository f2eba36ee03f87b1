// When each alert of domain.md falls due, derived from an item as it stands (pure: the stream consumer and the
// alerts job both call these; time and the working calendar are passed in).
import { addDays, startOfLocalDay } from '#shared/domain/calendar.ts';
import { subjectParts } from '#shared/domain/alert-subject.ts';
import { must } from '#shared/must.ts';
import { workingDayDeadline, type WorkingCalendar } from '#shared/domain/working-days.ts';
import type { Flow } from '#shared/domain/declaration.ts';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import { TRACK_ALERT_TYPES, trackSilentDeadlines } from '#shared/domain/track-alert-rules.ts';
import type { TrackSettings } from '#shared/domain/track-rules.ts';

export const ALERT_TYPES = [
  'overdue-receipt',
  'transit-overdue',
  'discrepancy-open',
  'medical-storage-exceeded',
  'collector-holding-exceeded',
  'capacity-reached',
  'over-plan',
  'declaration-overdue',
  'licence-expiring',
  'licence-expired-in-flight',
  'application-review-overdue',
  'identification-overdue',
  'dispatched-not-picked-up',
  'incident-reported',
  ...TRACK_ALERT_TYPES,
] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

export interface AlertSettings {
  timeZone: string;
  calendar: WorkingCalendar;
  transitOverdueHours: number;
  /** Rule 23: hours medical waste may be kept, by default and per province (2-digit code) where configured. */
  medicalStorageHours: number;
  medicalStorageHoursByProvince?: Readonly<Record<string, number>>;
  track: TrackSettings;
  /** Rule 29: how long waste may stay pending identification (default 90 days). */
  identificationOverdueDays: number;
}

/** The medical storage limit where the waste is held. */
export const medicalStorageHoursIn = (s: AlertSettings, divisionCode: string): number =>
  s.medicalStorageHoursByProvince?.[divisionCode.slice(0, 2)] ?? s.medicalStorageHours;

/** HW01, medical waste (its codes end in the category, 01). */
export const isMedicalCode = (wasteCode: string) => wasteCode.endsWith('-01');

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
/** A collection licence holder passes received waste on within 90 working days of receipt (rule 21, XK 20). */
const COLLECTOR_HOLDING_WORKING_DAYS = 90;
/** A dispatched manifest with no pickup this long after its plannedPickupAt opens dispatched-not-picked-up. */
const DISPATCHED_NOT_PICKED_UP_HOURS = 24;
/** On its way to the receiver: signed out and not yet received, rejected or cancelled. */
const IN_FLIGHT: readonly string[] = ['dispatched', 'in_transit', 'delivered'];

/** The receiver licences a load in flight depends on: those its dispatch committed capacity against. */
export function licencesAtStake(m: Manifest): string[] {
  return IN_FLIGHT.includes(m.status) ? [...new Set((m.taken?.capacity ?? []).map((c) => c.licenceId))] : [];
}

/** `receiverLicences`: the receiver's licences (read only when `licencesAtStake` names some). */
export function manifestDeadlines(
  m: Manifest,
  receiverLicences: readonly Pick<LicenceLike, 'id' | 'validTo'>[],
  s: AlertSettings,
): Deadline[] {
  const deadlines: Deadline[] = [];
  const base = { subjectId: m.id, manifestId: m.id };
  const [firstLeg, lastLeg] = [m.legs[0], m.legs.at(-1)];
  const lastCarrierHasIt = m.status === 'in_transit' && m.legs.length === m.transporterIds.length;
  if (m.status === 'in_transit' && firstLeg && lastLeg) {
    // Waste on the road that never arrives is what illegal dumping looks like (domain.md rule 13).
    deadlines.push({
      ...base,
      type: 'transit-overdue',
      partyId: lastLeg.transporterId,
      divisionCode: m.generatorDivision,
      dueAt: new Date(Date.parse(firstLeg.pickedUpAt) + s.transitOverdueHours * HOUR).toISOString(),
    });
  }
  if (m.status === 'delivered' || lastCarrierHasIt) {
    const from =
      m.status === 'delivered'
        ? (m.deliveredAt ?? m.updatedAt)
        : must(lastLeg, `manifest ${m.id} in transit has a leg`).pickedUpAt;
    deadlines.push({
      ...base,
      type: 'overdue-receipt',
      partyId: m.receiverId,
      divisionCode: m.receiverDivision,
      dueAt: workingDayDeadline(new Date(from), 5, s.timeZone, s.calendar).toISOString(),
    });
  }
  if (m.discrepancy?.status === 'open' && m.receivedAt) {
    deadlines.push({
      ...base,
      type: 'discrepancy-open',
      partyId: m.generatorId,
      divisionCode: m.generatorDivision,
      dueAt: new Date(Date.parse(m.receivedAt) + 15 * 24 * HOUR).toISOString(),
    });
  }
  if (m.status === 'dispatched' && m.plannedPickupAt) {
    // Signed out but no truck came: the generator still holds the load (its party names the alert).
    deadlines.push({
      ...base,
      type: 'dispatched-not-picked-up',
      partyId: m.generatorId,
      divisionCode: m.generatorDivision,
      dueAt: new Date(Date.parse(m.plannedPickupAt) + DISPATCHED_NOT_PICKED_UP_HOURS * HOUR).toISOString(),
    });
  }
  const atStake = licencesAtStake(m);
  const lapses = receiverLicences
    .filter((l) => atStake.includes(l.id))
    .map((l) => l.validTo)
    .sort()[0];
  if (lapses) {
    // A licence is valid through its validTo; a renewal is a new licence, so the load still left under this one.
    const dueAt = startOfLocalDay(addDays(lapses, 1), s.timeZone).toISOString();
    deadlines.push({
      ...base,
      type: 'licence-expired-in-flight',
      partyId: m.receiverId,
      divisionCode: m.receiverDivision,
      dueAt,
    });
  }
  // Set at pickup; later the alerts job re-arms it from the leg's last point (track writes never move it).
  deadlines.push(...trackSilentDeadlines(m, undefined, s.track));
  return deadlines;
}

export interface LedgerEntryLike {
  id: string;
  partyId: string;
  kind: string;
  wasteCode: string;
  at: string;
  remainingGrams?: number;
  draws?: Record<string, number>;
  voided?: unknown;
  identification?: unknown;
}

/** Medical waste may be kept at most 48 hours from generation (YT 17; rule 23): a generated HW01 batch with grams not
 *  yet picked up then. A dispatch does not stop the clock, a pickup does: `waitingGrams` are the grams drawn by
 *  manifests no carrier has picked up yet; left out (a write path, which reads no manifests), every draw counts, and
 *  the job weighs the real ones when the deadline falls due. Waste pending identification may stay so at most the
 *  configured days (rule 29): an entry not yet identified. */
export function ledgerDeadlines(
  e: LedgerEntryLike,
  divisionCode: string,
  s: AlertSettings,
  waitingGrams?: number,
): Deadline[] {
  const base = { subjectId: e.id, partyId: e.partyId, divisionCode };
  if (e.kind === 'pending-identification') {
    return e.voided || e.identification
      ? []
      : [
          {
            ...base,
            type: 'identification-overdue',
            dueAt: new Date(Date.parse(e.at) + s.identificationOverdueDays * 24 * HOUR).toISOString(),
          },
        ];
  }
  const drawn = Object.values(e.draws ?? {}).reduce((a, b) => a + b, 0);
  const held = (e.remainingGrams ?? 0) + (waitingGrams ?? drawn);
  const open = e.kind === 'generated' && isMedicalCode(e.wasteCode) && !e.voided && held > 0;
  return open
    ? [
        {
          ...base,
          type: 'medical-storage-exceeded',
          dueAt: new Date(Date.parse(e.at) + medicalStorageHoursIn(s, divisionCode) * HOUR).toISOString(),
        },
      ]
    : [];
}

export interface LicenceLike {
  id: string;
  partyId: string;
  type: string;
  status: string;
  validTo: string;
}

/** A verified licence raises `licence-expiring` 30 days before it ends. */
export function licenceDeadlines(l: LicenceLike, divisionCode: string, s: AlertSettings): Deadline[] {
  if (l.status !== 'verified') return [];
  return [
    {
      type: 'licence-expiring',
      subjectId: l.id,
      partyId: l.partyId,
      divisionCode,
      dueAt: startOfLocalDay(addDays(l.validTo, -30), s.timeZone).toISOString(),
    },
  ];
}

export interface CapacityCounterLike {
  partyId: string;
  year: number;
  licenceId: string;
  entryCode: string;
  committedGrams: number;
}

/** Names one capacity counter (its licence id is unique, so the receiver need not be part of it). */
export const capacitySubject = (c: Pick<CapacityCounterLike, 'licenceId' | 'entryCode' | 'year'>) =>
  `${c.licenceId}/${c.entryCode}/${c.year}`;
export function parseCapacitySubject(subjectId: string): Pick<CapacityCounterLike, 'licenceId' | 'entryCode' | 'year'> {
  const [licenceId, entryCode, year] = subjectParts(subjectId, 3);
  return { licenceId, entryCode, year: Number(year) };
}

/** Rule 4: committed kilograms past 100% of the licence entry's annual capacity, due at once (`now`: the change). */
export function capacityDeadlines(
  c: CapacityCounterLike,
  annualCapacityGrams: number | undefined,
  divisionCode: string,
  now: Date,
): Deadline[] {
  if (annualCapacityGrams === undefined || (c.committedGrams ?? 0) <= annualCapacityGrams) return [];
  return [
    {
      type: 'capacity-reached',
      subjectId: capacitySubject(c),
      partyId: c.partyId,
      divisionCode,
      dueAt: now.toISOString(),
    },
  ];
}

export interface PlanLike {
  partyId: string;
  year: number;
  items: readonly { wasteCode: string; expectedGrams: number }[];
}

export const overPlanSubject = (partyId: string, year: number, wasteCode: string) => `${partyId}/${year}/${wasteCode}`;
export function parseOverPlanSubject(subjectId: string): { partyId: string; year: number } {
  const [partyId, year] = subjectParts(subjectId, 2);
  return { partyId, year: Number(year) };
}

/** Rule 7: a code dispatched in the plan's year beyond its expected kilograms (a code the plan dropped expects 0), due
 *  at once. `flows`: the party's flows of that year, whose `dispatched` counts what left its stock (replacements,
 *  which need no plan, draw on no stock). No plan filed: nothing to compare with (dispatch was refused). */
export function overPlanDeadlines(
  plan: PlanLike | undefined,
  flows: readonly Flow[],
  divisionCode: string,
  now: Date,
): Deadline[] {
  if (!plan) return [];
  const dispatched = new Map<string, number>();
  for (const f of flows)
    if (f.month.startsWith(`${plan.year}-`))
      dispatched.set(f.wasteCode, (dispatched.get(f.wasteCode) ?? 0) + (f.grams.dispatched ?? 0));
  const expected = new Map(plan.items.map((i) => [i.wasteCode, i.expectedGrams]));
  return [...dispatched]
    .filter(([code, grams]) => grams > (expected.get(code) ?? 0))
    .map(
      ([code]): Deadline => ({
        type: 'over-plan',
        subjectId: overPlanSubject(plan.partyId, plan.year, code),
        partyId: plan.partyId,
        divisionCode,
        dueAt: now.toISOString(),
      }),
    );
}

export interface ReceivedLineLike {
  manifestId: string;
  lineNo: number;
  holderId: string;
  availableAcceptedGrams: number;
  receivedAt: string;
  wasteCode?: string;
  availableRejectedGrams?: number;
  onwardManifestIds?: Iterable<string>;
}

/** Rule 23 at a receiver of HW01: its accepted and rejected grams of a received line, from receipt until picked up on
 *  or disposed of. `waitingGrams` as for batches: grams on onward manifests not yet picked up (left out: any onward
 *  manifest counts, and the job looks). */
export function medicalLineDeadlines(
  b: ReceivedLineLike,
  divisionCode: string,
  s: AlertSettings,
  waitingGrams?: number,
): Deadline[] {
  if (!b.wasteCode || !isMedicalCode(b.wasteCode)) return [];
  const held =
    b.availableAcceptedGrams +
    (b.availableRejectedGrams ?? 0) +
    (waitingGrams ?? [...(b.onwardManifestIds ?? [])].length);
  if (held <= 0) return [];
  const dueAt = new Date(Date.parse(b.receivedAt) + medicalStorageHoursIn(s, divisionCode) * HOUR).toISOString();
  return [
    {
      type: 'medical-storage-exceeded',
      subjectId: receivedLineSubject(b),
      manifestId: b.manifestId,
      partyId: b.holderId,
      divisionCode,
      dueAt,
    },
  ];
}

export const receivedLineSubject = (b: Pick<ReceivedLineLike, 'manifestId' | 'lineNo'>) =>
  `${b.manifestId}/${b.lineNo}`;
export function parseReceivedLineSubject(subjectId: string): Pick<ReceivedLineLike, 'manifestId' | 'lineNo'> {
  const [manifestId, lineNo] = subjectParts(subjectId, 2);
  return { manifestId, lineNo: Number(lineNo) };
}

/** The party holds a verified collection licence (收集经营许可证). */
export const holdsCollectionLicence = (licences: readonly Pick<LicenceLike, 'type' | 'status'>[]) =>
  licences.some((l) => l.type === 'hazardous-waste-collection' && l.status === 'verified');

/** Rule 21: accepted kilograms of a received line a collection licence holder has not shipped on (nor disposed of). */
export function receivedLineDeadlines(
  b: ReceivedLineLike,
  holderCollects: boolean,
  divisionCode: string,
  s: AlertSettings,
): Deadline[] {
  if (!holderCollects || b.availableAcceptedGrams <= 0) return [];
  const dueAt = workingDayDeadline(
    new Date(b.receivedAt),
    COLLECTOR_HOLDING_WORKING_DAYS,
    s.timeZone,
    s.calendar,
  ).toISOString();
  return [
    {
      type: 'collector-holding-exceeded',
      subjectId: receivedLineSubject(b),
      manifestId: b.manifestId,
      partyId: b.holderId,
      divisionCode,
      dueAt,
    },
  ];
}

/** Whether two deadlines (or alerts) name the same cause: one alert per type and subject. */
export const sameCause = (a: Pick<Deadline, 'type' | 'subjectId'>, b: Pick<Deadline, 'type' | 'subjectId'>) =>
  a.type === b.type && a.subjectId === b.subjectId;

/** Whether a deadline still holds for the item as it stands now (the alert opens, or stays open). */
export function stillDue(deadline: Deadline, current: Deadline[], now: Date): boolean {
  return current.some((d) => sameCause(d, deadline) && Date.parse(d.dueAt) <= now.getTime());
}
