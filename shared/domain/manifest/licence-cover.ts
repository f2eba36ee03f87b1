// Which licence entry lets a receiver take a line (domain.md rules 3, 5, 24), and which carrier licences count.
import { dateWithin } from '#shared/domain/calendar.ts';
import { categoryOf } from '#shared/reference/catalogue.ts';
import type { MedicalCategory } from '#shared/reference/catalogue.ts';

export interface LicenceLike {
  id: string;
  type: string;
  operations: readonly string[];
  wasteCodes: readonly { code: string; annualCapacityGrams: number }[];
  validFrom: string;
  validTo: string;
  status: string;
}

export interface CoveringEntry {
  licenceId: string;
  entryCode: string;
  annualCapacityGrams: number;
}

/** Only verified, unrevoked licences valid on the day count. */
export const validOnDay = (l: LicenceLike, day: string) =>
  l.status === 'verified' && dateWithin(day, l.validFrom, l.validTo);

/** Medical waste that may also go to receivers licensed for another category (rule 24). */
const MEDICAL_ALTERNATES: Partial<Record<MedicalCategory, string>> = { pharmaceutical: 'HW03', chemical: 'HW49' };

const entryCategory = (entryCode: string) => (entryCode.startsWith('HW') ? entryCode : categoryOf(entryCode));

/** The licence entry that covers the line on the day: its exact code first, then its category, then a medical alternate. */
export function coveringEntry(
  licences: readonly LicenceLike[],
  line: { wasteCode: string; medicalCategory?: MedicalCategory | undefined },
  day: string,
): CoveringEntry | undefined {
  const usable = licences.filter((l) => l.type !== 'transport' && l.operations.length > 0 && validOnDay(l, day));
  const alternate = line.medicalCategory && MEDICAL_ALTERNATES[line.medicalCategory];
  const tests: ((entryCode: string) => boolean)[] = [
    (e) => e === line.wasteCode,
    (e) => e === categoryOf(line.wasteCode),
    ...(alternate ? [(e: string) => entryCategory(e) === alternate] : []),
  ];
  for (const matches of tests) {
    for (const l of usable) {
      const entry = l.wasteCodes.find((w) => matches(w.code));
      if (entry) return { licenceId: l.id, entryCode: entry.code, annualCapacityGrams: entry.annualCapacityGrams };
    }
  }
  return undefined;
}

export const holdsTransportLicence = (licences: readonly LicenceLike[], day: string) =>
  licences.some((l) => l.type === 'transport' && validOnDay(l, day));

/** Refused when committed would pass 120% of the annual capacity, where re-licensing is due (rule 4). */
export const capacityLimitGrams = (annualCapacityGrams: number) => Math.floor((annualCapacityGrams * 12) / 10);
