// Cross-province transfer approvals (跨省转移审批, ZY 21–28; domain.md rule 16): who issues them, how long they last.
import { AppError, validationFailed } from '#shared/errors.ts';
import { addDays, dateParts } from '#shared/domain/calendar.ts';
import { covers, type Actor } from '#shared/domain/jurisdiction.ts';
import { MEDICAL_CATEGORIES, type MedicalCategory } from '#shared/reference/catalogue.ts';
import { provinceOf } from '#shared/reference/divisions.ts';
import { coveringEntry, type LicenceLike } from '#shared/domain/manifest/licence-cover.ts';

/** The last day an approval starting on `validFrom` may run: validFrom + 12 months − 1 day (the month's end when the day is missing). */
export function lastDayOfTerm(validFrom: string): string {
  const [y, m, d] = dateParts(validFrom);
  const daysInMonth = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  const anniversary = new Date(Date.UTC(y + 1, m - 1, Math.min(d, daysInMonth))).toISOString().slice(0, 10);
  return addDays(anniversary, -1);
}

/** A regulator whose jurisdiction covers the whole of the generator's province (or nationwide; admins). */
export function mayIssue(actor: Actor, generatorDivision: string): boolean {
  return covers(actor, provinceOf(generatorDivision));
}

/** A regulator covering either party (its county, city or province), or a member of either party, reads an approval. */
export function mayRead(
  actor: Actor,
  approval: { generatorDivisionCode: string; receiverDivisionCode: string },
  memberOfEither: boolean,
): boolean {
  return (
    memberOfEither || covers(actor, approval.generatorDivisionCode) || covers(actor, approval.receiverDivisionCode)
  );
}

export interface ApprovalTerms {
  generatorDivision: string;
  receiverDivision: string;
  codes: string[];
  validFrom: string;
  validTo: string;
}

const medicalCategoryOf = (code: string) =>
  (Object.keys(MEDICAL_CATEGORIES) as MedicalCategory[]).find((c) => MEDICAL_CATEGORIES[c] === code);

/** The last day the receiver's verified licences cover a code (by code, category or medical alternate); undefined: none does. */
export function licensedUntil(licences: readonly LicenceLike[], wasteCode: string): string | undefined {
  const line = { wasteCode, medicalCategory: medicalCategoryOf(wasteCode) };
  const ends = licences.filter((l) => coveringEntry([l], line, l.validTo)).map((l) => l.validTo);
  return ends.sort().at(-1);
}

/** Different provinces (400 on receiverId), at most 12 months (400 on validTo), never past the receiver's licence (422 LICENCE_MISSING). */
export function checkApprovalTerms(terms: ApprovalTerms, receiverLicences: readonly LicenceLike[]): void {
  if (provinceOf(terms.generatorDivision) === provinceOf(terms.receiverDivision)) {
    throw validationFailed('Generator and receiver lie in the same province: no cross-province approval is needed', [
      { path: 'receiverId', message: 'must lie in another province than the generator' },
    ]);
  }
  const last = lastDayOfTerm(terms.validFrom);
  if (terms.validTo > last) {
    throw validationFailed(`An approval lasts at most 12 months: from ${terms.validFrom} until ${last} at the latest`, [
      { path: 'validTo', message: `at most ${last}` },
    ]);
  }
  terms.codes.forEach((code, i) => {
    const until = licensedUntil(receiverLicences, code);
    if (!until || until < terms.validTo) {
      throw new AppError(
        'LICENCE_MISSING',
        until
          ? `The receiver's licence for ${code} ends on ${until}, before ${terms.validTo}`
          : `No verified licence of the receiver covers ${code}`,
        [
          {
            path: `wasteCodes.${i}.code`,
            message: until ? `licensed until ${until}` : 'not covered by the receiver’s licences',
          },
        ],
      );
    }
  });
}

export interface AmendableTerms {
  validFrom: string;
  validTo: string;
  wasteCodes: readonly { code: string; maxGrams: number; usedGrams: number }[];
}

/** Rule 31: an amendment only narrows (a later start, an earlier end, fewer kilograms of codes it lists; a new code is
 *  a new application → 422 AMENDMENT_NOT_DOWNWARD), never below what was consumed (422 APPROVAL_EXCEEDED), and its
 *  period stays possible (400). Returns the new terms. */
export function amendedTerms(
  current: AmendableTerms,
  change: {
    validFrom?: string | undefined;
    validTo?: string | undefined;
    wasteCodes?: readonly { code: string; maxGrams: number }[] | undefined;
  },
): AmendableTerms {
  const validFrom = change.validFrom ?? current.validFrom;
  const validTo = change.validTo ?? current.validTo;
  if (validTo < validFrom)
    throw validationFailed('The amended period ends before it starts', [
      { path: change.validTo ? 'validTo' : 'validFrom', message: `validFrom ${validFrom} is after validTo ${validTo}` },
    ]);
  const upward = (path: string, message: string) =>
    new AppError('AMENDMENT_NOT_DOWNWARD', `An amendment only narrows an approval: ${message}`, [{ path, message }]);
  if (validFrom < current.validFrom) throw upward('validFrom', `starts before ${current.validFrom}`);
  if (validTo > current.validTo) throw upward('validTo', `ends after ${current.validTo}`);
  const wasteCodes = current.wasteCodes.map((w) => ({ ...w }));
  (change.wasteCodes ?? []).forEach((c, i) => {
    const w = wasteCodes.find((x) => x.code === c.code);
    if (!w)
      throw upward(`wasteCodes.${i}.code`, `${c.code} is not approved (a new waste type needs a new application)`);
    if (c.maxGrams > w.maxGrams)
      throw upward(`wasteCodes.${i}.maxKg`, `more than the ${w.maxGrams / 1000} kg approved`);
    if (c.maxGrams < w.usedGrams) {
      throw new AppError(
        'APPROVAL_EXCEEDED',
        `${w.usedGrams / 1000} kg of ${c.code} have already been dispatched under this approval`,
        [{ path: `wasteCodes.${i}.maxKg`, message: `at least ${w.usedGrams / 1000}` }],
      );
    }
    w.maxGrams = c.maxGrams;
  });
  return { validFrom, validTo, wasteCodes };
}

/** The two ends of a cross-province transfer as approvals and applications record them: ids, provinces, counties. */
export function transferEnds(
  generator: { id: string; divisionCode: string },
  receiver: { id: string; divisionCode: string },
) {
  return {
    generatorId: generator.id,
    receiverId: receiver.id,
    generatorProvince: provinceOf(generator.divisionCode),
    receiverProvince: provinceOf(receiver.divisionCode),
    generatorDivisionCode: generator.divisionCode,
    receiverDivisionCode: receiver.divisionCode,
  };
}
