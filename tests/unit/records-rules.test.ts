import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actorOf } from '#shared/domain/jurisdiction.ts';
import { addDays } from '#shared/domain/calendar.ts';
import { checkApprovalTerms, lastDayOfTerm, licensedUntil, mayIssue } from '#shared/domain/approval-rules.ts';
import { batchCode, checkLedgerEntry } from '#shared/domain/ledger-rules.ts';
import { checkPlanItems, filingNumber } from '#shared/domain/plan-rules.ts';

const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
};

describe('batch codes and filing numbers', () => {
  it('batch codes carry the stage, the local day and a serial of at least 3 digits', () => {
    expect(batchCode('generated', '2026-03-15', 1)).toBe('HWCS20260315001');
    expect(batchCode('self-utilised', '2026-03-15', 42)).toBe('HWLY20260315042');
    expect(batchCode('self-disposed', '2026-12-31', 1234)).toBe('HWCZ202612311234');
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 999 }), (d, n) =>
        /^HWCS\d{8}\d{3}$/.test(batchCode('generated', d, n)),
      ),
    );
  });

  it('filing numbers are JH, the year, the county and a 5-digit serial', () => {
    expect(filingNumber(2026, '140105', 7)).toBe('JH202614010500007');
  });
});

describe('the 12-month term of an approval', () => {
  it('ends 12 months less a day after it starts', () => {
    expect(lastDayOfTerm('2026-03-15')).toBe('2027-03-14');
    expect(lastDayOfTerm('2026-01-01')).toBe('2026-12-31');
    expect(lastDayOfTerm('2028-02-29')).toBe('2029-02-27');
  });

  it('always lasts between 364 and 365 days after its first day', () => {
    fc.assert(
      fc.property(day, (from) => {
        const last = lastDayOfTerm(from);
        return (
          last >= addDays(from, 363) &&
          last <= addDays(from, 365) &&
          addDays(last, 1).slice(0, 4) === String(Number(from.slice(0, 4)) + 1)
        );
      }),
    );
  });

  it('only a regulator of the generator’s whole province (or nationwide) issues approvals', () => {
    expect(mayIssue(actorOf({ sub: 'a', groups: ['regulator'], jurisdiction: '14' }), '140105')).toBe(true);
    expect(mayIssue(actorOf({ sub: 'a', groups: ['regulator'], jurisdiction: '00' }), '140105')).toBe(true);
    expect(mayIssue(actorOf({ sub: 'a', groups: ['admin'] }), '140105')).toBe(true);
    expect(mayIssue(actorOf({ sub: 'a', groups: ['regulator'], jurisdiction: '1401' }), '140105')).toBe(false);
    expect(mayIssue(actorOf({ sub: 'a', groups: ['regulator'], jurisdiction: '32' }), '140105')).toBe(false);
    expect(mayIssue(actorOf({ sub: 'a', groups: ['enterprise'] }), '140105')).toBe(false);
  });
});

const licence = (overrides: Record<string, unknown> = {}) => ({
  id: 'l1',
  type: 'hazardous-waste',
  operations: ['dispose'],
  wasteCodes: [{ code: 'HW49', annualCapacityGrams: 1 }],
  validFrom: '2020-01-01',
  validTo: '2027-06-30',
  status: 'verified',
  ...overrides,
});

describe('the receiver’s licence bounds an approval', () => {
  it('counts verified waste licences covering the code by code, category or medical alternate', () => {
    expect(licensedUntil([licence(), licence({ validTo: '2029-01-01' })], '900-041-49')).toBe('2029-01-01');
    expect(
      licensedUntil(
        [licence({ status: 'pending', validTo: '2030-01-01' }), licence({ status: 'revoked' })],
        '900-041-49',
      ),
    ).toBeUndefined();
    expect(licensedUntil([licence({ type: 'transport', operations: [] })], '900-041-49')).toBeUndefined();
    expect(
      licensedUntil([licence({ wasteCodes: [{ code: '900-041-49', annualCapacityGrams: 1 }] })], '900-041-49'),
    ).toBe('2027-06-30');
    expect(licensedUntil([licence()], '841-004-01')).toBe('2027-06-30'); // chemical medical waste may go to an HW49 licence
    expect(licensedUntil([licence()], '841-001-01')).toBeUndefined();
  });

  it('refuses the same province, a term past 12 months, and a term past the licence, in that order', () => {
    const terms = {
      generatorDivision: '140105',
      receiverDivision: '320102',
      codes: ['900-041-49'],
      validFrom: '2026-07-01',
      validTo: '2027-06-30',
    };
    expect(codeOf(() => checkApprovalTerms(terms, [licence()]))).toBeUndefined();
    expect(codeOf(() => checkApprovalTerms({ ...terms, receiverDivision: '141102' }, [licence()]))).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      codeOf(() => checkApprovalTerms({ ...terms, validTo: '2027-07-01' }, [licence({ validTo: '2030-01-01' })])),
    ).toBe('VALIDATION_FAILED');
    expect(
      codeOf(() => checkApprovalTerms({ ...terms, validFrom: '2026-08-01', validTo: '2027-07-01' }, [licence()])),
    ).toBe('LICENCE_MISSING');
  });
});

describe('ledger entry rules', () => {
  const now = new Date('2026-03-15T12:00:00Z');
  const entry = { kind: 'generated' as const, wasteCode: '900-041-49', at: new Date('2026-03-15T11:00:00Z') };

  it('accepts any instant up to now and refuses any later one', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10 * 365 * 86_400_000, max: 10 * 365 * 86_400_000 }), (offset) => {
        const code = codeOf(() => checkLedgerEntry({ ...entry, at: new Date(now.getTime() + offset) }, now));
        return offset > 0 ? code === 'VALIDATION_FAILED' : code === undefined;
      }),
    );
  });

  it('matches the operation kind to the entry kind', () => {
    expect(
      codeOf(() => checkLedgerEntry({ ...entry, kind: 'self-utilised', operationCode: 'R4' }, now)),
    ).toBeUndefined();
    expect(
      codeOf(() => checkLedgerEntry({ ...entry, kind: 'self-disposed', operationCode: 'D10' }, now)),
    ).toBeUndefined();
    expect(codeOf(() => checkLedgerEntry({ ...entry, kind: 'self-utilised', operationCode: 'D10' }, now))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(() => checkLedgerEntry({ ...entry, kind: 'self-disposed', operationCode: 'X9' }, now))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(() => checkLedgerEntry({ ...entry, operationCode: 'R4' }, now))).toBe('VALIDATION_FAILED');
  });

  it('refuses codes outside the catalogue, and medical categories that do not match', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^9[5-9]\d-\d{3}-\d{2}$/),
        (code) => codeOf(() => checkLedgerEntry({ ...entry, wasteCode: code }, now)) === 'UNKNOWN_WASTE_CODE',
      ),
    );
    expect(
      codeOf(() => checkLedgerEntry({ ...entry, wasteCode: '841-003-01', medicalCategory: 'pathological' }, now)),
    ).toBeUndefined();
    expect(codeOf(() => checkLedgerEntry({ ...entry, wasteCode: '841-003-01', medicalCategory: 'sharps' }, now))).toBe(
      'MEDICAL_CATEGORY_MISMATCH',
    );
  });

  it('plan items name each catalogue code once', () => {
    expect(codeOf(() => checkPlanItems([{ wasteCode: '900-041-49' }, { wasteCode: '900-039-49' }]))).toBeUndefined();
    expect(codeOf(() => checkPlanItems([{ wasteCode: '900-041-49' }, { wasteCode: '900-041-49' }]))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(() => checkPlanItems([{ wasteCode: '999-041-49' }]))).toBe('UNKNOWN_WASTE_CODE');
  });
});
