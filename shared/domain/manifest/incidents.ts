// Incidents in transit (domain.md rules 19, 28): lost kilograms per line, the LOSS_EXCEEDED check, a load lost
// whole, and the divisions an incident alerts. Pure: the service reads and writes.
import { AppError, type FieldError } from '#shared/errors.ts';
import type { IncidentRef, Manifest, ManifestLine } from '#shared/domain/manifest/manifest.ts';

export const INCIDENT_TYPES = ['spill', 'leak', 'loss', 'theft', 'collision', 'fire', 'other'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** Every incident adds items to the manifest's transactions (alerts, the incident): a bound keeps them small. */
export const MAX_INCIDENTS = 20;

export interface Incident {
  id: string;
  manifestId: string;
  manifestNumber: string;
  /** The party that reported it (the carrier of the current leg, or the receiver of a delivered load). */
  partyId: string;
  type: IncidentType;
  at: string;
  lat?: number;
  lon?: number;
  divisionCode: string;
  lines: { lineNo: number; grams: number }[];
  description: string;
  measures: string;
  status: 'open' | 'closed';
  reportedAt: string;
  reportedBy: string;
  /** The manifest's ends, so visibility and alerts need no second read. */
  generatorDivision: string;
  receiverDivision: string;
  closedAt?: string;
  closedBy?: string;
  closeNote?: string;
  version: number;
}

const incidentsOf = (m: Pick<Manifest, 'incidents'>): IncidentRef[] => m.incidents ?? [];

/** Grams lost on a line in every incident reported on the manifest. */
export const lostGrams = (m: Pick<Manifest, 'incidents'>, lineNo: number): number =>
  incidentsOf(m).reduce(
    (sum, i) => sum + i.lines.filter((l) => l.lineNo === lineNo).reduce((s, l) => s + l.grams, 0),
    0,
  );

export const openIncidents = (m: Pick<Manifest, 'incidents'>): IncidentRef[] =>
  incidentsOf(m).filter((i) => i.status === 'open');

/** A load lost whole: on every line, lost grams equal the line's quantity (rule 19). */
export const lostWhole = (m: Pick<Manifest, 'incidents' | 'lines'>): boolean =>
  m.lines.every((l) => lostGrams(m, l.lineNo) === l.grams);

/** The incident's lines, checked against the manifest: each line once, on the manifest, and with earlier incidents
 *  no more lost than its quantity (400 for a line that is not there, 422 LOSS_EXCEEDED past the quantity). */
export function checkLosses(
  m: Pick<Manifest, 'incidents' | 'lines'>,
  lines: readonly { lineNo: number; grams: number }[],
): void {
  const shape: FieldError[] = [];
  const seen = new Set<number>();
  lines.forEach((l, i) => {
    if (!m.lines.some((ml) => ml.lineNo === l.lineNo))
      shape.push({ path: `lines.${i}.lineNo`, message: `the manifest has no line ${l.lineNo}` });
    else if (seen.has(l.lineNo)) shape.push({ path: `lines.${i}.lineNo`, message: `line ${l.lineNo} is named twice` });
    seen.add(l.lineNo);
  });
  if (shape.length) throw new AppError('VALIDATION_FAILED', 'Each lost line names a line of the manifest once', shape);
  const exceeded = lines.flatMap((l, i) => {
    const line = m.lines.find((ml) => ml.lineNo === l.lineNo) as ManifestLine;
    const before = lostGrams(m, l.lineNo);
    return before + l.grams > line.grams
      ? [
          {
            path: `lines.${i}.lostKg`,
            message: `line ${l.lineNo} carries ${line.grams / 1000} kg, ${before / 1000} kg of it already reported lost`,
          },
        ]
      : [];
  });
  if (exceeded.length)
    throw new AppError(
      'LOSS_EXCEEDED',
      "An incident's lost kilograms (with earlier incidents) pass a line's quantity",
      exceeded,
    );
}

const city = (division: string) => division.slice(0, 4);

/** The divisions that get an `incident-reported` alert: where it happened, and the generator's and the receiver's
 *  divisions when they lie in another city (rule 28). */
export function alertedDivisions(
  i: Pick<Incident, 'divisionCode' | 'generatorDivision' | 'receiverDivision'>,
): string[] {
  const divisions = [i.divisionCode];
  for (const end of [i.generatorDivision, i.receiverDivision]) {
    if (city(end) !== city(i.divisionCode) && !divisions.includes(end)) divisions.push(end);
  }
  return divisions;
}

export const incidentRef = (i: Incident): IncidentRef => ({
  id: i.id,
  status: i.status,
  divisionCode: i.divisionCode,
  lines: i.lines,
});
