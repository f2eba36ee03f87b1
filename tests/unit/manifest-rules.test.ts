import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyReceipt, quantityDiffers } from '#shared/domain/manifest/receipt.ts';
import { manifestNumber } from '#shared/domain/manifest/manifest-number.ts';
import { coveringEntry, capacityLimitGrams } from '#shared/domain/manifest/licence-cover.ts';
import {
  dispatchChecks,
  medicalCategoryFindings,
  type DispatchContext,
} from '#shared/domain/manifest/dispatch-rules.ts';
import { replacementLines } from '#shared/domain/manifest/replacement.ts';
import type { ManifestLine } from '#shared/domain/manifest/manifest.ts';
import { first, present } from '../support/present.ts';

const line = (over: Partial<ManifestLine> = {}): ManifestLine => ({
  lineNo: 1,
  wasteCode: '900-041-49',
  name: 'x',
  physicalForm: 'solid',
  hazards: ['T'],
  packaging: 'drum',
  containerCount: 2,
  grams: 100_000,
  ...over,
});
const licence = (codes: { code: string; annualCapacityGrams: number }[], over = {}) => ({
  id: 'L1',
  type: 'hazardous-waste',
  operations: ['dispose'],
  wasteCodes: codes,
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  status: 'verified',
  ...over,
});

function context(over: Partial<DispatchContext> = {}, lines = [line()]): DispatchContext {
  const party = (id: string, divisionCode = '140105', kinds = ['generator']) =>
    [id, { id, status: 'active', kinds, divisionCode }] as const;
  return {
    draft: { generatorId: 'g', receiverId: 'r', transporterIds: ['c'], lines },
    day: '2026-06-01',
    year: 2026,
    parties: new Map([party('g'), party('r', '141102'), party('c')]),
    licences: new Map([
      ['r', [licence([{ code: 'HW49', annualCapacityGrams: 1_000_000 }])]],
      ['c', [licence([], { type: 'transport', operations: [] })]],
    ]),
    plan: new Set(['900-041-49']),
    onHandGrams: new Map([['900-041-49', 500_000]]),
    committedGrams: new Map(),
    sourceBalances: new Map(),
    ...over,
  };
}
const codes = (ctx: DispatchContext) => dispatchChecks(ctx).errors.map((e) => e.code);

describe('receipt', () => {
  it('accepts received − rejected on every line', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (a, b) => {
        const [received, rejected] = a >= b ? [a, b] : [b, a];
        const { lines } = applyReceipt({ lines: [line()] }, [
          { lineNo: 1, receivedGrams: received, rejectedGrams: rejected, containerCount: 2 },
        ]);
        expect(present(first(lines).receipt, 'receipt').acceptedGrams).toBe(received - rejected);
      }),
    );
  });

  it('flags a discrepancy only past 10% off, on another container count, or different waste', () => {
    expect(quantityDiffers(100_000, 110_000)).toBe(false);
    expect(quantityDiffers(100_000, 110_001)).toBe(true);
    expect(quantityDiffers(100_000, 89_999)).toBe(true);
    const { discrepancy } = applyReceipt({ lines: [line(), line({ lineNo: 2 })] }, [
      { lineNo: 1, receivedGrams: 100_000, containerCount: 3 },
      { lineNo: 2, receivedGrams: 100_000, containerCount: 2, differentWaste: true },
    ]);
    expect(discrepancy).toEqual({
      status: 'open',
      lines: [
        { lineNo: 1, reasons: ['containers'] },
        { lineNo: 2, reasons: ['different-waste'] },
      ],
    });
    expect(
      applyReceipt({ lines: [line()] }, [{ lineNo: 1, receivedGrams: 95_000, containerCount: 2 }]).discrepancy,
    ).toBeNull();
  });

  it('refuses a receipt that skips a line or rejects more than arrived', () => {
    expect(() =>
      applyReceipt({ lines: [line(), line({ lineNo: 2 })] }, [{ lineNo: 1, receivedGrams: 1, containerCount: 2 }]),
    ).toThrow(/every line/);
    expect(() =>
      applyReceipt({ lines: [line()] }, [{ lineNo: 1, receivedGrams: 1, rejectedGrams: 2, containerCount: 2 }]),
    ).toThrow();
  });

  it('puts refused kilograms on replacement lines sourced from the refused lines', () => {
    const { lines } = applyReceipt({ lines: [line(), line({ lineNo: 2 })] }, [
      { lineNo: 1, receivedGrams: 100_000, containerCount: 2 },
      { lineNo: 2, receivedGrams: 100_000, rejectedGrams: 40_000, containerCount: 2 },
    ]);
    expect(replacementLines('m1', lines)).toMatchObject([
      { lineNo: 1, grams: 40_000, sources: [{ manifestId: 'm1', lineNo: 2, grams: 40_000, portion: 'rejected' }] },
    ]);
  });
});

describe('manifest number', () => {
  it('is year + province + city + a 6-digit serial', () => {
    expect(manifestNumber(2026, '140105', 7)).toBe('20261401000007');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), (s) => {
        expect(manifestNumber(2026, '141102', s)).toMatch(/^20261411\d{6}$/);
      }),
    );
    expect(() => manifestNumber(2026, '140105', 1_000_000)).toThrow();
  });
});

describe('licence cover', () => {
  it('lets pharmaceutical medical waste go to an HW03 licence and chemical to HW49, the rest only to HW01', () => {
    const hw03 = [licence([{ code: 'HW03', annualCapacityGrams: 1 }])];
    expect(
      coveringEntry(hw03, { wasteCode: '841-005-01', medicalCategory: 'pharmaceutical' }, '2026-06-01'),
    ).toBeDefined();
    expect(
      coveringEntry(hw03, { wasteCode: '841-001-01', medicalCategory: 'infectious' }, '2026-06-01'),
    ).toBeUndefined();
    const hw49 = [licence([{ code: '900-041-49', annualCapacityGrams: 1 }])];
    expect(coveringEntry(hw49, { wasteCode: '841-004-01', medicalCategory: 'chemical' }, '2026-06-01')).toBeDefined();
  });

  it('counts only verified licences valid on the day', () => {
    const l = licence([{ code: 'HW49', annualCapacityGrams: 1 }]);
    expect(coveringEntry([l], line(), '2027-01-01')).toBeUndefined();
    expect(coveringEntry([{ ...l, status: 'revoked' }], line(), '2026-06-01')).toBeUndefined();
    expect(coveringEntry([l], line(), '2026-12-31')).toMatchObject({ licenceId: 'L1', entryCode: 'HW49' });
  });
});

describe('dispatch checks', () => {
  it('passes a well-formed same-province dispatch and says what it takes', () => {
    const { errors, take } = dispatchChecks(context());
    expect(errors).toEqual([]);
    expect(take.capacity).toEqual([
      { licenceId: 'L1', entryCode: 'HW49', limitGrams: 1_200_000, grams: 100_000, lineNos: [1] },
    ]);
    expect(take.stock).toEqual([{ wasteCode: '900-041-49', grams: 100_000 }]);
  });

  it('refuses past 120% of annual capacity, never at it', () => {
    expect(capacityLimitGrams(1_000_000)).toBe(1_200_000);
    expect(codes(context({ committedGrams: new Map([['L1|HW49', 1_100_000]]) }))).toEqual([]);
    expect(codes(context({ committedGrams: new Map([['L1|HW49', 1_100_001]]) }))).toEqual(['CAPACITY_EXCEEDED']);
  });

  it('names each refusal', () => {
    expect(codes(context({ plan: undefined }))).toEqual(['PLAN_MISSING']);
    expect(codes(context({ onHandGrams: new Map() }))).toEqual(['INSUFFICIENT_STOCK']);
    expect(codes(context({ licences: new Map() }))).toEqual(['LICENCE_MISSING', 'LICENCE_MISSING']);
    const suspended = new Map(context().parties);
    suspended.set('r', { ...suspended.get('r')!, status: 'suspended' });
    expect(codes(context({ parties: suspended }))).toEqual(['PARTY_NOT_ACTIVE']);
  });

  it('requires an approval across provinces, with kilograms left', () => {
    const far = new Map(context().parties);
    far.set('r', { ...far.get('r')!, divisionCode: '110101' });
    expect(codes(context({ parties: far }))).toEqual(['APPROVAL_REQUIRED']);
    const approval = {
      id: 'a',
      generatorId: 'g',
      receiverId: 'r',
      wasteCodes: [{ code: '900-041-49', maxGrams: 150_000, usedGrams: 60_000 }],
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
    };
    const ctx = context({ parties: far, approval });
    ctx.draft.approvalId = 'a';
    expect(codes(ctx)).toEqual(['APPROVAL_EXCEEDED']);
    expect(
      codes({ ...ctx, approval: { ...approval, wasteCodes: [{ ...first(approval.wasteCodes), usedGrams: 50_000 }] } }),
    ).toEqual([]);
    expect(codes({ ...ctx, draft: { ...ctx.draft, returnToOrigin: true } })).toEqual([]);
  });

  it('lets only medical parties, collectors shipping on, or replacements dispatch HW01 with its category', () => {
    const medical = line({ wasteCode: '841-001-01', medicalCategory: 'infectious' });
    expect(
      medicalCategoryFindings([line({ wasteCode: '841-001-01', medicalCategory: 'sharps' })]).map((f) => f.code),
    ).toEqual(['MEDICAL_CATEGORY_MISMATCH']);
    expect(medicalCategoryFindings([line({ medicalCategory: 'sharps' })])).toHaveLength(1);
    const ctx = context({ plan: new Set(['841-001-01']), onHandGrams: new Map([['841-001-01', 100_000]]) }, [medical]);
    ctx.licences = new Map([...ctx.licences, ['r', [licence([{ code: 'HW01', annualCapacityGrams: 1_000_000 }])]]]);
    expect(codes(ctx)).toEqual(['MEDICAL_GENERATOR_REQUIRED']);
    const clinic = new Map(ctx.parties);
    clinic.set('g', { ...clinic.get('g')!, kinds: ['generator', 'medical'] });
    expect(codes({ ...ctx, parties: clinic })).toEqual([]);
  });

  it('draws sources only from lines this generator received, within their kilograms', () => {
    const shippedOn = line({ sources: [{ manifestId: 'm0', lineNo: 1, grams: 100_000, portion: 'accepted' }] });
    const balance = {
      holderId: 'g',
      wasteCode: '900-041-49',
      availableAcceptedGrams: 100_000,
      availableRejectedGrams: 0,
    };
    expect(codes(context({ sourceBalances: new Map([['m0|1', balance]]) }, [shippedOn]))).toEqual([]);
    expect(
      codes(
        context({ sourceBalances: new Map([['m0|1', { ...balance, availableAcceptedGrams: 99_999 }]]) }, [shippedOn]),
      ),
    ).toEqual(['SOURCE_EXCEEDED']);
    expect(codes(context({ sourceBalances: new Map([['m0|1', { ...balance, holderId: 'x' }]]) }, [shippedOn]))).toEqual(
      ['SOURCE_EXCEEDED'],
    );
  });
});
