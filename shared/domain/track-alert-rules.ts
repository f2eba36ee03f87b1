// Rule 27's alerts from a leg's summary (pure): long-stop and off-corridor hold while the summary says so; track-silent
// falls due a fixed time after the leg's last point (or its pickup), and only the alerts job moves that deadline.
import type { TrackSettings } from '#shared/domain/track-rules.ts';
import { subjectParts } from '#shared/domain/alert-subject.ts';
import type { Deadline } from '#shared/domain/alert-rules.ts';
import { legOf, type Manifest } from '#shared/domain/manifest/manifest.ts';
import type { Findings, LegSummary } from '#shared/domain/track-rules.ts';
import { defined } from '#shared/defined.ts';

const HOUR = 3_600_000;
export const TRACK_ALERT_TYPES = ['long-stop', 'off-corridor', 'track-silent'] as const;

/** One subject per manifest leg: each leg's causes are its own alerts. */
export const legSubject = (manifestId: string, leg: number) => `${manifestId}/${leg}`;
export function parseLegSubject(subjectId: string): { manifestId: string; leg: number } {
  const [manifestId, leg] = subjectParts(subjectId, 2);
  return { manifestId, leg: Number(leg) };
}

/** The leg on the road now (1-based), or undefined when the manifest is not in transit. */
export const currentLeg = (m: Pick<Manifest, 'status' | 'legs'>) =>
  m.status === 'in_transit' && m.legs.length > 0 ? m.legs.length : undefined;

const base = (m: Manifest, leg: number) => ({
  subjectId: legSubject(m.id, leg),
  manifestId: m.id,
  partyId: legOf(m, leg).transporterId,
  divisionCode: m.generatorDivision,
});

/** track-silent: due `silentHours` after the later of the leg's pickup and its last point (none given: at pickup). */
export function trackSilentDeadlines(
  m: Manifest,
  lastAt: string | undefined,
  s: Pick<TrackSettings, 'silentHours'>,
): Deadline[] {
  const leg = currentLeg(m);
  if (!leg) return [];
  const pickedUpAt = legOf(m, leg).pickedUpAt;
  const from = lastAt && lastAt > pickedUpAt ? lastAt : pickedUpAt;
  return [
    { ...base(m, leg), type: 'track-silent', dueAt: new Date(Date.parse(from) + s.silentHours * HOUR).toISOString() },
  ];
}

/** A leg's head as stored: its summary with whom its alerts name (the carrier; the generator's division). */
export interface HeadLike extends LegSummary {
  manifestId: string;
  leg: number;
  partyId: string;
  divisionCode: string;
}

/** Long-stop and off-corridor as the head's summary stands (due when each began to hold). */
export function headDeadlines(h: HeadLike, s: Pick<TrackSettings, 'longStopHours'>): Deadline[] {
  const base = {
    subjectId: legSubject(h.manifestId, h.leg),
    manifestId: h.manifestId,
    partyId: h.partyId,
    divisionCode: h.divisionCode,
  };
  const deadlines: Deadline[] = [];
  if (h.longStopSince)
    deadlines.push({
      ...base,
      type: 'long-stop',
      dueAt: new Date(Date.parse(h.longStopSince) + s.longStopHours * HOUR).toISOString(),
    });
  if (h.offCorridorSince) deadlines.push({ ...base, type: 'off-corridor', dueAt: h.offCorridorSince });
  return deadlines;
}

/** The head's causes while its leg is the one on the road. */
export function summaryDeadlines(
  m: Manifest,
  leg: number,
  summary: LegSummary,
  s: Pick<TrackSettings, 'longStopHours'>,
): Deadline[] {
  if (currentLeg(m) !== leg) return [];
  return headDeadlines({ ...summary, ...legParty(m, leg) }, s);
}

/** Whom a leg's alerts name. */
export const legParty = (m: Manifest, leg: number) => ({
  manifestId: m.id,
  leg,
  partyId: legOf(m, leg).transporterId,
  divisionCode: m.generatorDivision,
});

/** Every track cause of the manifest's current leg now: what the alerts job opens or keeps open. */
export function trackDeadlines(
  m: Manifest,
  leg: number,
  summary: LegSummary | undefined,
  s: Pick<TrackSettings, 'longStopHours' | 'silentHours'>,
): Deadline[] {
  if (currentLeg(m) !== leg) return [];
  return [...trackSilentDeadlines(m, summary?.lastAt, s), ...(summary ? summaryDeadlines(m, leg, summary, s) : [])];
}

/** What arriving points showed, as alerts to open at once (even if over by the call's last point). */
export function findingDeadlines(
  m: Manifest,
  leg: number,
  findings: Findings,
  s: Pick<TrackSettings, 'longStopHours'>,
): Deadline[] {
  return headDeadlines(
    {
      points: 0,
      ...legParty(m, leg),
      ...defined({ longStopSince: findings.longStop?.since, offCorridorSince: findings.offCorridorAt }),
    },
    s,
  );
}
