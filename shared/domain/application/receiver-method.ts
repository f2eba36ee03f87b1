// The method applied for must be an operation the receiver's licence allows for each code (api.md "Applications").
import { AppError } from '#shared/errors.ts';
import { coveringEntry, type LicenceLike } from '#shared/domain/manifest/licence-cover.ts';

/** 422 LICENCE_MISSING on the code no licence covers, or on `method` when the covering licences lack that operation. */
export function checkReceiverMethod(
  licences: readonly LicenceLike[],
  codes: readonly string[],
  method: string,
  day: string,
): void {
  const withMethod = licences.filter((l) => l.operations.includes(method));
  codes.forEach((code, i) => {
    if (coveringEntry(withMethod, { wasteCode: code }, day)) return;
    const covered = coveringEntry(licences, { wasteCode: code }, day);
    throw new AppError(
      'LICENCE_MISSING',
      covered
        ? `The receiver's licence for ${code} does not allow ${method}`
        : `No verified licence of the receiver valid today covers ${code}`,
      [
        covered
          ? { path: 'method', message: `not an operation the receiver’s licence allows for ${code}` }
          : { path: `wasteCodes.${i}.code`, message: 'not covered by the receiver’s licences' },
      ],
    );
  });
}
