// The ledger (台账, HJ 1259-2022): entry kinds, batch codes, medical categories and operation kinds (domain.md rules 8, 22).
import { AppError, validationFailed } from '#shared/errors.ts';
// Reference data is bundled and served from memory, so reading it keeps these rules pure.
import { isWasteCode, operations, type MedicalCategory, type Operation } from '#shared/reference/catalogue.ts';
import { medicalCategoryFindings } from '#shared/domain/manifest/dispatch-rules.ts';
import { defined } from '#shared/defined.ts';

export const LEDGER_KINDS = ['generated', 'self-utilised', 'self-disposed', 'pending-identification'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** Waste pending identification (待鉴别, rule 29) is held in stock under this code, which no manifest line can name. */
export const PENDING_CODE = 'pending';

/** The HJ 1259 stage code of a batch code: 产生 CS, 自行利用 LY, 自行处置 CZ; pending identification 待鉴别 DJ (our choice). */
const STAGE: Record<LedgerKind, string> = {
  generated: 'CS',
  'self-utilised': 'LY',
  'self-disposed': 'CZ',
  'pending-identification': 'DJ',
};

/** HW + stage + the local date (YYYYMMDD) + a serial per party and day, at least 3 digits (HWCS20260315001). */
export function batchCode(kind: LedgerKind, localDay: string, serial: number): string {
  return `HW${STAGE[kind]}${localDay.replaceAll('-', '')}${String(serial).padStart(3, '0')}`;
}

/** The operation kind a self-treatment entry needs: utilise ↔ utilisation, dispose ↔ disposal. */
const OPERATION_KIND: Record<Exclude<LedgerKind, 'generated' | 'pending-identification'>, Operation['kind']> = {
  'self-utilised': 'utilisation',
  'self-disposed': 'disposal',
};

/** Rule 22's category half, the same check a manifest line gets. */
export function checkMedicalCategory(wasteCode: string, medicalCategory: MedicalCategory | undefined): void {
  const [finding] = medicalCategoryFindings([{ wasteCode, ...defined({ medicalCategory }) }]);
  if (finding)
    throw new AppError(finding.code, finding.message, [{ path: 'medicalCategory', message: finding.message }]);
}

export function requireWasteCode(wasteCode: string, path = 'wasteCode'): void {
  if (!isWasteCode(wasteCode)) {
    throw new AppError('UNKNOWN_WASTE_CODE', `${wasteCode} is not in the 2021 national catalogue`, [
      { path, message: 'not in the catalogue' },
    ]);
  }
}

export interface LedgerEntryInput {
  kind: LedgerKind;
  wasteCode?: string | undefined;
  at: Date;
  medicalCategory?: MedicalCategory | undefined;
  operationCode?: string | undefined;
  name?: string | undefined;
  process?: string | undefined;
}

/** Rule 29: a name and the process that produced it, and nothing that presumes what the waste is. */
function checkPendingEntry(input: LedgerEntryInput): void {
  const missing = (['name', 'process'] as const)
    .filter((f) => !input[f])
    .map((f) => ({ path: f, message: 'required for waste pending identification' }));
  const presumed = (['wasteCode', 'medicalCategory', 'operationCode'] as const)
    .filter((f) => input[f] !== undefined)
    .map((f) => ({
      path: f,
      message: 'not for waste pending identification: its code comes with the identification result',
    }));
  if (missing.length || presumed.length)
    throw validationFailed('An entry pending identification has a name and a process, and no waste code', [
      ...missing,
      ...presumed,
    ]);
}

/** Checks a new entry against the rules that need no stored data; `now` is the request's time. Returns the waste code
 *  whose stock the entry moves (PENDING_CODE while pending identification). */
export function checkLedgerEntry(input: LedgerEntryInput, now: Date): string {
  if (input.at.getTime() > now.getTime()) {
    throw validationFailed('`at` lies in the future', [
      { path: 'at', message: 'may be in the past, never in the future' },
    ]);
  }
  if (input.kind === 'pending-identification') {
    checkPendingEntry(input);
    return PENDING_CODE;
  }
  const extra = (['name', 'process'] as const).filter((f) => input[f] !== undefined);
  if (extra.length)
    throw validationFailed(
      'Only an entry pending identification takes a name and a process',
      extra.map((f) => ({ path: f, message: 'only for kind pending-identification' })),
    );
  if (input.wasteCode === undefined)
    throw validationFailed('A waste code is required', [
      { path: 'wasteCode', message: 'required (except for kind pending-identification)' },
    ]);
  requireWasteCode(input.wasteCode);
  if (input.kind === 'generated') {
    if (input.operationCode) {
      throw validationFailed('A generated entry takes no operation code', [
        { path: 'operationCode', message: 'only for self-utilised or self-disposed entries' },
      ]);
    }
  } else {
    const wanted = OPERATION_KIND[input.kind];
    const operation = input.operationCode ? operations().get(input.operationCode) : undefined;
    if (!operation || operation.kind !== wanted) {
      throw validationFailed(`A ${input.kind} entry needs an operation code of kind ${wanted}`, [
        { path: 'operationCode', message: `an operation code of kind ${wanted}` },
      ]);
    }
  }
  checkMedicalCategory(input.wasteCode, input.medicalCategory);
  return input.wasteCode;
}

/** The identification result (rule 29): hazardous with a code the API accepts anywhere, or not hazardous with its report. */
export type Identification =
  | { result: 'hazardous'; wasteCode: string; reportNumber?: string | undefined }
  | { result: 'not-hazardous'; reportNumber: string; issuedBy: string };

export function checkIdentification(input: Identification): void {
  if (input.result === 'hazardous') requireWasteCode(input.wasteCode);
}
